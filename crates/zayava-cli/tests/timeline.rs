//! `zayava timeline` as scripts and audits use it: the batch contract (one answer per line,
//! blank lines included, errors that name the event), and one application as a table or JSON.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn zayava(home: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zayava"));
    cmd.env_remove("ZAYAVA_DB").env("HOME", home).env("XDG_DATA_HOME", home.join("data"));
    cmd
}

fn batch(home: &std::path::Path, input: &str) -> Vec<Value> {
    batch_with(home, input, &[])
}

fn batch_with(home: &std::path::Path, input: &str, extra: &[&str]) -> Vec<Value> {
    let mut child = zayava(home).args(["timeline", "--batch", "-"]).args(extra).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const CONTRACT: &str = r#"[{"event":"application_sent","at":"2026-11-09"},{"event":"application_received","at":"2026-11-10"},{"event":"draft_contract_received","at":"2026-11-12"}"#;

/// Explanations come only with `--explain`; the rest of the answer is the same.
#[test]
fn a_batch_explains_only_when_asked() {
    let home = tempfile::tempdir().unwrap();
    let line = format!(r#"{{"service":"one-window","events":{CONTRACT}],"facts":{{"org_kind":"budget"}},"now":"2026-12-03T10:00"}}"#);
    let plain = batch(home.path(), &line).remove(0);
    let mut explained = batch_with(home.path(), &line, &["--explain"]).remove(0);
    assert!(plain["deadlines"].as_array().unwrap().iter().all(|d| d.get("explanation").is_none()), "{plain}");
    for d in explained["deadlines"].as_array_mut().unwrap() {
        assert!(d["explanation"]["text"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
        d.as_object_mut().unwrap().remove("explanation");
    }
    assert_eq!(plain, explained);
}

#[test]
fn each_line_is_answered_in_order_with_state_rounds_and_verdicts() {
    let home = tempfile::tempdir().unwrap();
    let on_time = format!(r#"{{"service":"one-window","events":{CONTRACT},{{"event":"signed_contract_sent","at":"2026-11-20"}},{{"event":"signed_contract_received","at":"2026-11-27"}}],"facts":{{"org_kind":"budget"}},"now":"2026-12-03T10:00"}}"#);
    let late = format!(r#"{{"service":"one-window","events":{CONTRACT},{{"event":"signed_contract_received","at":"2026-11-30"}}],"facts":{{"org_kind":"budget"}},"now":"2026-12-03T10:00"}}"#);
    let nothing = format!(r#"{{"service":"one-window","events":{CONTRACT}],"now":"2026-12-03T10:00"}}"#);
    let out_of_order = r#"{"service":"kvp","events":[{"event":"application_received","at":"2026-11-10"}],"now":"2026-12-03T10:00"}"#;
    let future = r#"{"service":"kvp","events":[{"event":"application_sent","at":"2026-12-04"}],"now":"2026-12-03T10:00"}"#;
    let input = [on_time.as_str(), "", late.as_str(), out_of_order, nothing.as_str(), future, "not json"].join("\n");
    let answers = batch(home.path(), &input);
    assert_eq!(answers.len(), 7, "one answer per line, the blank one included: {answers:?}");
    let sign = |v: &Value| v["deadlines"].as_array().unwrap().iter().find(|d| d["rule"] == "one-window.sign_contract").cloned().unwrap();
    assert_eq!(answers[0]["state"], "contract_received");
    assert_eq!(sign(&answers[0]), serde_json::json!({"rule": "one-window.sign_contract", "round": 1, "due": "2026-11-27", "status": "met", "met_by": "signed_contract_received", "met_on": "2026-11-27"}));
    assert_eq!(answers[1]["error"]["code"], "malformed_input");
    assert_eq!(answers[2]["state"], "not_concluded");
    assert_eq!(sign(&answers[2])["status"], "met_late");
    assert_eq!(answers[3]["error"]["code"], "lifecycle.impossible");
    assert!(answers[3]["error"]["message"].as_str().unwrap().contains("Событие 1"), "{}", answers[3]);
    assert_eq!(answers[4]["state"], "not_concluded");
    assert_eq!(sign(&answers[4])["status"], "overdue");
    assert_eq!(answers[5]["error"]["code"], "lifecycle.in_future");
    assert_eq!(answers[6]["error"]["code"], "malformed_input");
    // A waiting rule has a null due date and its status says so.
    let waiting = answers[0]["deadlines"].as_array().unwrap().iter().find(|d| d["rule"] == "one-window.connection").cloned().unwrap();
    assert_eq!(waiting["status"], "upcoming");
    let commercial = format!(r#"{{"service":"one-window","events":{CONTRACT},{{"event":"signed_contract_received","at":"2026-11-27"}}],"facts":{{"org_kind":"commercial"}},"now":"2026-12-03T10:00"}}"#);
    let c = &batch(home.path(), &commercial)[0];
    let connection = c["deadlines"].as_array().unwrap().iter().find(|d| d["rule"] == "one-window.connection").cloned().unwrap();
    assert_eq!((connection["due"].clone(), connection["status"].clone()), (Value::Null, Value::from("waiting")));
}

#[test]
fn one_application_file_prints_as_a_table_and_as_json() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("app.json");
    std::fs::write(&file, format!(r#"{{"service":"one-window","values":{{}},"events":{CONTRACT},{{"event":"signed_contract_received","at":"2026-11-30"}}]}}"#)).unwrap();
    let out = zayava(home.path()).args(["timeline", "--application"]).arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Договор не заключён"), "{text}");
    assert!(text.contains("на 3 дня позже срока 27.11.2026"), "{text}");
    assert!(text.contains("выполнено с опозданием"), "{text}");
    let out = zayava(home.path()).args(["timeline", "--json", "--lang", "en", "--application"]).arg(&file).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["state"], "not_concluded");
    assert!(v["void"]["message"].as_str().unwrap().contains("3 days after the due date"), "{v}");
    // Bad input is named, with exit code 2.
    let out = zayava(home.path()).args(["timeline", "--application", "missing.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
