//! The deadline calculator: a service, the dates of its events and its facts in; every date
//! with how it was worked out, and what the events typed in mean (a receipt after the
//! signing window: the contract is not concluded), out. Counted with the stored calendar
//! and support hours.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use zayava_core::deadlines::report::{report, Report};
use zayava_core::deadlines::{evaluate, Query};
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{calculator_verdicts, CalculatedVerdict};
use zayava_core::rules::{Rulebook, ServiceInputs};
use zayava_store::Database;

use crate::AppError;

/// The calculator's answer.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Calculation {
    pub report: Report,
    pub verdicts: Vec<CalculatedVerdict>,
}

/// What each service asks for: its events and facts.
pub fn services(book: &Rulebook) -> Vec<ServiceInputs> {
    book.inputs()
}

/// Blank fields are not yet entered, not errors.
pub async fn compute(db: &Database, book: &Rulebook, service: &str, events: BTreeMap<String, String>, facts: BTreeMap<String, String>, lang: Lang) -> Result<Calculation, AppError> {
    let cal = db.calendar().await?;
    let window = db.working_window().await?;
    let events: BTreeMap<String, String> = events.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k, v.trim().to_string())).collect();
    let facts = facts.into_iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k, serde_json::Value::String(v)));
    let query = Query::build(book, service, events.clone(), facts, None)?;
    let outcomes = evaluate(&query, &cal, window)?;
    let report = report(&query, &outcomes, &cal, lang);
    let verdicts = calculator_verdicts(book, service, &report.items, &events, lang);
    Ok(Calculation { report, verdicts })
}
