//! What can go wrong in the store, with stable codes for the UI and the CLI.

use std::path::PathBuf;

use zayava_core::calendar::TransferError;
use zayava_core::error_code::ErrorCode;
use zayava_core::validation::FieldIssue;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the data directory {path}: {source}")]
    Directory { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: String },
    #[error("invalid input: {} problem(s)", .0.len())]
    Invalid(Vec<FieldIssue>),
    #[error("the transfers were refused: {0}")]
    Transfers(TransferError),
    /// A stored row that cannot be read (the file passed its integrity check, the row not).
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// Input from the caller that is not what the call takes (not the user's form values:
    /// those are `Invalid`, field by field).
    #[error("{field}: {detail}")]
    BadInput { field: String, detail: String },
    #[error("unknown service {0}")]
    UnknownService(String),
    #[error("unknown form version {0}")]
    UnknownSchema(String),
    #[error("the pre-flight check found {} problem(s)", .0.len())]
    NotReady(Vec<zayava_core::forms::preflight::Finding>),
    #[error("larger than the limit of {limit} bytes")]
    TooLarge { limit: usize },
    #[error("file error: {0}")]
    File(String),
    #[error("import refused: {0}")]
    Import(String),
    #[error("the database was made by a newer version of Zayava (schema {found}, this version knows up to {supported})")]
    NewerVersion { found: i64, supported: i64 },
    #[error("the database file is damaged: {0}")]
    Damaged(String),
    #[error("the database is open in Zayava; close the app first")]
    InUse,
    #[error("the organisation is named by {applications} application(s)")]
    OrganisationInUse { applications: u32 },
    #[error("{0} is not a Zayava database or backup")]
    NotABackup(String),
    #[error("the application was sent to the Operator; amend it first to change its form")]
    SentLocked,
    /// An event the lifecycle of this service refuses; put into words where it is shown.
    #[error("{service}: {error}")]
    Lifecycle { service: String, error: zayava_core::lifecycle::LifecycleError },
}

impl StoreError {
    /// A stable, machine-matchable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Directory { .. } => ErrorCode::StoreDirectory,
            StoreError::Sqlx(e) if is_disk_full(e) => ErrorCode::StoreDiskFull,
            StoreError::Sqlx(e) if is_corrupt(e) => ErrorCode::StoreDamaged,
            StoreError::Sqlx(_) => ErrorCode::StoreDatabase,
            StoreError::Migrate(_) => ErrorCode::StoreMigration,
            StoreError::NotFound { .. } => ErrorCode::StoreNotFound,
            StoreError::Invalid(_) => ErrorCode::ValidationInvalid,
            StoreError::Transfers(_) => ErrorCode::CalendarInvalidTransfers,
            StoreError::Corrupt(_) => ErrorCode::StoreCorruptRow,
            StoreError::BadInput { .. } => ErrorCode::ValidationBadInput,
            StoreError::UnknownService(_) => ErrorCode::ApplicationUnknownService,
            StoreError::UnknownSchema(_) => ErrorCode::ApplicationUnknownSchema,
            StoreError::NotReady(_) => ErrorCode::ApplicationNotReady,
            StoreError::TooLarge { .. } => ErrorCode::StoreTooLarge,
            StoreError::File(_) => ErrorCode::StoreFile,
            StoreError::Import(_) => ErrorCode::ImportRefused,
            StoreError::NewerVersion { .. } => ErrorCode::StoreNewerVersion,
            StoreError::Damaged(_) => ErrorCode::StoreDamaged,
            StoreError::NotABackup(_) => ErrorCode::StoreNotABackup,
            StoreError::InUse => ErrorCode::StoreInUse,
            StoreError::OrganisationInUse { .. } => ErrorCode::OrganisationHasApplications,
            StoreError::SentLocked => ErrorCode::ApplicationSentLocked,
            StoreError::Lifecycle { error, .. } => error.code(),
        }
    }
}

/// SQLITE_CORRUPT (11) or SQLITE_NOTADB (26): the file is damaged.
pub fn is_corrupt(e: &sqlx::Error) -> bool {
    e.as_database_error().and_then(|d| d.code()).and_then(|c| c.parse::<i32>().ok()).is_some_and(|n| matches!(n & 0xff, 11 | 26))
}

/// SQLITE_FULL (13): the disk (or the database's size limit) is full; the statement and its
/// transaction were rolled back.
pub fn is_disk_full(e: &sqlx::Error) -> bool {
    e.as_database_error().and_then(|d| d.code()).is_some_and(|c| c == "13" || c.parse::<i32>().is_ok_and(|n| n & 0xff == 13))
}

/// An UPDATE that must have found its row: none changed means the id names nothing.
pub(crate) fn one_changed(done: sqlx::sqlite::SqliteQueryResult, entity: &'static str, id: impl ToString) -> Result<(), StoreError> {
    match done.rows_affected() {
        0 => Err(StoreError::NotFound { entity, id: id.to_string() }),
        _ => Ok(()),
    }
}
