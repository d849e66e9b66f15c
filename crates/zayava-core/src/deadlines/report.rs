//! A query's answer as the CLI prints it and the UI shows it: one item per rule, with the
//! due date (or what it waits for) and its explanation. The JSON shape is a contract:
//! `{"service", "items": [{"rule", "kind", "party", "due", "clause", "provisional", "explanation"}]}`.

use serde::Serialize;
use ts_rs::TS;

use crate::calendar::Calendar;
use crate::i18n::Lang;
use crate::rules::{Party, RuleKind};

use super::explain::{explain, Explanation};
use super::{Outcome, Query, State};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Item {
    pub rule: String,
    pub kind: RuleKind,
    pub party: Option<Party>,
    /// `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (local Minsk time) or `YYYY-MM`; null while waiting.
    pub due: Option<String>,
    /// The events still needed, when `due` is null.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub waiting_for: Option<Vec<String>>,
    /// The facts still needed, when `due` is null because of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub needs_facts: Option<Vec<String>>,
    pub clause: String,
    pub provisional: bool,
    pub explanation: Explanation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Report {
    pub service: String,
    pub items: Vec<Item>,
}

pub fn report(query: &Query, outcomes: &[Outcome], cal: &Calendar, lang: Lang) -> Report {
    report_with(query, outcomes, |o| explain(query.service, o, cal, lang))
}

/// The same items with blank explanations (no text, not marked provisional): for stored due
/// dates, which keep only the dates, so no sentence is written to be thrown away.
pub fn report_dates(query: &Query, outcomes: &[Outcome]) -> Report {
    report_with(query, outcomes, |o| Explanation::blank(o.rule))
}

fn report_with(query: &Query, outcomes: &[Outcome], explain: impl Fn(&Outcome) -> Explanation) -> Report {
    let items = outcomes
        .iter()
        .map(|o| {
            let explanation = explain(o);
            let (due, waiting_for, needs_facts) = match &o.state {
                State::Due { landing, .. } => (Some(landing.due.to_string()), None, None),
                State::Waiting { events, facts, .. } => {
                    (None, Some(events.clone()), (!facts.is_empty()).then(|| facts.clone()))
                }
            };
            Item {
                rule: o.rule.id.clone(),
                kind: o.rule.kind,
                party: o.rule.party,
                due,
                waiting_for,
                needs_facts,
                clause: o.rule.clause.clone(),
                provisional: explanation.provisional,
                explanation,
            }
        })
        .collect();
    Report { service: query.service.id.clone(), items }
}
