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

/// What each service asks for: its events, in the order the procedure goes through them
/// (its lifecycle's transitions: sent, received, the draft, signed…; any the lifecycle does
/// not name after them, in rulebook order), and its facts.
pub fn services(book: &Rulebook) -> Vec<ServiceInputs> {
    let mut inputs = book.inputs();
    for service in &mut inputs {
        let transitions = zayava_core::lifecycle::lifecycle().transitions(&service.id);
        let place = |event: &str| transitions.iter().position(|t| t.event == event).unwrap_or(usize::MAX);
        // A stable sort: events the lifecycle does not name keep their rulebook order.
        service.events.sort_by_key(|e| place(&e.id));
    }
    inputs
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calculator_asks_for_events_in_the_order_the_procedure_goes() {
        let book = Rulebook::embedded();
        let all = services(&book);
        let one_window: Vec<&str> = all.iter().find(|s| s.id == "one-window").unwrap().events.iter().map(|e| e.id.as_str()).collect();
        let at = |e: &str| one_window.iter().position(|x| *x == e).unwrap();
        assert!(at("application_sent") < at("application_received"));
        assert!(at("application_received") < at("draft_contract_received"));
        assert!(at("draft_contract_received") < at("signed_contract_sent"));
        assert!(at("signed_contract_sent") < at("signed_contract_received"));
        assert_eq!(one_window.len(), book.service("one-window").unwrap().events.len(), "none left out");
    }
}
