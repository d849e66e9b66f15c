//! Sync throughput on loopback against the real sandbox (its own SQLite file), with the
//! client's real SQLite file: uploading 10,000 outbox items, pulling 100,000 operator
//! events, and a sync with nothing to do. Prints the figures the README quotes.
//! `cargo bench -p zayava-sync --bench sync` (release build). ZAYAVA_BENCH_PULL sets the
//! number of events pulled (default 100000).

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use zayava_server::{Server, Store};
use serde_json::Map;
use zayava_store::Database;
use zayava_sync::{sync_once, Api, Options};

const TOKEN: &str = "bench";

/// Inserts `n` sent applications straight into the client's file, in one transaction; the
/// triggers queue an outbox item for each application and each sending.
async fn sent_applications(db: &Database, n: usize, offset: usize) {
    let mut tx = db.pool().begin().await.unwrap();
    sqlx::query(
        "WITH RECURSIVE k(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM k WHERE i < ?)
         INSERT INTO application (id, service, schema_version, form_values, status, created_at, updated_at)
         SELECT printf('%08x-0000-4000-8000-%012x', i, i), 'hosting', 'hosting@2025-01-01', '{\"contact\":\"Иванов\"}', 'ready', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z' FROM k",
    )
    .bind(offset as i64)
    .bind((offset + n - 1) as i64)
    .execute(&mut *tx)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by)
         SELECT id, 'application_sent', '2026-11-20', '2026-11-20T10:00:00Z', 'user' FROM application WHERE id >= printf('%08x', ?) AND id < printf('%08x', ?)",
    )
    .bind(offset as i64)
    .bind((offset + n) as i64)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

fn opts(data: bool) -> Options {
    Options { data, ..Options::default() }
}

#[tokio::main]
async fn main() {
    let pull_n: usize = std::env::var("ZAYAVA_BENCH_PULL").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Server::sandbox(Store::file(&dir.path().join("server.sqlite3")).await.unwrap(), TOKEN);
    let url = format!("http://{}", sandbox.clone().spawn_on_loopback().await.unwrap());
    let api = Api::new(&url, TOKEN, Duration::from_secs(60)).unwrap();
    let db = Database::open(&dir.path().join("client.sqlite3")).await.unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();

    // 1. Upload: 5,000 applications and their sending = 10,000 outbox items.
    sent_applications(&db, 5_000, 0).await;
    let items = db.outbox_counts().await.unwrap().pending;
    let t = Instant::now();
    let r = sync_once(&db, &api, opts(false), Utc::now(), today, &mut |_| {}).await.unwrap();
    let push = t.elapsed();
    assert_eq!(r.pushed as i64, items);
    println!("upload: {items} outbox items in {:.2} s = {:.0} items/s", push.as_secs_f64(), items as f64 / push.as_secs_f64());

    // 2. Pull: the operator registers `pull_n` applications. The client has them all (the
    //    queue of the extra ones is cleared: only the pull is timed).
    if pull_n > 5_000 {
        sent_applications(&db, pull_n - 5_000, 5_000).await;
        sqlx::query("DELETE FROM outbox").execute(db.pool()).await.unwrap();
    }
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM application ORDER BY id LIMIT ?").bind(pull_n as i64).fetch_all(db.pool()).await.unwrap();
    let mut fields = Map::new();
    fields.insert("registration_number".into(), "НЦЭУ-1".into());
    for chunk in ids.chunks(5_000) {
        sandbox.desk().operator_events_bulk(chunk, "application_received", "2026-11-21", &fields).await.unwrap();
    }
    let t = Instant::now();
    let r = sync_once(&db, &api, opts(false), Utc::now(), today, &mut |_| {}).await.unwrap();
    let pull = t.elapsed();
    assert_eq!(r.pulled as usize, pull_n);
    println!("pull: {pull_n} operator events in {:.2} s = {:.0} events/s (recorded in the trails, due dates recomputed)", pull.as_secs_f64(), pull_n as f64 / pull.as_secs_f64());

    // 3. Nothing to do (calendar and rulebook versions checked too): the median of 50 runs.
    sync_once(&db, &api, opts(true), Utc::now(), today, &mut |_| {}).await.unwrap();
    let mut runs = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let r = sync_once(&db, &api, opts(true), Utc::now(), today, &mut |_| {}).await.unwrap();
        runs.push(t.elapsed());
        assert_eq!((r.pushed, r.pulled), (0, 0));
    }
    runs.sort();
    println!("no-op sync: median {:.1} ms, slowest {:.1} ms (50 runs)", runs[25].as_secs_f64() * 1e3, runs[49].as_secs_f64() * 1e3);
}
