//! The use cases on a real SQLite file, as both faces call them: printing from a stored
//! application, from a file and for every application; the refusals a user can meet; a
//! copy that never overwrites unasked; the calendar file written whole.

use serde_json::json;
use zayava_app::printing::{self, Target};
use zayava_app::subject::Source;
use zayava_app::{applications, events, ics, organisations, safety, AppError, Now};
use zayava_core::error_code::ErrorCode;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::NewEvent;
use zayava_pdf::Kind;
use zayava_store::Database;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn fixture(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()).unwrap()
}

fn now() -> Now {
    Now::at(chrono::NaiveDate::from_ymd_opt(2025, 3, 10).unwrap().and_hms_opt(10, 0, 0).unwrap())
}

/// A database with the shared profile and a ready constructor application, sent and received.
async fn database(dir: &std::path::Path) -> (Database, String) {
    let db = Database::open(&dir.join("zayava.sqlite3")).await.unwrap();
    let org = organisations::add(&db, &fixture("organisation.json"), now()).await.unwrap();
    let app = fixture("constructor-application.json");
    let view = applications::create(&db, "constructor", Some(org.id), Lang::Ru, now()).await.unwrap();
    let id = view.application.id.clone();
    applications::save(&db, &id, Some(org.id), &app["values"], Lang::Ru, now()).await.unwrap();
    applications::mark_ready(&db, &id, Lang::Ru, now()).await.unwrap();
    for (event, at) in [("application_sent", "2025-03-03"), ("application_received", "2025-03-04")] {
        events::record(&db, &id, &NewEvent { event: event.into(), at: at.into(), corrects: None, note: String::new() }, now()).await.unwrap();
    }
    (db, id)
}

#[tokio::test]
async fn a_stored_application_prints_as_each_kind_named_for_its_kind_and_application() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = database(dir.path()).await;
    for kind in Kind::ALL {
        let doc = printing::render(Some(&db), &Target::One(Source::Stored(id.clone())), kind, Lang::Ru, now()).await.unwrap();
        assert!(doc.pdf.bytes.starts_with(b"%PDF-") && doc.pdf.pages >= 1);
        let what = ["бланк заявки", "пакет документов", "график сроков"][Kind::ALL.iter().position(|k| *k == kind).unwrap()];
        assert_eq!(doc.file_name, format!("Заявка З-0001 — {what}.pdf"), "named in the user's language by its number and kind");
        let target = dir.path().join(&doc.file_name);
        let printed = printing::write(&doc, &target).unwrap();
        assert_eq!(std::fs::read(&target).unwrap().len() as u32, printed.bytes);
    }
    let all = printing::render(Some(&db), &Target::All, Kind::Schedule, Lang::Ru, now()).await.unwrap();
    assert!(all.pdf.pages >= 1 && all.file_name == "График сроков — все заявки.pdf");
    let english = printing::render(Some(&db), &Target::One(Source::Stored(id.clone())), Kind::Package, Lang::En, now()).await.unwrap();
    assert_eq!(english.file_name, "Application З-0001 — document package.pdf");
    db.close().await;
}

#[tokio::test]
async fn what_cannot_be_printed_is_refused_with_a_code_and_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = database(dir.path()).await;
    let all = printing::render(Some(&db), &Target::All, Kind::Package, Lang::Ru, now()).await.err().unwrap();
    assert_eq!(all.code(), ErrorCode::PrintAllIsASchedule);
    let missing = printing::render(Some(&db), &Target::One(Source::Stored("nope".into())), Kind::Application, Lang::Ru, now()).await.err().unwrap();
    assert_eq!(missing.code(), ErrorCode::StoreNotFound);
    let file = dir.path().join("broken.json");
    std::fs::write(&file, "{\"service\": \"constructor\", \"values\": ").unwrap();
    let broken = printing::render(None, &Target::One(Source::File(file)), Kind::Application, Lang::En, now()).await.err().unwrap();
    assert_eq!(broken.code(), ErrorCode::ApplicationBadFile);
    let said = zayava_app::Problem::render(&broken, Lang::En).message;
    assert!(said.starts_with("The application file cannot be read") && said.contains("broken.json"), "{said}");
    db.close().await;
}

