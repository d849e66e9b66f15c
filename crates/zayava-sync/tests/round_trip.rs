//! A full round trip against the real sandbox on loopback: push, the operator acts, pull.

mod common;

use common::*;
use serde_json::json;
use zayava_core::i18n::Lang;

#[tokio::test]
async fn changes_reach_the_operator_and_its_events_come_back_into_the_timeline() {
    let (sb, url) = sandbox().await;
    let (_d, db) = client().await;
    let org = organisation(&db).await;
    let draft_id = draft(&db, Some(org)).await;
    let sent_id = sent(&db, Some(org)).await;
    db.store_attachment_bytes("устав.pdf", b"%PDF-1.4 test", chrono::Utc::now()).await.unwrap();

    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!(db.outbox_counts().await.unwrap().pending, 0, "everything was acknowledged");
    assert_eq!(report.rejected, 0);
    let stats = sb.desk().stats().await.unwrap();
    assert_eq!((stats.organisations, stats.applications, stats.client_events, stats.attachments), (1, 2, 1, 1));
    let known = db.sync_positions(&[&sent_id, &draft_id]).await.unwrap();
    assert!(known[&sent_id].0 >= 1 && known[&draft_id].0 >= 1, "the server's revisions are remembered: {known:?}");
    assert!(known[&sent_id].1 && !known[&draft_id].1, "sent or not");

    // The operator receives the sent application with a number, then issues a draft contract.
    assert!(operator(&url, &sent_id, json!({ "event": "application_received", "at": "2026-11-21", "fields": { "registration_number": "НЦЭУ-17" } })).await.is_success());
    assert!(operator(&url, &sent_id, json!({ "event": "draft_contract_received", "at": "2026-11-24", "fields": { "contract_number": "Д-5" } })).await.is_success());
    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!(report.pulled, 2);
    let line = db.timeline(&sent_id, local_now(), Lang::Ru).await.unwrap();
    assert_eq!(line.state, "draft_contract");
    let events: Vec<_> = db.events(&sent_id).await.unwrap();
    assert_eq!(events.iter().filter(|e| e.recorded_by == zayava_core::lifecycle::Recorder::Sync).count(), 2);
    // The stored due dates (the dashboard's) are the ones the timeline works out from the
    // pulled events, recomputed by the pull itself: none is left waiting.
    let stored: Vec<(String, String)> = sqlx::query_as("SELECT rule, due FROM due_item WHERE application_id = ? ORDER BY rule, due").bind(&sent_id).fetch_all(db.pool()).await.unwrap();
    let mut worked: Vec<(String, String)> = line.deadlines.iter().filter_map(|d| Some((d.item.rule.clone(), d.item.due.clone()?))).collect();
    worked.sort();
    assert!(!worked.is_empty(), "the draft contract opens a signing window");
    assert_eq!(stored, worked);
    let stale: i64 = sqlx::query_scalar("SELECT count(*) FROM due_stale").fetch_one(db.pool()).await.unwrap();
    assert_eq!(stale, 0);
    let fields = db.operator_fields(&sent_id).await.unwrap();
    assert_eq!(fields["registration_number"], "НЦЭУ-17");
    assert_eq!(fields["contract_number"], "Д-5");

    // Events brought by sync are not sent back; a second run has nothing to do.
    let again = run(&db, &url, quick()).await.unwrap();
    assert_eq!((again.pushed, again.pulled), (0, 0));
    assert_eq!(sb.desk().stats().await.unwrap().client_events, 1);
    assert!(db.sync_state().await.unwrap().last_success.is_some());
}

