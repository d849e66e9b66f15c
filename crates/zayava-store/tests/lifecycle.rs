//! Events, timelines and the dashboard against a real SQLite file.

use chrono::{NaiveDateTime, TimeZone, Utc};
use serde_json::json;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{DeadlineStatus, NewEvent, Recorder};
use zayava_core::rules::Party;
use zayava_store::applications::ApplicationFilter;
use zayava_store::lifecycle::DashboardQuery;
use zayava_store::Database;

fn local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn new(event: &str, at: &str) -> NewEvent {
    NewEvent { event: event.into(), at: at.into(), corrects: None, note: String::new() }
}

async fn sent_application(db: &Database, service: &str) -> String {
    let app = db.create_application(service, None, Utc::now()).await.unwrap();
    // Sending needs a ready form; the test marks the row ready directly, as the pre-flight would.
    sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&app.id).execute(db.pool()).await.unwrap();
    app.id
}

async fn open() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn recording_draft_contract_received_puts_the_signing_deadline_on_the_dashboard() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "constructor").await;
    let now = local("2025-03-10T09:00");
    for (e, at) in [("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-07")] {
        db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
    }
    let board = db.dashboard(&DashboardQuery { working_days: 15, party: None, limit: 50 }, now, Lang::Ru).await.unwrap();
    let sign = board.iter().find(|d| d.rule == "constructor.sign_contract").expect("on the dashboard");
    assert_eq!(sign.due, "2025-03-24");
    assert_eq!(sign.status, DeadlineStatus::Upcoming);
    assert_eq!(sign.party, Some(Party::Consumer));
    // The operator's draft deadline was met by the draft arriving: it is not on the board.
    assert!(!board.iter().any(|d| d.rule == "constructor.draft_contract"));
    // Party filter.
    let theirs = db.dashboard(&DashboardQuery { working_days: 15, party: Some(Party::Operator), limit: 50 }, now, Lang::Ru).await.unwrap();
    assert!(theirs.iter().all(|d| d.party == Some(Party::Operator)));
    // The row leads with what is at stake: 24.03 is two working days after 20.03.
    let stake = sign.stake.as_deref().unwrap();
    assert!(stake.starts_with("Осталось 10 рабочих дней: подписанный договор должен поступить Оператору до 24.03.2025"), "{stake}");
    let near = db.dashboard(&DashboardQuery { working_days: 15, party: None, limit: 50 }, local("2025-03-20T09:00"), Lang::Ru).await.unwrap();
    let stake = near.iter().find(|d| d.rule == "constructor.sign_contract").unwrap().stake.clone().unwrap();
    assert!(stake.starts_with("Осталось 2 рабочих дня") && stake.ends_with("иначе он не заключён."), "{stake}");
    // Once posted, the row says the Operator's receipt is awaited.
    db.record_event(&id, &new("signed_contract_sent", "2025-03-20"), Recorder::User, Utc::now(), local("2025-03-20T10:00")).await.unwrap();
    let posted = db.dashboard(&DashboardQuery { working_days: 15, party: None, limit: 50 }, local("2025-03-20T10:00"), Lang::Ru).await.unwrap();
    let stake = posted.iter().find(|d| d.rule == "constructor.sign_contract").unwrap().stake.clone().unwrap();
    assert!(stake.contains("ждём получения Оператором"), "{stake}");
    // After the window the contract is not concluded: the application leaves the to-do
    // list instead of asking for a signature that can no longer count.
    let late = local("2025-03-25T09:00");
    let board = db.dashboard(&DashboardQuery { working_days: 5, party: None, limit: 50 }, late, Lang::Ru).await.unwrap();
    assert!(!board.iter().any(|d| d.application_id == id), "{board:?}");
    assert_eq!(db.timeline(&id, late, Lang::Ru).await.unwrap().state, "not_concluded");
}

#[tokio::test]
async fn a_late_receipt_is_kept_voids_the_contract_and_nothing_of_it_stays_to_do() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "kvp").await;
    let now = local("2025-12-03T09:00");
    for (e, at) in [("application_sent", "2025-11-05"), ("application_received", "2025-11-06"), ("draft_contract_received", "2025-11-10"), ("signed_contract_received", "2025-11-26")] {
        db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
    }
    let line = db.timeline(&id, now, Lang::Ru).await.unwrap();
    assert_eq!(line.state, "not_concluded");
    assert!(line.void.as_ref().unwrap().message.contains("на 1 день позже срока 25.11.2025"), "{:?}", line.void);
    assert_eq!(db.events(&id).await.unwrap().len(), 4, "the late receipt is recorded");
    // The Operator's activation deadline that would count from the receipt is not a to-do.
    let board = db.dashboard(&DashboardQuery { working_days: 30, party: None, limit: 50 }, now, Lang::Ru).await.unwrap();
    assert!(!board.iter().any(|d| d.application_id == id), "{board:?}");
}

