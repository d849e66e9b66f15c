//! The one error shape that crosses IPC: `{code, message, fields}`. The code is stable for
//! the UI to match; the message is a sentence in the user's language; `fields` carries
//! per-field findings for forms.

use serde::Serialize;
use ts_rs::TS;
use zayava_core::i18n::{fill, Lang, Text};
use zayava_core::deadlines::QueryError;
use zayava_core::validation::{localize_all, FieldError, IssueCode};
use zayava_store::StoreError;

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

const INVALID: Text = Text::new("Проверьте выделенные поля.", "Please check the highlighted fields.");
const BAD_INPUT: Text = Text::new("Значение не подходит; ничего не изменено.", "This value does not fit; nothing was changed.");
const NO_DATA_DIR: Text = Text::new(
    "Не удалось определить папку данных программы в этой системе, поэтому резервные копии недоступны.",
    "The program's data folder could not be found on this system, so backups are not available.",
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

impl IpcError {
    /// No data folder on this system (backups and restore need one).
    pub fn no_data_dir(lang: Lang) -> IpcError {
        IpcError { code: "store.no_data_dir".into(), message: NO_DATA_DIR.get(lang).to_string(), fields: vec![] }
    }

    /// «Start with a new database» asked for while the database is fine.
    pub fn not_damaged(lang: Lang) -> IpcError {
        IpcError { code: "store.not_damaged".into(), message: NOT_DAMAGED.get(lang).to_string(), fields: vec![] }
    }

    pub fn from_store(err: StoreError, lang: Lang) -> IpcError {
        let (message, fields) = match &err {
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
            StoreError::Lifecycle { message_ru, message_en, .. } => (
                match lang {
                    Lang::Ru => message_ru.clone(),
                    Lang::En => message_en.clone(),
                },
                vec![],
            ),
        };
        IpcError { code: err.code().to_string(), message, fields }
    }

    /// A sync error: its stable code and its sentence.
    pub fn from_sync(err: &zayava_sync::SyncError, lang: Lang) -> IpcError {
        match err {
            zayava_sync::SyncError::Store(e) => IpcError { code: e.code().to_string(), message: DATABASE.get(lang).to_string(), fields: vec![] },
            other => IpcError { code: other.code().to_string(), message: other.message(lang), fields: vec![] },
        }
    }

    /// The same error, shown next to one field of the form.
    pub fn on_field(mut self, field: &str) -> IpcError {
        self.fields = vec![FieldError { field: field.to_string(), code: IssueCode::Malformed, message: self.message.clone() }];
        self
    }

    /// A deadline query's error. Problems with one event or fact also name that field, so
    /// the calculator shows the message next to it.
    pub fn from_query(err: QueryError, lang: Lang) -> IpcError {
        let field = match &err {
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
        IpcError { code: format!("deadlines.{}", err.code()), message, fields }
    }

    /// A refusal of one field's value, with the sentence shown next to it.
    pub fn for_field(code: &str, field: &str, message: String) -> IpcError {
        IpcError {
            code: code.to_string(),
            fields: vec![FieldError { field: field.to_string(), code: IssueCode::Malformed, message: message.clone() }],
            message,
        }
    }

    pub fn out_of_range(date: chrono::NaiveDate, lang: Lang) -> IpcError {
        IpcError::from_query(QueryError::OutOfRange { date }, lang)
    }
}
