//! No Operator event is lost (issue 14): every kind of event the wire carries, for every
//! service and local state, is applied, waits with its reason, or is kept as an issue with
//! its raw content — across restarts — and a poisoned event in a page stops nothing.

mod common;

use chrono::Utc;
use common::*;
use serde_json::json;
use zayava_core::lifecycle::{NewEvent, Recorder};
use zayava_store::sync::PulledEvent;
use zayava_store::Database;
use zayava_api::OPERATOR_EVENTS;

fn pulled(seq: i64, app: &str, event: &str, at: &str) -> PulledEvent {
    let mut fields = serde_json::Map::new();
    fields.insert("registration_number".into(), json!(format!("РН-{seq}")));
    PulledEvent { seq, remote_id: format!("r-{seq}"), application_id: app.into(), event: event.into(), at: at.into(), note: String::new(), fields, invalid: None }
}

/// Where a remote event ended up: applied, waiting, or an issue.
async fn fate(db: &Database, remote_id: &str) -> &'static str {
    let applied: Option<Option<i64>> = sqlx::query_scalar("SELECT local_event_id FROM sync_remote_event WHERE remote_id = ?").bind(remote_id).fetch_optional(db.pool()).await.unwrap();
    let parked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sync_parked WHERE remote_id = ?").bind(remote_id).fetch_one(db.pool()).await.unwrap();
    let issue: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sync_issue WHERE detail LIKE ?").bind(format!("%\"id\":\"{remote_id}\"%")).fetch_one(db.pool()).await.unwrap();
    match (applied, parked, issue) {
        (Some(Some(_)), 0, 0) => "applied",
        (Some(None), 1, 0) => "parked",
        (Some(None), 0, 1) => "issue",
        other => panic!("{remote_id}: lost or doubled: {other:?}"),
    }
}

#[tokio::test]
async fn every_operator_event_for_every_service_and_state_is_applied_parked_or_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.sqlite3");
    let db = Database::open(&path).await.unwrap();
    // Each service in a few local states: a draft, sent, with the draft contract, active.
    let states: [(&str, &[(&str, &str)]); 4] = [
        ("draft", &[]),
        ("sent", &[("application_sent", "2026-11-02")]),
        ("draft_contract", &[("application_sent", "2026-11-02"), ("application_received", "2026-11-03"), ("draft_contract_received", "2026-11-05")]),
        ("active", &[("application_sent", "2026-11-02"), ("application_received", "2026-11-03"), ("draft_contract_received", "2026-11-05"), ("signed_contract_received", "2026-11-09")]),
    ];
    let mut seq = 0;
    let mut sent = Vec::new();
    for service in ["hosting", "constructor", "one-window", "kvp", "interaction"] {
        for (state, trail) in states {
            let app = db.create_application(service, None, Utc::now()).await.unwrap();
            if !trail.is_empty() && service != "interaction" {
                sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&app.id).execute(db.pool()).await.unwrap();
                for (event, at) in trail {
                    db.record_event(&app.id, &NewEvent { event: (*event).into(), at: (*at).into(), corrects: None, note: String::new() }, Recorder::User, Utc::now(), local_now()).await.unwrap();
                }
            }
            let page: Vec<PulledEvent> = OPERATOR_EVENTS
                .iter()
                .map(|event| {
                    seq += 1;
                    pulled(seq, &app.id, event, "2026-11-20")
                })
                .collect();
            db.apply_pulled(&page, seq, Utc::now(), today()).await.unwrap();
            sent.extend(page.iter().map(|e| (e.remote_id.clone(), e.application_id.clone(), format!("{service}/{state}/{}", e.event))));
        }
    }
    let before = check(db, &sent).await;
    assert!(before.get("applied").is_some_and(|&n| n > 0) && before.get("parked").is_some_and(|&n| n > 0), "{before:?}");
    // Nothing is lost across a restart.
    let again = Database::open(&path).await.unwrap();
    assert_eq!(check(again, &sent).await, before);
}

/// Each event's fate, counted; the numbers each carried are stored whatever became of it.
async fn check(db: Database, sent: &[(String, String, String)]) -> std::collections::BTreeMap<&'static str, usize> {
    let mut fates = std::collections::BTreeMap::new();
    for (remote_id, app, what) in sent {
        *fates.entry(fate(&db, remote_id).await).or_insert(0) += 1;
        let fields: String = sqlx::query_scalar("SELECT operator_fields FROM sync_application WHERE application_id = ?").bind(app).fetch_one(db.pool()).await.unwrap_or_else(|_| panic!("{what}: its numbers were not stored"));
        assert!(fields.contains("РН-"), "{what}: {fields}");
    }
    db.close().await;
    fates
}