#[tokio::test]
async fn a_conflict_on_a_sent_application_is_shown_and_settled_by_the_user() {
    let (_sb, url) = sandbox().await;
    let (_d, db) = client().await;
    let id = sent(&db, None).await;
    run(&db, &url, quick()).await.unwrap();

    // The operator corrects the application while the user edits it too.
    let amended = reqwest::Client::new().post(format!("{url}/admin/applications/{id}/amend")).bearer_auth(TOKEN).json(&json!({ "contact": "Петров П.П." })).send().await.unwrap();
    assert!(amended.status().is_success());
    amend(&db, &id).await;
    db.save_application(&id, None, &json!({ "contact": "Сидоров С.С.", "body_name": "ОАО Тест" }), chrono::Utc::now()).await.unwrap();
    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!(report.conflicts, 1);
    // Edited again while the conflict waits: still one conflict, showing the latest version.
    db.save_application(&id, None, &json!({ "contact": "Сидоров С.С.", "body_name": "ОАО Тест-2" }), chrono::Utc::now()).await.unwrap();
    db.save_application(&id, None, &json!({ "contact": "Сидоров С.С.", "body_name": "ОАО Тест" }), chrono::Utc::now()).await.unwrap();
    run(&db, &url, quick()).await.unwrap();
    let conflicts = db.sync_conflicts().await.unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].server_values["contact"], "Петров П.П.");
    assert_eq!(conflicts[0].local_values["contact"], "Сидоров С.С.", "nothing merged silently");
    assert_eq!(db.outbox_counts().await.unwrap().conflicts, 1, "one application, however many edits wait");
    assert_eq!(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox WHERE state = 'conflict'").fetch_one(db.pool()).await.unwrap(), 3);

    // Taking the server's version: local values become the server's and both sides agree.
    db.resolve_conflict(&id, zayava_store::sync::Resolution::TakeServer, chrono::Utc::now()).await.unwrap();
    assert_eq!(db.application(&id).await.unwrap().values["contact"], "Петров П.П.");
    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!((report.conflicts, report.rejected), (0, 0));
    assert_eq!(db.outbox_counts().await.unwrap(), Default::default());
}

#[tokio::test]
async fn keeping_mine_sends_my_version_over_the_operators() {
    let (sb, url) = sandbox().await;
    let (_d, db) = client().await;
    let id = sent(&db, None).await;
    run(&db, &url, quick()).await.unwrap();
    reqwest::Client::new().post(format!("{url}/admin/applications/{id}/amend")).bearer_auth(TOKEN).json(&json!({ "contact": "Петров П.П." })).send().await.unwrap();
    amend(&db, &id).await;
    db.save_application(&id, None, &json!({ "contact": "Сидоров С.С." }), chrono::Utc::now()).await.unwrap();
    run(&db, &url, quick()).await.unwrap();
    db.resolve_conflict(&id, zayava_store::sync::Resolution::KeepMine, chrono::Utc::now()).await.unwrap();
    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!(report.conflicts, 0);
    let listed = sb.desk().list().await.unwrap();
    assert!(listed.iter().any(|a| a.id == id && a.name == "Сидоров С.С."));
}

#[tokio::test]
async fn a_draft_is_the_clients_whatever_the_server_holds() {
    let (_sb, url) = sandbox().await;
    let (_d, db) = client().await;
    let id = draft(&db, None).await;
    run(&db, &url, quick()).await.unwrap();
    reqwest::Client::new().post(format!("{url}/admin/applications/{id}/amend")).bearer_auth(TOKEN).json(&json!({ "contact": "Петров П.П." })).send().await.unwrap();
    db.save_application(&id, None, &json!({ "contact": "Сидоров С.С." }), chrono::Utc::now()).await.unwrap();
    let report = run(&db, &url, quick()).await.unwrap();
    assert_eq!((report.conflicts, report.rejected), (0, 0));
}

#[tokio::test]
async fn only_https_or_loopback_and_a_refused_token_asks_for_a_new_one() {
    assert_eq!(zayava_sync::Api::new("http://operator.example.by", "t", std::time::Duration::from_secs(1)).err().unwrap().code(), "sync.not_https");
    let (_sb, url) = sandbox().await;
    let (_d, db) = client().await;
    draft(&db, None).await;
    let wrong = zayava_sync::Api::new(&url, "wrong-token", std::time::Duration::from_secs(2)).unwrap();
    let err = zayava_sync::sync_once(&db, &wrong, quick(), chrono::Utc::now(), today(), &mut |_| {}).await.unwrap_err();
    assert_eq!(err.code(), "sync.unauthorized");
    assert!(err.message(Lang::Ru).contains("ключ"));
    assert!(db.outbox_counts().await.unwrap().pending > 0, "nothing lost");
}

