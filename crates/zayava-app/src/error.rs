//! What a use case can fail with, and the one place it is put into words. Use cases return
//! an `AppError` (the crates' own errors, unrendered); a face renders it once, in the user's
//! language as it is at that moment, into a `Problem` — `{code, message, fields}`, which
//! crosses IPC to the window and is printed by the terminal. The code is an `ErrorCode` (a
//! closed list, exported to TypeScript); the message is a sentence; `fields` carries
//! per-field findings for forms.

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;
use zayava_core::deadlines::QueryError;
use zayava_core::error_code::ErrorCode;
use zayava_core::i18n::{fill, Lang, Text};
use zayava_core::rules::Rulebook;
use zayava_core::validation::{localize_all, FieldError, IssueCode};
use zayava_store::StoreError;
use zayava_sync::SyncError;

/// An error as a user is told it (and as the page receives it, under the name `IpcError`).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(rename = "IpcError")]
pub struct Problem {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

/// What a use case failed with, not yet in words.
#[derive(Debug)]
pub enum AppError {
    Store(StoreError),
    Sync(SyncError),
    Query(QueryError),
    /// Found at start (the database would not open, or its check found damage): every
    /// use case answers with it until the user acts on the recovery screen.
    Standing(Arc<AppError>),
    /// The system names no folder for the program's data.
    NoDataDir,
    /// «Start with a new database» while the database is fine.
    NotDamaged,
    UnknownPdfKind(String),
    /// The schedule of every application asked for as another kind of document.
    AllIsASchedule,
    /// An application file that is not one (the detail names the file and the line).
    BadApplicationFile(String),
    /// The application's form version is not one this program has.
    UnknownForm(String),
    /// The PDF was written; the system would not open it.
    CannotOpen(String),
    BadWindow,
    /// Reminder lead times that are not numbers 0–60 (`term`: those before a contract's end).
    BadLeads { term: bool },
    /// A defect caught at the edge.
    Internal,
    /// The same failure, also shown next to one field of the form.
    OnField(Box<AppError>, &'static str),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        AppError::Store(e)
    }
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> AppError {
        AppError::Sync(e)
    }
}

impl From<QueryError> for AppError {
    fn from(e: QueryError) -> AppError {
        AppError::Query(e)
    }
}

impl AppError {
    pub fn on_field(self, field: &'static str) -> AppError {
        AppError::OnField(Box::new(self), field)
    }

    /// The code, without putting anything into words.
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Sync(e) => e.code(),
            AppError::Query(e) => e.code(),
            AppError::Standing(f) => f.code(),
            AppError::NoDataDir => ErrorCode::StoreNoDataDir,
            AppError::NotDamaged => ErrorCode::StoreNotDamaged,
            AppError::UnknownPdfKind(_) => ErrorCode::PrintUnknownKind,
            AppError::AllIsASchedule => ErrorCode::PrintAllIsASchedule,
            AppError::BadApplicationFile(_) => ErrorCode::ApplicationBadFile,
            AppError::UnknownForm(_) => ErrorCode::PrintUnknownForm,
            AppError::CannotOpen(_) => ErrorCode::PrintCannotOpen,
            AppError::BadWindow => ErrorCode::SettingsInvalidWindow,
            AppError::BadLeads { .. } => ErrorCode::SettingsInvalidLeads,
            AppError::Internal => ErrorCode::Internal,
            AppError::OnField(f, _) => f.code(),
        }
    }
}

