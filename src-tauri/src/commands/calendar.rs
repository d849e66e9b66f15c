//! The Calendar screen: a month's days, and the user's corrections to a year's transfers,
//! which take effect at once because every computation reads the stored calendar.

use tauri::State;
use zayava_core::calendar::view::{month_view, MonthView};
use zayava_core::calendar::YearTransfers;

use zayava_core::deadlines::QueryError;

use super::{database, guarded, language};
use crate::{AppState, IpcError};

#[tauri::command]
pub async fn calendar_month(state: State<'_, AppState>, year: i32, month: u32) -> Result<MonthView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let cal = db.calendar().await?;
        let lang = language(db).await;
        Ok(month_view(&cal, year, month, lang).map_err(|e| QueryError::OutOfRange { date: e.0 })?)
    }).await
}

/// Every year whose transfers are held: embedded ones, with the user's over them.
#[tauri::command]
pub async fn calendar_years(state: State<'_, AppState>) -> Result<Vec<YearTransfers>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let cal = db.calendar().await?;
        Ok(cal.years().cloned().collect())
    }).await
}

#[tauri::command]
pub async fn save_calendar_year(state: State<'_, AppState>, year: YearTransfers) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.save_calendar_year(&year, chrono::Utc::now()).await?)
    }).await
}

/// Drops the user's version of a year: the embedded data (or none) applies again.
#[tauri::command]
pub async fn reset_calendar_year(state: State<'_, AppState>, year: i32) -> Result<(), IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        db.delete_calendar_year(year).await?;
        Ok(())
    }).await
}
