//! A contract's life in the window: the timeline, recording events, what is due, one
//! date's explanation, and exporting deadlines to a calendar file, or a registry to an
//! Excel file, where the user picks.

use tauri::State;
use zayava_app::ics::{self, IcsExport};
use zayava_app::spreadsheet::{self, Registry, XlsxExport};
use zayava_store::applications::ApplicationFilter;
use zayava_app::{due, events, Now, Problem};
use zayava_core::deadlines::report::Item;
use zayava_core::lifecycle::{NewEvent, RecordedEvent, Timeline};
use zayava_store::lifecycle::{DashboardQuery, DueEntry};

use super::{database, guarded, language};
use crate::AppState;

#[tauri::command]
pub async fn application_timeline(state: State<'_, AppState>, id: String) -> Result<Timeline, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        events::timeline(db, &id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn record_event(state: State<'_, AppState>, id: String, event: NewEvent) -> Result<RecordedEvent, Problem> {
    guarded(state.inner(), async move { events::record(database(&state)?, &id, &event, Now::read()).await }).await
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, query: DashboardQuery) -> Result<Vec<DueEntry>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        due::dashboard(db, &query, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn expiring_contracts(state: State<'_, AppState>, days: u32) -> Result<Vec<DueEntry>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        due::expiring(db, days, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn deadline_detail(state: State<'_, AppState>, id: String, rule: String, round: u32) -> Result<Option<Item>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        due::detail(db, &id, &rule, round, language(db).await, Now::read()).await
    }).await
}

/// Writes the open deadlines (of one application, or of all) to a calendar file the user
/// chose in the save dialog (`None` if cancelled).
#[tauri::command]
pub async fn export_ics(app: tauri::AppHandle, state: State<'_, AppState>, id: Option<String>) -> Result<Option<IcsExport>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let Some(target) = crate::dialogs::choose_target(&app, "zayava.ics", ("iCalendar", &["ics"])).await else { return Ok(None) };
        ics::export(db, id.as_deref(), &target, language(db).await, Now::read()).await.map(Some)
    }).await
}

/// Writes `registry` as an .xlsx file where the user chooses: the applications under
/// `filter` (the list's), what is due under `query` (the dashboard's), or the dates.
#[tauri::command]
pub async fn export_xlsx(app: tauri::AppHandle, state: State<'_, AppState>, registry: Registry, filter: ApplicationFilter, query: DashboardQuery) -> Result<Option<XlsxExport>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        let sheet = spreadsheet::sheet(db, registry, &filter, &query, lang, Now::read()).await?;
        let Some(target) = crate::dialogs::choose_target(&app, &spreadsheet::file_name(registry, lang), ("Excel", &["xlsx"])).await else { return Ok(None) };
        spreadsheet::write(&sheet, &target).map(Some)
    }).await
}
