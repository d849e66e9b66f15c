//! One line of `zayava timeline --batch`: `{"service", "events": [{"event", "at"}…], "facts",
//! "now"}` in; `{"state", "deadlines": [{"rule", "round", "due", "status", "met_by",
//! "met_on"}…]}` or `{"error": {"code", "message"}}` out. The shape is a contract that
//! automated acceptance checks rely on; it is kept here, pure, so it can be tested and fuzzed.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::deadlines::batch::ErrorBody;
use crate::deadlines::{Query, WorkingWindow};
use crate::i18n::{Lang, Text};
use crate::rules::Rulebook;

use super::{check_new, timeline, DeadlineStatus, LifecycleError, NewEvent, NoticeContext, RecordedEvent, Recorder};

/// The longest line accepted; anything longer is refused before parsing.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    service: String,
    #[serde(default)]
    events: Vec<LineEvent>,
    #[serde(default)]
    facts: BTreeMap<String, serde_json::Value>,
    now: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LineEvent {
    event: String,
    at: String,
}

/// One deadline (or derived date) of the answer.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LineDeadline {
    pub rule: String,
    pub round: u32,
    pub due: Option<String>,
    pub status: DeadlineStatus,
    pub met_by: Option<String>,
    pub met_on: Option<String>,
    /// How the date was worked out: only when asked for (`--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<crate::deadlines::explain::Explanation>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Answer {
    Timeline { state: String, deadlines: Vec<LineDeadline> },
    Error { error: ErrorBody },
}

const MALFORMED: Text = Text::id("core-lifecycle-batch-malformed");
const BAD_NOW: Text = Text::id("core-lifecycle-batch-bad-now");
const EVENT_AT: Text = Text::id("core-lifecycle-batch-event-at");

fn error(code: &'static str, message: String) -> Answer {
    Answer::Error { error: ErrorBody { code, message } }
}

