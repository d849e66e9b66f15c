//! One line of `zayava deadlines --batch`: a JSON object `{"service", "events", "facts",
//! "rules"?}` in, `{"service", "items": [{"rule", "kind", "party", "due", "clause",
//! "provisional"}…]}` or `{"error": {"code", "message"}}` out; each item's `explanation`
//! only when asked for (`--explain`), since a script reads dates and a person reads
//! explanations. Kept here, pure, so the parser can be tested and fuzzed without a process.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::i18n::Lang;
use crate::rules::{Party, RuleKind, Rulebook};

use super::explain::{explain, Explanation};
use super::plan::{Outcome, Plan};
use super::{evaluate, Due, Query, QueryError, State, WorkingWindow};

/// The longest line accepted; anything longer is refused before parsing.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    service: String,
    #[serde(default)]
    events: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    facts: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    rules: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct ErrorBody {
    pub code: &'static str,
    pub message: String,
}

/// One rule's answer: the fields of the single query's report item, in the same order,
/// with the explanation only when asked for. Names and clauses are borrowed from the
/// rulebook, the date written as it is serialised: nothing is copied to be printed.
#[derive(Debug, Serialize)]
pub struct Item<'b> {
    pub rule: &'b str,
    pub kind: RuleKind,
    pub party: Option<Party>,
    pub due: Option<Due>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_for: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needs_facts: Option<Vec<String>>,
    pub clause: &'b str,
    pub provisional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// What one batch line answers.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer<'b> {
    Report { service: &'b str, items: Vec<Item<'b>> },
    Error { error: ErrorBody },
}

impl Answer<'_> {
    pub fn from_error(e: &QueryError, lang: Lang) -> Answer<'static> {
        Answer::Error { error: ErrorBody { code: e.code().local(), message: e.message(lang) } }
    }
}

fn parse(text: &str) -> Result<Line, QueryError> {
    if text.len() > MAX_LINE_BYTES {
        return Err(QueryError::MalformedInput { detail: format!("the line is longer than {MAX_LINE_BYTES} bytes") });
    }
    serde_json::from_str(text).map_err(|e| QueryError::MalformedInput { detail: e.to_string() })
}

/// Answers batch lines: with the compiled plan, or with the interpreter when the
/// explanations are asked for (only it builds them) or the plan cannot take a case.
pub struct Batch<'b> {
    book: &'b Rulebook,
    plan: Option<Plan<'b>>,
}