#[tokio::test]
async fn an_application_file_prints_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("application.json");
    let mut app = fixture("constructor-application.json");
    app.as_object_mut().unwrap().remove("schema_version");
    app["organisation"] = fixture("organisation.json");
    app["events"] = json!([{ "event": "application_sent", "at": "2025-03-03" }]);
    std::fs::write(&file, app.to_string()).unwrap();
    let source = Source::from_argument(file.to_str().unwrap());
    assert_eq!(source, Source::File(file.clone()));
    let doc = printing::render(None, &Target::One(source), Kind::Package, Lang::Ru, now()).await.unwrap();
    assert!(doc.pdf.bytes.starts_with(b"%PDF-"));
    assert_eq!(doc.file_name, "Заявка — пакет документов.pdf", "a file's application has no number");
}

#[tokio::test]
async fn a_copy_never_replaces_a_file_unless_the_user_agreed() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = database(dir.path()).await;
    let target = dir.path().join("copy.sqlite3");
    std::fs::write(&target, b"the user's own file").unwrap();
    let refused = safety::backup(&db, &target, false).await.err().unwrap();
    assert!(matches!(refused, AppError::Store(_)));
    assert_eq!(std::fs::read(&target).unwrap(), b"the user's own file");
    safety::backup(&db, &target, true).await.unwrap();
    assert!(std::fs::read(&target).unwrap().starts_with(b"SQLite format 3"));
    db.close().await;
}

#[tokio::test]
async fn the_calendar_file_is_named_in_the_users_language_and_holds_the_open_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = database(dir.path()).await;
    let target = dir.path().join("deadlines.ics");
    let done = ics::export(&db, Some(&id), &target, Lang::En, now()).await.unwrap();
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(done.events > 0 && text.matches("BEGIN:VEVENT").count() == done.events);
    assert!(text.contains("X-WR-CALNAME:Zayava: deadlines"), "{text}");
    let ru = ics::build(&db, None, Lang::Ru, now()).await.unwrap();
    assert!(ru.text.contains("X-WR-CALNAME:Заява: сроки"));
    db.close().await;
}

#[tokio::test]
async fn an_operators_number_typed_by_hand_is_trimmed_and_a_bad_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = database(dir.path()).await;
    let view = applications::set_operator_number(&db, &id, "contract_number", " Д-5 ", Lang::Ru, now()).await.unwrap();
    assert_eq!(view.operator_fields["contract_number"], "Д-5");
    for (field, value) in [("contract_number", "7".repeat(65)), ("remarks", "x".to_string())] {
        let refused = applications::set_operator_number(&db, &id, field, &value, Lang::Ru, now()).await.err().unwrap();
        let problem = zayava_app::Problem::render(&refused, Lang::Ru);
        assert_eq!((problem.code, problem.fields[0].field.as_str()), (ErrorCode::ValidationInvalid, field));
    }
    assert_eq!(applications::show(&db, &id, Lang::Ru, now()).await.unwrap().operator_fields, view.operator_fields, "nothing stored changed");
    db.close().await;
}

#[tokio::test]
async fn a_long_list_crosses_to_the_window_a_page_at_a_time_with_its_length() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = database(dir.path()).await;
    let org = organisations::list(&db).await.unwrap()[0].id;
    for _ in 0..4 {
        applications::create(&db, "hosting", Some(org), Lang::Ru, now()).await.unwrap();
    }
    let filter = Default::default();
    let first = applications::page(&db, &filter, applications::Page { offset: 0, limit: 2 }, now()).await.unwrap();
    assert_eq!((first.items.len(), first.total), (2, 5));
    let rest = applications::page(&db, &filter, applications::Page { offset: 2, limit: 100 }, now()).await.unwrap();
    assert_eq!(rest.items.len(), 3);
    let all = applications::list(&db, &filter, now()).await.unwrap();
    let paged: Vec<String> = first.items.iter().chain(&rest.items).map(|a| a.id.clone()).collect();
    assert_eq!(paged, all.iter().map(|a| a.id.clone()).collect::<Vec<_>>(), "pages in the list's order, none twice");
    db.close().await;
}