#[tokio::test]
async fn a_deadline_closed_by_its_event_leaves_the_board_and_its_reminders_stop() {
    let (_d, db) = open().await;
    let id = db.create_application("interaction", None, Utc::now()).await.unwrap().id;
    let now = local("2025-06-02T10:45");
    db.record_event(&id, &new("claim_received", "2025-06-02"), Recorder::User, Utc::now(), now).await.unwrap();
    let q = DashboardQuery { working_days: 30, party: None, limit: 50 };
    assert!(db.dashboard(&q, now, Lang::Ru).await.unwrap().iter().any(|d| d.rule == "interaction.claim_answer"));
    let later = local("2025-06-16T09:00");
    assert!(db.pending_reminders(later, Lang::Ru).await.unwrap().iter().any(|r| r.key.contains("interaction.claim_answer")));
    db.record_event(&id, &new("claim_answered", "2025-06-05"), Recorder::User, Utc::now(), later).await.unwrap();
    assert!(!db.dashboard(&q, later, Lang::Ru).await.unwrap().iter().any(|d| d.rule == "interaction.claim_answer"));
    assert!(db.pending_reminders(later, Lang::Ru).await.unwrap().is_empty());
    // A second claim is a second round, open again.
    db.record_event(&id, &new("claim_received", "2025-06-16"), Recorder::User, Utc::now(), later).await.unwrap();
    let board = db.dashboard(&q, later, Lang::Ru).await.unwrap();
    let open: Vec<_> = board.iter().filter(|d| d.rule == "interaction.claim_answer").collect();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].round, 2);
}

#[tokio::test]
async fn a_refused_event_changes_nothing_and_says_why() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "kvp").await;
    let now = local("2025-11-10T09:00");
    db.record_event(&id, &new("application_sent", "2025-11-03"), Recorder::User, Utc::now(), now).await.unwrap();
    for (bad, code) in [
        (new("signed_contract_received", "2025-11-04"), "lifecycle.impossible"),
        (new("application_received", "2025-11-01"), "lifecycle.before_previous"),
        (new("application_received", "2025-11-11"), "lifecycle.in_future"),
        (new("placement_date", "2025-11-05"), "lifecycle.unknown_event"),
    ] {
        let err = db.record_event(&id, &bad, Recorder::User, Utc::now(), now).await.unwrap_err();
        assert_eq!(err.code(), code);
    }
    assert_eq!(db.events(&id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_trail_is_append_only_and_corrections_are_new_events() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "one-window").await;
    let now = local("2025-03-20T09:00");
    db.record_event(&id, &new("application_sent", "2025-03-03"), Recorder::User, Utc::now(), now).await.unwrap();
    let received = db.record_event(&id, &new("application_received", "2025-03-05"), Recorder::Sync, Utc::now(), now).await.unwrap();
    assert!(sqlx::query("UPDATE application_event SET at = '2025-03-04'").execute(db.pool()).await.is_err());
    assert!(sqlx::query("DELETE FROM application_event").execute(db.pool()).await.is_err());
    let fix = NewEvent { corrects: Some(received.id), note: "по входящему штампу".into(), ..new("application_received", "2025-03-04") };
    db.record_event(&id, &fix, Recorder::User, Utc::now(), now).await.unwrap();
    let line = db.timeline(&id, now, Lang::Ru).await.unwrap();
    assert_eq!(line.events.len(), 3);
    assert!(line.events[1].corrected);
    assert_eq!(line.events[1].event.recorded_by, Recorder::Sync);
    // The operator's draft deadline counts from the corrected date: 3 working days from 04.03.
    let draft = line.deadlines.iter().find(|d| d.item.rule == "one-window.draft_contract").unwrap();
    assert_eq!(draft.item.due.as_deref(), Some("2025-03-07"));
}

