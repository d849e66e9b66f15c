//! Settings in the window: the language, support hours, reminder lead times
//! (`zayava_app::settings`), and what the app knows about itself.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_app::settings::{self, Leads};
use zayava_app::Problem;
use zayava_core::i18n::Lang;

use super::{database, guarded};
use crate::AppState;

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
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            database_path: db.path().display().to_string(),
            language: settings::language(db).await?,
            organisations: db.organisation_count().await?,
        })
    }).await
}

/// The window reports its first painted dashboard: the start-up integrity check may begin;
/// with ZAYAVA_REPORT_STARTUP set, the time since `main` and the wall clock are printed
/// (scripts/bench-startup.sh times launch to paint from the clock, as for a bare WebKit view).
#[tauri::command]
pub fn first_paint() {
    crate::PAINTED.notify_one();
    if std::env::var_os("ZAYAVA_REPORT_STARTUP").is_some() {
        let clock = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        eprintln!("zayava: first paint {} ms, at {clock}", crate::STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0));
    }
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Lang) -> Result<(), Problem> {
    guarded(state.inner(), async move { settings::set_language(database(&state)?, language).await }).await
}

/// The support window for working-hour deadlines, as `HH:MM-HH:MM`.
#[tauri::command]
pub async fn working_window(state: State<'_, AppState>) -> Result<String, Problem> {
    guarded(state.inner(), async move { settings::working_window(database(&state)?).await }).await
}

#[tauri::command]
pub async fn set_working_window(state: State<'_, AppState>, window: String) -> Result<(), Problem> {
    guarded(state.inner(), async move { settings::set_working_window(database(&state)?, &window).await }).await
}

/// Reminder lead times, in working days before a due day, as `3, 1, 0`.
#[tauri::command]
pub async fn reminder_leads(state: State<'_, AppState>) -> Result<String, Problem> {
    guarded(state.inner(), async move { settings::leads(database(&state)?, Leads::Deadlines).await }).await
}

#[tauri::command]
pub async fn set_reminder_leads(state: State<'_, AppState>, leads: String) -> Result<(), Problem> {
    guarded(state.inner(), async move { settings::set_leads(database(&state)?, Leads::Deadlines, &leads).await }).await
}

/// Lead times before a contract's end or renewal, in working days, as `20, 10, 5, 1`.
#[tauri::command]
pub async fn term_reminder_leads(state: State<'_, AppState>) -> Result<String, Problem> {
    guarded(state.inner(), async move { settings::leads(database(&state)?, Leads::Term).await }).await
}

#[tauri::command]
pub async fn set_term_reminder_leads(state: State<'_, AppState>, leads: String) -> Result<(), Problem> {
    guarded(state.inner(), async move { settings::set_leads(database(&state)?, Leads::Term, &leads).await }).await
}
