//! Sync with the operator: the address and token in Settings, "Sync now", the status line,
//! and what sync set aside (refused items, conflicts) for the user to settle.

use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;
use zayava_store::sync::{Resolution, SyncConflict, SyncIssue, SyncState};
use zayava_sync::{credentials, endpoint, SyncReport, SyncError};

use super::{database, guarded, language};
use crate::sync::RunStatus;
use crate::error::Failure;
use crate::{AppState, IpcError};

/// Everything the sync panel shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncOverview {
    pub url: Option<String>,
    pub token_saved: bool,
    /// Why the token cannot be kept (no keyring), in the user's language.
    pub keyring_problem: Option<String>,
    pub state: SyncState,
    pub run: RunStatus,
    pub issues: Vec<SyncIssue>,
    pub conflicts: Vec<SyncConflict>,
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, SyncError> + Send + 'static) -> Result<T, SyncError> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| SyncError::Keyring(e.to_string()))?
}

#[tauri::command]
pub async fn sync_overview(state: State<'_, AppState>) -> Result<SyncOverview, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        let (token_saved, keyring_problem) = match blocking(credentials::token).await {
            Ok(t) => (t.is_some(), None),
            Err(e) => (false, Some(e.message(lang))),
        };
        Ok(SyncOverview {
            url: db.operator_url().await?,
            token_saved,
            keyring_problem: keyring_problem.or_else(|| state.sync.keyring_problem.as_ref().map(|e| e.message(lang))),
            state: db.sync_state().await?,
            run: state.sync.status(),
            issues: db.sync_issues(50).await?,
            conflicts: db.sync_conflicts().await?,
        })
    }).await
}

/// Saves the API's address (https, or http on this computer); an empty one turns sync off.
#[tauri::command]
pub async fn save_sync_url(state: State<'_, AppState>, url: String) -> Result<String, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let normal = if url.trim().is_empty() { String::new() } else { endpoint::check_base_url(&url).map_err(|e| Failure::from(e).on_field("sync_url"))?.as_str().trim_end_matches('/').to_string() };
        db.set_operator_url(&normal).await?;
        state.sync.wake();
        Ok(normal)
    }).await
}

/// Keeps the token in the OS keyring (never in the database or a file).
#[tauri::command]
pub async fn save_sync_token(state: State<'_, AppState>, token: String) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        database(&state)?;
        blocking(move || credentials::save_token(&token)).await.map_err(|e| Failure::from(e).on_field("sync_token"))?;
        state.sync.wake();
        Ok(())
    }).await
}

#[tauri::command]
pub async fn forget_sync_token(state: State<'_, AppState>) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        database(&state)?;
        Ok(blocking(credentials::forget_token).await?)
    }).await
}

/// "Sync now": runs at once and answers with what it did.
#[tauri::command]
pub async fn sync_now(app: AppHandle, state: State<'_, AppState>) -> Result<SyncReport, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(state.sync.run(&app, db).await?)
    }).await
}

#[tauri::command]
pub async fn resolve_sync_conflict(state: State<'_, AppState>, application_id: String, resolution: Resolution) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        db.resolve_conflict(&application_id, resolution, chrono::Utc::now()).await?;
        state.sync.wake();
        Ok(())
    }).await
}

#[tauri::command]
pub async fn dismiss_sync_issues(state: State<'_, AppState>) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.dismiss_sync_issues().await?)
    }).await
}

/// Sends the refused items again (after the user fixed what the operator objected to).
#[tauri::command]
pub async fn retry_refused_items(state: State<'_, AppState>) -> Result<u64, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let n = db.retry_rejected().await?;
        state.sync.wake();
        Ok(n)
    }).await
}