const INVALID: Text = Text::new("Проверьте выделенные поля.", "Please check the highlighted fields.");
const BAD_INPUT: Text = Text::new("Значение не подходит; ничего не изменено.", "This value does not fit; nothing was changed.");
const NO_DATA_DIR: Text = Text::new(
    "Система не сообщила папку для данных программы, поэтому база данных и резервные копии недоступны. Задайте путь к базе в переменной окружения ZAYAVA_DB.",
    "The system names no folder for the program's data, so the database and backups are not available. Set the database's path in the ZAYAVA_DB environment variable.",
);
const NOT_DAMAGED: Text = Text::new(
    "База данных не повреждена: начинать с новой базы не нужно, ваши данные на месте.",
    "The database is not damaged: there is no need to start a new one, your data is in place.",
);
const NOT_FOUND: Text = Text::new("Запись не найдена — возможно, она была удалена.", "The record was not found; it may have been deleted.");
const DATABASE: Text = Text::new(
    "Не удалось сохранить или прочитать данные. Ничего не потеряно; попробуйте ещё раз.",
    "Could not save or read the data. Nothing was lost; please try again.",
);
const NOT_READY: Text = Text::new(
    "Заявку нельзя отметить готовой: предварительная проверка нашла основания для аннулирования.",
    "The application cannot be marked ready: the pre-flight check found grounds for annulment.",
);
const TOO_LARGE: Text = Text::new("Файл или данные больше допустимых {mb} МБ.", "The file or data is larger than the {mb} MB allowed.");
const FILE: Text = Text::new("Не удалось обработать файл: {detail}", "Could not process the file: {detail}");
const UNKNOWN_FORM: Text = Text::new("Неизвестная услуга или версия формы: {what}", "Unknown service or form version: {what}");
const NEWER: Text = Text::new(
    "Эта база данных создана более новой версией Заявы (версия схемы {found}, эта программа знает до {supported}). Установите новую версию программы. Файл не изменён.",
    "This database was made by a newer version of Zayava (schema {found}; this program knows up to {supported}). Please install the newer version. The file was not changed.",
);
const DAMAGED: Text = Text::new(
    "Файл базы данных повреждён ({detail}). Восстановите данные из резервной копии или начните с новой базы — повреждённый файл будет сохранён в папке резервных копий.",
    "The database file is damaged ({detail}). Restore the data from a backup, or start with a new database: the damaged file is kept in the backups folder.",
);
const NOT_A_BACKUP: Text = Text::new(
    "Файл «{file}» — не база данных Заявы и не её резервная копия. Ничего не изменено.",
    "«{file}» is not a Zayava database or backup. Nothing was changed.",
);
const IN_USE: Text = Text::new(
    "База данных уже открыта в другом окне Заявы. Закройте его и попробуйте снова.",
    "The database is already open in another Zayava window. Close it and try again.",
);
const DISK_FULL: Text = Text::new(
    "Диск заполнен: изменение не сохранено, прежние данные не тронуты. Освободите место на диске и повторите.",
    "The disk is full: the change was not saved and the earlier data is untouched. Free some space and try again.",
);
const SENT_LOCKED: Text = Text::new(
    "Заявка уже направлена Оператору, поэтому её форма закрыта для правки. Чтобы изменить её, нажмите «Изменить отправленную заявку».",
    "The application has been sent to the Operator, so its form is locked. To change it, press “Change the sent application”.",
);
const STARTUP: Text = Text::new("Не удалось открыть базу данных: {detail}", "Could not open the database: {detail}");

