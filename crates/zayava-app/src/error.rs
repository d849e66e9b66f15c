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
use zayava_core::i18n::{Lang, Text};
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
    /// The spreadsheet library refused the workbook (a defect: the detail is for the log).
    Spreadsheet(String),
    BadWindow,
    /// The draft was written; the system would not open it in a mail program.
    CannotOpenMail(String),
    /// No inbox for this letter in the seeds: the user sends it another way.
    NoInbox,
    /// A draft's attachments over the limit, in MB.
    MailTooLarge { mb: usize },
    /// Reminder lead times that are not numbers 0–60 (`term`: those before a contract's end).
    BadLeads { term: bool },
    /// A new application with no organisation chosen.
    NoOrganisation,
    /// The server says this user reads the account's work only (`account`: its name).
    ReadOnly { account: String },
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
            AppError::Spreadsheet(_) => ErrorCode::ExportSpreadsheet,
            AppError::BadWindow => ErrorCode::SettingsInvalidWindow,
            AppError::NoInbox => ErrorCode::MailNoInbox,
            AppError::CannotOpenMail(_) => ErrorCode::MailCannotOpen,
            AppError::MailTooLarge { .. } => ErrorCode::MailTooLarge,
            AppError::BadLeads { .. } => ErrorCode::SettingsInvalidLeads,
            AppError::NoOrganisation => ErrorCode::ApplicationNoOrganisation,
            AppError::ReadOnly { .. } => ErrorCode::SyncReadOnly,
            AppError::Internal => ErrorCode::Internal,
            AppError::OnField(f, _) => f.code(),
        }
    }
}

const INVALID: Text = Text::id("app-error-invalid");
const BAD_INPUT: Text = Text::id("app-error-bad-input");
const NO_DATA_DIR: Text = Text::id("app-error-no-data-dir");
const NOT_DAMAGED: Text = Text::id("app-error-not-damaged");
const NOT_FOUND: Text = Text::id("app-error-not-found");
const DATABASE: Text = Text::id("app-error-database");
const NOT_READY: Text = Text::id("app-error-not-ready");
const TOO_LARGE: Text = Text::id("app-error-too-large");
const FILE: Text = Text::id("app-error-file");
const UNKNOWN_FORM: Text = Text::id("app-error-unknown-form");
const NEWER: Text = Text::id("app-error-newer");
const DAMAGED: Text = Text::id("app-error-damaged");
const NOT_A_BACKUP: Text = Text::id("app-error-not-a-backup");
const IN_USE: Text = Text::id("app-error-in-use");
const DISK_FULL: Text = Text::id("app-error-disk-full");
const SENT_LOCKED: Text = Text::id("app-error-sent-locked");
const STARTUP: Text = Text::id("app-error-startup");

const INTERNAL: Text = Text::id("app-error-internal");
const UNKNOWN_PDF_KIND: Text = Text::id("app-error-unknown-pdf-kind");
const UNKNOWN_FORM_PRINT: Text = Text::id("app-error-unknown-form-print");
const ALL_IS_A_SCHEDULE: Text = Text::id("app-error-all-is-a-schedule");
const BAD_APPLICATION_FILE: Text = Text::id("app-error-bad-application-file");
const CANNOT_OPEN: Text = Text::id("app-error-cannot-open");
const SPREADSHEET: Text = Text::id("app-error-spreadsheet");
const BAD_WINDOW: Text = Text::id("app-error-bad-window");
const CANNOT_OPEN_MAIL: Text = Text::id("app-error-cannot-open-mail");
const NO_INBOX: Text = Text::id("app-error-no-inbox");
const READ_ONLY: Text = Text::id("app-error-read-only");
const MAIL_TOO_LARGE: Text = Text::id("app-error-mail-too-large");
const BAD_TERM_LEADS: Text = Text::id("app-error-bad-term-leads");
const BAD_LEADS: Text = Text::id("app-error-bad-leads");
const NO_ORGANISATION: Text = Text::id("app-error-no-organisation");
const ORGANISATION_IN_USE: Text = Text::id("app-error-organisation-in-use");

