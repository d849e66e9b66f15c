//! One account, three desktops, two server processes over one PostgreSQL (issue 20, item 6).
//! Round after round every desktop works offline (new organisations, drafts, sent
//! applications with their events, edits of any draft it has, its own or a colleague's,
//! files), the operator acts through `zayava-server admin`, and all three `zayava sync` at
//! once through either server; each is killed with SIGKILL at a random point, and in some
//! rounds one server process is killed during the pushes and started again. Conflicts are
//! settled as a user would. At the end every desktop and the server hold exactly the same
//! organisations, applications (with the same values), events and files: none lost, none
//! twice.
//!
//! PostgreSQL comes from `ZAYAVA_TEST_POSTGRES` (scripts/test.sh starts one; on CI it is
//! required). ZAYAVA_CONVERGE_ROUNDS sets the rounds (default 25); ZAYAVA_CONVERGE_SEED
//! replays one run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use serde_json::{json, Value};
use zayava_core::lifecycle::{NewEvent, Recorder};
use zayava_store::sync::Resolution;
use zayava_store::Database;
use zayava_server::{Role, Store};

const ACCOUNT: &str = "ООО Сходимость";

fn server_binary() -> PathBuf {
    // Built beside `zayava` by `cargo test --workspace` (scripts/test.sh).
    let path = Path::new(env!("CARGO_BIN_EXE_zayava")).with_file_name(format!("zayava-server{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "{} is missing: cargo build -p zayava-server", path.display());
    path
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Whether the server on `port` answers `/health` with 200.
fn ready(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    s.read_exact(&mut head).is_ok() && head.ends_with(b" 200")
}

/// A server process on `port`, waited for until it answers.
async fn start_server(database: &str, port: u16) -> Child {
    let child = Command::new(server_binary()).args(["serve", "--database", database, "--bind", &format!("127.0.0.1:{port}")]).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    for _ in 0..200 {
        if ready(port) {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server on {port} did not come up");
}

fn sync(db: &Path, url: &str, token: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zayava"));
    c.args(["--db", db.to_str().unwrap(), "sync", "--url", url, "--batch", "7", "--page", "9"])
        .env("ZAYAVA_OPERATOR_TOKEN", token)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn now_local() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(12, 0, 0).unwrap()
}

/// A desktop's offline work for one round.
async fn work(db: &Database, desk: usize, round: usize, rng: &mut fastrand::Rng) {
    let organisations = db.organisations().await.unwrap();
    if rng.u8(0..4) == 0 || organisations.is_empty() {
        let mut profile = zayava_pdf::sample::organisation();
        profile["name"] = json!(format!("ООО Стол {desk}-{round}"));
        db.create_organisation(&profile, Utc::now()).await.unwrap();
    }
    let organisations = db.organisations().await.unwrap();
    let org = organisations.get(rng.usize(0..organisations.len())).map(|o| o.id);
    // A new draft, and sometimes a sent application with its event.
    let draft = db.create_application("hosting", org, Utc::now()).await.unwrap();
    db.save_application(&draft.id, org, &json!({ "contact": format!("Черновик {desk}-{round}") }), Utc::now()).await.unwrap();
    if rng.bool() {
        let app = db.create_application("hosting", org, Utc::now()).await.unwrap();
        db.save_application(&app.id, org, &json!({ "contact": format!("Отправлена {desk}-{round}") }), Utc::now()).await.unwrap();
        sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&app.id).execute(db.pool()).await.unwrap();
        db.record_event(&app.id, &NewEvent { event: "application_sent".into(), at: "2026-11-20".into(), corrects: None, note: String::new() }, Recorder::User, Utc::now(), now_local()).await.unwrap();
    }
    // An edit of any draft this desktop has (a colleague's too: the others may edit it as well).
    let drafts: Vec<String> = sqlx::query_scalar("SELECT id FROM application WHERE status = 'draft' ORDER BY id").fetch_all(db.pool()).await.unwrap();
    if !drafts.is_empty() {
        let id = &drafts[rng.usize(0..drafts.len())];
        let app = db.application(id).await.unwrap();
        let _ = db.save_application(id, app.organisation_id, &json!({ "contact": format!("Правка {desk}-{round}") }), Utc::now()).await;
    }
    if rng.u8(0..3) == 0 {
        db.store_attachment_bytes("скан.pdf", format!("%PDF-1.4 {desk}-{round}-{}", rng.u64(..)).as_bytes(), Utc::now()).await.unwrap();
    }
}

/// Settles every conflict as a user would: mine or theirs, at random.
async fn settle(db: &Database, rng: &mut fastrand::Rng) {
    for c in db.sync_conflicts().await.unwrap() {
        let how = if rng.bool() { Resolution::KeepMine } else { Resolution::TakeServer };
        db.resolve_conflict(&c.application_id, how, Utc::now()).await.unwrap();
    }
}

/// What a desktop holds, to compare: organisations, applications with values, events, files.
async fn holdings(db: &Database) -> (BTreeSet<String>, BTreeMap<String, Value>, BTreeSet<String>, BTreeSet<String>) {
    let orgs: BTreeSet<String> = sqlx::query_scalar("SELECT sync_id FROM organisation").fetch_all(db.pool()).await.unwrap().into_iter().collect();
    let apps: BTreeMap<String, Value> = sqlx::query_as::<_, (String, String)>("SELECT id, form_values FROM application")
        .fetch_all(db.pool())
        .await
        .unwrap()
        .into_iter()
        .map(|(id, v)| (id, serde_json::from_str(&v).unwrap()))
        .collect();
    // Every event, but a sending this desktop inferred from the Operator's receipt before the
    // colleague's own sending arrived (which then corrects it): an inference, not the account's.
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT w.wire FROM event_wire w JOIN application_event e ON e.id = w.id
         WHERE NOT (e.recorded_by = 'sync' AND e.event = 'application_sent' AND e.note LIKE 'Подразумевается%'
                    AND NOT EXISTS (SELECT 1 FROM sync_remote_event r WHERE r.local_event_id = e.id))",
    )
    .fetch_all(db.pool())
    .await
    .unwrap();
    let unique: BTreeSet<String> = events.iter().cloned().collect();
    assert_eq!(unique.len(), events.len(), "an event twice on a desktop");
    // Each such inference is corrected by the sending it stood for: one sending in force.
    let standing: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM application_event e WHERE e.recorded_by = 'sync' AND e.event = 'application_sent' AND e.note LIKE 'Подразумевается%'
           AND NOT EXISTS (SELECT 1 FROM application_event c WHERE c.corrects = e.id)",
    )
    .fetch_one(db.pool())
    .await
    .unwrap();
    assert_eq!(standing, 0, "an inferred sending left standing beside the real one");
    let files: BTreeSet<String> = sqlx::query_scalar("SELECT sha256 FROM attachment").fetch_all(db.pool()).await.unwrap().into_iter().collect();
    (orgs, apps, unique, files)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_desktops_and_two_servers_killed_at_random_converge_on_the_same_work() {
    let admin = match std::env::var("ZAYAVA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() && url != "skip" => url,
        _ if std::env::var("CI").is_ok_and(|v| v == "true") && std::env::var("ZAYAVA_TEST_POSTGRES").as_deref() != Ok("skip") => panic!("CI: ZAYAVA_TEST_POSTGRES is not set"),
        _ => return eprintln!("ZAYAVA_TEST_POSTGRES is not set: the convergence test needs PostgreSQL (scripts/test.sh starts one)"),
    };
    let rounds: usize = std::env::var("ZAYAVA_CONVERGE_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(25);
    let seed: u64 = std::env::var("ZAYAVA_CONVERGE_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| fastrand::u64(..));
    eprintln!("convergence test: {rounds} rounds, seed {seed}");
    let mut rng = fastrand::Rng::with_seed(seed);

    // A database of the test's own in the cluster.
    let database = {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let name = format!("zayava_converge_{}_{}", std::process::id(), fastrand::u64(..));
        let mut conn = sqlx::AnyConnection::connect(&admin).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.unwrap();
        format!("{}/{name}", admin.rsplit_once('/').unwrap().0)
    };
    let store = Store::open(&database).await.unwrap();
    let mut tokens = Vec::new();
    for d in 0..3 {
        tokens.push(store.add_member(ACCOUNT, &format!("Менеджер {d}"), Role::Editor, None, "2026-12-07T00:00:00Z").await.unwrap().1);
    }
    let account = store.account(&store.account_id(ACCOUNT).await.unwrap().unwrap());
    let ports = [free_port(), free_port()];
    let mut servers = vec![start_server(&database, ports[0]).await, start_server(&database, ports[1]).await];
    let urls: Vec<String> = ports.iter().map(|p| format!("http://127.0.0.1:{p}")).collect();

    let dir = tempfile::tempdir().unwrap();
    let desks: Vec<PathBuf> = (0..3).map(|d| dir.path().join(format!("desk-{d}.sqlite3"))).collect();
    let (mut killed_desktops, mut killed_servers) = (0, 0);
    let mut received = BTreeSet::new();
    for round in 0..rounds {
        for (d, path) in desks.iter().enumerate() {
            let db = Database::open(path).await.unwrap();
            work(&db, d, round, &mut rng).await;
            settle(&db, &mut rng).await;
            db.close().await;
        }
        // The operator receives a few sent applications, through the admin command.
        let fresh: Vec<String> = account.list().await.unwrap().into_iter().filter(|a| a.sent && !received.contains(&a.id)).map(|a| a.id).take(rng.usize(0..3)).collect();
        for app in fresh {
            let status = Command::new(server_binary())
                .args(["admin", "--database", &database, "--account", ACCOUNT, "receive", &app, "--number", &format!("РН-{round}"), "--at", "2026-11-21"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
            received.insert(app);
        }
        // All three sync at once, each through either server; each killed at a random point.
        let mut children: Vec<Child> = (0..3).map(|d| sync(&desks[d], &urls[rng.usize(0..2)], &tokens[d]).spawn().unwrap()).collect();
        let kill_server = rng.u8(0..4) == 0;
        tokio::time::sleep(Duration::from_millis(rng.u64(20..400))).await;
        if kill_server {
            servers[1].kill().ok(); // SIGKILL
            servers[1].wait().unwrap();
            killed_servers += 1;
        }
        for c in &mut children {
            if c.try_wait().unwrap().is_none() {
                killed_desktops += 1;
            }
            c.kill().ok();
            c.wait().unwrap();
        }
        if kill_server {
            servers[1] = start_server(&database, ports[1]).await;
        }
    }
    eprintln!("convergence test: {killed_desktops} syncs killed mid-run, the second server killed {killed_servers} times");

    // Then every desktop syncs undisturbed, settling what conflicts are left, until a whole
    // pass changes nothing.
    let mut last = None;
    for pass in 0..8 {
        for (d, path) in desks.iter().enumerate() {
            assert!(sync(path, &urls[d % 2], &tokens[d]).status().unwrap().success(), "an undisturbed sync failed (pass {pass}, desktop {d})");
            let db = Database::open(path).await.unwrap();
            settle(&db, &mut rng).await;
            db.close().await;
        }
        let mut all = Vec::new();
        for path in &desks {
            let db = Database::open(path).await.unwrap();
            all.push((holdings(&db).await, db.outbox_counts().await.unwrap(), db.sync_conflicts().await.unwrap().len()));
            db.close().await;
        }
        let settled = all.iter().all(|(_, counts, conflicts)| counts.pending == 0 && counts.conflicts == 0 && *conflicts == 0);
        if settled && last.as_ref() == Some(&all) {
            break;
        }
        last = Some(all);
    }
    let all = last.expect("passes ran");
    for (d, (_, counts, conflicts)) in all.iter().enumerate() {
        assert_eq!((counts.pending, counts.rejected, counts.conflicts, *conflicts), (0, 0, 0, 0), "desktop {d} left work behind");
    }
    let (orgs, apps, events, files) = &all[0].0;
    for (d, (held, _, _)) in all.iter().enumerate().skip(1) {
        assert_eq!(&held.0, orgs, "desktop {d}: organisations");
        let differ: Vec<_> = apps.keys().chain(held.1.keys()).collect::<BTreeSet<_>>().into_iter().filter(|k| apps.get(*k) != held.1.get(*k)).map(|k| (k, apps.get(k), held.1.get(k))).collect();
        if !differ.is_empty() {
            for (id, _, _) in &differ {
                for (n, path) in desks.iter().enumerate() {
                    let db = Database::open(path).await.unwrap();
                    let known: Option<i64> = sqlx::query_scalar("SELECT known_revision FROM sync_application WHERE application_id = ?").bind(id).fetch_optional(db.pool()).await.unwrap();
                    let changes: Vec<(i64, Option<i64>, String, Option<String>, Option<String>)> = sqlx::query_as("SELECT seq, revision, payload, device, applied_at FROM sync_colleague_change WHERE entity = ? ORDER BY seq").bind(id).fetch_all(db.pool()).await.unwrap();
                    let values: Option<String> = sqlx::query_scalar("SELECT form_values FROM application WHERE id = ?").bind(id).fetch_optional(db.pool()).await.unwrap();
                    eprintln!("desktop {n} ({}): values {values:?}, known {known:?}, colleague changes {changes:?}", db.device_id().await.unwrap());
                    db.close().await;
                }
            }
            let history: Vec<(i64, Option<i64>, String, Option<String>)> = sqlx::query_as("SELECT seq, revision, payload, device FROM account_change WHERE entity = $1 ORDER BY seq")
                .bind(differ[0].0)
                .fetch_all(&sqlx::PgPool::connect(&database).await.unwrap())
                .await
                .unwrap();
            eprintln!("server history of {}: {history:?}", differ[0].0);
        }
        assert!(differ.is_empty(), "desktop {d}: applications and their values differ from desktop 0's: {differ:?}");
        assert!(&held.2 == events, "desktop {d}: events only there {:?}, only on desktop 0 {:?}", held.2.difference(events).collect::<Vec<_>>(), events.difference(&held.2).collect::<Vec<_>>());
        assert_eq!(&held.3, files, "desktop {d}: files");
    }
    // And the server holds the same.
    assert_eq!(account.organisation_ids().await.unwrap().into_iter().collect::<BTreeSet<_>>(), *orgs);
    let server_apps: BTreeMap<String, Value> = account.application_values().await.unwrap().into_iter().collect();
    assert_eq!(&server_apps, apps, "the server's applications and values");
    let mut server_events: Vec<String> = account.client_event_ids().await.unwrap();
    server_events.extend(account.operator_event_ids().await.unwrap());
    let unique: BTreeSet<String> = server_events.iter().cloned().collect();
    assert_eq!(unique.len(), server_events.len(), "an event twice on the server");
    assert!(&unique == events, "events only on the server {:?}, only on the desktops {:?}", unique.difference(events).collect::<Vec<_>>(), events.difference(&unique).collect::<Vec<_>>());
    assert_eq!(account.attachment_hashes().await.unwrap().into_iter().collect::<BTreeSet<_>>(), *files);
    eprintln!("convergence test: {} organisations, {} applications, {} events, {} files, the same everywhere", orgs.len(), apps.len(), events.len(), files.len());
    for mut s in servers {
        s.kill().ok();
        s.wait().ok();
    }
}