const INTERNAL: Text = Text::new(
    "Внутренняя ошибка Заявы: действие не выполнено. Данные не изменены; попробуйте ещё раз, а если повторится — сообщите разработчикам.",
    "Zayava hit an internal error: the action was not done. No data was changed; please try again, and tell the developers if it happens again.",
);
const UNKNOWN_PDF_KIND: Text = Text::new(
    "Такого документа для печати нет: «{kind}». Выберите заявку, пакет договора или график сроков.",
    "There is no such document to print: “{kind}”. Choose the application, the contract package or the schedule.",
);
const UNKNOWN_FORM_PRINT: Text = Text::new(
    "Заявка сохранена по версии формы «{version}», которой нет в этой программе, поэтому её нельзя напечатать. Установите новую версию Заявы.",
    "The application was saved under form version “{version}”, which this program does not have, so it cannot be printed. Please install the newer Zayava.",
);
const ALL_IS_A_SCHEDULE: Text = Text::new(
    "Для всех заявок сразу печатается только график сроков.",
    "For all applications at once, only the deadline schedule can be printed.",
);
const BAD_APPLICATION_FILE: Text = Text::new(
    "Файл заявки не читается: {detail}. Ожидается JSON вида {\"service\", \"organisation\", \"values\", \"events\"}.",
    "The application file cannot be read: {detail}. Expected JSON like {\"service\", \"organisation\", \"values\", \"events\"}.",
);
const CANNOT_OPEN: Text = Text::new(
    "Документ сохранён, но система не открыла его программой просмотра PDF ({detail}). Откройте его через «Сохранить как…».",
    "The document was written, but the system did not open it in a PDF viewer ({detail}). Use “Save as…” to keep it.",
);
const BAD_WINDOW: Text = Text::new(
    "Укажите часы поддержки как ЧЧ:ММ–ЧЧ:ММ, начало раньше конца (например, 08:00–19:00).",
    "Give the support hours as HH:MM–HH:MM with the start before the end (e.g. 08:00–19:00).",
);
const BAD_TERM_LEADS: Text = Text::new(
    "Укажите, за сколько рабочих дней до окончания договора напоминать, числами через запятую (от 0 до 60), например: 20, 10, 5, 1.",
    "Give how many working days before a contract ends to remind, as numbers separated by commas (0 to 60), e.g. 20, 10, 5, 1.",
);
const BAD_LEADS: Text = Text::new(
    "Укажите, за сколько рабочих дней напоминать, числами через запятую (от 0 до 60), например: 3, 1, 0.",
    "Give how many working days ahead to remind, as numbers separated by commas (0 to 60), e.g. 3, 1, 0.",
);

impl Problem {
    /// Puts a failure into words in `lang`: the one place this happens.
    pub fn render(failure: &AppError, lang: Lang) -> Problem {
        let plain = |text: Text| Problem { code: failure.code(), message: text.get(lang).to_string(), fields: vec![] };
        let filled = |text: Text, args: &[(&str, &str)]| Problem { code: failure.code(), message: fill(text.get(lang), args), fields: vec![] };
        let on_field = |text: Text, field: &str| {
            let message = text.get(lang).to_string();
            Problem { code: failure.code(), fields: vec![FieldError { field: field.to_string(), code: IssueCode::Malformed, message: message.clone() }], message }
        };
        match failure {
            AppError::Store(e) => Problem::from_store(e, lang),
            AppError::Sync(e) => Problem::from_sync(e, lang),
            AppError::Query(e) => Problem::from_query(e, lang),
            AppError::Standing(f) => Problem::render(f, lang),
            AppError::NoDataDir => plain(NO_DATA_DIR),
            AppError::NotDamaged => plain(NOT_DAMAGED),
            AppError::Internal => plain(INTERNAL),
            AppError::UnknownPdfKind(kind) => filled(UNKNOWN_PDF_KIND, &[("kind", kind)]),
            AppError::AllIsASchedule => plain(ALL_IS_A_SCHEDULE),
            AppError::BadApplicationFile(detail) => filled(BAD_APPLICATION_FILE, &[("detail", detail)]),
            AppError::UnknownForm(version) => filled(UNKNOWN_FORM_PRINT, &[("version", version)]),
            AppError::CannotOpen(detail) => filled(CANNOT_OPEN, &[("detail", detail)]),
            AppError::BadWindow => on_field(BAD_WINDOW, "working_window"),
            AppError::BadLeads { term: false } => on_field(BAD_LEADS, "reminder_leads"),
            AppError::BadLeads { term: true } => on_field(BAD_TERM_LEADS, "term_reminder_leads"),
            AppError::OnField(inner, field) => {
                let mut e = Problem::render(inner, lang);
                e.fields = vec![FieldError { field: field.to_string(), code: IssueCode::Malformed, message: e.message.clone() }];
                e
            }
        }
    }

    /// An internal error when the language cannot be known (it may be what failed): the
    /// sentence in both.
    pub fn internal_in_both() -> Problem {
        Problem { code: ErrorCode::Internal, message: format!("{} / {}", INTERNAL.get(Lang::Ru), INTERNAL.get(Lang::En)), fields: vec![] }
    }

