//! Organisation profiles.

use tauri::State;
use zayava_core::organisation::{Organisation, OrganisationDraft};

use super::{database, in_user_language};
use crate::{AppState, IpcError};

#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, IpcError> {
    let db = database(&state)?;
    in_user_language(db, db.organisations().await).await
}

#[tauri::command]
pub async fn create_organisation(state: State<'_, AppState>, draft: OrganisationDraft) -> Result<Organisation, IpcError> {
    let db = database(&state)?;
    in_user_language(db, db.create_organisation(&draft, chrono::Utc::now()).await).await
}

#[tauri::command]
pub async fn update_organisation(state: State<'_, AppState>, id: i64, draft: OrganisationDraft) -> Result<Organisation, IpcError> {
    let db = database(&state)?;
    in_user_language(db, db.update_organisation(id, &draft, chrono::Utc::now()).await).await
}
