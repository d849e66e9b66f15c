//! Applications, attachments and export/import against a real SQLite file.

use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use zayava_core::i18n::Lang;
use zayava_store::applications::{ApplicationFilter, ApplicationStatus};
use zayava_store::{exchange, Database, StoreError};

fn at(minute: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 10, minute, 0).unwrap()
}

fn profile(name: &str, unp: &str) -> Value {
    json!({
        "full_name": format!("Общество {name}"), "short_name": name, "legal_form": "общество", "kind": "budget_funded", "unp": unp,
        "legal_postcode": "220030", "legal_address": "г. Минск", "postal_postcode": "220030", "postal_address": "г. Минск",
        "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Национальный банк", "bic": "NBRBBY2X",
        "head_position": "Начальник", "head_name": "Сидоров С. С.", "head_basis": "Положения",
        "contact_name": "Козлова К. К.", "phone": "+375 29 123-45-67", "email": "office@example.by"
    })
}

fn one_window(users: usize) -> Value {
    let user = json!({ "full_name": "Иванов И. И.", "position": "Специалист", "email": "ivanov@example.by", "key": "gossuok", "procedures": "1.1.5" });
    json!({
        "contracting_name": "Архив", "users": vec![user; users], "tariff_users": users, "access": "vpn",
        "keys": true, "head_cabinet": true, "org_cabinet": true, "users_cabinets": true, "users_added": true, "users_confirmed": true,
        "no_debts": true
    })
}