#[tokio::test]
async fn a_receipt_of_a_local_draft_moves_it_on_with_the_sending_implied_and_a_waiting_event_applies_after_a_local_one() {
    let (_d, db) = client().await;
    let app = db.create_application("kvp", None, Utc::now()).await.unwrap();
    // The Operator received it, though it is a draft here.
    let applied = db.apply_pulled(&[pulled(1, &app.id, "application_received", "2026-11-03")], 1, Utc::now(), today()).await.unwrap();
    assert_eq!(applied.recorded, 1);
    let trail = db.events(&app.id).await.unwrap();
    assert_eq!(trail.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(), ["application_sent", "application_received"]);
    assert!(trail[0].note.contains("Подразумевается"), "{}", trail[0].note);
    // An activation before the signed contract waits, is shown with why…
    let applied = db.apply_pulled(&[pulled(2, &app.id, "activation_notice_sent", "2026-11-20")], 2, Utc::now(), today()).await.unwrap();
    assert_eq!(applied.parked, 1);
    let line = db.timeline(&app.id, local_now(), zayava_core::i18n::Lang::Ru).await.unwrap();
    assert!(line.unplaced.iter().any(|u| u.reason.contains("Пришло от Оператора")), "{:?}", line.unplaced);
    // …and applies by itself once the user records what comes before it.
    for (event, at) in [("draft_contract_received", "2026-11-05"), ("signed_contract_received", "2026-11-10")] {
        db.record_event(&app.id, &NewEvent { event: event.into(), at: at.into(), corrects: None, note: String::new() }, Recorder::User, Utc::now(), local_now()).await.unwrap();
    }
    assert!(db.events(&app.id).await.unwrap().iter().any(|e| e.event == "activation_notice_sent" && e.recorded_by == Recorder::Sync));
    assert_eq!(db.timeline(&app.id, local_now(), zayava_core::i18n::Lang::Ru).await.unwrap().state, "active");
}

#[tokio::test]
async fn a_poisoned_event_in_a_page_is_listed_and_the_good_ones_are_applied_and_sync_goes_on() {
    let (sb, url) = sandbox().await;
    let (_d, db) = client().await;
    let app = draft(&db, None).await;
    sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&app).execute(db.pool()).await.unwrap();
    db.record_event(&app, &NewEvent { event: "application_sent".into(), at: "2026-11-02".into(), corrects: None, note: String::new() }, Recorder::User, Utc::now(), local_now()).await.unwrap();
    run(&db, &url, quick()).await.unwrap();
    operator(&url, &app, json!({ "event": "application_received", "at": "2026-11-03" })).await;
    // Typed on a Russian layout: not a date, listed with its raw value. Padded: read as the
    // date it is, stored trimmed (it once panicked in a byte slice).
    operator(&url, &app, json!({ "event": "remarks_received", "at": "1ю2ю2025", "unchecked": true })).await;
    operator(&url, &app, json!({ "event": "draft_contract_received", "at": " 2026-11-06", "unchecked": true })).await;
    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!(report.pulled, 2, "{report:?}");
    assert!(report.refused >= 1, "{report:?}");
    let trail: Vec<(String, String)> = db.events(&app).await.unwrap().into_iter().map(|e| (e.event, e.at)).collect();
    let want = [("application_sent", "2026-11-02"), ("application_received", "2026-11-03"), ("draft_contract_received", "2026-11-06")];
    assert_eq!(trail, want.map(|(e, a)| (e.to_string(), a.to_string())));
    let issues = db.sync_issues(100, zayava_core::i18n::Lang::Ru).await.unwrap();
    assert!(issues.iter().any(|i| i.detail.contains("1ю2ю2025")), "the raw value is listed: {issues:?}");
    // Why it was refused reads in the language of the moment, not the one of the sync.
    let in_english = db.sync_issues(100, zayava_core::i18n::Lang::En).await.unwrap();
    let detail = |list: &[zayava_store::sync::SyncIssue]| list.iter().find(|i| i.detail.contains("1ю2ю2025")).map(|i| i.detail.clone()).unwrap();
    let (ru, en) = (detail(&issues), detail(&in_english));
    assert_ne!(ru, en);
    assert!(ru.split(" — ").next().unwrap().chars().any(|c| ('а'..='я').contains(&c) && c != 'ю'), "{ru}");
    assert!(!en.split(" — ").next().unwrap().chars().any(|c| ('а'..='я').contains(&c) && c != 'ю'), "{en}");
    // The next sync goes on from past the page.
    operator(&url, &app, json!({ "event": "signed_contract_received", "at": "2026-11-10" })).await;
    assert_eq!(run(&db, &url, quick()).await.unwrap().pulled, 1);
    assert_eq!(db.sync_cursor().await.unwrap(), sb.desk().stats().await.unwrap().feed_head);
}
