//! What the window's component tests render is what Rust answers: the form schemas and
//! two timelines (a contract waiting for signature, and one whose signing window was
//! missed) made here from the shared fixtures on a real SQLite file, written to
//! `ui/src/fixtures/`. The test fails when those files are stale; regenerate them with
//! `ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-app --test ui_fixtures`.

use zayava_app::{applications, events, organisations, Now};
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::NewEvent;
use zayava_store::Database;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn fixture(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/tests/fixtures/{name}")).unwrap()).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> Now {
    Now::at(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(10, 0, 0).unwrap())
}

/// Writes `ui/src/fixtures/NAME` when asked to, and otherwise fails if it differs.
fn keep(name: &str, value: &impl serde::Serialize) {
    let path = format!("{ROOT}/ui/src/fixtures/{name}");
    let fresh = serde_json::to_string_pretty(value).unwrap() + "\n";
    if std::env::var_os("ZAYAVA_WRITE_BINDINGS").is_some() {
        std::fs::create_dir_all(format!("{ROOT}/ui/src/fixtures")).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == fresh,
        "ui/src/fixtures/{name} is stale; regenerate it with ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-app --test ui_fixtures"
    );
}

#[test]
fn the_form_schemas_the_window_renders() {
    keep("forms.json", &forms::schemas());
}

#[tokio::test]
async fn a_constructor_contract_waiting_for_signature_and_the_same_one_void() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("zayava.sqlite3")).await.unwrap();
    let start = at(2025, 3, 3);
    let org = organisations::add(&db, &fixture("organisation.json"), start).await.unwrap();
    let view = applications::create(&db, "constructor", Some(org.id), Lang::Ru, start).await.unwrap();
    let id = view.application.id.clone();
    applications::save(&db, &id, Some(org.id), &fixture("constructor-application.json")["values"], Lang::Ru, start).await.unwrap();
    applications::mark_ready(&db, &id, Lang::Ru, start).await.unwrap();
    for (event, day) in [("application_sent", 3), ("application_received", 4), ("draft_contract_received", 6)] {
        let new = NewEvent { event: event.into(), at: format!("2025-03-{day:02}"), corrects: None, note: String::new() };
        events::record(&db, &id, &new, at(2025, 3, day)).await.unwrap();
    }

    let waiting = events::timeline(&db, &id, Lang::Ru, at(2025, 3, 10)).await.unwrap();
    assert!(waiting.void.is_none() && waiting.next_events.iter().any(|e| e == "contract_signed"));
    keep("timeline-waiting.json", &waiting);

    let void = events::timeline(&db, &id, Lang::Ru, at(2025, 6, 2)).await.unwrap();
    assert!(void.void.is_some(), "the signing window has passed: the contract is void");
    keep("timeline-void.json", &void);
    db.close().await;
}
