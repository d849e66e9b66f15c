//! Settings: the interface language and what the app knows about itself.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::i18n::Lang;

use super::{database, in_user_language};
use crate::{AppState, IpcError};

/// What the UI needs to know at start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub language: Lang,
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
