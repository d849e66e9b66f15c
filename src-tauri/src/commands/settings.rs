//! Settings: the interface language and what the app knows about itself.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::i18n::Lang;

use zayava_core::i18n::Text;

use super::{database, in_user_language, language};
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

const BAD_WINDOW: Text = Text::new(
    "Укажите часы поддержки как ЧЧ:ММ–ЧЧ:ММ, начало раньше конца (например, 08:00–19:00).",
    "Give the support hours as HH:MM–HH:MM with the start before the end (e.g. 08:00–19:00).",
);

/// The support window for working-hour deadlines, as `HH:MM-HH:MM`.
#[tauri::command]
pub async fn working_window(state: State<'_, AppState>) -> Result<String, IpcError> {
    let db = database(&state)?;
    let w = in_user_language(db, db.working_window().await).await?;
    Ok(format!("{}-{}", w.start.format("%H:%M"), w.end.format("%H:%M")))
}

#[tauri::command]
pub async fn set_working_window(state: State<'_, AppState>, window: String) -> Result<(), IpcError> {
    let db = database(&state)?;
    let Some(w) = zayava_store::parse_window(&window.replace('–', "-")) else {
        let message = BAD_WINDOW.get(language(db).await).to_string();
        return Err(IpcError {
            code: "settings.invalid_window".into(),
            fields: vec![zayava_core::validation::FieldError {
                field: "working_window".into(),
                code: zayava_core::validation::IssueCode::Malformed,
                message: message.clone(),
            }],
            message,
        });
    };
    in_user_language(db, db.set_working_window(w).await).await
}
