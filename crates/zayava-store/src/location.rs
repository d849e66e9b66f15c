//! Where the database file lives. The app and the CLI both ask here, so they always open
//! the same file: `ZAYAVA_DB` if set, else `zayava.sqlite3` in the OS's app-data directory
//! for the app's identifier (the directory Tauri's `app_data_dir` names too).

use std::path::PathBuf;

/// The app's identifier, as in `tauri.conf.json`; a test keeps the two equal.
pub const APP_IDENTIFIER: &str = "by.zayava.desktop";
/// The environment variable that overrides the database path (tests, portable installs).
pub const DATABASE_ENV: &str = "ZAYAVA_DB";
pub const DATABASE_FILE: &str = "zayava.sqlite3";

/// The database path: the override if given, else the default under app data.
/// `None` only when the OS reports no data directory at all.
pub fn database_path(override_path: Option<PathBuf>) -> Option<PathBuf> {
    override_path
        .or_else(|| std::env::var_os(DATABASE_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(DATABASE_FILE)))
}
