//! Shared setup for the server's tests: the real server on loopback over each database it
//! runs on, a SQLite file and, when the test script started one, a PostgreSQL database of
//! the test's own.
#![allow(dead_code)]

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use zayava_server::{Role, Server, Store};

/// The databases a test runs on: a SQLite file in `dir`, and a fresh PostgreSQL database
/// when `ZAYAVA_TEST_POSTGRES` names a cluster (scripts/test.sh starts one). On CI the
/// PostgreSQL half is required unless skipped by name (`skip`), so it is never left out
/// there by accident.
pub async fn databases(dir: &std::path::Path) -> Vec<(&'static str, String)> {
    let mut out = vec![("SQLite", zayava_server::store::sqlite_url(&dir.join("server.sqlite3")))];
    match std::env::var("ZAYAVA_TEST_POSTGRES") {
        // The Windows build of these tests, under Wine, runs on SQLite only.
        Ok(admin) if admin == "skip" => {}
        Ok(admin) if !admin.is_empty() => out.push(("PostgreSQL", fresh_postgres(&admin).await)),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => panic!("CI: ZAYAVA_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL for these tests"),
        _ => eprintln!("ZAYAVA_TEST_POSTGRES is not set: PostgreSQL skipped (scripts/test.sh starts one)"),
    }
    out
}

/// A new, empty database in the cluster whose maintenance database is `admin`.
pub async fn fresh_postgres(admin: &str) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let name = format!("zayava_test_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::AnyConnection::connect(admin).await.expect("the test PostgreSQL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.expect("CREATE DATABASE");
    let (base, _) = admin.rsplit_once('/').expect("a database URL");
    format!("{base}/{name}")
}

/// A deployed server (no sandbox) on `url`, on a free loopback port.
pub async fn serve(url: &str) -> (Server, String) {
    let server = Server::new(Store::open(url).await.expect("the database"));
    let addr = server.clone().spawn_on_loopback().await.unwrap();
    (server, format!("http://{addr}"))
}

pub async fn member(server: &Server, account: &str, user: &str, role: Role) -> String {
    server.store.add_member(account, user, role, None, "2026-12-07T10:00:00Z").await.unwrap().1
}

pub async fn get(url: &str, token: &str) -> Response {
    Client::new().get(url).bearer_auth(token).send().await.unwrap()
}

pub async fn push(base: &str, token: &str, items: Value) -> Response {
    Client::new().post(format!("{base}/v1/batch")).bearer_auth(token).json(&json!({ "items": items })).send().await.unwrap()
}

pub async fn put_file(base: &str, token: &str, bytes: &[u8]) -> (String, Response) {
    use sha2::{Digest, Sha256};
    let sha = format!("{:x}", Sha256::digest(bytes));
    let resp = Client::new().put(format!("{base}/v1/attachments/{sha}")).bearer_auth(token).header("content-type", "application/octet-stream").body(bytes.to_vec()).send().await.unwrap();
    (sha, resp)
}

/// The answer is a problem (RFC 9457) with this status; its body is returned.
pub async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status);
    let kind = resp.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(kind.starts_with("application/problem+json"), "{status}: {kind}");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    body
}

/// An organisation, an application of it and an event on it, as a desktop pushes them.
pub fn work(app: &str, org: &str, word: &str) -> Value {
    json!([
        { "idempotency_key": format!("org-{org}-{word}"), "kind": "organisation", "entity": org, "payload": { "id": org, "profile": { "name": format!("ООО {word}") } } },
        { "idempotency_key": format!("app-{app}-{word}"), "kind": "application", "entity": app, "base_revision": 0, "sent": false,
          "payload": { "id": app, "organisation_id": org, "service": "hosting", "schema_version": "hosting@2024-10-17", "form_values": { "contact": word }, "status": "draft" } },
        { "idempotency_key": format!("evt-{app}-{word}"), "kind": "event", "entity": format!("{app}:1"), "payload": { "id": format!("{app}:1"), "application_id": app, "event": "application_sent", "at": "2026-11-20" } }
    ])
}
