//! The store against a real SQLite file in a temporary directory, migrated from empty.

use chrono::{TimeZone, Utc};
use zayava_core::i18n::Lang;
use zayava_core::organisation::OrganisationDraft;
use zayava_store::{Database, StoreError};

fn draft(name: &str) -> OrganisationDraft {
    OrganisationDraft {
        name: name.into(),
        unp: "190000001".into(),
        address: "220030, г. Минск, пр. Независимости, 1".into(),
        email: "info@example.by".into(),
    }
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
    assert_eq!(created.profile.name, "ОАО «Белтелеком»", "stored trimmed");
    let mut edited = created.profile.clone();
    edited.email = "new@beltelecom.by".into();
    db.update_organisation(created.id, &edited, at(2)).await.unwrap();
    db.close().await;

    let reopened = Database::open(&path).await.unwrap();
    let list = reopened.organisations().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].profile.email, "new@beltelecom.by");
    assert_eq!(list[0].updated_at, "2026-11-02T09:00:00Z");
}

#[tokio::test]
async fn an_invalid_edit_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
    let created = db.create_organisation(&draft("ООО «Альфа»"), at(1)).await.unwrap();
    let bad = OrganisationDraft { unp: String::new(), ..created.profile.clone() };
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
    let names: Vec<_> = db.organisations().await.unwrap().into_iter().map(|o| o.profile.name).collect();
    assert_eq!(names, ["альфа", "Бета", "Ясень"]);
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
