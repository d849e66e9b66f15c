//! The commands the UI may invoke. Each takes the clock reading it needs here, at the edge,
//! and passes it into the crates.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::i18n::Lang;
use zayava_core::organisation::{Organisation, OrganisationDraft};
use zayava_store::{Database, StoreError};

use crate::{AppState, IpcError};

/// What the UI needs to know at start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub language: Lang,
}

fn database(state: &AppState) -> Result<&Database, IpcError> {
    state.db.as_ref().map_err(Clone::clone)
}

/// Runs a store call and turns its error into words in the user's language.
async fn in_user_language<T>(db: &Database, result: Result<T, StoreError>) -> Result<T, IpcError> {
    match result {
        Ok(v) => Ok(v),
        Err(e) => {
            let lang = db.language().await.unwrap_or_default();
            Err(IpcError::from_store(e, lang))
        }
    }
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    let db = database(&state)?;
    let language = in_user_language(db, db.language().await).await?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        database_path: db.path().display().to_string(),
        language,
    })
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Lang) -> Result<(), IpcError> {
    let db = database(&state)?;
    in_user_language(db, db.set_language(language).await).await
}

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
