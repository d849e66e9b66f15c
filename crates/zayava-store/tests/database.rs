//! The store against a real SQLite file in a temporary directory, migrated from empty.

use chrono::{TimeZone, Utc};
use serde_json::{json, Value};
use zayava_core::i18n::Lang;
use zayava_store::{Database, StoreError};

pub fn draft(name: &str) -> Value {
    json!({
        "full_name": format!("Открытое акционерное общество {name}"), "short_name": name,
        "legal_form": "открытое акционерное общество", "kind": "commercial", "unp": "100217336",
        "legal_postcode": "220030", "legal_address": "г. Минск, пр. Независимости, 1",
        "postal_postcode": "220030", "postal_address": "г. Минск, пр. Независимости, 1",
        "iban": "BY86AKBB10100000002966000000", "bank_name": "ОАО «АСБ Беларусбанк»", "bic": "AKBBBY2X",
        "head_position": "Директор", "head_name": "Иванов Иван Иванович", "head_basis": "Устава",
        "contact_name": "Петрова Анна", "phone": "+375 17 311-30-00", "email": "info@example.by"
    })
}

fn at(day: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

#[tokio::test]
async fn a_new_file_is_created_in_missing_directories_with_wal_and_foreign_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/deeper/zayava.sqlite3");
    let db = Database::open(&path).await.unwrap();
    assert!(path.exists());
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(db.pool()).await.unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(db.pool()).await.unwrap();
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn profiles_survive_closing_and_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zayava.sqlite3");
    let db = Database::open(&path).await.unwrap();
    let created = db.create_organisation(&draft("  ОАО «Белтелеком» "), at(1)).await.unwrap();
    assert_eq!(created.name, "ОАО «Белтелеком»", "stored trimmed");
    assert_eq!(created.values["phone"], "+375173113000", "stored normalised");
    let mut edited = created.values.clone();
    edited["email"] = json!("new@beltelecom.by");
    db.update_organisation(created.id, &edited, at(2)).await.unwrap();
    db.close().await;

    let reopened = Database::open(&path).await.unwrap();
    let list = reopened.organisations().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].values["email"], "new@beltelecom.by");
    assert_eq!(list[0].updated_at, "2026-11-02T09:00:00Z");
}

#[tokio::test]
async fn an_invalid_edit_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let created = db.create_organisation(&draft("ООО «Альфа»"), at(1)).await.unwrap();
    let mut bad = created.values.clone();
    bad["unp"] = json!("");
    match db.update_organisation(created.id, &bad, at(3)).await {
        Err(StoreError::Invalid(issues)) => assert_eq!(issues[0].field, "unp"),
        other => panic!("expected a validation refusal, got {other:?}"),
    }
    assert_eq!(db.organisation(created.id).await.unwrap(), created);
}

#[tokio::test]
async fn editing_a_missing_profile_says_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let err = db.update_organisation(42, &draft("X"), at(1)).await.unwrap_err();
    assert_eq!(err.code(), "store.not_found");
}

#[tokio::test]
async fn profiles_are_listed_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    for name in ["Ясень", "альфа", "Бета"] {
        db.create_organisation(&draft(name), at(1)).await.unwrap();
    }
    let names: Vec<_> = db.organisations().await.unwrap().into_iter().map(|o| o.name).collect();
    assert_eq!(names, ["альфа", "Бета", "Ясень"]);
}

#[tokio::test]
async fn a_second_profile_with_the_same_unp_is_found_for_the_warning_but_not_the_profile_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let first = db.create_organisation(&draft("«Первая»"), at(1)).await.unwrap();
    let found = db.organisations_with_unp("100217336", None).await.unwrap();
    assert_eq!(found.iter().map(|o| o.id).collect::<Vec<_>>(), [first.id]);
    assert!(db.organisations_with_unp("100217336", Some(first.id)).await.unwrap().is_empty(), "a profile is not its own duplicate");
    assert!(db.organisations_with_unp("190000001", None).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_archived_profile_keeps_its_applications_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let org = db.create_organisation(&draft("«Архивная»"), at(1)).await.unwrap();
    let app = db.create_application("hosting", Some(org.id), at(2)).await.unwrap();
    let archived = db.archive_organisation(org.id, true, at(3)).await.unwrap();
    assert!(archived.archived);
    assert_eq!(archived.applications, 1);
    assert_eq!(db.application(&app.id).await.unwrap().organisation_id, Some(org.id));
    assert!(!db.archive_organisation(org.id, false, at(4)).await.unwrap().archived);
    assert!(matches!(db.archive_organisation(999, true, at(4)).await, Err(StoreError::NotFound { .. })));
}

#[tokio::test]
async fn only_a_profile_no_application_names_can_be_deleted_and_nothing_of_it_is_sent_after() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let used = db.create_organisation(&draft("«Занятая»"), at(1)).await.unwrap();
    db.create_application("hosting", Some(used.id), at(2)).await.unwrap();
    match db.delete_organisation(used.id).await {
        Err(StoreError::OrganisationInUse { applications: 1 }) => {}
        other => panic!("expected OrganisationInUse, got {other:?}"),
    }
    let kept = db.organisation(used.id).await.unwrap();
    assert_eq!((kept.values, kept.updated_at, kept.applications), (used.values, used.updated_at, 1), "nothing changed");

    let unused = db.create_organisation(&draft("«Лишняя»"), at(1)).await.unwrap();
    db.update_organisation(unused.id, &draft("«Лишняя 2»"), at(2)).await.unwrap();
    let queued = "SELECT COUNT(*) FROM outbox WHERE kind = 'organisation' AND entity = (SELECT sync_id FROM organisation WHERE id = ?)";
    assert!(sqlx::query_scalar::<_, i64>(queued).bind(unused.id).fetch_one(db.pool()).await.unwrap() > 0);
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'organisation'").fetch_one(db.pool()).await.unwrap();
    db.delete_organisation(unused.id).await.unwrap();
    assert!(matches!(db.organisation(unused.id).await, Err(StoreError::NotFound { .. })));
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'organisation'").fetch_one(db.pool()).await.unwrap();
    assert!(after < before, "its queued changes went with it");
    assert!(matches!(db.delete_organisation(unused.id).await, Err(StoreError::NotFound { .. })));
}

