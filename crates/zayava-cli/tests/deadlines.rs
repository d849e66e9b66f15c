//! `zayava deadlines` as scripts and people use it: the JSON contract, batch mode, errors
//! with exit code 2, the readable table, and the user's calendar corrections.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn zayava(home: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zayava"));
    // A home with no database: the embedded calendar, and no file may be created.
    cmd.env_remove("ZAYAVA_DB").env("HOME", home).env("XDG_DATA_HOME", home.join("data"));
    cmd
}

fn json(home: &std::path::Path, args: &[&str]) -> Value {
    let out = zayava(home).arg("deadlines").args(args).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_single_query_prints_the_contracted_json() {
    let home = tempfile::tempdir().unwrap();
    let v = json(home.path(), &["--service", "constructor", "--event", "draft_contract_received=2025-03-07"]);
    assert_eq!(v["service"], "constructor");
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["rule"], "constructor.sign_contract");
    assert_eq!(items[0]["due"], "2025-03-24");
    assert_eq!(items[0]["party"], "consumer");
    assert_eq!(items[0]["kind"], "deadline");
    assert_eq!(items[0]["clause"], "3.9");
    assert_eq!(items[0]["provisional"], false);
    assert!(items[0]["explanation"]["text"].as_str().unwrap().contains("22.03.2025"));
    assert!(!home.path().join("data").exists(), "a query creates no database");
}

#[test]
fn times_months_facts_and_waiting_rules() {
    let home = tempfile::tempdir().unwrap();
    let v = json(home.path(), &["--service", "kvp", "--event", "failure_reported=2025-01-10T15:00", "--event", "activation_notice_sent=2025-03-31"]);
    let due = |rule: &str| v["items"].as_array().unwrap().iter().find(|i| i["rule"] == rule).unwrap()["due"].clone();
    assert_eq!(due("kvp.failure_recovery"), "2025-01-14T17:00");
    assert_eq!(due("kvp.first_billed_month"), "2025-03");

    let v = json(home.path(), &["--service", "hosting", "--event", "signed_contract_received=2025-03-03", "--fact", "software_count=26"]);
    assert_eq!(v["items"][0]["due"], "2025-03-24");

    let v = json(home.path(), &["--service", "one-window", "--event", "signed_contract_received=2025-03-03", "--fact", "org_kind=commercial"]);
    let conn = v["items"].as_array().unwrap().iter().find(|i| i["rule"] == "one-window.connection").unwrap().clone();
    assert_eq!(conn["due"], Value::Null);
    assert_eq!(conn["waiting_for"], serde_json::json!(["prepayment_made"]));
}

#[test]
fn bad_input_goes_to_stderr_with_exit_code_2_naming_the_part() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 7] = [
        (&["--service", "hostingg"], "hostingg"),
        (&["--service", "hosting", "--event", "nope=2025-01-01"], "nope"),
        // Events and facts are named as the window names them; a date as people write it.
        (&["--service", "hosting", "--event", "application_received=2025-02-30"], "30.02.2025"),
        (&["--service", "hosting", "--event", "application_received=30.01.2025"], "30.01.2025"),
        (&["--service", "hosting", "--fact", "software_count=4.5"], "Количество единиц ПО ЭС"),
        (&["--service", "hosting", "--fact", "colour=red"], "colour"),
        (&["--service", "hosting", "--rule", "hosting.nope"], "hosting.nope"),
    ];
    for (args, part) in cases {
        let out = zayava(home.path()).arg("deadlines").args(args).arg("--json").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(part), "{args:?}: {err}");
    }
    let out = zayava(home.path()).args(["--lang", "en", "deadlines", "--service", "hosting", "--event", "application_received=2025-02-30"]).output().unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("does not exist"));
}

