//! Keeping the user's database safe: what a file is (read without changing it), the
//! integrity check at open, backups (automatically before every migration and daily, and to
//! a file on request), and restore from a file — refused whole, changing nothing, for a file
//! that is not a Zayava database or comes from a newer version of Zayava.
//!
//! Backups are complete SQLite files made with `VACUUM INTO` (consistent even while the app
//! writes) under a temporary name and renamed into place, so a crash never leaves half a
//! backup. They live in `backups/` beside the database.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::Row;
use ts_rs::TS;

use crate::{Database, StoreError};

/// The folder of automatic backups, beside the database file.
pub const BACKUPS_DIR: &str = "backups";
/// Daily backups kept (the oldest go first); backups made before a migration or a restore
/// are kept in the same number.
pub const KEEP: usize = 7;

/// The schema version this build writes: the newest embedded migration.
pub fn latest_version() -> i64 {
    crate::MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// What a database file is, as read without changing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// The newest migration applied (0 for an empty or foreign file).
    pub version: i64,
    /// Every applied migration is one of ours, with our checksum: a Zayava database.
    pub ours: bool,
    /// `PRAGMA integrity_check` said "ok".
    pub intact: bool,
    /// The first problems integrity_check reported, if any.
    pub problems: Vec<String>,
}

/// Why a copy was made (read from its file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The automatic copy of the day.
    Daily,
    /// Before the program changed the file's layout for a new version.
    BeforeMigration,
    /// The database a restore replaced.
    BeforeRestore,
    /// A damaged database, set aside.
    Damaged,
    /// A file in the folder made some other way.
    Other,
}

impl BackupKind {
    /// From the tag in a copy's file name (`daily`, `before-migration-0007`, …).
    fn of_tag(tag: &str) -> BackupKind {
        match tag {
            "daily" => BackupKind::Daily,
            "before-restore" => BackupKind::BeforeRestore,
            "damaged" => BackupKind::Damaged,
            t if t.starts_with("before-migration") => BackupKind::BeforeMigration,
            _ => BackupKind::Other,
        }
    }
}

/// One backup on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Backup {
    pub path: String,
    pub kind: BackupKind,
    /// The tag in the file name: copies are pruned by it (each migration's copies apart).
    #[serde(skip)]
    #[ts(skip)]
    pub tag: String,
    /// RFC 3339 UTC, from the file's name.
    pub made_at: String,
    pub bytes: u64,
}

/// Reads a file's facts through a read-only connection: nothing in it is changed.
pub async fn inspect(path: &Path) -> Result<FileFacts, StoreError> {
    facts(path, true).await
}

/// `integrity`: run the full integrity check too (it reads the whole file: about half a
/// second for 70 MB); without it, only the header and the schema version are read.
async fn facts(path: &Path, integrity: bool) -> Result<FileFacts, StoreError> {
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| std::io::Read::read(&mut f, &mut head)).map_err(|e| StoreError::File(format!("{}: {e}", path.display())))?;
    if read < 16 || &head != b"SQLite format 3\0" {
        return Ok(FileFacts { version: 0, ours: false, intact: false, problems: vec!["not an SQLite database".into()] });
    }
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?.read_only(true).create_if_missing(false);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    let result = facts_of(&pool, integrity).await;
    pool.close().await;
    result
}

async fn facts_of(pool: &sqlx::SqlitePool, integrity: bool) -> Result<FileFacts, StoreError> {
    let problems: Vec<String> = if integrity {
        match sqlx::query_scalar::<_, String>("PRAGMA integrity_check(20)").fetch_all(pool).await {
            Ok(rows) => rows.into_iter().filter(|r| r != "ok").collect(),
            Err(e) => vec![e.to_string()],
        }
    } else {
        // Reading the schema is enough to tell a file SQLite cannot read at all.
        match sqlx::query_scalar::<_, i64>("PRAGMA schema_version").fetch_one(pool).await {
            Ok(_) => vec![],
            Err(e) => vec![e.to_string()],
        }
    };
    let has_migrations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'").fetch_one(pool).await.unwrap_or(0);
    let (version, ours) = if has_migrations == 0 {
        (0, false)
    } else {
        let rows = sqlx::query("SELECT version, checksum FROM _sqlx_migrations WHERE success = 1").fetch_all(pool).await?;
        let mut version = 0;
        let mut ours = !rows.is_empty();
        for r in &rows {
            let v: i64 = r.try_get("version")?;
            let checksum: Vec<u8> = r.try_get("checksum")?;
            version = version.max(v);
            // A newer version's migrations are unknown here; ours must match byte for byte.
            if let Some(m) = crate::MIGRATOR.iter().find(|m| m.version == v) {
                ours &= *m.checksum == *checksum;
            }
        }
        // The first migration is always ours in a Zayava file, whatever its version.
        ours &= rows.iter().any(|r| r.try_get::<i64, _>("version").ok() == Some(1));
        (version, ours)
    };
    Ok(FileFacts { version, ours, intact: problems.is_empty(), problems })
}

