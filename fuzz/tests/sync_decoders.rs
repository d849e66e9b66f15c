//! Fuzzing what sync reads from a server: any body is decoded or refused (never a panic),
//! and any page of operator events, however odd its fields, is applied or reported without
//! corrupting the database or moving the cursor backwards.

mod common;

use common::*;
use proptest::prelude::*;
use zayava_store::Database;
use zayava_sync::engine::decode_event;
use zayava_api::{BatchResponse, EventsPage, OperatorEvent, Problem, RulebookDocument, TransfersDocument};

fn decode_all(text: &str) {
    let _ = serde_json::from_str::<EventsPage>(text);
    let _ = serde_json::from_str::<BatchResponse>(text);
    let _ = serde_json::from_str::<Problem>(text);
    let _ = serde_json::from_str::<TransfersDocument>(text);
    let _ = serde_json::from_str::<RulebookDocument>(text);
}

#[test]
fn the_corpus_decodes_or_is_refused() {
    for (name, text) in corpus("sync_decoders") {
        decode_all(&text);
        // A page is applied too: the padded and Russian-layout dates of odd_dates.json once
        // stopped sync for good with a panic (issue 14).
        if let Ok(page) = serde_json::from_str::<EventsPage>(&text) {
            let (rt, db) = shared();
            let pulled: Vec<_> = page.events.iter().map(decode_event).collect();
            rt.block_on(db.apply_pulled(&pulled, page.next_cursor, chrono::Utc::now(), chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap())).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

fn operator_event() -> impl Strategy<Value = OperatorEvent> {
    let event = prop_oneof![prop::sample::select(zayava_api::OPERATOR_EVENTS.to_vec()).prop_map(str::to_string), short_hostile_text()];
    let at = prop_oneof![Just("2026-11-21".to_string()), Just("2026-11-21T10:00".to_string()), "[0-9T:-]{0,20}", odd_date()];
    let app = prop_oneof![Just("11111111-2222-4333-8444-555555555555".to_string()), short_hostile_text()];
    (any::<i64>(), short_hostile_text(), app, event, at, short_hostile_text()).prop_map(|(seq, id, application_id, event, at, note)| OperatorEvent { seq, id, application_id, event, at, note, fields: Default::default() })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_body(text in prop_oneof![hostile_text(), mutated(corpus("sync_decoders").into_iter().map(|(_, t)| t).collect())]) {
        decode_all(&text);
    }

    #[test]
    fn any_page_of_events(events in prop::collection::vec(operator_event(), 0..20), next in any::<i64>()) {
        let (rt, db) = shared();
        rt.block_on(async {
            let pulled: Vec<_> = events.iter().map(decode_event).collect();
            let before = db.sync_cursor().await.unwrap();
            db.apply_pulled(&pulled, next, chrono::Utc::now(), chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()).await.unwrap();
            let after = db.sync_cursor().await.unwrap();
            prop_assert!(after >= before, "the cursor went back");
            prop_assert!(db.integrity_problems().await.unwrap().is_empty());
            Ok(())
        })?;
    }
}

/// One database for every case (opening one per case would dominate the run): pages pile
/// up on it, which is what a long-lived client sees.
fn shared() -> &'static (tokio::runtime::Runtime, Database) {
    static SHARED: std::sync::OnceLock<(tokio::runtime::Runtime, Database)> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let dir = Box::leak(Box::new(tempfile::tempdir().unwrap()));
        let db = rt.block_on(async {
            let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
            // The application the generated events are (sometimes) for, as sent.
            let import = r#"{"format":"zayava-export","version":1,"exported_at":"2026-11-24T10:00:00Z","organisations":[],"applications":[{"id":"11111111-2222-4333-8444-555555555555","organisation_id":null,"service":"hosting","schema_version":"hosting@2025-01-01","values":{},"status":"ready","archived":false,"created_at":"2026-11-24T10:00:00Z","updated_at":"2026-11-24T10:00:00Z"}],"attachments":[]}"#;
            let _ = db.import(&zayava_store::exchange::parse(import).unwrap(), chrono::Utc::now()).await;
            db
        });
        (rt, db)
    })
}
