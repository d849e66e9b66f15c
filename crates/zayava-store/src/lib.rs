//! Zayava's local database: one SQLite file under the OS's app-data directory, opened the
//! same way by the desktop app and the CLI. Everything the user enters lives here.

pub mod applications;
pub mod attachments;
mod calendar_years;
pub mod exchange;
pub mod lifecycle;
pub mod reminders;
mod error;
pub mod location;
mod organisations;
mod settings;
pub mod sync;

pub use settings::parse_window;

pub use error::StoreError;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use zayava_core::calendar::Calendar;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

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
    /// Opens (creating if needed) the database file at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Database, StoreError> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory { path: dir.to_path_buf(), source })?;
            }
        }
        let url = format!("sqlite://{}", path.display());
        let options = SqliteConnectOptions::from_str(&url)
            .map_err(StoreError::Sqlx)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: an acknowledged write survives a power cut too, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Database { pool, path: path.to_path_buf(), calendar: Arc::default() })
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