/// Checks a database file before it is opened for writing: a newer version's file and a
/// damaged one are refused, untouched. `integrity`: the full check (see [`facts`]).
pub(crate) async fn check_before_open(path: &Path, integrity: bool) -> Result<Option<FileFacts>, StoreError> {
    if !path.exists() || std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(true) {
        return Ok(None);
    }
    let facts = facts(path, integrity).await?;
    if facts.version > latest_version() {
        return Err(StoreError::NewerVersion { found: facts.version, supported: latest_version() });
    }
    if !facts.intact {
        return Err(StoreError::Damaged(facts.problems.join("; ")));
    }
    Ok(Some(facts))
}

pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join(BACKUPS_DIR)
}

fn stamp(now: DateTime<Utc>) -> String {
    now.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Copies the database at `db_path` (closed or open) into the backups folder as `kind`.
pub(crate) async fn backup_file(db_path: &Path, kind: &str, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let dir = backups_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Directory { path: dir.clone(), source })?;
    let target = dir.join(format!("zayava-{}-{kind}.sqlite3", stamp(now)));
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", db_path.display()))?.read_only(true);
    let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
    let result = vacuum_into(&pool, &target).await;
    pool.close().await;
    result?;
    prune(&dir, kind)?;
    Ok(target)
}

/// `VACUUM INTO` a temporary name beside `target`, then renames it into place.
async fn vacuum_into(pool: &sqlx::SqlitePool, target: &Path) -> Result<(), StoreError> {
    let partial = target.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    sqlx::query("VACUUM INTO ?").bind(partial.to_string_lossy().to_string()).execute(pool).await?;
    std::fs::rename(&partial, target).map_err(|e| StoreError::File(format!("{}: {e}", target.display())))?;
    Ok(())
}

/// Keeps the newest [`KEEP`] backups of one kind.
fn prune(dir: &Path, kind: &str) -> Result<(), StoreError> {
    let mut same: Vec<PathBuf> = list_dir(dir)?.into_iter().filter(|b| b.tag == kind).map(|b| PathBuf::from(b.path)).collect();
    same.sort();
    while same.len() > KEEP {
        let oldest = same.remove(0);
        let _ = std::fs::remove_file(oldest);
    }
    Ok(())
}

fn list_dir(dir: &Path) -> Result<Vec<Backup>, StoreError> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(vec![]) };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix("zayava-").and_then(|r| r.strip_suffix(".sqlite3")) else { continue };
        let Some((when, kind)) = rest.split_once('-') else { continue };
        let Ok(at) = chrono::NaiveDateTime::parse_from_str(when, "%Y%m%dT%H%M%SZ") else { continue };
        out.push(Backup {
            path: e.path().display().to_string(),
            kind: BackupKind::of_tag(kind),
            tag: kind.to_string(),
            made_at: at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            bytes: e.metadata().map(|m| m.len()).unwrap_or(0),
        });
    }
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at));
    Ok(out)
}

/// The automatic backups of the database at `db_path`, newest first.
pub fn backups(db_path: &Path) -> Result<Vec<Backup>, StoreError> {
    list_dir(&backups_dir(db_path))
}

/// Refuses a file that is not a Zayava database, is damaged, or is from a newer version.
pub async fn check_restorable(file: &Path) -> Result<FileFacts, StoreError> {
    let facts = inspect(file).await?;
    if !facts.ours {
        return Err(StoreError::NotABackup(file.display().to_string()));
    }
    if facts.version > latest_version() {
        return Err(StoreError::NewerVersion { found: facts.version, supported: latest_version() });
    }
    if !facts.intact {
        return Err(StoreError::Damaged(facts.problems.join("; ")));
    }
    Ok(facts)
}

/// Left beside the database while a restore is put in place, and removed once the restored
/// file has taken a device id of its own (`Database::settle_device`): a crash in between
/// leaves it, so the next open still knows the file came from a backup.
pub(crate) fn restored_marker(db_path: &Path) -> PathBuf {
    let mut s = db_path.as_os_str().to_owned();
    s.push(".restored");
    PathBuf::from(s)
}

fn staged(db_path: &Path) -> PathBuf {
    let mut s = db_path.as_os_str().to_owned();
    s.push(".restore");
    PathBuf::from(s)
}

fn sidecars(db_path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut s = db_path.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    })
}

/// Checks `file` and puts a copy of it beside the database, to replace it at the next open
/// (the app restarts to do so). Nothing is changed if the file is refused.
pub async fn stage_restore(db_path: &Path, file: &Path) -> Result<FileFacts, StoreError> {
    let facts = check_restorable(file).await?;
    let target = staged(db_path);
    let partial = target.with_extension("partial");
    std::fs::copy(file, &partial).map_err(|e| StoreError::File(format!("{}: {e}", file.display())))?;
    // Opened for writing: Windows refuses to flush a handle opened only for reading.
    std::fs::OpenOptions::new().write(true).open(&partial).and_then(|f| f.sync_all()).map_err(|e| StoreError::File(e.to_string()))?;
    std::fs::rename(&partial, &target).map_err(|e| StoreError::File(e.to_string()))?;
    Ok(facts)
}

