//! The dashboard's first page with 100,000 applications and 1,000,000 events (target:
//! at most 50 ms), and the applications list's first page found by words (target: at most
//! 20 ms). The database is built once, through the store's own refresh of every
//! application's dates, and kept under the target directory for later runs. Run with
//! `cargo bench -p zayava-store --bench dashboard`; the figure goes in the README.

use std::path::PathBuf;

mod seed_data;

use chrono::NaiveDateTime;
use criterion::{criterion_group, criterion_main, Criterion};
use zayava_core::i18n::Lang;
use zayava_core::rules::Party;
use zayava_store::lifecycle::DashboardQuery;
use zayava_store::Database;

const APPLICATIONS: usize = 100_000;
const EVENTS: usize = 1_000_000;

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    // Named by the seed's version: a database seeded before applications had numbers and
    // words to find is not reused.
    let path = dir.join("dashboard-100k-v3.sqlite3");
    let ready = dir.join("dashboard-100k-v3.ready");
    let db = rt.block_on(async {
        if ready.exists() {
            Database::open(&path).await.unwrap()
        } else {
            for f in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{f}", path.display()));
            }
            let db = seed_data::build(&path, APPLICATIONS, EVENTS).await;
            std::fs::write(&ready, b"").unwrap();
            db
        }
    });
    let events: i64 = rt.block_on(sqlx::query_scalar("SELECT count(*) FROM application_event").fetch_one(db.pool())).unwrap();
    println!("{events} events stored");
    let now = NaiveDateTime::parse_from_str("2026-11-24T09:00", "%Y-%m-%dT%H:%M").unwrap();
    let mut group = c.benchmark_group("dashboard");
    group.sample_size(30);
    for (name, party) in [("first_page_all", None), ("first_page_operator", Some(Party::Operator))] {
        let query = DashboardQuery { working_days: 10, party, limit: 50 };
        let page = rt.block_on(db.dashboard(&query, now, Lang::Ru)).unwrap();
        assert_eq!(page.len(), 50, "a full first page");
        group.bench_function(name, |b| b.iter(|| rt.block_on(db.dashboard(&query, now, Lang::Ru)).unwrap()));
    }
    group.finish();

    // Search: a common word (a twelfth of the list), two words, a number, an organisation,
    // a word with a service filter, a prefix being typed; each with the whole list's count.
    let mut group = c.benchmark_group("search");
    group.sample_size(30);
    let today = now.date();
    let searches = [
        ("common_word", "реестр", None),
        ("two_words", "учет ковалев", None),
        ("number", "З-4217", None),
        ("organisation", "организация 17", None),
        ("word_and_service", "архив", Some("kvp")),
        ("prefix_being_typed", "пла", None),
    ];
    for (name, text, service) in searches {
        let filter = zayava_store::applications::ApplicationFilter { text: Some(text.into()), service: service.map(str::to_string), ..Default::default() };
        let (page, total) = rt.block_on(db.applications_page(&filter, today, 0, 50)).unwrap();
        println!("search {name:?} ({text}): {total} found, {} on the first page", page.len());
        assert!(!page.is_empty(), "{text} finds something");
        group.bench_function(name, |b| b.iter(|| rt.block_on(db.applications_page(&filter, today, 0, 50)).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
