//! `zayava sync` killed with SIGKILL at random points, again and again, against a real
//! sandbox on loopback, while the operator keeps acting and the user keeps working. After a
//! final run the two sides agree exactly: nothing lost, nothing applied twice, on either side.
//! ZAYAVA_KILL_TRIALS sets the number of trials (default 100); ZAYAVA_KILL_SEED replays one.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use zayava_server::{Server, Store};
use serde_json::{json, Map};
use zayava_core::lifecycle::{NewEvent, Recorder};
use zayava_store::Database;

const TOKEN: &str = "kill-test-token";

fn zayava(db: &std::path::Path, url: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zayava"));
    c.args(["--db", db.to_str().unwrap(), "sync", "--url", url, "--batch", "10", "--page", "5"])
        .env("ZAYAVA_OPERATOR_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

async fn sent_application(db: &Database, n: usize) -> String {
    let app = db.create_application("hosting", None, Utc::now()).await.unwrap();
    db.save_application(&app.id, None, &json!({ "contact": format!("Контакт {n}") }), Utc::now()).await.unwrap();
    sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&app.id).execute(db.pool()).await.unwrap();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(12, 0, 0).unwrap();
    db.record_event(&app.id, &NewEvent { event: "application_sent".into(), at: "2026-11-20".into(), corrects: None, note: String::new() }, Recorder::User, Utc::now(), now).await.unwrap();
    app.id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_points_the_client_converges_with_nothing_lost_or_doubled() {
    let trials: usize = std::env::var("ZAYAVA_KILL_TRIALS").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let seed: u64 = std::env::var("ZAYAVA_KILL_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| fastrand::u64(..));
    eprintln!("kill test: {trials} trials, seed {seed}");
    let mut rng = fastrand::Rng::with_seed(seed);

    let dir = tempfile::tempdir().unwrap();
    let sb = Server::sandbox(Store::file(&dir.path().join("server.sqlite3")).await.unwrap(), TOKEN);
    let url = format!("http://{}", sb.clone().spawn_on_loopback().await.unwrap());
    let path = dir.path().join("client.sqlite3");
    let mut made = 0;
    {
        let db = Database::open(&path).await.unwrap();
        for _ in 0..100 {
            sent_application(&db, made).await;
            made += 1;
        }
        db.close().await;
    }

    let mut received = BTreeSet::new();
    let mut killed_running = 0;
    for _ in 0..trials {
        let mut child = zayava(&path, &url).spawn().unwrap();
        tokio::time::sleep(Duration::from_millis(rng.u64(0..150))).await;
        if child.try_wait().unwrap().is_none() {
            killed_running += 1;
        }
        child.kill().ok(); // SIGKILL; a run that already finished is fine too
        child.wait().unwrap();
        // The operator acts on a few applications it has.
        let fresh: Vec<String> = sb.desk().application_ids().await.unwrap().into_iter().filter(|a| !received.contains(a)).take(rng.usize(0..12)).collect();
        for a in fresh {
            sb.desk().operator_event(&a, "application_received", "2026-11-21", "", &Map::new()).await.unwrap();
            received.insert(a);
        }
        // The user goes on working.
        let db = Database::open(&path).await.unwrap();
        for _ in 0..rng.usize(0..6) {
            sent_application(&db, made).await;
            made += 1;
        }
        db.close().await;
    }
    eprintln!("kill test: {killed_running} of {trials} runs killed while running");
    assert!(killed_running * 4 >= trials, "too few kills landed in mid-sync to mean anything");
    let mut finished = false;
    let start = std::time::Instant::now();
    for _ in 0..3 {
        if zayava(&path, &url).status().unwrap().success() {
            eprintln!("kill test: the final run took {:?}", start.elapsed());
            finished = true;
            break;
        }
    }
    assert!(finished, "a final undisturbed run completes");

    let db = Database::open(&path).await.unwrap();
    assert_eq!(db.outbox_counts().await.unwrap(), Default::default(), "nothing left queued or refused");
    let local_apps: BTreeSet<String> = sqlx::query_scalar("SELECT id FROM application").fetch_all(db.pool()).await.unwrap().into_iter().collect();
    let server_apps: BTreeSet<String> = sb.desk().application_ids().await.unwrap().into_iter().collect();
    assert_eq!(local_apps.len(), made);
    let missing: Vec<_> = local_apps.difference(&server_apps).take(5).collect();
    let extra: Vec<_> = server_apps.difference(&local_apps).take(5).collect();
    assert!(missing.is_empty() && extra.is_empty(), "applications lost {missing:?} or unknown {extra:?}");

    let local_events: BTreeSet<String> = sqlx::query_scalar("SELECT w.wire FROM application_event e JOIN event_wire w ON w.id = e.id WHERE e.recorded_by = 'user'").fetch_all(db.pool()).await.unwrap().into_iter().collect();
    let mut server_events: BTreeMap<String, usize> = BTreeMap::new();
    for id in sb.desk().client_event_ids().await.unwrap() {
        *server_events.entry(id).or_default() += 1;
    }
    assert!(server_events.values().all(|&n| n == 1), "an event was stored twice on the server");
    let server_ids: BTreeSet<String> = server_events.keys().cloned().collect();
    let lost: Vec<_> = local_events.difference(&server_ids).take(5).collect();
    assert!(lost.is_empty() && server_ids.len() == local_events.len(), "events lost: {lost:?}; {} on the server, {} here", server_ids.len(), local_events.len());
    assert_eq!(sb.desk().stats().await.unwrap().duplicated_client_events, 0);

    // The pull side: every operator event exactly once, the cursor at the end of the feed.
    let stats = sb.desk().stats().await.unwrap();
    let pulled: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM application_event WHERE recorded_by = 'sync'").fetch_one(db.pool()).await.unwrap();
    assert_eq!(pulled, stats.operator_events);
    assert_eq!(pulled as usize, received.len());
    let doubled: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM (SELECT application_id FROM application_event WHERE event = 'application_received' GROUP BY application_id HAVING COUNT(*) > 1)").fetch_one(db.pool()).await.unwrap();
    assert_eq!(doubled, 0);
    assert_eq!(db.sync_cursor().await.unwrap(), stats.feed_head, "the cursor at the end of the feed (the operator's events and this desktop's own changes)");
    let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(db.pool()).await.unwrap();
    assert_eq!(check, "ok");
}
