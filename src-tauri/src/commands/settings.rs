//! Settings: the interface language and what the app knows about itself.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::i18n::Lang;

use super::{database, guarded};
use crate::error::Failure;
use crate::{AppState, IpcError};

/// What the UI needs to know at start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub language: Lang,
    /// Organisation profiles stored (none on the first start).
    pub organisations: u32,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let language = db.language().await?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            database_path: db.path().display().to_string(),
            language,
            organisations: db.organisation_count().await?,
        })
    }).await
}

/// The window reports its first painted dashboard: the start-up integrity check may begin;
/// with ZAYAVA_REPORT_STARTUP set, the time since launch is printed (scripts/bench-startup.sh).
#[tauri::command]
pub fn first_paint() {
    crate::PAINTED.notify_one();
    if std::env::var_os("ZAYAVA_REPORT_STARTUP").is_some() {
        eprintln!("zayava: first paint {} ms", crate::STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0));
    }
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Lang) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.set_language(language).await?)
    }).await
}

/// The support window for working-hour deadlines, as `HH:MM-HH:MM`.
#[tauri::command]
pub async fn working_window(state: State<'_, AppState>) -> Result<String, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let w = db.working_window().await?;
        Ok(format!("{}-{}", w.start.format("%H:%M"), w.end.format("%H:%M")))
    }).await
}

#[tauri::command]
pub async fn set_working_window(state: State<'_, AppState>, window: String) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let Some(w) = zayava_store::parse_window(&window.replace('–', "-")) else {
            return Err(Failure::BadWindow);
        };
        Ok(db.set_working_window(w).await?)
    }).await
}

/// Reminder lead times, in working days before a due day, as `3, 1, 0`.
#[tauri::command]
pub async fn reminder_leads(state: State<'_, AppState>) -> Result<String, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let leads = db.reminder_leads().await?;
        Ok(leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))
    }).await
}

#[tauri::command]
pub async fn set_reminder_leads(state: State<'_, AppState>, leads: String) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        match db.set_reminder_leads(&leads).await? {
            Some(_) => Ok(()),
            None => Err(Failure::BadLeads { term: false }),
        }
    }).await
}

/// Lead times before a contract's end or renewal, in working days, as `20, 10, 5, 1`.
#[tauri::command]
pub async fn term_reminder_leads(state: State<'_, AppState>) -> Result<String, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let leads = db.term_reminder_leads().await?;
        Ok(leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))
    }).await
}

#[tauri::command]
pub async fn set_term_reminder_leads(state: State<'_, AppState>, leads: String) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        match db.set_term_reminder_leads(&leads).await? {
            Some(_) => Ok(()),
            None => Err(Failure::BadLeads { term: true }),
        }
    }).await
}