/// Two desktops of one account: what one made comes whole to the other through the feed (the
/// organisation, the application with its values, its events with who recorded them), and
/// nothing applied is sent back; a desktop's own changes come back and are skipped.
#[tokio::test]
async fn a_colleagues_work_arrives_whole_with_their_name_and_nothing_is_sent_back() {
    let (sb, url) = sandbox().await;
    let (_a, alice) = client().await;
    let (_b, boris) = client().await;
    assert_ne!(alice.device_id().await.unwrap(), boris.device_id().await.unwrap());
    assert_eq!(alice.device_id().await.unwrap(), alice.device_id().await.unwrap(), "made once");
    let org = organisation(&alice).await;
    let app = sent(&alice, Some(org)).await;
    let file = alice.store_attachment_bytes("устав.pdf", b"%PDF-1.4 charter", chrono::Utc::now()).await.unwrap();

    let pushed = run(&alice, &url, quick()).await.unwrap();
    assert!(pushed.pushed >= 4);
    assert_eq!(pushed.colleague_changes, 0, "its own changes come back and are skipped");

    let pulled = run(&boris, &url, quick()).await.unwrap();
    assert!(pulled.colleague_changes >= 3, "{pulled:?}");
    assert!(boris.colleague_changes_waiting().await.unwrap().is_empty(), "all applied");
    let got = boris.application(&app).await.unwrap();
    assert_eq!(got.values["body_name"], "ОАО Тест");
    let theirs = alice.organisation(org).await.unwrap();
    let ours = boris.organisation(got.organisation_id.expect("the organisation came too")).await.unwrap();
    assert_eq!(ours.name, theirs.name);
    let events = boris.events(&app).await.unwrap();
    assert_eq!(events.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(), ["application_sent"]);
    let author: Option<String> = sqlx::query_scalar("SELECT author FROM application_event WHERE application_id = ?").bind(&app).fetch_one(boris.pool()).await.unwrap();
    assert_eq!(author.as_deref(), Some("sandbox"), "the colleague's name is kept with the event");
    let line = boris.timeline(&app, local_now(), Lang::Ru).await.unwrap();
    assert_eq!(line.events[0].author.as_deref(), Some("sandbox"), "and shown on the timeline");
    assert_eq!(alice.timeline(&app, local_now(), Lang::Ru).await.unwrap().events[0].author, None, "recorded here: no name");
    assert_eq!(boris.timeline(&app, local_now(), Lang::Ru).await.unwrap().state, alice.timeline(&app, local_now(), Lang::Ru).await.unwrap().state);
    // The file came too, the same bytes, under its hash.
    assert_eq!(std::fs::read(boris.attachments_dir().join(&file.sha256)).unwrap(), b"%PDF-1.4 charter");
    let listed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM attachment WHERE sha256 = ?").bind(&file.sha256).fetch_one(boris.pool()).await.unwrap();
    assert_eq!(listed, 1);
    // Nothing applied was queued to go back; a second run of either changes nothing.
    assert_eq!(boris.outbox_counts().await.unwrap().pending, 0);
    let before = sb.desk().stats().await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    run(&alice, &url, quick()).await.unwrap();
    assert_eq!(sb.desk().stats().await.unwrap(), before);
}

/// Both desktops change one draft offline. The one that syncs second is told the other's
/// version, with the name, and chooses; once it has, both desktops and the server hold the same.
#[tokio::test]
async fn a_draft_changed_on_two_desktops_is_a_conflict_the_second_settles() {
    let (_sb, url) = sandbox().await;
    let (_a, alice) = client().await;
    let (_b, boris) = client().await;
    let app = draft(&alice, None).await;
    run(&alice, &url, quick()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert_eq!(boris.application(&app).await.unwrap().values["contact"], "Иванов И.И.");

    alice.save_application(&app, None, &json!({ "contact": "Алиса", "body_name": "ОАО Тест" }), chrono::Utc::now()).await.unwrap();
    boris.save_application(&app, None, &json!({ "contact": "Борис", "body_name": "ОАО Тест" }), chrono::Utc::now()).await.unwrap();
    run(&alice, &url, quick()).await.unwrap();
    let report = run(&boris, &url, quick()).await.unwrap();
    assert!(report.conflicts >= 1, "{report:?}");
    let conflicts = boris.sync_conflicts().await.unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].server_values["contact"], "Алиса");
    assert_eq!(conflicts[0].local_values["contact"], "Борис");
    assert_eq!(conflicts[0].changed_by.as_deref(), Some("sandbox"), "whose version it is");
    assert_eq!(boris.application(&app).await.unwrap().values["contact"], "Борис", "nothing merged before the user chooses");

    boris.resolve_conflict(&app, zayava_store::sync::Resolution::KeepMine, chrono::Utc::now()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    run(&alice, &url, quick()).await.unwrap();
    assert_eq!(alice.application(&app).await.unwrap().values["contact"], "Борис", "the choice reached the other desktop");
    assert_eq!(boris.application(&app).await.unwrap().values["contact"], "Борис");
    assert!(alice.sync_conflicts().await.unwrap().is_empty() && boris.sync_conflicts().await.unwrap().is_empty());
}

