//! The server under load (`scripts/bench-server.sh` runs it): many accounts, a few desktops
//! each, every desktop pushing its own changes and pulling its account's feed for a fixed
//! time, spread over the server processes given. At the end every desktop pulls once more,
//! and the run counts what any desktop should have seen and did not (lost) and what one saw
//! twice (duplicated). Prints throughput and latencies, then the counts; exits non-zero if
//! anything was lost or doubled.
//!
//! `cargo run --release -p zayava-server --example load -- --database URL --servers URL,URL
//!  [--accounts 1000] [--desktops 5] [--seconds 60]`

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::sync::Mutex;
use zayava_server::{Role, Store};

struct Args {
    database: String,
    servers: Vec<String>,
    accounts: usize,
    desktops: usize,
    seconds: u64,
}

fn args() -> Args {
    let mut a = Args { database: String::new(), servers: Vec::new(), accounts: 1000, desktops: 5, seconds: 60 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--database" => a.database = value,
            "--servers" => a.servers = value.split(',').map(str::to_string).collect(),
            "--accounts" => a.accounts = value.parse().expect("--accounts: a number"),
            "--desktops" => a.desktops = value.parse().expect("--desktops: a number"),
            "--seconds" => a.seconds = value.parse().expect("--seconds: a number"),
            other => panic!("unknown flag {other}"),
        }
    }
    assert!(!a.database.is_empty() && !a.servers.is_empty(), "--database and --servers are needed");
    a
}

/// Latencies of one kind of call, in microseconds.
#[derive(Default)]
struct Timings(Vec<u64>);

impl Timings {
    fn quantile(&mut self, q: f64) -> f64 {
        if self.0.is_empty() {
            return 0.0;
        }
        self.0.sort_unstable();
        let i = ((self.0.len() as f64 - 1.0) * q).round() as usize;
        self.0[i] as f64 / 1000.0
    }
}

/// What one desktop did and saw.
#[derive(Default)]
struct Desktop {
    /// Changes the server acknowledged (applied or duplicate), by entity.
    pushed: Vec<String>,
    /// Every change entity the feed gave it, with how many times.
    seen: HashMap<String, u32>,
    cursor: i64,
    push: Timings,
    pull: Timings,
    failures: u64,
}

async fn pull_all(http: &reqwest::Client, base: &str, token: &str, d: &mut Desktop) -> Result<(), String> {
    loop {
        let started = Instant::now();
        let resp = http.get(format!("{base}/v1/events?after={}&limit=1000", d.cursor)).bearer_auth(token).send().await.map_err(|e| e.to_string())?;
        if !resp.status().is_success() {
            return Err(format!("pull: {}", resp.status()));
        }
        let page: Value = resp.json().await.map_err(|e| e.to_string())?;
        d.pull.0.push(started.elapsed().as_micros() as u64);
        for c in page["changes"].as_array().into_iter().flatten() {
            *d.seen.entry(c["entity"].as_str().unwrap_or_default().to_string()).or_default() += 1;
        }
        d.cursor = page["next_cursor"].as_i64().unwrap_or(d.cursor);
        if !page["more"].as_bool().unwrap_or(false) {
            return Ok(());
        }
    }
}