#[tokio::test]
async fn an_application_is_made_for_an_organisation_and_none_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = database(dir.path()).await;
    let before = applications::list(&db, &Default::default(), now()).await.unwrap().len();
    let refused = applications::create(&db, "hosting", None, Lang::Ru, now()).await.unwrap_err();
    let problem = zayava_app::Problem::render(&refused, Lang::Ru);
    assert_eq!((problem.code, problem.fields[0].field.as_str()), (ErrorCode::ApplicationNoOrganisation, "organisation"));
    assert!(problem.message.contains("Выберите организацию"), "{}", problem.message);
    assert_eq!(applications::list(&db, &Default::default(), now()).await.unwrap().len(), before, "nothing stored");
}

#[tokio::test]
async fn an_organisation_is_checked_before_saving_with_a_warning_of_the_same_unp() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = database(dir.path()).await;
    let stored = organisations::list(&db).await.unwrap().remove(0);
    let mut typed = stored.values.clone();
    typed["phone"] = json!("8029 123-45-67");
    let as_new = organisations::check(&db, None, &typed, Lang::Ru).await.unwrap();
    assert!(as_new.issues.is_empty(), "{:?}", as_new.issues);
    assert_eq!(as_new.same_unp.iter().map(|o| o.id).collect::<Vec<_>>(), [stored.id]);
    assert!(organisations::check(&db, Some(stored.id), &typed, Lang::Ru).await.unwrap().same_unp.is_empty());
    typed["email"] = json!("");
    let issues = organisations::check(&db, Some(stored.id), &typed, Lang::Ru).await.unwrap().issues;
    assert_eq!(issues.iter().map(|i| i.field.as_str()).collect::<Vec<_>>(), ["email"]);
    // The local phone form is stored in E.164.
    typed["email"] = stored.values["email"].clone();
    let saved = organisations::update(&db, stored.id, &typed, now()).await.unwrap();
    assert_eq!(saved.values["phone"], "+375291234567");
}

/// A desktop whose user the server calls a reader refuses every change at once, in words
/// naming the account, and changes nothing; the same desktop as an editor changes as before.
#[tokio::test]
async fn a_readers_desktop_refuses_changes_with_a_sentence_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = database(dir.path()).await;
    let reader = zayava_store::sync::SyncIdentity { account: "ООО Ромашка".into(), user: "Рита".into(), role: "reader".into() };
    db.set_sync_identity(Some(&reader)).await.unwrap();
    let before = applications::show(&db, &id, Lang::Ru, now()).await.unwrap();
    let queued = db.outbox_counts().await.unwrap().pending;
    let org = before.application.organisation_id;
    let refusals = [
        applications::save(&db, &id, org, &json!({}), Lang::Ru, now()).await.err(),
        applications::create(&db, "constructor", org, Lang::Ru, now()).await.err(),
        applications::archive(&db, &id, true, Lang::Ru, now()).await.err(),
        events::record(&db, &id, &NewEvent { event: "contract_signed".into(), at: "2025-03-05".into(), corrects: None, note: String::new() }, now()).await.err(),
        organisations::add(&db, &fixture("organisation.json"), now()).await.err(),
    ];
    for refused in refusals {
        let problem = zayava_app::Problem::render(&refused.expect("refused"), Lang::Ru);
        assert_eq!(problem.code, ErrorCode::SyncReadOnly);
        assert!(problem.message.contains("ООО Ромашка") && problem.message.contains("редактора"), "{}", problem.message);
    }
    let after = applications::show(&db, &id, Lang::Ru, now()).await.unwrap();
    assert_eq!((after.application.values, after.application.archived), (before.application.values, before.application.archived), "nothing stored changed");
    assert_eq!(organisations::list(&db).await.unwrap().len(), 1);
    assert_eq!(db.outbox_counts().await.unwrap().pending, queued, "nothing queued to send");
    // Reading goes on; as an editor, the same change goes through.
    assert!(events::timeline(&db, &id, Lang::Ru, now()).await.is_ok());
    db.set_sync_identity(Some(&zayava_store::sync::SyncIdentity { role: "editor".into(), ..reader })).await.unwrap();
    assert!(applications::archive(&db, &id, true, Lang::Ru, now()).await.is_ok());
    db.close().await;
}
