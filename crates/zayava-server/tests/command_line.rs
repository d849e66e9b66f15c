//! The command line other tools depend on, run as a user would: `users add` prints the
//! token alone on the last line; `serve --database … --bind …` creates the schema and serves
//! with it; `admin --database` plays the operator in that account's feed.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_zayava-server");
const APP: &str = "44444444-4444-4444-8444-444444444444";
const ORG: &str = "55555555-5555-4555-8555-555555555555";

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Kills the server when the test ends, passed or not.
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn up(base: &str) {
    for _ in 0..200 {
        if reqwest::get(format!("{base}/health")).await.is_ok_and(|r| r.status() == StatusCode::OK) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not come up at {base}");
}

#[tokio::test]
async fn users_add_prints_the_token_last_and_serve_takes_it() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        // The schema is made by whichever command comes first: here `users add`.
        let (ok, stdout, stderr) = run(&["users", "add", "--database", &url, "--account", "ООО Зета", "--user", "Зоя", "--role", "editor"]);
        assert!(ok, "{engine}: {stderr}");
        let token = stdout.lines().last().unwrap().to_string();
        assert!(token.starts_with("zs_") && token.len() == 67 && !token.contains(' '), "{engine}: the last line is the token alone: {stdout}");
        let (ok, stdout, _) = run(&["users", "add", "--database", &url, "--account", "ООО Зета", "--user", "Рита", "--role", "reader"]);
        assert!(ok);
        let reader = stdout.lines().last().unwrap().to_string();

        let port = free_port();
        let bind = format!("127.0.0.1:{port}");
        let _server = Serving(Command::new(BIN).args(["serve", "--database", &url, "--bind", &bind, "--log-format", "json"]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap());
        let base = format!("http://{bind}");
        up(&base).await;

        let me: Value = get(&format!("{base}/v1/me"), &token).await.json().await.unwrap();
        assert_eq!(me, json!({ "account": "ООО Зета", "user": "Зоя", "role": "editor", "features": ["reminders"] }), "{engine}");
        assert_eq!(push(&base, &token, work(APP, ORG, "Зета")).await.status(), StatusCode::OK, "{engine}");
        problem(push(&base, &reader, work(APP, ORG, "Зета")).await, StatusCode::FORBIDDEN).await;

        // The operator acts on the database; the desktop's next pull sees it.
        let (ok, stdout, stderr) = run(&["admin", "--database", &url, "--account", "ООО Зета", "receive", APP, "--number", "РН-1", "--at", "2026-12-01"]);
        assert!(ok, "{engine}: {stderr}");
        assert_eq!(serde_json::from_str::<Value>(&stdout).unwrap()["seq"], 4, "{engine}: after the three changes pushed, in the same feed");
        let feed: Value = get(&format!("{base}/v1/events?after=0"), &reader).await.json().await.unwrap();
        assert_eq!(feed["events"][0]["fields"]["registration_number"], "РН-1", "{engine}: {feed}");
        // An application of no account's is refused with a sentence.
        let (ok, _, stderr) = run(&["admin", "--database", &url, "--account", "ООО Зета", "receive", "66666666-6666-4666-8666-666666666666"]);
        assert!(!ok && stderr.contains("no application"), "{engine}: {stderr}");

        let (ok, stdout, _) = run(&["users", "list", "--database", &url, "--account", "ООО Зета"]);
        assert!(ok);
        let listed: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(listed.as_array().unwrap().iter().map(|m| (m["name"].as_str().unwrap(), m["role"].as_str().unwrap())).collect::<Vec<_>>(), [("Зоя", "editor"), ("Рита", "reader")]);
        assert!(!stdout.contains(&token[3..]), "the list never shows a token");

        let (ok, _, _) = run(&["users", "revoke", "--database", &url, "--account", "ООО Зета", "--user", "Рита"]);
        assert!(ok);
        problem(get(&format!("{base}/v1/events"), &reader).await, StatusCode::UNAUTHORIZED).await;
    }
}

#[test]
fn bad_input_is_named_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = zayava_server::store::sqlite_url(&dir.path().join("s.sqlite3"));
    let (ok, _, stderr) = run(&["users", "add", "--database", &url, "--account", "A", "--user", "u", "--role", "owner"]);
    assert!(!ok && stderr.contains("--role"), "{stderr}");
    let (ok, _, stderr) = run(&["users", "add", "--database", &url, "--account", "  ", "--user", "u", "--role", "reader"]);
    assert!(!ok && stderr.contains("account"), "{stderr}");
    let (ok, _, stderr) = run(&["users", "add", "--database", "mysql://x", "--account", "A", "--user", "u", "--role", "reader"]);
    assert!(!ok && stderr.contains("sqlite:") && stderr.contains("postgres://"), "{stderr}");
    let (ok, stdout, _) = run(&["users", "list", "--database", &url, "--account", "A"]);
    assert!(ok && serde_json::from_str::<Value>(&stdout).unwrap() == json!([]), "nothing was added: {stdout}");
}