/// A reader's desktop: the run learns the role, pulls the account's work, and sends nothing
/// (what waited to be sent stays queued, none of it refused); the desktop then refuses changes.
#[tokio::test]
async fn a_readers_desktop_pulls_and_sends_nothing() {
    let (sb, url) = sandbox().await;
    let (_a, alice) = client().await;
    let app = draft(&alice, None).await;
    run(&alice, &url, quick()).await.unwrap();
    let (_r, rita) = client().await;
    draft(&rita, None).await;
    let (_, token) = sb.store.add_member("sandbox", "Рита", zayava_server::Role::Reader, None, "2026-12-07T00:00:00Z").await.unwrap();
    let api = zayava_sync::Api::new(&url, &token, std::time::Duration::from_secs(2)).unwrap();
    let report = zayava_sync::sync_once(&rita, &api, quick(), chrono::Utc::now(), today(), &mut |_| {}).await.unwrap();
    assert_eq!((report.pushed, report.rejected), (0, 0));
    let who = rita.sync_identity().await.unwrap().expect("the server said who");
    assert_eq!((who.account.as_str(), who.user.as_str(), who.reads_only()), ("sandbox", "Рита", true));
    assert!(rita.application(&app).await.is_ok(), "the account's work came");
    let counts = rita.outbox_counts().await.unwrap();
    assert!(counts.pending > 0 && counts.rejected == 0, "{counts:?}");
    assert_eq!(sb.desk().stats().await.unwrap().applications, 1, "nothing of the reader's reached the server");
}

