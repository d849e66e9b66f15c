//! `zayava validate`, `preflight`, `export` and `import` as scripts use them.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn zayava() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zayava"));
    cmd.env_remove("ZAYAVA_DB");
    cmd
}

fn run_with_input(args: &[&str], input: &str) -> std::process::Output {
    let mut child = zayava().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn validate_batch_answers_every_line_with_valid_code_and_message() {
    let input = [
        r#"{"field": "unp", "value": "100217336"}"#,
        r#"{"field": "unp", "value": "100217337"}"#,
        r#"{"field": "iban", "value": "BY13 NBRB 3600 9000 0000 2Z00 AB00"}"#,
        r#"{"field": "bic", "value": "AKBBBY2"}"#,
        r#"{"field": "email", "value": "ds@nces.by"}"#,
        r#"{"field": "phone", "value": "+375 29 123-45-67"}"#,
        r#"{"field": "postcode", "value": "22014"}"#,
        r#"{"field": "ap_code", "value": "1.1.5"}"#,
        "garbage",
        "",
        r#"{"field": "colour", "value": "red"}"#,
    ]
    .join("\n");
    let out = run_with_input(&["validate", "--batch", "-"], &input);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let valid: Vec<bool> = lines.iter().map(|l| l["valid"].as_bool().unwrap()).collect();
    // The blank line is answered too, so answers line up with questions.
    assert_eq!(valid, [true, false, true, false, true, true, false, true, false, false, false]);
    for l in &lines {
        assert!(l["code"].is_string() && l["message"].as_str().is_some_and(|m| !m.is_empty()), "{l}");
    }
    assert_eq!(lines[1]["code"], "checksum");
    assert_eq!(lines[8]["code"], "malformed_input");
    assert_eq!(lines[9]["code"], "malformed_input");
    assert_eq!(lines[10]["code"], "unknown_field");
}

fn organisation() -> Value {
    json!({
        "full_name": "Общество «Пример»", "short_name": "Пример", "legal_form": "общество", "kind": "commercial", "unp": "100217336",
        "legal_postcode": "220030", "legal_address": "г. Минск", "postal_postcode": "220030", "postal_address": "г. Минск",
        "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Банк", "bic": "NBRBBY2X", "head_position": "Директор",
        "head_name": "Иванов И. И.", "head_basis": "Устава", "contact_name": "Петрова А. А.", "phone": "+375 29 123-45-67",
        "email": "office@example.by"
    })
}

#[test]
fn preflight_lists_findings_with_field_and_clause_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("application.json");
    let app = json!({ "service": "constructor", "organisation": organisation(),
        "values": { "admin_name": "Админ", "admin_email": "admin@example.by", "admin_phone": "+375 17 311-30-00", "send_method": "smdo", "crypto_client": true, "channel": true } });
    std::fs::write(&path, app.to_string()).unwrap();
    let out = zayava().args(["preflight"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[п. 3.5] no_debts"), "{text}");

    let mut clean = app.clone();
    clean["values"]["no_debts"] = json!(true);
    std::fs::write(&path, clean.to_string()).unwrap();
    let out = zayava().args(["--lang", "en", "preflight", "--json"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["clean"], true);

    std::fs::write(&path, r#"{"service": "nope", "values": {}}"#).unwrap();
    let out = zayava().args(["preflight"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope"));
}

#[test]
fn export_then_import_into_another_database_and_a_bad_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite3"), dir.path().join("b.sqlite3"));
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = zayava_store::Database::open(&a).await.unwrap();
        let org = db.create_organisation(&organisation(), chrono::Utc::now()).await.unwrap();
        db.create_application("one-window", Some(org.id), chrono::Utc::now()).await.unwrap();
        db.close().await;
    });
    let file = dir.path().join("export.json");
    let out = zayava().arg("--db").arg(&a).arg("export").arg("-o").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = zayava().arg("--db").arg(&b).arg("import").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(out.stdout).unwrap().contains("заявок: добавлено 1"));

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format": "zayava-export", "version": 7, "exported_at": "", "organisations": [], "applications": []}"#).unwrap();
    let out = zayava().arg("--db").arg(&b).arg("import").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("version 7"));
}

#[test]
fn a_reader_that_stops_early_ends_the_command_without_a_panic() {
    // `zayava validate --batch - | head -1`: the reader goes away while answers are written.
    let mut child = zayava().args(["validate", "--batch", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let line = r#"{"field": "unp", "value": "100217336"}"#;
    let input = vec![line; 20_000].join("\n");
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
    assert_ne!(out.status.code(), Some(101));
}
