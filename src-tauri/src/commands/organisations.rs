//! Organisation profiles, as the `organisation` form schema describes them.

use serde_json::Value;
use tauri::State;
use zayava_core::organisation::Organisation;

use super::{database, guarded};
use crate::{AppState, IpcError};

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.organisations().await?)
    }).await
}

#[tauri::command]
pub async fn create_organisation(state: State<'_, AppState>, values: Value) -> Result<Organisation, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.create_organisation(&values, chrono::Utc::now()).await?)
    }).await
}

#[tauri::command]
pub async fn update_organisation(state: State<'_, AppState>, id: i64, values: Value) -> Result<Organisation, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.update_organisation(id, &values, chrono::Utc::now()).await?)
    }).await
}
