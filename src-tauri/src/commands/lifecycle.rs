//! A contract's life in the window: the timeline of an application, recording events, the
//! dashboard of what is due, and exporting deadlines to a calendar file. Local time is
//! read here, at the edge, and passed in.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::deadlines::report::Item;
use zayava_core::ics::{items_of, to_ics, IcsItem};
use zayava_core::lifecycle::{NewEvent, RecordedEvent, Recorder, Timeline};
use zayava_store::lifecycle::{DashboardQuery, DueEntry};

use super::{database, guarded, language};
use crate::{AppState, IpcError};

fn now_local() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

#[tauri::command]
pub async fn application_timeline(state: State<'_, AppState>, id: String) -> Result<Timeline, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        Ok(db.timeline(&id, now_local(), lang).await?)
    }).await
}

#[tauri::command]
pub async fn record_event(state: State<'_, AppState>, id: String, event: NewEvent) -> Result<RecordedEvent, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.record_event(&id, &event, Recorder::User, chrono::Utc::now(), now_local()).await?)
    }).await
}

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, query: DashboardQuery) -> Result<Vec<DueEntry>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        Ok(db.dashboard(&query, now_local(), lang).await?)
    }).await
}

/// Contracts whose term ends within `days` calendar days and that are not renewed yet.
#[tauri::command]
pub async fn expiring_contracts(state: State<'_, AppState>, days: u32) -> Result<Vec<DueEntry>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        Ok(db.expiring(days, now_local(), lang).await?)
    }).await
}

/// One date (of one round) of one application with its explanation (the dashboard opens
/// it on click).
#[tauri::command]
pub async fn deadline_detail(state: State<'_, AppState>, id: String, rule: String, round: u32) -> Result<Option<Item>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        let line = db.timeline(&id, now_local(), lang).await?;
        Ok(line.deadlines.into_iter().find(|d| d.item.rule == rule && d.round == round).map(|d| d.item))
    }).await
}

/// What an ICS export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IcsExport {
    pub path: String,
    pub events: usize,
}

/// Writes the open deadlines (of one application, or of all) to a calendar file the user
/// chose in the save dialog.
#[tauri::command]
pub async fn export_ics(app: tauri::AppHandle, state: State<'_, AppState>, id: Option<String>) -> Result<Option<IcsExport>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let Some(target) = crate::dialogs::choose_target(&app, "zayava.ics", ("iCalendar", &["ics"])).await else { return Ok(None) };
        let path = target.display().to_string();
        let lang = language(db).await;
        let now = now_local();
        let lines = match id {
            Some(id) => vec![(id.clone(), db.timeline(&id, now, lang).await?)],
            None => db.timelines(&Default::default(), now, lang).await?.into_iter().map(|(s, t)| (s.id, t)).collect(),
        };
        let items: Vec<IcsItem> = lines.iter().flat_map(|(app, line)| items_of(app, line)).collect();
        let text = to_ics("Заява", &items, chrono::Utc::now());
        let tmp = target.with_extension("ics.partial");
        let written = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, &target));
        written.map_err(|e| zayava_store::StoreError::File(format!("{path}: {e}")))?;
        Ok(Some(IcsExport { path, events: items.len() }))
    }).await
}