/// Claims the database for one program: the app holds this while it runs, and a restore
/// from the CLI refuses to replace a file the app has open. Waits up to `wait` for another
/// holder to let go (an app restarting to apply a restore).
pub fn claim(db_path: &Path, wait: std::time::Duration) -> Result<std::fs::File, StoreError> {
    let mut lock_path = db_path.as_os_str().to_owned();
    lock_path.push(".lock");
    if let Some(dir) = db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory { path: dir.to_path_buf(), source })?;
    }
    let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(PathBuf::from(&lock_path)).map_err(|e| StoreError::File(e.to_string()))?;
    let deadline = std::time::Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if std::time::Instant::now() < deadline => std::thread::sleep(std::time::Duration::from_millis(100)),
            Err(std::fs::TryLockError::WouldBlock) => return Err(StoreError::InUse),
            Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::File(e.to_string())),
        }
    }
}

/// Drops a staged restore (the user changed their mind).
pub fn unstage_restore(db_path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(staged(db_path)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(StoreError::File(e.to_string())),
        _ => Ok(()),
    }
}

/// Stages one of the automatic copies: only a path from [`backups`]' own list is taken, so a
/// caller (the window) cannot name any other file.
pub async fn stage_listed_restore(db_path: &Path, path: &str) -> Result<FileFacts, StoreError> {
    if !backups(db_path)?.iter().any(|b| b.path == path) {
        return Err(StoreError::NotABackup(path.to_string()));
    }
    stage_restore(db_path, Path::new(path)).await
}

/// If a restore is staged, keeps the current database as a backup and puts the staged file
/// in its place. Runs before the database is opened.
pub(crate) async fn apply_staged_restore(db_path: &Path, now: DateTime<Utc>) -> Result<bool, StoreError> {
    let target = staged(db_path);
    if !target.exists() {
        return Ok(false);
    }
    if check_restorable(&target).await.is_err() {
        // Checked when staged; if it no longer passes, it is dropped and the database kept.
        let _ = std::fs::remove_file(&target);
        return Ok(false);
    }
    if db_path.exists() && inspect(db_path).await.map(|f| f.intact).unwrap_or(false) {
        backup_file(db_path, "before-restore", now).await?;
    } else if db_path.exists() {
        set_aside_damaged(db_path, now)?;
    }
    for s in sidecars(db_path) {
        let _ = std::fs::remove_file(s);
    }
    std::fs::write(restored_marker(db_path), b"").map_err(|e| StoreError::File(e.to_string()))?;
    std::fs::rename(&target, db_path).map_err(|e| StoreError::File(e.to_string()))?;
    Ok(true)
}

/// Moves a damaged database (and its WAL) into the backups folder, so a fresh one can start;
/// nothing is deleted.
pub fn set_aside_damaged(db_path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let dir = backups_dir(db_path);
    std::fs::create_dir_all(&dir).map_err(|source| StoreError::Directory { path: dir.clone(), source })?;
    let target = dir.join(format!("zayava-{}-damaged.sqlite3", stamp(now)));
    std::fs::rename(db_path, &target).map_err(|e| StoreError::File(e.to_string()))?;
    for (s, suffix) in sidecars(db_path).into_iter().zip(["-wal", "-shm"]) {
        if s.exists() {
            let mut t = target.as_os_str().to_owned();
            t.push(suffix);
            let _ = std::fs::rename(s, PathBuf::from(t));
        }
    }
    Ok(target)
}

impl Database {
    /// Sets this database aside as damaged (see [`set_aside_damaged`]) when the damage was
    /// found after it was opened: its connections are closed first, since Windows will not
    /// rename a file that is open. The database is unusable afterwards.
    pub async fn set_aside_damaged(&self, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
        self.close().await;
        set_aside_damaged(&self.path, now)
    }

    /// Writes a complete copy of the database to `target` (which must not exist).
    pub async fn backup_to(&self, target: &Path) -> Result<(), StoreError> {
        if target.exists() {
            return Err(StoreError::File(format!("{} already exists", target.display())));
        }
        vacuum_into(&self.pool, target).await
    }

    /// Makes today's automatic backup unless one was made in the last 20 hours; keeps [`KEEP`].
    pub async fn daily_backup(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>, StoreError> {
        let latest = backups(&self.path)?.into_iter().find(|b| b.kind == BackupKind::Daily);
        if let Some(b) = latest {
            if let Ok(at) = DateTime::parse_from_rfc3339(&b.made_at) {
                if now.signed_duration_since(at) < chrono::Duration::hours(20) {
                    return Ok(None);
                }
            }
        }
        let dir = backups_dir(&self.path);
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Directory { path: dir.clone(), source })?;
        let target = dir.join(format!("zayava-{}-daily.sqlite3", stamp(now)));
        vacuum_into(&self.pool, &target).await?;
        prune(&dir, "daily")?;
        Ok(Some(target))
    }

    /// The full integrity check of the open database; the problems found, if any.
    pub async fn integrity_problems(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar::<_, String>("PRAGMA integrity_check(20)").fetch_all(&self.pool).await?.into_iter().filter(|r| r != "ok").collect())
    }
}
