//! Fuzzing the JSON import: any file, and any mutation of a real export, is read or refused
//! with a reason — never a panic — and a refused file changes nothing in the database.

mod common;

use common::*;
use proptest::prelude::*;
use zayava_store::exchange::parse;
use zayava_store::Database;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

async fn counts(db: &Database) -> (i64, i64, i64) {
    let n = |sql: &'static str| async move { sqlx_count(db, sql).await };
    (n("SELECT COUNT(*) FROM organisation").await, n("SELECT COUNT(*) FROM application").await, n("SELECT COUNT(*) FROM attachment").await)
}

async fn sqlx_count(db: &Database, sql: &str) -> i64 {
    let rows = db.export(chrono::Utc::now()).await.unwrap();
    match sql {
        s if s.contains("organisation") => rows.organisations.len() as i64,
        s if s.contains("application") => rows.applications.len() as i64,
        _ => rows.attachments.len() as i64,
    }
}

/// Imports `text` into `db`; a refusal must leave the counts as they were.
fn check(rt: &tokio::runtime::Runtime, db: &Database, text: &str) -> Result<(), TestCaseError> {
    rt.block_on(async {
        let before = counts(db).await;
        match parse(text) {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(file) => {
                if db.import(&file, chrono::Utc::now()).await.is_err() {
                    prop_assert_eq!(counts(db).await, before, "a refused import changed the database");
                }
            }
        }
        Ok(())
    })
}

#[test]
fn the_corpus_is_read_or_refused() {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let db = rt.block_on(Database::open(&dir.path().join("z.sqlite3"))).unwrap();
    for (name, text) in corpus("import") {
        check(&rt, &db, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_exports(text in mutated(corpus("import").into_iter().map(|(_, t)| t).collect())) {
        let rt = runtime();
        let dir = tempfile::tempdir().unwrap();
        let db = rt.block_on(Database::open(&dir.path().join("z.sqlite3"))).unwrap();
        check(&rt, &db, &text)?;
    }

    #[test]
    fn any_text(text in hostile_text()) {
        prop_assert!(parse(&text).is_err() || text.contains("zayava-export"));
    }
}