/// Edited again after a conflict was met, then "take theirs": the later edit was made over
/// the version the user gave up, and goes with it; the server and the desktop hold the same.
#[tokio::test]
async fn taking_theirs_drops_an_edit_made_since_over_mine() {
    let (sb, url) = sandbox().await;
    let (_a, alice) = client().await;
    let (_b, boris) = client().await;
    let app = draft(&alice, None).await;
    run(&alice, &url, quick()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    alice.save_application(&app, None, &json!({ "contact": "Алиса" }), chrono::Utc::now()).await.unwrap();
    boris.save_application(&app, None, &json!({ "contact": "Борис" }), chrono::Utc::now()).await.unwrap();
    run(&alice, &url, quick()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert_eq!(boris.sync_conflicts().await.unwrap().len(), 1);
    boris.save_application(&app, None, &json!({ "contact": "Борис, ещё раз" }), chrono::Utc::now()).await.unwrap();
    boris.resolve_conflict(&app, zayava_store::sync::Resolution::TakeServer, chrono::Utc::now()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    run(&alice, &url, quick()).await.unwrap();
    assert_eq!(boris.application(&app).await.unwrap().values["contact"], "Алиса");
    assert_eq!(alice.application(&app).await.unwrap().values["contact"], "Алиса");
    let server = sb.desk().list().await.unwrap().into_iter().find(|a| a.id == app).unwrap();
    assert_eq!(server.name, "Алиса", "the server holds what both desktops show");
}

/// A reminder shown on one desktop is not shown on the account's others: the run tells the
/// server, which passes the first desktop's word on in the feed. A second desktop that showed
/// it too while offline adds nothing to the feed; a reader's desktop may tell it as well.
#[tokio::test]
async fn a_reminder_shown_on_one_desktop_is_not_shown_again_on_another() {
    let (sb, url) = sandbox().await;
    let (_a, alice) = client().await;
    let (_b, boris) = client().await;
    let (_c, carol) = client().await;
    let id = alice.create_application("interaction", None, chrono::Utc::now()).await.unwrap().id;
    record(&alice, &id, "claim_received", "2026-11-20").await;
    run(&alice, &url, quick()).await.unwrap();
    for desk in [&boris, &carol] {
        run(desk, &url, quick()).await.unwrap();
    }
    // The first morning a reminder of the claim's answer is due (on every desktop alike).
    let (at, key) = first_reminder(&alice, &id, today(), None).await;
    assert!(boris.pending_reminders(at, Lang::Ru).await.unwrap().iter().any(|r| r.key == key), "due on the colleague's desktop too, before it hears");

    // Alice's desktop shows it; Carol's shows it too before it could hear of Alice's.
    alice.mark_reminder_shown(&key, chrono::Utc::now()).await.unwrap();
    carol.mark_reminder_shown(&key, chrono::Utc::now()).await.unwrap();
    run(&alice, &url, quick()).await.unwrap();
    run(&carol, &url, quick()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert!(!boris.pending_reminders(at, Lang::Ru).await.unwrap().iter().any(|r| r.key == key), "shown on Alice's desktop: not again on Boris's");
    let page = api(&url).events(0, 1000).await.unwrap();
    let told: Vec<_> = page.changes.iter().filter(|c| c.kind == zayava_api::ChangeKind::Reminder).collect();
    assert_eq!(told.len(), 1, "the first desktop's word only: {told:?}");
    assert_eq!(told[0].entity, key);
    // Told once: a later run sends nothing more.
    let shared: i64 = sqlx::query_scalar("SELECT count(*) FROM reminder_shown WHERE shared = 0").fetch_one(alice.pool()).await.unwrap();
    assert_eq!(shared, 0);

    // A reader changes nothing, but the reminders its desktop showed reach the others.
    let (_r, rita) = client().await;
    let (_, token) = sb.store.add_member("sandbox", "Рита", zayava_server::Role::Reader, None, "2026-12-07T00:00:00Z").await.unwrap();
    let reader = zayava_sync::Api::new(&url, &token, std::time::Duration::from_secs(2)).unwrap();
    zayava_sync::sync_once(&rita, &reader, quick(), chrono::Utc::now(), today(), &mut |_| {}).await.unwrap();
    let (later, next) = first_reminder(&rita, &id, at.date(), Some(&key)).await;
    assert!(boris.pending_reminders(later, Lang::Ru).await.unwrap().iter().any(|r| r.key == next), "due on Boris's desktop before the reader's tells it");
    rita.mark_reminder_shown(&next, chrono::Utc::now()).await.unwrap();
    draft(&rita, None).await;
    zayava_sync::sync_once(&rita, &reader, quick(), chrono::Utc::now(), today(), &mut |_| {}).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert!(!boris.pending_reminders(later, Lang::Ru).await.unwrap().iter().any(|r| r.key == next), "told by the reader's desktop");
    assert_eq!(sb.desk().stats().await.unwrap().applications, 1, "the reader's draft stayed on the reader's desktop");
}

/// The first morning from `from` on which a reminder of application `id` other than `but`
/// falls due on `db`, and its key.
async fn first_reminder(db: &zayava_store::Database, id: &str, from: chrono::NaiveDate, but: Option<&str>) -> (chrono::NaiveDateTime, String) {
    for d in 0..60 {
        let at = (from + chrono::Duration::days(d)).and_hms_opt(9, 0, 0).unwrap();
        if let Some(r) = db.pending_reminders(at, Lang::Ru).await.unwrap().into_iter().find(|r| r.key.starts_with(id) && Some(r.key.as_str()) != but) {
            return (at, r.key);
        }
    }
    panic!("no reminder of {id} falls due");
}

/// A colleague's change this desktop cannot take now (here a trigger refuses every new
/// organisation) is undone alone: the rest of the page is applied, the cursor moves on, the
/// user is told once, and the change is kept and applied at a later sync once it can be.
#[tokio::test]
async fn a_colleagues_change_that_fails_waits_alone_and_is_applied_later() {
    let (_sb, url) = sandbox().await;
    let (_a, alice) = client().await;
    let (_b, boris) = client().await;
    let org = organisation(&alice).await;
    let app = draft(&alice, Some(org)).await;
    run(&alice, &url, quick()).await.unwrap();

    sqlx::query("CREATE TRIGGER refuse BEFORE INSERT ON organisation BEGIN SELECT RAISE(ABORT, 'refused for the test'); END").execute(boris.pool()).await.unwrap();
    let draft_elsewhere = draft(&alice, None).await;
    run(&alice, &url, quick()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert!(boris.application(&draft_elsewhere).await.is_ok(), "the rest of the page was applied");
    assert!(boris.application(&app).await.is_err(), "the organisation's application waits for it");
    let waiting = boris.colleague_changes_waiting().await.unwrap();
    assert!(waiting.iter().any(|c| c.kind == "organisation"), "the organisation is kept: {waiting:?}");
    assert!(waiting.iter().filter(|c| c.kind != "organisation").all(|c| c.kind == "application" && c.entity == app), "and its application's changes: {waiting:?}");
    run(&boris, &url, quick()).await.unwrap();
    let issues = boris.sync_issues(10, Lang::Ru).await.unwrap();
    assert_eq!(issues.iter().filter(|i| i.code == "sync.colleague_change_waits").count(), 1, "told once: {issues:?}");
    boris.dismiss_sync_issues().await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert!(boris.sync_issues(10, Lang::Ru).await.unwrap().is_empty(), "once dismissed, not told again");

    sqlx::query("DROP TRIGGER refuse").execute(boris.pool()).await.unwrap();
    run(&boris, &url, quick()).await.unwrap();
    assert!(boris.colleague_changes_waiting().await.unwrap().is_empty());
    let orgs = boris.organisations().await.unwrap();
    assert_eq!(orgs.len(), 1, "applied once it could be");
    assert_eq!(boris.application(&app).await.unwrap().organisation_id, Some(orgs[0].id), "and the application is linked to it");
}

/// A backup restored on a desktop: what it sent after the backup comes back from the server
/// and is taken (not skipped as its own), each event once, with the ids it was sent with; and
/// a copy of the file on another computer or folder is a desktop of its own.
#[tokio::test]
async fn a_restored_backup_takes_back_what_this_desktop_sent_since_and_a_copy_is_another_desktop() {
    let (_sb, url) = sandbox().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.sqlite3");
    let db = zayava_store::Database::open(&path).await.unwrap();
    let app = sent(&db, None).await;
    run(&db, &url, quick()).await.unwrap();
    // Monday's backup holds an event not sent yet; one more is recorded after it, then both go.
    record(&db, &app, "application_received", "2026-11-21").await;
    let backup = dir.path().join("monday.sqlite3");
    db.backup_to(&backup).await.unwrap();
    let before = db.device_id().await.unwrap();
    record(&db, &app, "draft_contract_received", "2026-11-24").await;
    run(&db, &url, quick()).await.unwrap();
    let sent_ids: Vec<String> = sqlx::query_scalar("SELECT wire FROM event_wire WHERE application_id = ? ORDER BY id").bind(&app).fetch_all(db.pool()).await.unwrap();
    db.close().await;

    zayava_store::safety::stage_restore(&path, &backup).await.unwrap();
    let db = zayava_store::Database::open(&path).await.unwrap();
    assert_eq!(db.events(&app).await.unwrap().len(), 2, "Monday's file");
    assert_ne!(db.device_id().await.unwrap(), before, "a restored file is a new desktop to the server");
    assert!(!dir.path().join("client.sqlite3.restored").exists(), "the restore's mark is gone once the id is new");
    run(&db, &url, quick()).await.unwrap();
    let events = db.events(&app).await.unwrap();
    assert_eq!(events.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(), ["application_sent", "application_received", "draft_contract_received"], "taken back, each once");
    let ids: Vec<String> = sqlx::query_scalar("SELECT wire FROM event_wire WHERE application_id = ? ORDER BY id").bind(&app).fetch_all(db.pool()).await.unwrap();
    assert_eq!(ids, sent_ids, "each event under the id it was sent with");
    // Sent again by nobody: the server holds one of each.
    let page = api(&url).events(0, 1000).await.unwrap();
    assert_eq!(page.changes.iter().filter(|c| c.kind == zayava_api::ChangeKind::Event).count(), 3);
    let device = db.device_id().await.unwrap();
    db.close().await;

    // Reopened where it is: the same desktop. Copied elsewhere: another one.
    let db = zayava_store::Database::open(&path).await.unwrap();
    assert_eq!(db.device_id().await.unwrap(), device);
    db.close().await;
    let copy = dir.path().join("copy").join("client.sqlite3");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(&path, &copy).unwrap();
    let other = zayava_store::Database::open(&copy).await.unwrap();
    assert_ne!(other.device_id().await.unwrap(), device);
}