/// Answers one input line (`number` counts from 1, for messages); `explain` keeps each
/// deadline's explanation.
pub fn answer(book: &Rulebook, cal: &Calendar, window: WorkingWindow, text: &str, number: usize, lang: Lang, explain: bool) -> Answer {
    if text.len() > MAX_LINE_BYTES {
        let detail = format!("> {MAX_LINE_BYTES} bytes");
        return error("malformed_input", MALFORMED.fill(lang, &[("line", &number.to_string()), ("detail", &detail)]));
    }
    let line: Line = match serde_json::from_str(text) {
        Ok(l) => l,
        Err(e) => return error("malformed_input", MALFORMED.fill(lang, &[("line", &number.to_string()), ("detail", &e.to_string())])),
    };
    let Ok(now) = NaiveDateTime::parse_from_str(line.now.trim(), "%Y-%m-%dT%H:%M") else {
        return error("malformed_date", BAD_NOW.fill(lang, &[("value", &line.now)]));
    };
    if book.service(&line.service).is_none() {
        let e = crate::deadlines::QueryError::UnknownService { service: line.service.clone(), known: book.services.iter().map(|s| s.id.clone()).collect() };
        return error(e.code().local(), e.message(lang));
    }
    // Each event is checked against those before it, exactly as the app checks a new one.
    let mut trail: Vec<RecordedEvent> = Vec::with_capacity(line.events.len());
    for (i, e) in line.events.iter().enumerate() {
        let new = NewEvent { event: e.event.clone(), at: e.at.clone(), corrects: None, note: String::new() };
        let refused = |why: LifecycleError| {
            let message = why.message(book, &line.service, lang);
            error(why.code().as_str(), EVENT_AT.fill(lang, &[("n", &(i + 1).to_string()), ("event", &e.event), ("message", &message)]))
        };
        if let Err(why) = check_new(book, &line.service, true, &trail, &new, now.date()) {
            return refused(why);
        }
        // Within today, a timed event may not lie after `now` either (planned ones aside).
        let planned = book.service(&line.service).is_some_and(|s| s.events.iter().any(|x| x.id == e.event && x.planned));
        if let Ok(q) = Query::build(book, &line.service, [(e.event.clone(), e.at.clone())], Vec::<(String, serde_json::Value)>::new(), None) {
            if let Some(crate::deadlines::Moment::Time(t)) = q.events.get(&e.event) {
                if *t > now && !planned {
                    return refused(LifecycleError::InFuture { event: e.event.clone(), date: t.date() });
                }
            }
        }
        trail.push(RecordedEvent { id: i as i64 + 1, event: e.event.clone(), at: e.at.trim().to_string(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() });
    }
    let facts: Vec<(String, serde_json::Value)> = line.facts.into_iter().collect();
    for (name, _) in &facts {
        if book.fact(name).is_none() {
            let e = crate::deadlines::QueryError::UnknownFact { fact: name.clone(), known: book.facts.iter().map(|f| f.id.clone()).collect() };
            return error(e.code().local(), e.message(lang));
        }
    }
    match timeline(book, cal, window, &line.service, true, &trail, facts, now, &NoticeContext::default(), lang) {
        Ok(t) => Answer::Timeline {
            state: t.state,
            deadlines: t
                .deadlines
                .into_iter()
                .map(|d| LineDeadline { rule: d.item.rule, round: d.round, due: d.item.due, status: d.status, met_by: d.met_by, met_on: d.met_on, explanation: explain.then_some(d.item.explanation) })
                .collect(),
        },
        Err(e) => error(e.code().local(), e.message(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(line: &str) -> serde_json::Value {
        serde_json::to_value(answer(&Rulebook::embedded(), &Calendar::embedded(), WorkingWindow::default(), line, 1, Lang::Ru, false)).unwrap()
    }

    #[test]
    fn a_late_receipt_gives_not_concluded_with_the_window_met_late() {
        let v = ask(r#"{"service":"kvp","events":[{"event":"application_sent","at":"2025-11-05"},{"event":"application_received","at":"2025-11-06"},{"event":"draft_contract_received","at":"2025-11-10"},{"event":"signed_contract_received","at":"2025-11-26"}],"facts":{},"now":"2025-12-03T10:00"}"#);
        assert_eq!(v["state"], "not_concluded");
        let sign = v["deadlines"].as_array().unwrap().iter().find(|d| d["rule"] == "kvp.sign_contract").unwrap();
        assert_eq!(sign, &serde_json::json!({"rule": "kvp.sign_contract", "round": 1, "due": "2025-11-25", "status": "met_late", "met_by": "signed_contract_received", "met_on": "2025-11-26"}));
    }

    #[test]
    fn repeated_remarks_are_rounds_and_a_waiting_rule_has_a_null_due() {
        let v = ask(r#"{"service":"hosting","events":[{"event":"application_sent","at":"2025-03-03"},{"event":"application_received","at":"2025-03-04"},{"event":"remarks_received","at":"2025-03-05"},{"event":"remarks_fixed","at":"2025-03-07"},{"event":"remarks_received","at":"2025-03-12"}],"now":"2025-03-13T10:00"}"#);
        assert_eq!(v["state"], "remarks");
        let fixes: Vec<_> = v["deadlines"].as_array().unwrap().iter().filter(|d| d["rule"] == "hosting.remarks_fix").collect();
        assert_eq!(fixes.len(), 2);
        assert_eq!((fixes[0]["round"].as_u64(), fixes[0]["status"].as_str()), (Some(1), Some("met")));
        assert_eq!((fixes[1]["round"].as_u64(), fixes[1]["status"].as_str(), fixes[1]["met_by"].is_null()), (Some(2), Some("upcoming"), true));
    }

    #[test]
    fn bad_lines_get_an_error_naming_what_is_wrong() {
        let cases = [
            (r#"{"service":"kvp","events":[{"event":"signed_contract_received","at":"2025-11-26"}],"now":"2025-12-03T10:00"}"#, "lifecycle.impossible"),
            (r#"{"service":"kvp","events":[{"event":"application_sent","at":"2025-12-04"}],"now":"2025-12-03T10:00"}"#, "lifecycle.in_future"),
            (r#"{"service":"kvp","events":[{"event":"application_sent","at":"2025-12-03"},{"event":"application_received","at":"2025-12-03"},{"event":"draft_contract_received","at":"2025-12-03"},{"event":"signed_contract_received","at":"2025-12-03"},{"event":"activation_notice_sent","at":"2025-12-03"},{"event":"failure_reported","at":"2025-12-03T11:00"}],"now":"2025-12-03T10:00"}"#, "lifecycle.in_future"),
            (r#"{"service":"kvp","events":[],"now":"03.12.2025"}"#, "malformed_date"),
            (r#"{"service":"nope","events":[],"now":"2025-12-03T10:00"}"#, "unknown_service"),
            ("", "malformed_input"),
            ("{", "malformed_input"),
        ];
        for (line, code) in cases {
            let v = ask(line);
            assert_eq!(v["error"]["code"], code, "{line}: {v}");
            assert!(!v["error"]["message"].as_str().unwrap().is_empty());
        }
        // Planned works may lie ahead.
        let v = ask(r#"{"service":"interaction","events":[{"event":"maintenance_planned","at":"2026-01-20"}],"now":"2025-12-03T10:00"}"#);
        assert!(v.get("error").is_none(), "{v}");
    }
}
