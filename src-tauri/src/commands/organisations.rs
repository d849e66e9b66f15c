//! Organisation profiles in the window: `zayava_app::organisations`.

use serde_json::Value;
use tauri::State;
use zayava_app::organisations::ProfileCheck;
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

/// Checks a profile as typed, storing nothing (as a field is left): each field's problem and
/// any other profile with the same УНП.
#[tauri::command]
pub async fn check_organisation(state: State<'_, AppState>, id: Option<i64>, values: Value) -> Result<ProfileCheck, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        organisations::check(db, id, &values, super::language(db).await).await
    })
    .await
}

#[tauri::command]
pub async fn archive_organisation(state: State<'_, AppState>, id: i64, archived: bool) -> Result<Organisation, Problem> {
    guarded(state.inner(), async move { organisations::archive(database(&state)?, id, archived, Now::read()).await }).await
}

/// Deletes a profile no application names (the window asked the user first).
#[tauri::command]
pub async fn delete_organisation(state: State<'_, AppState>, id: i64) -> Result<(), Problem> {
    guarded(state.inner(), async move { organisations::delete(database(&state)?, id).await }).await
}
