//! Organisation profiles in the window: `zayava_app::organisations`.

use serde_json::Value;
use tauri::State;
use zayava_app::{organisations, Now, Problem};
use zayava_core::organisation::Organisation;

use super::{database, guarded};
use crate::AppState;

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, Problem> {
    guarded(state.inner(), async move { organisations::list(database(&state)?).await }).await
}

#[tauri::command]
pub async fn create_organisation(state: State<'_, AppState>, values: Value) -> Result<Organisation, Problem> {
    guarded(state.inner(), async move { organisations::add(database(&state)?, &values, Now::read()).await }).await
}

#[tauri::command]
pub async fn update_organisation(state: State<'_, AppState>, id: i64, values: Value) -> Result<Organisation, Problem> {
    guarded(state.inner(), async move { organisations::update(database(&state)?, id, &values, Now::read()).await }).await
}