#[tokio::test]
async fn dates_follow_a_calendar_correction_and_the_form_facts() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "hosting").await;
    let now = local("2026-12-21T09:00");
    db.save_application(&id, None, &json!({ "software_count": 3 }), Utc::now()).await.unwrap();
    sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&id).execute(db.pool()).await.unwrap();
    for (e, at) in [("application_sent", "2026-12-14"), ("application_received", "2026-12-14"), ("draft_contract_received", "2026-12-15"), ("signed_contract_received", "2026-12-21")] {
        db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
    }
    let due = |board: Vec<zayava_store::lifecycle::DueEntry>| board.into_iter().find(|d| d.rule == "hosting.placement").map(|d| d.due);
    let q = DashboardQuery { working_days: 30, party: None, limit: 50 };
    // 5 working days from Mon 21.12.2026: 22, 23, 24, 25 is Christmas, 28, 29.
    assert_eq!(due(db.dashboard(&q, now, Lang::Ru).await.unwrap()).as_deref(), Some("2026-12-29"));
    let year = zayava_core::calendar::YearTransfers {
        year: 2026,
        source: "Постановление (тест)".into(),
        moves: vec![zayava_core::calendar::Transfer { day_off: "2026-12-28".parse().unwrap(), working_day: "2026-12-26".parse().unwrap() }],
        origin: zayava_core::calendar::TransferOrigin::User,
    };
    db.save_calendar_year(&year, Utc.with_ymd_and_hms(2026, 12, 21, 6, 0, 0).unwrap()).await.unwrap();
    // Now Saturday 26.12 is worked and Monday 28.12 is off: 22, 23, 24, 26, 29.
    assert_eq!(due(db.dashboard(&q, now, Lang::Ru).await.unwrap()).as_deref(), Some("2026-12-29"));
    // The form of a sent application is locked until the user chooses to amend it.
    assert_eq!(db.save_application(&id, None, &json!({ "software_count": 30 }), Utc::now()).await.unwrap_err().code(), "application.sent_locked");
    db.amend_sent_application(&id, Utc::now(), now).await.unwrap();
    let saved = db.save_application(&id, None, &json!({ "software_count": 30 }), Utc::now()).await.unwrap();
    assert_eq!(saved.status, zayava_store::applications::ApplicationStatus::Ready, "a sent application never turns back into a draft");
    assert_eq!(db.events(&id).await.unwrap().last().unwrap().event, "application_amended", "the change after sending is in the trail");
    // 15 working days now.
    assert_eq!(due(db.dashboard(&q, now, Lang::Ru).await.unwrap()).as_deref(), Some("2027-01-14"));
}

#[tokio::test]
async fn a_reminder_is_shown_once_even_after_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = Database::open(&path).await.unwrap();
    let id = sent_application(&db, "constructor").await;
    let at_ = local("2025-03-19T09:00");
    for (e, at) in [("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-07")] {
        db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), at_).await.unwrap();
    }
    let pending = db.pending_reminders(at_, Lang::Ru).await.unwrap();
    assert_eq!(pending.len(), 1, "3 working days before 24.03");
    assert!(pending[0].body.contains("Подписанный договор должен поступить Оператору"));
    db.mark_reminder_shown(&pending[0].key, Utc::now()).await.unwrap();
    db.close().await;
    let db = Database::open(&path).await.unwrap();
    assert!(db.pending_reminders(at_, Lang::Ru).await.unwrap().is_empty());
    assert_eq!(db.set_reminder_leads("5, 2").await.unwrap(), Some(vec![5, 2]));
    assert_eq!(db.set_reminder_leads("скоро").await.unwrap(), None);
    assert_eq!(db.reminder_leads().await.unwrap(), vec![5, 2]);
}

