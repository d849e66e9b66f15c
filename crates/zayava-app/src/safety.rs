//! Keeping the data safe: a copy of the database to a file, the automatic copies (daily,
//! before a migration or a restore), a restore checked before anything changes, the daily
//! copy kept by a running app, and setting a damaged database aside.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;
use zayava_store::safety::{self, Backup};
use zayava_store::{Database, StoreError};

use crate::{AppError, Now};

/// A restore checked and waiting for the restart that applies it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StagedRestore {
    pub file: String,
}

/// The automatic copies, newest first.
pub fn list(db_path: &Path) -> Result<Vec<Backup>, AppError> {
    Ok(safety::backups(db_path)?)
}

/// A complete copy of the open database at `target`. A file already there is refused,
/// unless `replace` (the user agreed to replace it in the save dialog).
pub async fn backup(db: &Database, target: &Path, replace: bool) -> Result<(), AppError> {
    if replace && target.exists() {
        std::fs::remove_file(target).map_err(|e| StoreError::File(format!("{}: {e}", target.display())))?;
    }
    Ok(db.backup_to(target).await?)
}

/// The name proposed for a copy: `zayava-2026-12-03.sqlite3`.
pub fn backup_file_name(now: Now) -> String {
    format!("zayava-{}.sqlite3", now.local.format("%Y-%m-%d"))
}

/// Checks `file` (a Zayava database, intact, not newer) and stages it for the next start;
/// nothing changes until then.
pub async fn stage_restore(db_path: &Path, file: &Path) -> Result<StagedRestore, AppError> {
    safety::stage_restore(db_path, file).await?;
    Ok(StagedRestore { file: file.display().to_string() })
}

/// Stages one of the listed automatic copies (only those: a face names no other path).
pub async fn stage_listed_restore(db_path: &Path, listed: &str) -> Result<StagedRestore, AppError> {
    safety::stage_listed_restore(db_path, listed).await?;
    Ok(StagedRestore { file: listed.to_string() })
}

pub fn cancel_restore(db_path: &Path) -> Result<(), AppError> {
    Ok(safety::unstage_restore(db_path)?)
}

/// What a restore done at once brought back.
pub struct Restored {
    pub schema_version: i64,
    pub organisations: usize,
}

/// Restores `file` now, from a terminal: refused while the app has the database open; the
/// database it replaces is kept among the automatic copies first.
pub async fn restore_now(db_path: &Path, file: &Path) -> Result<Restored, AppError> {
    let facts = safety::check_restorable(file).await?;
    let _claim = safety::claim(db_path, std::time::Duration::ZERO)?;
    safety::stage_restore(db_path, file).await?;
    // Opening applies the staged file (keeping the current one as a backup) and migrates it.
    let db = Database::open(db_path).await?;
    let organisations = db.organisations().await.map(|o| o.len());
    db.close().await;
    Ok(Restored { schema_version: facts.version, organisations: organisations? })
}

/// Moves a damaged database (and its journal) into the backups folder, so the next start
/// begins with a new one. Nothing is deleted. `open`: the database, if it opened.
pub async fn set_aside_damaged(db_path: &Path, open: Option<&Database>, now: Now) -> Result<(), AppError> {
    match open {
        // Damage found by the check after opening: the open database closes itself first.
        Some(db) => db.set_aside_damaged(now.utc).await?,
        None => safety::set_aside_damaged(db_path, now.utc)?,
    };
    Ok(())
}

/// Keeps a daily automatic copy for as long as the app runs: a little after start, then
/// every hour, today's copy is made if there is none yet (the last few are kept).
pub async fn keep_daily(db: Database, clock: impl Fn() -> Now) {
    // After the window is up: a copy of a large database takes a moment.
    tokio::time::sleep(std::time::Duration::from_secs(20)).await;
    loop {
        if let Err(e) = db.daily_backup(clock().utc).await {
            eprintln!("zayava: the daily backup failed: {e}");
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}
