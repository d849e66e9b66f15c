//! One line of `zayava deadlines --batch`: a JSON object `{"service", "events", "facts",
//! "rules"?}` in, a report or `{"error": {"code", "message"}}` out. Kept here, pure, so the
//! parser can be tested and fuzzed without a process.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::i18n::Lang;
use crate::rules::Rulebook;

use super::report::{report, Report};
use super::{evaluate, Query, QueryError, WorkingWindow};

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

/// What one batch line answers.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Report(Report),
    Error { error: ErrorBody },
}

impl Answer {
    pub fn from_error(e: &QueryError, lang: Lang) -> Answer {
        Answer::Error { error: ErrorBody { code: e.code().local(), message: e.message(lang) } }
    }
}

fn parse(text: &str) -> Result<Line, QueryError> {
    if text.len() > MAX_LINE_BYTES {
        return Err(QueryError::MalformedInput { detail: format!("the line is longer than {MAX_LINE_BYTES} bytes") });
    }
    serde_json::from_str(text).map_err(|e| QueryError::MalformedInput { detail: e.to_string() })
}

/// Answers one input line.
pub fn answer(book: &Rulebook, cal: &Calendar, window: WorkingWindow, text: &str, lang: Lang) -> Answer {
    let run = || -> Result<Report, QueryError> {
        let line = parse(text)?;
        let mut events = Vec::with_capacity(line.events.len());
        for (name, value) in line.events {
            match value {
                serde_json::Value::String(s) => events.push((name, s)),
                other => return Err(QueryError::MalformedMoment { event: name, value: other.to_string() }),
            }
        }
        let query = Query::build(book, &line.service, events, line.facts, line.rules)?;
        let outcomes = evaluate(&query, cal, window)?;
        Ok(report(&query, &outcomes, cal, lang))
    };
    match run() {
        Ok(r) => Answer::Report(r),
        Err(e) => Answer::from_error(&e, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> serde_json::Value {
        let answer = answer(&Rulebook::embedded(), &Calendar::embedded(), WorkingWindow::default(), text, Lang::En);
        serde_json::to_value(answer).unwrap()
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