    fn from_store(err: &StoreError, lang: Lang) -> Problem {
        let (message, fields) = match err {
            StoreError::Invalid(issues) => (INVALID.get(lang).to_string(), localize_all(issues, lang)),
            StoreError::NotFound { .. } => (NOT_FOUND.get(lang).to_string(), vec![]),
            StoreError::Directory { .. } | StoreError::Migrate(_) => {
                (fill(STARTUP.get(lang), &[("detail", &err.to_string())]), vec![])
            }
            StoreError::Sqlx(e) if zayava_store::is_disk_full(e) => (DISK_FULL.get(lang).to_string(), vec![]),
            // Damage met by any query, not only by the check at start: the recovery screen.
            StoreError::Sqlx(e) if zayava_store::is_corrupt(e) => (fill(DAMAGED.get(lang), &[("detail", &e.to_string())]), vec![]),
            StoreError::Sqlx(_) | StoreError::Corrupt(_) => (DATABASE.get(lang).to_string(), vec![]),
            StoreError::BadInput { field, .. } => (
                INVALID.get(lang).to_string(),
                vec![FieldError { field: field.clone(), code: IssueCode::Malformed, message: BAD_INPUT.get(lang).to_string() }],
            ),
            StoreError::NewerVersion { found, supported } => (fill(NEWER.get(lang), &[("found", &found.to_string()), ("supported", &supported.to_string())]), vec![]),
            StoreError::Damaged(detail) => (fill(DAMAGED.get(lang), &[("detail", detail)]), vec![]),
            StoreError::InUse => (IN_USE.get(lang).to_string(), vec![]),
            StoreError::SentLocked => (SENT_LOCKED.get(lang).to_string(), vec![]),
            StoreError::NotABackup(file) => (fill(NOT_A_BACKUP.get(lang), &[("file", file)]), vec![]),
            StoreError::Transfers(e) => (e.message(lang), vec![]),
            StoreError::NotReady(findings) => (
                NOT_READY.get(lang).to_string(),
                findings
                    .iter()
                    .map(|f| FieldError { field: f.field.clone().unwrap_or_default(), code: IssueCode::Malformed, message: f.message.clone() })
                    .collect(),
            ),
            StoreError::TooLarge { limit } => (fill(TOO_LARGE.get(lang), &[("mb", &(limit / (1024 * 1024)).max(1).to_string())]), vec![]),
            StoreError::File(detail) | StoreError::Import(detail) => (fill(FILE.get(lang), &[("detail", detail)]), vec![]),
            StoreError::UnknownService(s) | StoreError::UnknownSchema(s) => (fill(UNKNOWN_FORM.get(lang), &[("what", s)]), vec![]),
            StoreError::Lifecycle { service, error } => (error.message(Rulebook::shared(), service, lang), vec![]),
        };
        Problem { code: err.code(), message, fields }
    }

    /// A sync error: a failed write or read of the database in the store's words, the rest
    /// in sync's own.
    pub fn from_sync(err: &SyncError, lang: Lang) -> Problem {
        match err {
            SyncError::Store(e) => Problem::from_store(e, lang),
            other => Problem { code: other.code(), message: other.message(lang), fields: vec![] },
        }
    }

    /// A deadline query's error. Problems with one event or fact also name that field, so
    /// the calculator shows the message next to it.
    fn from_query(err: &QueryError, lang: Lang) -> Problem {
        let field = match err {
            QueryError::UnknownEvent { event, .. }
            | QueryError::MalformedMoment { event, .. }
            | QueryError::ImpossibleDate { event, .. }
            | QueryError::NeedsTime { event, .. }
            | QueryError::DuplicateEvent { event } => Some(event.clone()),
            QueryError::UnknownFact { fact, .. } | QueryError::InvalidFact { fact, .. } => Some(fact.clone()),
            _ => None,
        };
        let message = err.message(lang);
        let fields = field.map(|field| FieldError { field, code: IssueCode::Malformed, message: message.clone() }).into_iter().collect();
        Problem { code: err.code(), message, fields }
    }
}
