//! Shared setup for the sync tests: a real sandbox on loopback, a real client database file.
#![allow(dead_code)]

use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, Utc};
use zayava_server::{Queued, Server, Store};
use serde_json::json;
use zayava_core::lifecycle::{NewEvent, Recorder};
use zayava_store::Database;
use zayava_sync::retry::Backoff;
use zayava_sync::{sync_once, Api, Options, SyncReport, SyncError};

pub const TOKEN: &str = "test-token";

pub async fn sandbox() -> (Server, String) {
    sandbox_with(|s| s).await
}

pub async fn sandbox_with(f: impl FnOnce(Server) -> Server) -> (Server, String) {
    let sb = f(Server::sandbox(Store::memory().await.unwrap(), TOKEN));
    let addr = sb.clone().spawn_on_loopback().await.unwrap();
    (sb, format!("http://{addr}"))
}

pub async fn client() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("client.sqlite3")).await.unwrap();
    (dir, db)
}

/// Retries quick enough for tests; timeouts short enough to hit.
pub fn quick() -> Options {
    Options { batch: 50, page: 100, backoff: Backoff { base: Duration::from_millis(5), cap: Duration::from_millis(50), attempts: 4 }, data: false }
}

pub fn api(url: &str) -> Api {
    Api::new(url, TOKEN, Duration::from_secs(2)).unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub fn local_now() -> NaiveDateTime {
    today().and_hms_opt(12, 0, 0).unwrap()
}

pub async fn run(db: &Database, url: &str, opts: Options) -> Result<SyncReport, SyncError> {
    sync_once(db, &api(url), opts, Utc::now(), today(), &mut |_| {}).await
}

pub async fn fault(sb: &Server, path: &str, fault: zayava_server::Fault) {
    sb.faults.push(Queued { path: path.into(), fault });
}

/// A draft application with a few values.
pub async fn draft(db: &Database, org: Option<i64>) -> String {
    let app = db.create_application("hosting", org, Utc::now()).await.unwrap();
    db.save_application(&app.id, org, &json!({ "contact": "Иванов И.И.", "body_name": "ОАО Тест" }), Utc::now()).await.unwrap();
    app.id
}

/// An application the consumer has sent (the row is marked ready as the pre-flight would).
pub async fn sent(db: &Database, org: Option<i64>) -> String {
    let id = draft(db, org).await;
    sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&id).execute(db.pool()).await.unwrap();
    record(db, &id, "application_sent", "2026-11-20").await;
    id
}

/// The user chooses to change a sent application (its form is locked until then).
pub async fn amend(db: &Database, id: &str) {
    db.amend_sent_application(id, Utc::now(), local_now()).await.unwrap();
}

pub async fn record(db: &Database, id: &str, event: &str, at: &str) {
    db.record_event(id, &NewEvent { event: event.into(), at: at.into(), corrects: None, note: String::new() }, Recorder::User, Utc::now(), local_now()).await.unwrap();
}

pub async fn organisation(db: &Database) -> i64 {
    db.create_organisation(&zayava_pdf::sample::organisation(), Utc::now()).await.unwrap().id
}

/// The operator acts through the sandbox's admin endpoint.
pub async fn operator(url: &str, app: &str, body: serde_json::Value) -> reqwest::StatusCode {
    reqwest::Client::new().post(format!("{url}/admin/applications/{app}/events")).bearer_auth(TOKEN).json(&body).send().await.unwrap().status()
}

pub async fn sync_issue_codes(db: &Database) -> Vec<String> {
    db.sync_issues(100, zayava_core::i18n::Lang::Ru).await.unwrap().into_iter().map(|i| i.code).collect()
}
