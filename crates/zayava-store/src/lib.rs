//! Zayava's local database: one SQLite file under the OS's app-data directory, opened the
//! same way by the desktop app and the CLI. Everything the user enters lives here.
//!
//! Owns: the schema and its migrations, every read and write (each check-then-write in one
//! transaction), the event trail and stored due dates, the sync outbox and cursor, backups.
//! Must not: know form field names (it asks the schemas for a field's role), parse
//! settings into meaning, or keep sentences: words are the faces' (`zayava-app`).

pub mod applications;
pub mod attachments;
pub mod colleagues;
mod calendar_years;
pub mod exchange;
pub mod lifecycle;
pub mod reminders;
mod error;
pub mod location;
pub mod safety;
mod organisations;
mod settings;
pub mod sync;


pub use error::{is_corrupt, is_disk_full, StoreError};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use zayava_core::calendar::Calendar;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

/// The schema's migrations, embedded at build time. They only ever move forward: a file
/// made by any earlier version is brought up to date (tests/migrations.rs proves it on a
/// fixture from every version), and a changed old migration fails its checksum.
pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// An open Zayava database.
#[derive(Clone)]
pub struct Database {
    pool: SqlitePool,
    path: PathBuf,
    /// The calendar built from the embedded and stored transfers; rebuilt only when the
    /// stored transfers change (building it walks 160 years of days).
    calendar: Arc<Mutex<Option<Arc<Calendar>>>>,
}

impl Database {
    /// Opens (creating if needed) the database file at `path` after the full integrity
    /// check, and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Database, StoreError> {
        Database::open_checking(path, true).await
    }

    /// Opens like [`Database::open`] but leaves the full integrity check (a few hundred
    /// milliseconds on a large file) to the caller: the app runs it in the background while
    /// its window comes up, and shows the recovery screen if it fails. The version is still
    /// checked here, and a file SQLite cannot read at all is still refused.
    pub async fn open_deferring_check(path: &Path) -> Result<Database, StoreError> {
        Database::open_checking(path, false).await
    }

    async fn open_checking(path: &Path, integrity: bool) -> Result<Database, StoreError> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory { path: dir.to_path_buf(), source })?;
            }
        }
        let now = chrono::Utc::now();
        // A restore chosen in the app replaces the file now, before anything opens it.
        safety::apply_staged_restore(path, now).await?;
        // A newer version's file or a damaged one is refused here, untouched; an older one
        // is copied into backups/ before its migrations run.
        if let Some(facts) = safety::check_before_open(path, integrity).await? {
            if facts.version < safety::latest_version() {
                safety::backup_file(path, &format!("before-migration-{}", safety::latest_version()), now).await?;
            }
        }
        let pool = connect(path, None).await?;
        MIGRATOR.run(&pool).await.map_err(|e| match e {
            sqlx::migrate::MigrateError::Execute(ref inner) if error::is_corrupt(inner) => StoreError::Damaged(inner.to_string()),
            other => StoreError::Migrate(other),
        })?;
        let db = Database { pool, path: path.to_path_buf(), calendar: Arc::default() };
        // A migration may change how dates are derived (0007: rounds and verdicts) and marks
        // what it touched stale, and a crash between recording an event and recomputing its
        // dates leaves the mark too: recompute what is marked, so nothing shows stale verdicts.
        db.refresh_stale_due().await?;
        db.settle_device().await?;
        Ok(db)
    }

    /// The same database with its file capped at `pages` pages: writes beyond it fail as on
    /// a full disk. For tests of that failure.
    #[doc(hidden)]
    pub async fn with_page_limit(self, pages: u64) -> Result<Database, StoreError> {
        self.pool.close().await;
        let pool = connect(&self.path, Some(pages)).await?;
        Ok(Database { pool, ..self })
    }

    /// The connection pool, for queries this crate does not wrap yet (and for tests).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes every connection, checkpointing the WAL into the main file.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

async fn connect(path: &Path, max_pages: Option<u64>) -> Result<SqlitePool, StoreError> {
    let url = format!("sqlite://{}", path.display());
    let mut options = SqliteConnectOptions::from_str(&url)
        .map_err(StoreError::Sqlx)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: an acknowledged write survives a power cut too, not only a crash.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(std::time::Duration::from_secs(5));
    if let Some(pages) = max_pages {
        options = options.pragma("max_page_count", pages.to_string());
    }
    Ok(SqlitePoolOptions::new().max_connections(4).connect_with(options).await?)
}
