//! The deadline calculator: a service, event dates and facts in; dates with their
//! explanations out, counted with the stored calendar and support-hours window.

use std::collections::BTreeMap;

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::deadlines::report::{report, Report};
use zayava_core::deadlines::{evaluate, Query};
use zayava_core::lifecycle::{calculator_verdicts, CalculatedVerdict};
use zayava_core::rules::ServiceInputs;

use super::{database, guarded, language};
use crate::{AppState, IpcError};

#[tauri::command]
pub fn deadline_services(state: State<'_, AppState>) -> Vec<ServiceInputs> {
    state.rulebook.inputs()
}

/// The calculator's answer: every date, and what the events typed in mean for each (a
/// receipt after the signing window: the contract is not concluded).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Calculation {
    pub report: Report,
    pub verdicts: Vec<CalculatedVerdict>,
}

#[tauri::command]
pub async fn compute_deadlines(
    state: State<'_, AppState>,
    service: String,
    events: BTreeMap<String, String>,
    facts: BTreeMap<String, String>,
) -> Result<Calculation, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        let cal = db.calendar().await?;
        let window = db.working_window().await?;
        // Blank fields are not yet entered, not errors.
        let events: BTreeMap<String, String> = events.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k, v.trim().to_string())).collect();
        let facts = facts.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k, serde_json::Value::String(v)));
        let query = Query::build(&state.rulebook, &service, events.clone(), facts, None)?;
        let outcomes = evaluate(&query, &cal, window)?;
        let report = report(&query, &outcomes, &cal, lang);
        let verdicts = calculator_verdicts(&state.rulebook, &service, &report.items, &events, lang);
        Ok(Calculation { report, verdicts })
    }).await
}
