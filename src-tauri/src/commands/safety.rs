//! Backups and restore in the window: `zayava_app::safety` behind the system's file
//! dialogs, the restart that applies a staged restore, and the recovery choices when the
//! database could not be opened.

use std::path::Path;

use tauri::{AppHandle, State};
use zayava_app::safety::{self, StagedRestore};
use zayava_app::{AppError, Now, Problem};
use zayava_core::error_code::ErrorCode;
use zayava_store::safety::Backup;

use super::{database, guarded};
use crate::AppState;

fn db_path(state: &AppState) -> Result<&Path, AppError> {
    state.db_path.as_deref().ok_or(AppError::NoDataDir)
}

/// The automatic copies (daily, before a migration or a restore), newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<Backup>, Problem> {
    guarded(state.inner(), async move { safety::list(db_path(&state)?) }).await
}

/// «Сохранить копию…»: the whole database to a file the user picks (`None` if cancelled).
#[tauri::command]
pub async fn backup_database(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let Some(target) = crate::dialogs::choose_target(&app, &safety::backup_file_name(Now::read()), ("Zayava", &["sqlite3"])).await else { return Ok(None) };
        // The dialog has confirmed replacing an existing file.
        safety::backup(db, &target, true).await?;
        Ok(Some(target.display().to_string()))
    }).await
}

/// «Восстановить из файла…»: checks the file the user picks and stages it; nothing changes
/// until the restart.
#[tauri::command]
pub async fn restore_from_file(app: AppHandle, state: State<'_, AppState>) -> Result<Option<StagedRestore>, Problem> {
    guarded(state.inner(), async move {
        let Some(file) = crate::dialogs::choose_file(&app, Some(("Zayava", &["sqlite3", "db"]))).await else { return Ok(None) };
        safety::stage_restore(db_path(&state)?, &file).await.map(Some)
    }).await
}

/// Restores one of the listed automatic copies (only those: the page names no other path).
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<StagedRestore, Problem> {
    guarded(state.inner(), async move { safety::stage_listed_restore(db_path(&state)?, &path).await }).await
}

#[tauri::command]
pub async fn cancel_restore(state: State<'_, AppState>) -> Result<(), Problem> {
    guarded(state.inner(), async move { safety::cancel_restore(db_path(&state)?) }).await
}

/// Restarts the app (to apply a staged restore, or after setting a damaged file aside).
#[tauri::command]
pub fn restart_app(app: AppHandle) {
    app.restart();
}

/// Only when the database is damaged: sets it aside in backups/ and restarts with a new,
/// empty database. Nothing is deleted.
#[tauri::command]
pub async fn start_with_new_database(app: AppHandle, state: State<'_, AppState>) -> Result<(), Problem> {
    guarded(state.inner(), async move {
        let damaged = state.damaged.get().is_some() || matches!(&state.db, Err(e) if e.code() == ErrorCode::StoreDamaged);
        if !damaged {
            return Err(AppError::NotDamaged);
        }
        safety::set_aside_damaged(db_path(&state)?, state.db.as_ref().ok(), Now::read()).await?;
        app.restart();
    }).await
}