#[tokio::test]
async fn the_list_shows_each_applications_stage_and_filters_by_it() {

    let (_d, db) = open().await;
    let draft = db.create_application("kvp", None, Utc::now()).await.unwrap();
    let waiting = sent_application(&db, "kvp").await;
    let dead = sent_application(&db, "kvp").await;
    let today: chrono::NaiveDate = "2025-12-03".parse().unwrap();
    let now = local("2025-12-03T09:00");
    for id in [&waiting, &dead] {
        for (e, at) in [("application_sent", "2025-11-05"), ("application_received", "2025-11-06")] {
            db.record_event(id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
        }
    }
    db.record_event(&waiting, &new("draft_contract_received", "2025-12-01"), Recorder::User, Utc::now(), now).await.unwrap();
    // The window of 10.11 closed on 25.11 with nothing received: not concluded, as of today.
    db.record_event(&dead, &new("draft_contract_received", "2025-11-10"), Recorder::User, Utc::now(), now).await.unwrap();
    let list = db.applications_on(&ApplicationFilter::default(), today).await.unwrap();
    let stage = |id: &str| list.iter().find(|s| s.id == id).map(|s| (s.stage.clone(), s.stage_label.clone())).unwrap();
    assert_eq!(stage(&draft.id), ("draft".into(), "Черновик".into()));
    assert_eq!(stage(&waiting).0, "awaiting_signature");
    assert_eq!(stage(&dead), ("not_concluded".into(), "Не заключён или аннулирована".into()));
    let only = |stage: &str| {
        let db = &db;
        let stage = stage.to_string();
        async move { db.applications_on(&ApplicationFilter { stage: Some(stage), ..Default::default() }, today).await.unwrap().into_iter().map(|s| s.id).collect::<Vec<_>>() }
    };
    assert_eq!(only("not_concluded").await, [dead.clone()]);
    assert_eq!(only("awaiting_signature").await, [waiting.clone()]);
    // Every application has a short number, unique and in order; the list shows and finds it.
    let numbers: Vec<String> = list.iter().map(|s| s.number.clone()).collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, ["З-0001", "З-0002", "З-0003"]);
    let found = db.applications_on(&ApplicationFilter { text: Some("з-0002".into()), ..Default::default() }, today).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, waiting);
    let copy = db.duplicate_application(&waiting, Utc::now()).await.unwrap();
    assert_eq!(copy.number, 4);
}

#[tokio::test]
async fn contracts_that_end_soon_are_listed_until_they_are_renewed() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "one-window").await;
    let now = local("2026-12-03T09:00");
    for (e, at) in [("application_sent", "2026-03-02"), ("application_received", "2026-03-03"), ("draft_contract_received", "2026-03-05"), ("signed_contract_received", "2026-03-12"), ("activation_notice_sent", "2026-03-31")] {
        db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
    }
    let ending = db.expiring(90, now, Lang::Ru).await.unwrap();
    assert_eq!(ending.len(), 1);
    assert_eq!((ending[0].rule.as_str(), ending[0].due.as_str()), ("one-window.term_end", "2026-12-31"));
    // The list shows the stage «expiring» within 30 days of the end, «active» before that.
    assert_eq!(db.stage_on(&id, now.date()).await.unwrap().id, "expiring");
    assert_eq!(db.stage_on(&id, "2026-11-30".parse().unwrap()).await.unwrap().id, "active");
    let listed = db.applications_on(&ApplicationFilter { stage: Some("expiring".into()), ..Default::default() }, now.date()).await.unwrap();
    assert_eq!(listed.iter().map(|s| (s.id.as_str(), s.stage.as_str())).collect::<Vec<_>>(), [(id.as_str(), "expiring")]);
    // The renewal is a deadline of ours on the dashboard, with reminders.
    let board = db.dashboard(&DashboardQuery { working_days: 30, party: None, limit: 50 }, now, Lang::Ru).await.unwrap();
    assert!(board.iter().any(|d| d.rule == "one-window.renewal" && d.due == "2026-12-31"), "{board:?}");
    db.record_event(&id, &new("contract_renewed", "2026-12-03"), Recorder::User, Utc::now(), now).await.unwrap();
    assert!(db.expiring(90, now, Lang::Ru).await.unwrap().is_empty(), "renewed: the next term ends in a year");
    assert_eq!(db.stage_on(&id, now.date()).await.unwrap().id, "active", "renewed: no longer expiring");
    assert_eq!(db.expiring(400, now, Lang::Ru).await.unwrap()[0].due, "2027-12-31");
}