impl<'b> Batch<'b> {
    pub fn new(book: &'b Rulebook) -> Batch<'b> {
        Batch { book, plan: Plan::compile(book) }
    }

    /// Answers one input line; `explain_items` adds each item's explanation in `lang`.
    pub fn answer(&self, cal: &Calendar, window: WorkingWindow, text: &str, lang: Lang, explain_items: bool) -> Answer<'b> {
        let run = || -> Result<Answer<'b>, QueryError> {
            let line = parse(text)?;
            let mut events = Vec::with_capacity(line.events.len());
            for (name, value) in line.events {
                match value {
                    serde_json::Value::String(s) => events.push((name, s)),
                    other => return Err(QueryError::MalformedMoment { event: name, value: other.to_string() }),
                }
            }
            let query = Query::build(self.book, &line.service, events, line.facts, line.rules)?;
            if !explain_items {
                if let Some(items) = self.compiled(&query, cal, window)? {
                    return Ok(Answer::Report { service: &query.service.id, items });
                }
            }
            let outcomes = evaluate(&query, cal, window)?;
            let items = outcomes
                .into_iter()
                .map(|o| {
                    let explanation = explain_items.then(|| explain(query.service, &o, cal, lang));
                    let rule = o.rule;
                    let (due, waiting_for, needs_facts, provisional) = match o.state {
                        // The same test as the explanation's: a count through a year whose
                        // calendar is not yet published.
                        State::Due { landing, provisional_years, .. } => (Some(landing.due), None, None, !provisional_years.is_empty()),
                        State::Waiting { events, facts, .. } => (None, Some(events), (!facts.is_empty()).then_some(facts), false),
                    };
                    Item { rule: &rule.id, kind: rule.kind, party: rule.party, due, waiting_for, needs_facts, clause: &rule.clause, provisional, explanation }
                })
                .collect();
            Ok(Answer::Report { service: &query.service.id, items })
        };
        run().unwrap_or_else(|e| Answer::from_error(&e, lang))
    }

    /// The items from the compiled plan; None where it cannot take the case.
    fn compiled(&self, query: &Query<'b>, cal: &Calendar, window: WorkingWindow) -> Result<Option<Vec<Item<'b>>>, QueryError> {
        let Some(service) = self.plan.as_ref().and_then(|p| p.service(&query.service.id)) else { return Ok(None) };
        let Some(input) = service.input(self.book, query) else { return Ok(None) };
        let mut rows = Vec::with_capacity(query.service.rules.len());
        if !service.evaluate(self.book, &input, cal, window, &mut rows)? {
            return Ok(None);
        }
        let names = |list: &[u8], all: &dyn Fn(usize) -> String| list.iter().map(|i| all(*i as usize)).collect::<Vec<_>>();
        let items = rows
            .iter()
            .filter(|r| query.only_rules.as_ref().is_none_or(|only| only.contains(&r.rule.id)))
            .map(|r| {
                let (due, waiting_for, needs_facts, provisional) = match r.outcome {
                    Outcome::Due { due, provisional } => (Some(due), None, None, provisional),
                    Outcome::Waiting { events, facts } => (
                        None,
                        Some(names(events.as_slice(), &|i| query.service.events[i].id.clone())),
                        (!facts.is_empty()).then(|| names(facts.as_slice(), &|i| self.book.facts[i].id.clone())),
                        false,
                    ),
                };
                Item { rule: &r.rule.id, kind: r.rule.kind, party: r.rule.party, due, waiting_for, needs_facts, clause: &r.rule.clause, provisional, explanation: None }
            })
            .collect();
        Ok(Some(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> serde_json::Value {
        explained(text, true)
    }

    fn explained(text: &str, explain: bool) -> serde_json::Value {
        let book = Rulebook::embedded();
        let answer = Batch::new(&book).answer(&Calendar::embedded(), WorkingWindow::default(), text, Lang::En, explain);
        serde_json::to_value(answer).unwrap()
    }

    /// Without `--explain` (the compiled plan) an item carries the same fields as with it
    /// (the interpreter), but no explanation; `provisional` still says whether the count
    /// ran through an unpublished calendar, and a rule filter filters the same.
    #[test]
    fn a_plain_answer_is_the_explained_one_without_explanations() {
        let lines = [
            r#"{"service":"constructor","events":{"draft_contract_received":"2025-03-07"},"facts":{}}"#,
            r#"{"service":"constructor","events":{"draft_contract_received":"2099-03-07"},"facts":{}}"#,
            r#"{"service":"one-window","events":{"signed_contract_received":"2025-03-03"},"facts":{"org_kind":"commercial"}}"#,
            r#"{"service":"kvp","events":{"failure_reported":"2025-01-10T15:00"}}"#,
            r#"{"service":"one-window","events":{"signed_contract_received":"2025-03-03"},"facts":{"org_kind":"commercial"},"rules":["one-window.connection"]}"#,
        ];
        let mut provisional = 0;
        for text in lines {
            let (plain, mut full) = (explained(text, false), explained(text, true));
            for item in full["items"].as_array_mut().unwrap() {
                assert!(item["explanation"].is_object(), "{text}");
                provisional += item["provisional"].as_bool().unwrap() as u32;
                item.as_object_mut().unwrap().remove("explanation");
            }
            assert_eq!(plain, full, "{text}");
        }
        assert!(provisional > 0, "a count through 2099 is provisional");
    }

    #[test]
    fn a_good_line_gives_the_report_shape() {
        let v = line(r#"{"service":"constructor","events":{"draft_contract_received":"2025-03-07"},"facts":{}}"#);
        assert_eq!(v["service"], "constructor");
        let item = &v["items"][0];
        assert_eq!(item["rule"], "constructor.sign_contract");
        assert_eq!(item["kind"], "deadline");
        assert_eq!(item["party"], "consumer");
        assert_eq!(item["due"], "2025-03-24");
        assert_eq!(item["clause"], "3.9");
        assert_eq!(item["provisional"], false);
        assert!(item.get("waiting_for").is_none());
        assert_eq!(item["explanation"]["rolled_forward_from"], "2025-03-22");
    }

    #[test]
    fn facts_may_be_numbers_or_strings_and_dates_have_a_null_party() {
        let a = line(r#"{"service":"hosting","events":{"signed_contract_received":"2025-03-03"},"facts":{"software_count":5}}"#);
        let b = line(r#"{"service":"hosting","events":{"signed_contract_received":"2025-03-03"},"facts":{"software_count":"5"}}"#);
        assert_eq!(a["items"][0]["due"], "2025-03-17");
        assert_eq!(a, b);
        let c = line(r#"{"service":"kvp","events":{"activation_notice_sent":"2025-03-31"}}"#);
        assert_eq!(c["items"][0]["party"], serde_json::Value::Null);
        assert_eq!(c["items"][1]["due"], "2025-03");
    }

    #[test]
    fn a_waiting_rule_has_a_null_due_and_says_what_it_waits_for() {
        let v = line(r#"{"service":"one-window","events":{"signed_contract_received":"2025-03-03"},"facts":{"org_kind":"commercial"}}"#);
        let item = v["items"].as_array().unwrap().iter().find(|i| i["rule"] == "one-window.connection").unwrap();
        assert_eq!(item["due"], serde_json::Value::Null);
        assert_eq!(item["waiting_for"], serde_json::json!(["prepayment_made"]));
    }

    #[test]
    fn every_kind_of_bad_line_becomes_an_error_object_with_a_code() {
        let cases = [
            ("not json", "malformed_input"),
            (r#"{"service":"hosting","event":{}}"#, "malformed_input"),
            (r#"{"events":{}}"#, "malformed_input"),
            (r#"{"service":"nope"}"#, "unknown_service"),
            (r#"{"service":"hosting","events":{"x":"2025-01-01"}}"#, "unknown_event"),
            (r#"{"service":"hosting","events":{"application_received":20250101}}"#, "malformed_date"),
            (r#"{"service":"hosting","events":{"application_received":"2025-02-30"}}"#, "impossible_date"),
            (r#"{"service":"hosting","facts":{"software_count":0}}"#, "invalid_fact"),
            (r#"{"service":"hosting","facts":{"colour":"red"}}"#, "unknown_fact"),
            (r#"{"service":"hosting","rules":["kvp.sign_contract"]}"#, "unknown_rule"),
        ];
        for (text, code) in cases {
            let v = line(text);
            assert_eq!(v["error"]["code"], code, "{text}");
            assert!(!v["error"]["message"].as_str().unwrap().is_empty());
        }
        let long = format!(r#"{{"service":"{}"}}"#, "x".repeat(MAX_LINE_BYTES));
        assert_eq!(line(&long)["error"]["code"], "malformed_input");
    }
}