#[tokio::test]
async fn a_new_application_takes_its_organisations_name_and_a_change_of_organisation_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let a = db.create_organisation(&draft("«А»"), at(1)).await.unwrap();
    let b = db.create_organisation(&draft("«Б»"), at(1)).await.unwrap();
    let app = db.create_application("one-window", Some(a.id), at(2)).await.unwrap();
    assert_eq!(app.values["contracting_name"], "Открытое акционерное общество «А»");
    let mut typed = app.values.clone();
    typed["tariff_users"] = json!(2);
    let moved = db.save_application(&app.id, Some(b.id), &typed, at(3)).await.unwrap();
    assert_eq!(moved.values["contracting_name"], "Открытое акционерное общество «Б»");
    assert_eq!(moved.values["tariff_users"], 2);
    let mut own = moved.values.clone();
    own["contracting_name"] = json!("Филиал ОАО «Б»");
    db.save_application(&app.id, Some(b.id), &own, at(4)).await.unwrap();
    let back = db.save_application(&app.id, Some(a.id), &own, at(5)).await.unwrap();
    assert_eq!(back.values["contracting_name"], "Филиал ОАО «Б»", "what the user typed is kept");
}

#[tokio::test]
async fn the_language_defaults_to_russian_and_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = Database::open(&path).await.unwrap();
    assert_eq!(db.language().await.unwrap(), Lang::Ru);
    db.set_language(Lang::En).await.unwrap();
    db.close().await;
    assert_eq!(Database::open(&path).await.unwrap().language().await.unwrap(), Lang::En);
}

mod calendar {
    use super::*;
    use zayava_core::calendar::{Schedule, Transfer, TransferOrigin, YearTransfers};

    fn d(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    fn year_2027() -> YearTransfers {
        YearTransfers {
            year: 2027,
            source: "Постановление Совета Министров № 1 (тест)".into(),
            moves: vec![Transfer { day_off: d("2027-01-08"), working_day: d("2027-01-16") }],
            origin: TransferOrigin::User,
        }
    }

    #[tokio::test]
    async fn a_users_year_is_kept_across_restarts_and_ends_the_provisional_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("z.sqlite3");
        let db = Database::open(&path).await.unwrap();
        assert!(db.calendar().await.unwrap().is_provisional(2027));
        db.save_calendar_year(&year_2027(), at(1)).await.unwrap();
        db.close().await;

        let db = Database::open(&path).await.unwrap();
        let cal = db.calendar().await.unwrap();
        assert!(!cal.is_provisional(2027));
        assert!(!cal.is_working(d("2027-01-08"), Schedule::Official).unwrap());
        assert_eq!(cal.year(2027).unwrap().origin, TransferOrigin::User);
        // The embedded years are still there.
        assert!(!cal.is_provisional(2025));
    }

    #[tokio::test]
    async fn a_correction_replaces_the_embedded_year_and_deleting_it_restores_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
        let corrected = YearTransfers { year: 2026, source: "Исправлено".into(), moves: vec![], origin: TransferOrigin::User };
        db.save_calendar_year(&corrected, at(1)).await.unwrap();
        assert!(db.calendar().await.unwrap().is_working(d("2026-04-20"), Schedule::Official).unwrap());
        assert!(db.delete_calendar_year(2026).await.unwrap());
        assert!(!db.calendar().await.unwrap().is_working(d("2026-04-20"), Schedule::Official).unwrap());
    }

    #[tokio::test]
    async fn bad_transfers_are_refused_and_the_stored_year_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
        db.save_calendar_year(&year_2027(), at(1)).await.unwrap();
        let bad = YearTransfers { moves: vec![Transfer { day_off: d("2027-01-09"), working_day: d("2027-01-16") }], ..year_2027() };
        let err = db.save_calendar_year(&bad, at(2)).await.unwrap_err();
        assert_eq!(err.code(), "calendar.invalid_transfers");
        assert_eq!(db.calendar_years().await.unwrap(), vec![year_2027()]);
    }

    #[tokio::test]
    async fn the_working_window_defaults_to_8_to_19_and_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
        let default = db.working_window().await.unwrap();
        assert_eq!(default.start.to_string(), "08:00:00");
        assert_eq!(default.end.to_string(), "19:00:00");
        let w = zayava_core::deadlines::WorkingWindow::parse("09:00-18:00").unwrap();
        db.set_working_window(w).await.unwrap();
        assert_eq!(db.working_window().await.unwrap(), w);
        assert!(zayava_core::deadlines::WorkingWindow::parse("19:00-08:00").is_none());
        assert!(zayava_core::deadlines::WorkingWindow::parse("9-18").is_none());
    }
}