async fn open() -> (tempfile::TempDir, Database) {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn a_draft_keeps_whatever_was_typed_and_becomes_ready_only_when_clean() {
    let (_dir, db) = open().await;
    let org = db.create_organisation(&profile("Архив", "100217336"), at(0)).await.unwrap();
    let app = db.create_application("one-window", Some(org.id), at(1)).await.unwrap();
    assert_eq!(app.schema_version, "one-window@2025-03-04.2");
    assert_eq!(app.status, ApplicationStatus::Draft);

    let mut values = one_window(2);
    values["users"][1]["email"] = json!("bad@");
    db.save_application(&app.id, Some(org.id), &values, at(2)).await.unwrap();
    match db.mark_ready(&app.id, at(3), at(3).date_naive(), Lang::Ru).await {
        Err(StoreError::NotReady(findings)) => assert_eq!(findings[0].field.as_deref(), Some("users[1].email")),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(db.application(&app.id).await.unwrap().status, ApplicationStatus::Draft);

    values["users"][1]["email"] = json!("petrova@example.by");
    db.save_application(&app.id, Some(org.id), &values, at(4)).await.unwrap();
    assert_eq!(db.mark_ready(&app.id, at(5), at(5).date_naive(), Lang::Ru).await.unwrap().status, ApplicationStatus::Ready);
    // Any change makes it a draft again.
    values["access"] = json!("internet");
    assert_eq!(db.save_application(&app.id, Some(org.id), &values, at(6)).await.unwrap().status, ApplicationStatus::Draft);
}

#[tokio::test]
async fn a_saved_draft_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = Database::open(&path).await.unwrap();
    let app = db.create_application("kvp", None, at(1)).await.unwrap();
    db.save_application(&app.id, None, &json!({ "letter_number": "01-12/345" }), at(2)).await.unwrap();
    db.close().await;
    let db = Database::open(&path).await.unwrap();
    assert_eq!(db.application(&app.id).await.unwrap().values["letter_number"], "01-12/345");
}

/// Search finds applications by the beginnings of words in their form, their organisation's
/// name and УНП, their number and the Operator's numbers, in any case and with ё as е; the
/// index follows every change; a page comes with the length of the whole list.
#[tokio::test]
async fn search_by_words_follows_every_change_and_pages() {
    let (_dir, db) = open().await;
    let org = db.create_organisation(&profile("Ёлочка", "100217336"), at(0)).await.unwrap();
    let app = db.create_application("one-window", Some(org.id), at(1)).await.unwrap();
    db.save_application(&app.id, Some(org.id), &json!({ "contracting_name": "Районный Центр Гигиены" }), at(2)).await.unwrap();
    for n in 0..30 {
        db.create_application("kvp", None, at(3 + n)).await.unwrap();
    }
    let find = |text: &str| {
        let db = db.clone();
        let filter = ApplicationFilter { text: Some(text.into()), ..Default::default() };
        async move { db.applications_page(&filter, chrono::NaiveDate::MIN, 0, 10).await.unwrap() }
    };
    for text in ["гигиен", "ЦЕНТР гиг", "елочк", "ёлочка", "1002173", "З-0001", "\"центр*", "(гигиен)", "^районн"] {
        let (items, total) = find(text).await;
        assert_eq!((items.len(), total), (1, 1), "{text}");
        assert_eq!(items[0].id, app.id, "{text}");
    }
    assert_eq!(find("гигиена").await.1, 0, "a word longer than the one stored is not a prefix of it");
    assert_eq!(find("!!! —").await.1, 0, "nothing to search for finds nothing");
    for text in ["з", "З-", "з - "] {
        assert_eq!(find(text).await.1, 31, "«{text}», the start of every number, finds every application");
    }
    // A renamed organisation and a number from the Operator are found at once.
    let mut renamed = profile("Берёзка", "100217336");
    renamed["full_name"] = json!("Общество Берёзка");
    db.update_organisation(org.id, &renamed, at(40)).await.unwrap();
    assert_eq!(find("березка").await.1, 1);
    assert_eq!(find("елочка").await.1, 0);
    sqlx::query("INSERT INTO sync_application (application_id, operator_fields, updated_at) VALUES (?, ?, ?)")
        .bind(&app.id)
        .bind(json!({ "registration_number": "РН-77123" }).to_string())
        .bind("2026-11-24T10:41:00Z")
        .execute(db.pool())
        .await
        .unwrap();
    assert_eq!(find("рн-77123").await.1, 1);
    // Pages: newest first, the whole list counted.
    let filter = ApplicationFilter { service: Some("kvp".into()), ..Default::default() };
    let (first, total) = db.applications_page(&filter, chrono::NaiveDate::MIN, 0, 10).await.unwrap();
    let (third, _) = db.applications_page(&filter, chrono::NaiveDate::MIN, 20, 10).await.unwrap();
    assert_eq!((first.len(), third.len(), total), (10, 10, 30));
    assert_eq!(first[0].number, "З-0031");
    assert_eq!(third[9].number, "З-0002");
}

/// A common word (more finds than a page is found among by the index) and a rare one give
/// the page and the count that the whole list gives, with every filter the index carries.
#[tokio::test]
async fn common_and_rare_words_page_as_the_whole_list_does() {
    let (_dir, db) = open().await;
    let org = db.create_organisation(&profile("Архив", "100217336"), at(0)).await.unwrap();
    let mut tx = db.pool().begin().await.unwrap();
    for n in 0..2_000i64 {
        let (service, word) = match n % 3 {
            0 => ("kvp", "Реестр"),
            1 => ("one-window", "Портал"),
            _ => ("hosting", "Портал"),
        };
        let values = json!({ "contact": format!("{word} {n}") });
        sqlx::query("INSERT INTO application (id, organisation_id, service, schema_version, form_values, search_text, status, archived, number, created_at, updated_at) VALUES (?, ?, ?, 'v', ?, ?, 'draft', ?, ?, '2026-11-24T10:00:00Z', ?)")
            .bind(format!("app-{n}"))
            .bind(if n % 2 == 0 { Some(org.id) } else { None })
            .bind(service)
            .bind(values.to_string())
            .bind(format!("{} {n}", word.to_lowercase()))
            .bind((n % 10 == 0) as i64)
            .bind(n + 1)
            .bind(format!("2026-11-24T10:{:02}:{:02}Z", n / 60 % 60, n % 60))
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let today = chrono::NaiveDate::MIN;
    for text in ["портал", "реестр", "реестр 33", "портал 1", "архив"] {
        for (service, organisation_id, archived) in [(None, None, false), (Some("kvp"), None, false), (Some("one-window"), None, false), (None, Some(org.id), false), (None, None, true), (Some("hosting"), Some(org.id), true)] {
            let filter = ApplicationFilter { text: Some(text.into()), service: service.map(str::to_string), organisation_id, archived, ..Default::default() };
            let all: Vec<String> = db.applications_on(&filter, today).await.unwrap().into_iter().map(|a| a.id).collect();
            let (page, total) = db.applications_page(&filter, today, 5, 20).await.unwrap();
            assert_eq!(total as usize, all.len(), "{text} {service:?} {organisation_id:?} {archived}");
            assert_eq!(page.into_iter().map(|a| a.id).collect::<Vec<_>>(), all.iter().skip(5).take(20).cloned().collect::<Vec<_>>(), "{text} {service:?}");
        }
    }
    let common = ApplicationFilter { text: Some("портал".into()), ..Default::default() };
    assert!(db.applications_page(&common, today, 0, 1).await.unwrap().1 >= 1000, "a word common enough for the list-led way");
}

#[tokio::test]
async fn duplicate_archive_and_search() {
    let (_dir, db) = open().await;
    let a = db.create_organisation(&profile("Архив", "100217336"), at(0)).await.unwrap();
    let b = db.create_organisation(&profile("Больница", "191682495"), at(0)).await.unwrap();
    let first = db.create_application("one-window", Some(a.id), at(1)).await.unwrap();
    db.save_application(&first.id, Some(a.id), &json!({ "contracting_name": "Городской архив 100%" }), at(2)).await.unwrap();
    let kvp = db.create_application("kvp", Some(b.id), at(3)).await.unwrap();
    let copy = db.duplicate_application(&first.id, at(4)).await.unwrap();
    assert_ne!(copy.id, first.id);
    assert_eq!(copy.values["contracting_name"], "Городской архив 100%");
    assert_eq!(copy.status, ApplicationStatus::Draft);

    let ids = |list: Vec<zayava_store::applications::ApplicationSummary>| list.into_iter().map(|s| s.id).collect::<Vec<_>>();
    let all = ids(db.applications(&ApplicationFilter::default()).await.unwrap());
    assert_eq!(all.len(), 3);
    let by_org = ids(db.applications(&ApplicationFilter { organisation_id: Some(b.id), ..Default::default() }).await.unwrap());
    assert_eq!(by_org, [kvp.id.clone()]);
    let by_service = ids(db.applications(&ApplicationFilter { service: Some("one-window".into()), ..Default::default() }).await.unwrap());
    assert_eq!(by_service.len(), 2);
    let by_text = ids(db.applications(&ApplicationFilter { text: Some("ГОРОДСКОЙ 100%".into()), ..Default::default() }).await.unwrap());
    assert_eq!(by_text.len(), 2, "case-insensitive, % is a plain character");
    let by_org_name = ids(db.applications(&ApplicationFilter { text: Some("больница".into()), ..Default::default() }).await.unwrap());
    assert_eq!(by_org_name, [kvp.id.clone()]);

    db.set_archived(&first.id, true, at(5)).await.unwrap();
    assert_eq!(db.applications(&ApplicationFilter::default()).await.unwrap().len(), 2);
    assert_eq!(ids(db.applications(&ApplicationFilter { archived: true, ..Default::default() }).await.unwrap()), [first.id.clone()]);
    let drafts = db.applications(&ApplicationFilter { status: Some(ApplicationStatus::Ready), ..Default::default() }).await.unwrap();
    assert!(drafts.is_empty());
}

#[tokio::test]
async fn attachments_are_stored_by_hash_with_the_users_name_for_display_only() {
    let (dir, db) = open().await;
    let source = dir.path().join("Письмо АП.pdf");
    std::fs::write(&source, b"%PDF-1.4 letter").unwrap();
    let r = db.attach_file(&source, at(1)).await.unwrap();
    assert_eq!(r.name, "Письмо АП.pdf");
    assert_eq!(r.size, 15);
    let stored = db.attachment_path(&r.sha256).unwrap();
    assert_eq!(stored.file_name().unwrap().to_str().unwrap(), r.sha256);
    assert_eq!(std::fs::read(stored).unwrap(), b"%PDF-1.4 letter");
    // A name with folders in it keeps only its last part.
    let r2 = db.store_attachment_bytes("../../etc/passwd", b"x", at(2)).await.unwrap();
    assert_eq!(r2.name, "passwd");
    assert!(db.attachment_path("../secret").is_err());
    // Too large a file is refused.
    let big = vec![0u8; (zayava_store::attachments::MAX_ATTACHMENT_BYTES + 1) as usize];
    assert_eq!(db.store_attachment_bytes("big.bin", &big, at(3)).await.unwrap_err().code(), "store.too_large");
}

#[tokio::test]
async fn export_and_import_move_profiles_applications_and_files() {
    let (_d1, source) = open().await;
    let org = source.create_organisation(&profile("Архив", "100217336"), at(0)).await.unwrap();
    source.create_application("kvp", Some(org.id), at(1)).await.unwrap();
    let app = source.create_application("kvp", Some(org.id), at(1)).await.unwrap();
    assert_eq!(app.number, 2);
    let letter = source.store_attachment_bytes("письмо.pdf", b"letter body", at(1)).await.unwrap();
    source.save_application(&app.id, Some(org.id), &json!({ "letter_number": "5", "letter_file": letter }), at(2)).await.unwrap();
    source.set_outgoing(&app.id, Some("01-12/345"), chrono::NaiveDate::from_ymd_opt(2025, 1, 2).unwrap(), at(2)).await.unwrap();
    source.archive_organisation(org.id, true, at(2)).await.unwrap();
    let file = source.export(at(3)).await.unwrap();
    let text = serde_json::to_string(&file).unwrap();

    let (_d2, target) = open().await;
    let summary = target.import(&exchange::parse(&text).unwrap(), at(4)).await.unwrap();
    assert_eq!((summary.organisations_added, summary.applications_added, summary.attachments_added), (1, 2, 1));
    let imported = target.application(&app.id).await.unwrap();
    assert!(target.organisation(imported.organisation_id.unwrap()).await.unwrap().archived, "an archived profile stays archived");
    assert_eq!(imported.values["letter_number"], "5");
    assert_eq!(imported.number, 2, "the short number is kept");
    let outgoing = imported.outgoing.expect("the letter's outgoing number moves with it");
    assert_eq!((outgoing.number.as_str(), outgoing.date.to_string().as_str()), ("01-12/345", "2025-01-02"));
    // Into a database whose numbers are taken, an import gets the next free ones.
    let (_d3, busy) = open().await;
    for minute in 0..3 {
        busy.create_application("kvp", None, at(minute)).await.unwrap();
    }
    busy.import(&exchange::parse(&text).unwrap(), at(4)).await.unwrap();
    let mut numbers: Vec<i64> = sqlx::query_scalar("SELECT number FROM application").fetch_all(busy.pool()).await.unwrap();
    numbers.sort();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(std::fs::read(target.attachment_path(&letter.sha256).unwrap()).unwrap(), b"letter body");
    // Importing again adds nothing.
    let again = target.import(&exchange::parse(&text).unwrap(), at(5)).await.unwrap();
    assert_eq!((again.organisations_matched, again.applications_skipped), (1, 2));
}

#[tokio::test]
async fn a_bad_import_is_refused_whole_and_changes_nothing() {
    let (_d, db) = open().await;
    let org = db.create_organisation(&profile("Архив", "100217336"), at(0)).await.unwrap();
    let good = serde_json::to_value(db.export(at(1)).await.unwrap()).unwrap();
    let before = db.organisations().await.unwrap();

    let mut cases: Vec<(String, &str)> = Vec::new();
    cases.push(("{".into(), "malformed"));
    let mut v = good.clone();
    v["version"] = json!(99);
    cases.push((v.to_string(), "version 99"));
    let mut v = good.clone();
    v["applications"] = json!([{ "id": "6f1c1f5e-8a55-4c41-9a55-3c1f1e0c0a01", "organisation_id": org.id, "service": "kvp", "schema_version": "kvp@1999-01-01",
        "values": {}, "status": "draft", "archived": false, "created_at": "x", "updated_at": "x" }]);
    cases.push((v.to_string(), "unknown form version"));
    let mut v = good.clone();
    v["attachments"] = json!([{ "sha256": "a".repeat(64), "name": "../../.bashrc", "content_base64": "" }]);
    cases.push((v.to_string(), "not allowed"));
    let mut v = good.clone();
    v["organisations"][0]["values"]["unp"] = json!("100217337");
    v["organisations"][0]["values"]["short_name"] = json!("Другое");
    cases.push((v.to_string(), "field unp"));
    cases.push((format!("{}1{}", "[".repeat(200), "]".repeat(200)), "malformed"));
    let mut v = good.clone();
    v["applications"] = json!([{ "id": "6f1c1f5e-8a55-4c41-9a55-3c1f1e0c0a01", "organisation_id": org.id, "service": "kvp", "schema_version": "kvp@2025-10-28",
        "values": {}, "status": "draft", "archived": false, "created_at": "x", "updated_at": "x",
        "events": [{ "id": 1, "event": "application_sent", "at": "2026-11-02", "recorded_at": "x", "recorded_by": "user", "corrects": 7 }] }]);
    cases.push((v.to_string(), "corrects event 7"));
    for (text, why) in cases {
        let err = exchange::parse(&text).unwrap_err();
        assert_eq!(err.code(), "import.refused");
        assert!(err.to_string().contains(why), "{why}: {err}");
    }
    assert_eq!(db.organisations().await.unwrap(), before);
}

#[tokio::test]
async fn the_operators_numbers_typed_by_hand_are_kept_and_an_emptied_one_removed() {
    use zayava_core::operator_number::OperatorNumber::{Contract, Registration};
    let (_d, db) = open().await;
    let app = db.create_application("kvp", None, at(0)).await.unwrap();
    db.set_operator_number(&app.id, Registration, "НЦЭУ-17", at(1)).await.unwrap();
    db.set_operator_number(&app.id, Contract, "Д-5", at(1)).await.unwrap();
    let fields = db.operator_fields(&app.id).await.unwrap();
    assert_eq!((fields["registration_number"].as_str(), fields["contract_number"].as_str()), (Some("НЦЭУ-17"), Some("Д-5")));
    db.set_operator_number(&app.id, Contract, "", at(3)).await.unwrap();
    assert!(!db.operator_fields(&app.id).await.unwrap().contains_key("contract_number"));
}

#[tokio::test]
async fn an_export_carries_the_whole_history_and_an_import_restores_it() {
    use zayava_core::lifecycle::{NewEvent, Recorder};
    let (_d1, source) = open().await;
    let app = source.create_application("interaction", None, at(1)).await.unwrap();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let ev = |event: &str, at: &str, corrects: Option<i64>| NewEvent { event: event.into(), at: at.into(), corrects, note: "из письма".into() };
    let claim = source.record_event(&app.id, &ev("claim_received", "2026-11-02", None), Recorder::User, at(2), now).await.unwrap();
    source.record_event(&app.id, &ev("claim_received", "2026-11-03", Some(claim.id)), Recorder::User, at(3), now).await.unwrap();
    source.record_event(&app.id, &ev("claim_answered", "2026-11-10", None), Recorder::Sync, at(4), now).await.unwrap();
    // What sync knows: a waiting Operator event, the Operator's numbers, an applied remote id.
    sqlx::query("INSERT INTO sync_parked (remote_id, seq, application_id, event, at, note, reason, parked_at) VALUES ('r-9', 9, ?, 'access_restored', '2026-11-20', '', 'ждёт', '2026-11-21T09:00:00Z')")
        .bind(&app.id).execute(source.pool()).await.unwrap();
    source.set_operator_number(&app.id, zayava_core::operator_number::OperatorNumber::Registration, "РН-17", at(5)).await.unwrap();
    sqlx::query("INSERT INTO sync_remote_event (remote_id, application_id, local_event_id) VALUES ('r-1', ?, ?)").bind(&app.id).bind(claim.id).execute(source.pool()).await.unwrap();
    let text = serde_json::to_string(&source.export(at(6)).await.unwrap()).unwrap();

    let (_d2, target) = open().await;
    // Something there already, so the new ids differ from the source's.
    let other = target.create_application("interaction", None, at(1)).await.unwrap();
    target.record_event(&other.id, &ev("claim_received", "2026-11-01", None), Recorder::User, at(2), now).await.unwrap();
    target.import(&exchange::parse(&text).unwrap(), at(7)).await.unwrap();

    let strip = |events: Vec<zayava_core::lifecycle::RecordedEvent>| {
        let first = events.first().map_or(0, |e| e.id);
        events.into_iter().map(|e| (e.id - first, e.event, e.at, e.recorded_at, e.recorded_by, e.corrects.map(|c| c - first), e.note)).collect::<Vec<_>>()
    };
    assert_eq!(strip(target.events(&app.id).await.unwrap()), strip(source.events(&app.id).await.unwrap()), "events, corrections, who and when");
    let (a, b) = (source.timeline(&app.id, now, zayava_core::i18n::Lang::Ru).await.unwrap(), target.timeline(&app.id, now, zayava_core::i18n::Lang::Ru).await.unwrap());
    assert_eq!((a.state, a.deadlines.len(), a.unplaced.len()), (b.state, b.deadlines.len(), b.unplaced.len()), "the same Ход дела, the waiting event included");
    let parked: Vec<(String, String)> = sqlx::query_as("SELECT remote_id, event FROM sync_parked WHERE application_id = ?").bind(&app.id).fetch_all(target.pool()).await.unwrap();
    assert_eq!(parked, [("r-9".to_string(), "access_restored".to_string())]);
    let fields: String = sqlx::query_scalar("SELECT operator_fields FROM sync_application WHERE application_id = ?").bind(&app.id).fetch_one(target.pool()).await.unwrap();
    assert!(fields.contains("РН-17"));
    let remote: Option<i64> = sqlx::query_scalar("SELECT local_event_id FROM sync_remote_event WHERE remote_id = 'r-1'").fetch_one(target.pool()).await.unwrap();
    let first_imported = target.events(&app.id).await.unwrap()[0].id;
    assert_eq!(remote, Some(first_imported), "the remote id points at the imported event");
    // The dates came with it: the claim's answer (4.4) is on the board's table.
    let due: Vec<String> = sqlx::query_scalar("SELECT rule FROM due_item WHERE application_id = ?").bind(&app.id).fetch_all(target.pool()).await.unwrap();
    assert!(due.iter().any(|r| r == "interaction.claim_answer"), "{due:?}");
}

#[tokio::test]
async fn input_that_is_not_what_a_call_takes_is_a_validation_error_not_a_damaged_row() {
    let (_d, db) = open().await;
    let app = db.create_application("kvp", None, at(1)).await.unwrap();
    let err = db.save_application(&app.id, None, &json!(["not", "an", "object"]), at(2)).await.unwrap_err();
    assert_eq!(err.code(), "validation.bad_input");
    let err = db.applications_on(&ApplicationFilter { stage: Some("nonsense".into()), ..Default::default() }, chrono::NaiveDate::MIN).await.unwrap_err();
    assert_eq!(err.code(), "validation.bad_input");
    assert_eq!(db.application(&app.id).await.unwrap().values, json!({}), "nothing stored changed");
}