#[tokio::test]
async fn a_contracts_entered_end_is_reminded_at_the_longer_term_leads_that_the_user_sets() {
    let (_d, db) = open().await;
    let id = sent_application(&db, "hosting").await;
    let now = local("2026-12-03T09:00");
    for (e, at) in [("application_sent", "2026-03-02"), ("application_received", "2026-03-03"), ("draft_contract_received", "2026-03-05"), ("signed_contract_received", "2026-03-12"), ("placement_date", "2026-03-20"), ("contract_end_planned", "2026-12-31")] {
        db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
    }
    // Default term leads 20, 10, 5, 1 working days: on 03.12 the 20-day one has come.
    assert_eq!(db.term_reminder_leads().await.unwrap(), [20, 10, 5, 1]);
    let pending = db.pending_reminders(now, Lang::Ru).await.unwrap();
    let end: Vec<_> = pending.iter().filter(|r| r.key.contains("hosting.contract_end")).collect();
    assert_eq!(end.len(), 1, "{pending:?}");
    assert!(end[0].body.contains("Договор заканчивается 31.12.2026"), "{}", end[0].body);
    // With a shorter term lead it is not due yet; the everyday leads are untouched.
    assert_eq!(db.set_term_reminder_leads("5, 1").await.unwrap(), Some(vec![5, 1]));
    assert!(!db.pending_reminders(now, Lang::Ru).await.unwrap().iter().any(|r| r.key.contains("hosting.contract_end")));
    assert_eq!(db.reminder_leads().await.unwrap(), [3, 1, 0]);
    assert_eq!(db.set_term_reminder_leads("когда-нибудь").await.unwrap(), None);
    assert_eq!(db.term_reminder_leads().await.unwrap(), [5, 1], "a refused text changes nothing");
}

/// A correction to a year's calendar recomputes the applications counted through that year
/// and no other, a chunk at a time with progress, and undoing it brings the dates back.
#[tokio::test]
async fn a_calendar_correction_recomputes_only_what_counts_through_its_year() {
    let (_d, db) = open().await;
    let now = local("2027-06-01T09:00");
    let mut ids = Vec::new();
    for (first, second) in [("2026-12-14", "2026-12-21"), ("2025-03-03", "2025-03-10"), ("2027-02-01", "2027-02-08")] {
        let id = sent_application(&db, "hosting").await;
        db.save_application(&id, None, &json!({ "software_count": 3 }), Utc::now()).await.unwrap();
        sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&id).execute(db.pool()).await.unwrap();
        for (e, at) in [("application_sent", first), ("application_received", first), ("draft_contract_received", first), ("signed_contract_received", second)] {
            db.record_event(&id, &new(e, at), Recorder::User, Utc::now(), now).await.unwrap();
        }
        ids.push(id);
    }
    let placement = |db: Database, id: String| async move {
        let line = db.timeline(&id, local("2027-06-01T09:00"), Lang::Ru).await.unwrap();
        let stored: String = sqlx::query_scalar("SELECT due FROM due_item WHERE application_id = ? AND rule = 'hosting.placement'").bind(&id).fetch_one(db.pool()).await.unwrap();
        (line.deadlines.iter().find(|d| d.item.rule == "hosting.placement").unwrap().item.due.clone().unwrap(), stored)
    };
    let before = placement(db.clone(), ids[0].clone()).await;
    assert_eq!(before, ("2026-12-29".to_string(), "2026-12-29".to_string()));
    let year = zayava_core::calendar::YearTransfers {
        year: 2026,
        source: "Постановление (тест)".into(),
        moves: vec![zayava_core::calendar::Transfer { day_off: "2026-12-28".parse().unwrap(), working_day: "2026-12-26".parse().unwrap() }],
        origin: zayava_core::calendar::TransferOrigin::User,
    };
    let mut seen = Vec::new();
    db.save_calendar_year_with(&year, Utc::now(), &mut |done, of| seen.push((done, of))).await.unwrap();
    assert_eq!(seen, [(0, 1), (1, 1)], "one application counts through 2026: the 2025 and 2027 ones are not touched");
    assert_eq!(placement(db.clone(), ids[0].clone()).await, ("2026-12-29".to_string(), "2026-12-29".to_string()), "26.12 worked, 28.12 off: the same fifth day");
    let moved = zayava_core::calendar::YearTransfers { moves: vec![zayava_core::calendar::Transfer { day_off: "2026-12-22".parse().unwrap(), working_day: "2026-12-19".parse().unwrap() }], ..year };
    db.save_calendar_year(&moved, Utc::now()).await.unwrap();
    // 19.12 is before the count starts: 22.12 off moves the fifth working day to 30.12.
    assert_eq!(placement(db.clone(), ids[0].clone()).await, ("2026-12-30".to_string(), "2026-12-30".to_string()));
    db.delete_calendar_year(2026).await.unwrap();
    assert_eq!(placement(db.clone(), ids[0].clone()).await, before);
    let stale: i64 = sqlx::query_scalar("SELECT count(*) FROM due_stale").fetch_one(db.pool()).await.unwrap();
    assert_eq!(stale, 0);
}
