//! Sync in the window: the address and token in Settings, «Синхронизировать», the status
//! line, and what sync set aside for the user to settle (`zayava_app::sync`).

use tauri::State;
use zayava_app::sync::{self, SyncOverview};
use zayava_app::{Now, Problem};
use zayava_store::sync::Resolution;
use zayava_sync::SyncReport;

use super::{database, guarded, language};
use crate::AppState;

#[tauri::command]
pub async fn sync_overview(state: State<'_, AppState>) -> Result<SyncOverview, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        sync::overview(db, &state.sync, language(db).await).await
    }).await
}

/// Saves the API's address; an empty one turns sync off. Wakes the background loop.
#[tauri::command]
pub async fn save_sync_url(state: State<'_, AppState>, url: String) -> Result<String, Problem> {
    guarded(state.inner(), async move {
        let saved = sync::save_url(database(&state)?, &url).await?;
        state.sync.wake();
        Ok(saved)
    }).await
}

#[tauri::command]
pub async fn save_sync_token(state: State<'_, AppState>, token: String) -> Result<(), Problem> {
    guarded(state.inner(), async move {
        database(&state)?;
        sync::save_token(token).await?;
        state.sync.wake();
        Ok(())
    }).await
}

#[tauri::command]
pub async fn forget_sync_token(state: State<'_, AppState>) -> Result<(), Problem> {
    guarded(state.inner(), async move {
        database(&state)?;
        sync::forget_token().await
    }).await
}

/// «Синхронизировать»: runs at once and answers with what it did.
#[tauri::command]
pub async fn sync_now(state: State<'_, AppState>) -> Result<SyncReport, Problem> {
    guarded(state.inner(), async move { Ok(state.sync.run(database(&state)?, Now::read()).await?) }).await
}

#[tauri::command]
pub async fn resolve_sync_conflict(state: State<'_, AppState>, application_id: String, resolution: Resolution) -> Result<(), Problem> {
    guarded(state.inner(), async move {
        sync::resolve_conflict(database(&state)?, &application_id, resolution, Now::read()).await?;
        state.sync.wake();
        Ok(())
    }).await
}

#[tauri::command]
pub async fn dismiss_sync_issues(state: State<'_, AppState>) -> Result<(), Problem> {
    guarded(state.inner(), async move { sync::dismiss_issues(database(&state)?).await }).await
}

/// Sends the refused items again (after the user fixed what the operator objected to).
#[tauri::command]
pub async fn retry_refused_items(state: State<'_, AppState>) -> Result<u64, Problem> {
    guarded(state.inner(), async move {
        let n = sync::retry_refused(database(&state)?).await?;
        state.sync.wake();
        Ok(n)
    }).await
}
