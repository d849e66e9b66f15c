//! The deadline calculator screen: `zayava_app::calculator`.

use std::collections::BTreeMap;

use tauri::State;
use zayava_app::calculator::{self, Calculation};
use zayava_app::Problem;
use zayava_core::rules::ServiceInputs;

use super::{database, guarded, language};
use crate::AppState;

#[tauri::command]
pub fn deadline_services(state: State<'_, AppState>) -> Vec<ServiceInputs> {
    calculator::services(&state.rulebook)
}

#[tauri::command]
pub async fn compute_deadlines(state: State<'_, AppState>, service: String, events: BTreeMap<String, String>, facts: BTreeMap<String, String>) -> Result<Calculation, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        calculator::compute(db, &state.rulebook, &service, events, facts, language(db).await).await
    }).await
}
