//! Backups and restore from the window: a copy to a file the user picks, the automatic
//! copies listed, a restore checked before anything changes and applied at the next start,
//! and the recovery choices when the database could not be opened.

use std::path::Path;

use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;
use zayava_core::error_code::ErrorCode;
use zayava_store::safety::{self, Backup};

use super::{database, guarded};
use crate::error::Failure;
use crate::{AppState, IpcError};

/// A restore checked and waiting for the restart that applies it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct StagedRestore {
    pub file: String,
}

fn db_path(state: &AppState) -> Result<&Path, Failure> {
    state.db_path.as_deref().ok_or(Failure::NoDataDir)
}

/// The automatic copies (daily, before a migration or a restore), newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<Backup>, IpcError> {
    guarded(state.inner(), async move {
        Ok(safety::backups(db_path(&state)?)?)
    }).await
}

/// "Save a copy…": the whole database to a file the user picks (`None` if cancelled).
#[tauri::command]
pub async fn backup_database(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let name = format!("zayava-{}.sqlite3", chrono::Local::now().format("%Y-%m-%d"));
        let Some(target) = crate::dialogs::choose_target(&app, &name, ("Zayava", &["sqlite3"])).await else { return Ok(None) };
        // The dialog has confirmed replacing an existing file.
        if target.exists() {
            std::fs::remove_file(&target).map_err(|e| zayava_store::StoreError::File(e.to_string()))?;
        }
        db.backup_to(&target).await?;
        Ok(Some(target.display().to_string()))
    }).await
}

async fn stage(state: &AppState, file: &Path) -> Result<StagedRestore, Failure> {
    safety::stage_restore(db_path(state)?, file).await?;
    Ok(StagedRestore { file: file.display().to_string() })
}

/// "Restore from a file…": checks the file the user picks (a Zayava database, not newer,
/// not damaged) and stages it; nothing changes until the restart.
#[tauri::command]
pub async fn restore_from_file(app: AppHandle, state: State<'_, AppState>) -> Result<Option<StagedRestore>, IpcError> {
    guarded(state.inner(), async move {
        let Some(file) = crate::dialogs::choose_file(&app, Some(("Zayava", &["sqlite3", "db"]))).await else { return Ok(None) };
        stage(&state, &file).await.map(Some)
    }).await
}

/// Restores one of the listed automatic copies (only those: the page names no other path).
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, path: String) -> Result<StagedRestore, IpcError> {
    guarded(state.inner(), async move {
        safety::stage_listed_restore(db_path(&state)?, &path).await?;
        Ok(StagedRestore { file: path })
    }).await
}

#[tauri::command]
pub async fn cancel_restore(state: State<'_, AppState>) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        Ok(safety::unstage_restore(db_path(&state)?)?)
    }).await
}

/// Restarts the app (to apply a staged restore, or after setting a damaged file aside).
#[tauri::command]
pub fn restart_app(app: AppHandle) {
    app.restart();
}

/// Only when the database is damaged: moves it (and its journal) into backups/ and restarts
/// with a new, empty database. Nothing is deleted.
#[tauri::command]
pub async fn start_with_new_database(app: AppHandle, state: State<'_, AppState>) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let damaged = state.damaged.get().is_some() || matches!(&state.db, Err(e) if e.code() == ErrorCode::StoreDamaged);
        if !damaged {
            return Err(Failure::NotDamaged);
        }
        let now = chrono::Utc::now();
        match &state.db {
            // Damage found by the check after opening: the open database closes itself first.
            Ok(db) => db.set_aside_damaged(now).await,
            Err(_) => safety::set_aside_damaged(db_path(&state)?, now),
        }
        ?;
        app.restart();
    }).await
}