#[tokio::main]
async fn main() {
    let a = args();
    let store = Store::open(&a.database).await.expect("the database");
    eprintln!("load: {} accounts × {} desktops, {} s, over {} server(s)", a.accounts, a.desktops, a.seconds, a.servers.len());
    let made = Instant::now();
    let mut tokens = Vec::with_capacity(a.accounts * a.desktops);
    for account in 0..a.accounts {
        for desktop in 0..a.desktops {
            let (_, token) = store.add_member(&format!("load-{account}"), &format!("m{desktop}"), Role::Editor, None, "2026-12-07T00:00:00Z").await.expect("a member");
            tokens.push((account, desktop, token));
        }
    }
    eprintln!("load: {} members made in {:.1} s", tokens.len(), made.elapsed().as_secs_f64());

    let http = reqwest::Client::builder().pool_max_idle_per_host(64).timeout(Duration::from_secs(60)).build().unwrap();
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let results = Arc::new(Mutex::new(Vec::new()));
    let tasks: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(i, (account, desktop, token))| {
            let (http, results) = (http.clone(), results.clone());
            let base = a.servers[i % a.servers.len()].clone();
            tokio::spawn(async move {
                let mut d = Desktop::default();
                let app = uuid::Uuid::new_v4().to_string();
                let mut n = 0u64;
                while Instant::now() < deadline {
                    // The first batch makes the desktop's application; then events on it.
                    let items: Vec<Value> = if n == 0 {
                        vec![json!({ "idempotency_key": format!("app-{app}-0000000"), "kind": "application", "entity": app, "base_revision": 0,
                                     "payload": { "id": app, "service": "hosting", "schema_version": "hosting@1", "form_values": { "contact": format!("m{desktop}") } } })]
                    } else {
                        (0..5)
                            .map(|k| {
                                let id = format!("{app}:{n}-{k}");
                                json!({ "idempotency_key": format!("evt-{id}-key"), "kind": "event", "entity": id,
                                        "payload": { "id": id, "application_id": app, "event": "remarks_fixed", "at": "2026-11-22" } })
                            })
                            .collect()
                    };
                    let started = Instant::now();
                    let sent = http.post(format!("{base}/v1/batch")).bearer_auth(&token).header("zayava-device", format!("load-{account}-{desktop}")).json(&json!({ "items": items })).send().await;
                    match sent {
                        Ok(r) if r.status().is_success() => {
                            let answer: Value = r.json().await.unwrap_or_default();
                            d.push.0.push(started.elapsed().as_micros() as u64);
                            for (item, result) in items.iter().zip(answer["results"].as_array().into_iter().flatten()) {
                                if matches!(result["outcome"].as_str(), Some("applied" | "duplicate")) {
                                    d.pushed.push(item["entity"].as_str().unwrap_or_default().to_string());
                                }
                            }
                            n += 1;
                        }
                        // A failed push is tried again with the same keys, as a desktop would.
                        _ => d.failures += 1,
                    }
                    if pull_all(&http, &base, &token, &mut d).await.is_err() {
                        d.failures += 1;
                    }
                }
                results.lock().await.push((account, d, token, base));
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("a desktop");
    }
    let elapsed = a.seconds as f64;
    let mut desktops = std::mem::take(&mut *results.lock().await);
    let (mut push, mut pull) = (Timings::default(), Timings::default());
    let (mut pushes, mut pulls, mut items, mut failures) = (0usize, 0usize, 0usize, 0u64);
    for (_, d, _, _) in &desktops {
        pushes += d.push.0.len();
        pulls += d.pull.0.len();
        items += d.pushed.len();
        failures += d.failures;
        push.0.extend(&d.push.0);
        pull.0.extend(&d.pull.0);
    }
    // Everyone catches up once more, then what each should have seen is counted.
    for (_, d, token, base) in desktops.iter_mut() {
        let mut tries = 0;
        while pull_all(&http, base, token, d).await.is_err() {
            tries += 1;
            assert!(tries < 5, "the final pull keeps failing");
        }
    }
    let mut by_account: HashMap<usize, HashSet<String>> = HashMap::new();
    for (account, d, _, _) in &desktops {
        by_account.entry(*account).or_default().extend(d.pushed.iter().cloned());
    }
    let (mut lost, mut duplicated) = (0usize, 0usize);
    for (account, d, _, _) in &desktops {
        let expected = &by_account[account];
        lost += expected.iter().filter(|e| !d.seen.contains_key(*e)).count();
        duplicated += d.seen.values().filter(|n| **n > 1).count();
    }
    // And the server holds each event once, whatever was retried.
    let mut doubled_on_server = 0;
    for account in 0..a.accounts {
        if let Some(id) = store.account_id(&format!("load-{account}")).await.expect("the database") {
            doubled_on_server += store.account(&id).stats().await.expect("the database").duplicated_client_events;
        }
    }
    duplicated += doubled_on_server as usize;
    println!("zayava-server under load: {} accounts × {} desktops for {} s, {} server process(es), PostgreSQL", a.accounts, a.desktops, a.seconds, a.servers.len());
    println!("  pushes: {pushes} ({:.0}/s), items applied: {items} ({:.0}/s); push latency p50 {:.1} ms, p99 {:.1} ms", pushes as f64 / elapsed, items as f64 / elapsed, push.quantile(0.5), push.quantile(0.99));
    println!("  pulls: {pulls} ({:.0}/s); pull latency p50 {:.1} ms, p99 {:.1} ms", pulls as f64 / elapsed, pull.quantile(0.5), pull.quantile(0.99));
    println!("  requests: {:.0}/s; failed and retried: {failures}", (pushes + pulls) as f64 / elapsed);
    println!("  lost: {lost}, duplicated: {duplicated}");
    if lost > 0 || duplicated > 0 {
        std::process::exit(1);
    }
}