#[test]
fn batch_answers_each_line_in_order_and_goes_on_after_an_error() {
    let home = tempfile::tempdir().unwrap();
    let mut child = zayava(home.path()).args(["deadlines", "--batch", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let input = [
        r#"{"service": "hosting", "events": {"application_received": "2024-12-30"}, "facts": {}}"#,
        r#"{"service": "hosting", "events": {"application_received": "2025-02-30"}}"#,
        "this is not json",
        "",
        r#"{"service": "hosting", "events": {"signed_contract_received": "2025-03-03"}, "facts": {"software_count": 5}}"#,
    ];
    child.stdin.take().unwrap().write_all(input.join("\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5, "a blank line is answered too, so answers line up");
    assert_eq!(lines[0]["items"][0]["due"], "2025-01-08");
    assert_eq!(lines[1]["error"]["code"], "impossible_date");
    assert!(lines[1]["error"]["message"].as_str().unwrap().contains("«Оператор получил заявку»: даты 30.02.2025"), "{}", lines[1]);
    assert_eq!(lines[2]["error"]["code"], "malformed_input");
    assert_eq!(lines[3]["error"]["code"], "malformed_input");
    assert!(lines[3]["error"]["message"].as_str().unwrap().contains("4"), "names the line: {}", lines[3]);
    assert_eq!(lines[4]["items"][0]["due"], "2025-03-17");
}

/// A batch answers with dates, statuses and clauses; the explanations come only with
/// `--explain`, and then on every item.
#[test]
fn batch_explains_only_when_asked() {
    let home = tempfile::tempdir().unwrap();
    let line = r#"{"service": "constructor", "events": {"draft_contract_received": "2025-03-07"}}"#;
    let answer = |extra: &[&str]| -> Value {
        let mut child = zayava(home.path()).args(["deadlines", "--batch", "-"]).args(extra).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(line.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let plain = answer(&[]);
    let item = &plain["items"][0];
    assert_eq!((item["due"].as_str(), item["clause"].as_str(), item["provisional"].as_bool()), (Some("2025-03-24"), Some("3.9"), Some(false)));
    assert!(item.get("explanation").is_none(), "{plain}");
    let explained = answer(&["--explain"]);
    assert_eq!(explained["items"][0]["explanation"]["rolled_forward_from"], "2025-03-22");
    assert_eq!(explained["items"][0]["due"], item["due"]);
}

#[test]
fn without_json_a_readable_table_in_russian_or_english() {
    let home = tempfile::tempdir().unwrap();
    let out = zayava(home.path()).args(["deadlines", "--service", "hosting", "--event", "draft_contract_received=2025-01-03"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Срок") && text.contains("27.01.2025") && text.contains("потребитель"), "{text}");
    let out = zayava(home.path()).args(["--lang", "en", "deadlines", "--service", "hosting", "--event", "draft_contract_received=2025-01-03"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Due") && text.contains("27.01.2025") && text.contains("consumer") && text.contains("Orthodox Christmas"), "{text}");
}

#[tokio::test]
async fn transfers_entered_in_the_app_are_used_by_the_cli() {
    use zayava_core::calendar::{Transfer, TransferOrigin, YearTransfers};
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("z.sqlite3");
    let db = zayava_store::Database::open(&path).await.unwrap();
    let args = ["deadlines", "--service", "hosting", "--event", "draft_contract_received=2026-12-20", "--json"];
    let before: Value = serde_json::from_slice(&zayava(home.path()).args(args).env("ZAYAVA_DB", &path).output().unwrap().stdout).unwrap();
    assert_eq!(before["items"][0]["provisional"], true);
    let year = YearTransfers {
        year: 2027,
        source: "Постановление № 1 (тест)".into(),
        moves: vec![Transfer { day_off: "2027-01-08".parse().unwrap(), working_day: "2027-01-16".parse().unwrap() }],
        origin: TransferOrigin::User,
    };
    db.save_calendar_year(&year, chrono::Utc::now()).await.unwrap();
    db.close().await;
    let after: Value = serde_json::from_slice(&zayava(home.path()).args(args).env("ZAYAVA_DB", &path).output().unwrap().stdout).unwrap();
    assert_eq!(after["items"][0]["provisional"], false);
    assert_ne!(before["items"][0]["due"], after["items"][0]["due"], "8 January 2027 is now a day off");
}
