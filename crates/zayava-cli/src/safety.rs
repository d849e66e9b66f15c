//! `zayava backup` and `zayava restore`: `zayava_app::safety` from a terminal — a copy of
//! the database to a file, and a database put back from one (refused, changing nothing, for
//! a file that is not a Zayava database, is damaged or comes from a newer version, or while
//! the app has the database open).

use std::path::{Path, PathBuf};

use zayava_app::{safety, Now};
use zayava_core::i18n::Lang;
use zayava_store::Database;

use crate::Failure;

/// Writes a copy to `target` (never over an existing file), or lists the automatic copies.
pub async fn backup(db_path: &Path, target: Option<PathBuf>, list: bool) -> Result<(), Failure> {
    if list {
        for b in safety::list(db_path)? {
            println!("{}  {:<22} {:>10} bytes  {}", b.made_at, b.tag, b.bytes, b.path);
        }
        return Ok(());
    }
    let db = Database::open(db_path).await?;
    let target = target.unwrap_or_else(|| PathBuf::from(format!("zayava-{}.sqlite3", Now::read().local.format("%Y-%m-%d-%H%M%S"))));
    let done = safety::backup(&db, &target, false).await;
    db.close().await;
    done?;
    println!("{}", target.display());
    Ok(())
}

/// Replaces the database with `file` after checking it; the database it replaces is kept
/// in backups/ first.
pub async fn restore(db_path: &Path, file: &Path, lang: Lang) -> Result<(), Failure> {
    let done = safety::restore_now(db_path, file).await?;
    println!("{}", crate::table::say_with(lang, "cli-restored", &[("file", &file.display().to_string()), ("version", &done.schema_version.to_string()), ("orgs", &done.organisations.to_string())]));
    Ok(())
}
