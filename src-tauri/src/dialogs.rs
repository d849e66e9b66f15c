//! The system's file dialogs, opened from Rust: the page never names a path, so it can read
//! or write only what the user picked in a dialog (and the app-data directory).

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks for a file to read; `None` if the user cancelled.
pub async fn choose_file(app: &AppHandle, filter: Option<(&str, &[&str])>) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let mut dialog = app.dialog().file();
    if let Some((name, extensions)) = filter {
        dialog = dialog.add_filter(name, extensions);
    }
    dialog.pick_file(move |p| {
        let _ = tx.send(p.and_then(|p| p.into_path().ok()));
    });
    rx.await.ok().flatten()
}

/// Asks where to write a file, proposing `name`; `None` if the user cancelled.
pub async fn choose_target(app: &AppHandle, name: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    app.dialog().file().set_file_name(name).add_filter(filter.0, filter.1).save_file(move |p| {
        let _ = tx.send(p.and_then(|p| p.into_path().ok()));
    });
    rx.await.ok().flatten()
}