impl Problem {
    /// Puts a failure into words in `lang`: the one place this happens.
    pub fn render(failure: &AppError, lang: Lang) -> Problem {
        let plain = |text: Text| Problem { code: failure.code(), message: text.get(lang).to_string(), fields: vec![] };
        let filled = |text: Text, args: &[(&str, &str)]| Problem { code: failure.code(), message: text.fill(lang, args), fields: vec![] };
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
            AppError::NoOrganisation => on_field(NO_ORGANISATION, "organisation"),
            AppError::UnknownPdfKind(kind) => filled(UNKNOWN_PDF_KIND, &[("kind", kind)]),
            AppError::AllIsASchedule => plain(ALL_IS_A_SCHEDULE),
            AppError::BadApplicationFile(detail) => filled(BAD_APPLICATION_FILE, &[("detail", detail)]),
            AppError::UnknownForm(version) => filled(UNKNOWN_FORM_PRINT, &[("version", version)]),
            // What the launcher said is for the log, not the user.
            AppError::CannotOpen(_) => plain(CANNOT_OPEN),
            AppError::Spreadsheet(_) => plain(SPREADSHEET),
            AppError::BadWindow => on_field(BAD_WINDOW, "working_window"),
            AppError::NoInbox => plain(NO_INBOX),
            AppError::ReadOnly { account } => filled(READ_ONLY, &[("account", account)]),
            AppError::CannotOpenMail(_) => plain(CANNOT_OPEN_MAIL),
            AppError::MailTooLarge { mb } => filled(MAIL_TOO_LARGE, &[("mb", &mb.to_string())]),
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
        Problem { code: ErrorCode::Internal, message: Lang::ALL.map(|l| INTERNAL.get(l)).join(" / "), fields: vec![] }
    }

    fn from_store(err: &StoreError, lang: Lang) -> Problem {
        let (message, fields) = match err {
            StoreError::Invalid(issues) => (INVALID.get(lang).to_string(), localize_all(issues, lang)),
            StoreError::NotFound { .. } => (NOT_FOUND.get(lang).to_string(), vec![]),
            StoreError::Directory { .. } | StoreError::Migrate(_) => {
                (STARTUP.fill(lang, &[("detail", &err.to_string())]), vec![])
            }
            StoreError::Sqlx(e) if zayava_store::is_disk_full(e) => (DISK_FULL.get(lang).to_string(), vec![]),
            // Damage met by any query, not only by the check at start: the recovery screen.
            StoreError::Sqlx(e) if zayava_store::is_corrupt(e) => (DAMAGED.fill(lang, &[("detail", &e.to_string())]), vec![]),
            StoreError::Sqlx(_) | StoreError::Corrupt(_) => (DATABASE.get(lang).to_string(), vec![]),
            StoreError::BadInput { field, .. } => (
                INVALID.get(lang).to_string(),
                vec![FieldError { field: field.clone(), code: IssueCode::Malformed, message: BAD_INPUT.get(lang).to_string() }],
            ),
            StoreError::NewerVersion { found, supported } => (NEWER.fill(lang, &[("found", &found.to_string()), ("supported", &supported.to_string())]), vec![]),
            StoreError::Damaged(detail) => (DAMAGED.fill(lang, &[("detail", detail)]), vec![]),
            StoreError::InUse => (IN_USE.get(lang).to_string(), vec![]),
            StoreError::OrganisationInUse { applications } => (ORGANISATION_IN_USE.fill(lang, &[("count", &applications.to_string())]), vec![]),
            StoreError::SentLocked => (SENT_LOCKED.get(lang).to_string(), vec![]),
            StoreError::NotABackup(file) => (NOT_A_BACKUP.fill(lang, &[("file", file)]), vec![]),
            StoreError::Transfers(e) => (e.message(lang), vec![]),
            StoreError::NotReady(findings) => (
                NOT_READY.get(lang).to_string(),
                findings
                    .iter()
                    .map(|f| FieldError { field: f.field.clone().unwrap_or_default(), code: IssueCode::Malformed, message: f.message.clone() })
                    .collect(),
            ),
            StoreError::TooLarge { limit } => (TOO_LARGE.fill(lang, &[("mb", &(limit / (1024 * 1024)).max(1).to_string())]), vec![]),
            StoreError::File(detail) | StoreError::Import(detail) => (FILE.fill(lang, &[("detail", detail)]), vec![]),
            StoreError::UnknownService(s) | StoreError::UnknownSchema(s) => (UNKNOWN_FORM.fill(lang, &[("what", s)]), vec![]),
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
