//! The Calendar screen: `zayava_app::calendar`.

use tauri::{AppHandle, Emitter, State};
use zayava_app::{calendar, Now, Problem};
use zayava_core::calendar::view::MonthView;
use zayava_core::calendar::YearTransfers;

use super::{database, guarded, language};
use crate::AppState;

#[tauri::command]
pub async fn calendar_month(state: State<'_, AppState>, year: i32, month: u32) -> Result<MonthView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        calendar::month(db, year, month, language(db).await).await
    }).await
}

#[tauri::command]
pub async fn calendar_years(state: State<'_, AppState>) -> Result<Vec<YearTransfers>, Problem> {
    guarded(state.inner(), async move { calendar::years(database(&state)?).await }).await
}

/// Saves a year's transfers; the window hears `recompute-progress` ({done, of}) while the
/// applications counted through that year have their dates recomputed.
#[tauri::command]
pub async fn save_calendar_year(app: AppHandle, state: State<'_, AppState>, year: YearTransfers) -> Result<(), Problem> {
    guarded(state.inner(), async move {
        let mut progress = |p: calendar::Recomputing| {
            let _ = app.emit("recompute-progress", p);
        };
        calendar::save_year(database(&state)?, &year, Now::read(), &mut progress).await
    })
    .await
}

#[tauri::command]
pub async fn reset_calendar_year(state: State<'_, AppState>, year: i32) -> Result<(), Problem> {
    guarded(state.inner(), async move { calendar::reset_year(database(&state)?, year).await }).await
}
