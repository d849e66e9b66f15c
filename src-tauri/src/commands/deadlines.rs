//! The deadline calculator: a service, event dates and facts in; dates with their
//! explanations out, counted with the stored calendar and support-hours window.

use std::collections::BTreeMap;

use tauri::State;
use zayava_core::deadlines::report::{report, Report};
use zayava_core::deadlines::{evaluate, Query};
use zayava_core::rules::ServiceInputs;

use super::{database, in_user_language, language};
use crate::{AppState, IpcError};

#[tauri::command]
pub fn deadline_services(state: State<'_, AppState>) -> Vec<ServiceInputs> {
    state.rulebook.inputs()
}

#[tauri::command]
pub async fn compute_deadlines(
    state: State<'_, AppState>,
    service: String,
    events: BTreeMap<String, String>,
    facts: BTreeMap<String, String>,
) -> Result<Report, IpcError> {
    let db = database(&state)?;
    let lang = language(db).await;
    let cal = in_user_language(db, db.calendar().await).await?;
    let window = in_user_language(db, db.working_window().await).await?;
    // Blank fields are not yet entered, not errors.
    let events = events.into_iter().filter(|(_, v)| !v.trim().is_empty());
    let facts = facts.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k, serde_json::Value::String(v)));
    let query = Query::build(&state.rulebook, &service, events, facts, None).map_err(|e| IpcError::from_query(e, lang))?;
    let outcomes = evaluate(&query, &cal, window).map_err(|e| IpcError::from_query(e, lang))?;
    Ok(report(&query, &outcomes, &cal, lang))
}
