//! `zayava backup` and `zayava restore`: a copy of the database to a file, and a database
//! put back from one — refused, changing nothing, for a file that is not a Zayava database,
//! is damaged or comes from a newer version, or while the app has the database open.

use std::path::{Path, PathBuf};

use zayava_store::{safety, Database, StoreError};

use crate::Failure;

fn refused(e: StoreError) -> Failure {
    let exit = if matches!(e, StoreError::NotABackup(_) | StoreError::NewerVersion { .. } | StoreError::Damaged(_) | StoreError::InUse) { 2 } else { 1 };
    Failure { message: format!("{e} [{}]", e.code()), exit }
}

/// Writes a copy to `target`, or lists the automatic copies.
pub async fn backup(db_path: &Path, target: Option<PathBuf>, list: bool) -> Result<(), Failure> {
    if list {
        for b in safety::backups(db_path).map_err(refused)? {
            println!("{}  {:<22} {:>10} bytes  {}", b.made_at, b.kind, b.bytes, b.path);
        }
        return Ok(());
    }
    let db = Database::open(db_path).await.map_err(refused)?;
    let target = target.unwrap_or_else(|| PathBuf::from(format!("zayava-{}.sqlite3", chrono::Local::now().format("%Y-%m-%d-%H%M%S"))));
    db.backup_to(&target).await.map_err(refused)?;
    db.close().await;
    println!("{}", target.display());
    Ok(())
}

/// Replaces the database with `file` after checking it; the database it replaces is kept
/// in backups/ first.
pub async fn restore(db_path: &Path, file: &Path) -> Result<(), Failure> {
    let facts = safety::check_restorable(file).await.map_err(refused)?;
    let _lock = safety::claim(db_path, std::time::Duration::ZERO).map_err(refused)?;
    safety::stage_restore(db_path, file).await.map_err(refused)?;
    // Opening applies the staged file (keeping the current one as a backup) and migrates it.
    let db = Database::open(db_path).await.map_err(refused)?;
    let organisations = db.organisations().await?.len();
    db.close().await;
    println!("restored from {} (schema {}): {organisations} organisation(s)", file.display(), facts.version);
    Ok(())
}
