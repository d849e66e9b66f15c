//! Data safety against real SQLite files: a newer version's file or a damaged one is refused
//! untouched; backups are made before migrations and daily; restore refuses anything that is
//! not an intact Zayava database of this version or older, changing nothing; a full disk
//! rolls back cleanly.

use std::path::Path;

use chrono::{Duration, TimeZone, Utc};
use serde_json::json;
use zayava_store::{safety, Database, StoreError};

fn sha(path: &Path) -> Vec<u8> {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

async fn with_data(path: &Path) -> Database {
    let db = Database::open(path).await.unwrap();
    db.create_organisation(&zayava_pdf_org(), Utc::now()).await.unwrap();
    db
}

fn zayava_pdf_org() -> serde_json::Value {
    json!({
        "full_name": "Учреждение образования «Колледж»", "short_name": "УО «Колледж»", "legal_form": "учреждение", "kind": "budget_funded",
        "unp": "200019773", "legal_postcode": "224030", "legal_address": "г. Брест, ул. Советская, 1", "postal_postcode": "224030",
        "postal_address": "г. Брест, а/я 12", "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Национальный банк Республики Беларусь",
        "bic": "NBRBBY2X", "head_position": "Директор", "head_name": "Иванов Иван Иванович", "head_basis": "Устава",
        "contact_name": "Петрова Анна Сергеевна", "phone": "+375162123456", "email": "college@example.by"
    })
}

#[tokio::test]
async fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = with_data(&path).await;
    sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (9999, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)").execute(db.pool()).await.unwrap();
    db.close().await;
    let before = sha(&path);
    match Database::open(&path).await {
        Err(e @ StoreError::NewerVersion { found: 9999, .. }) => assert_eq!(e.code(), "store.newer_version"),
        other => panic!("opened: {:?}", other.map(|_| ())),
    }
    assert_eq!(sha(&path), before, "the file was changed");
}

/// Writes a database with some pages of data, then scribbles over the middle of the file as a
/// failing disk would; returns the damaged bytes.
async fn damaged_database(path: &Path) -> Vec<u8> {
    let db = with_data(path).await;
    for i in 0..200 {
        db.set_setting(&format!("k{i}"), &"x".repeat(500)).await.unwrap();
    }
    db.close().await;
    let mut bytes = std::fs::read(path).unwrap();
    // Among the settings just written, at the end of the file: the schema, near its start,
    // stays readable, as when a disk fails under data (damage to the schema itself is the
    // other test's, refused at opening).
    let at = (bytes.len() - 3 * 4096) / 4096 * 4096;
    for b in &mut bytes[at..at + 4096] {
        *b = 0xA5;
    }
    std::fs::write(path, &bytes).unwrap();
    bytes
}

#[tokio::test]
async fn a_damaged_file_is_refused_and_can_be_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let bytes = damaged_database(&path).await;
    let err = Database::open(&path).await.err().expect("a damaged file must not open");
    assert_eq!(err.code(), "store.damaged", "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "left as it was");
    let aside = safety::set_aside_damaged(&path, Utc::now()).unwrap();
    assert!(aside.exists() && !path.exists());
    let fresh = Database::open(&path).await.unwrap();
    assert!(fresh.organisations().await.unwrap().is_empty());
    assert_eq!(safety::backups(&path).unwrap()[0].kind, safety::BackupKind::Damaged);
}

/// The app finds damage after it has opened the file (its integrity check runs once the window
/// is painted); "start with a new database" then sets the open file aside. Run under Wine by
/// scripts/test.sh, this fails if a connection is still open (Windows renames no open file).
#[tokio::test]
async fn damage_found_after_opening_is_set_aside_from_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let bytes = damaged_database(&path).await;
    let db = Database::open_deferring_check(&path).await.expect("only the header is read at opening");
    // SQLite reports the damage as a list of problems or as an error; the app takes both as damage.
    assert!(db.integrity_problems().await.map_or(true, |p| !p.is_empty()), "the damage is seen");
    let aside = db.set_aside_damaged(Utc::now()).await.unwrap();
    assert!(aside.exists() && !path.exists());
    assert_eq!(std::fs::read(&aside).unwrap(), bytes, "set aside whole");
}

#[tokio::test]
async fn backup_and_restore_round_trip_keeping_the_replaced_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = with_data(&path).await;
    let copy = dir.path().join("copy.sqlite3");
    db.backup_to(&copy).await.unwrap();
    assert!(db.backup_to(&copy).await.is_err(), "an existing file is not overwritten");
    db.create_organisation(&zayava_pdf_org(), Utc::now()).await.unwrap();
    assert_eq!(db.organisations().await.unwrap().len(), 2);
    db.close().await;

    safety::stage_restore(&path, &copy).await.unwrap();
    let db = Database::open(&path).await.unwrap();
    assert_eq!(db.organisations().await.unwrap().len(), 1, "the copy's data");
    let kept = safety::backups(&path).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].kind, safety::BackupKind::BeforeRestore);
    let replaced = Database::open(Path::new(&kept[0].path)).await.unwrap();
    assert_eq!(replaced.organisations().await.unwrap().len(), 2, "the replaced database was kept whole");
}

#[tokio::test]
async fn restore_refuses_what_is_not_an_intact_zayava_database_of_this_version_or_older() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = with_data(&path).await;
    db.close().await;
    let before = sha(&path);

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "не база").unwrap();
    let foreign = dir.path().join("foreign.sqlite3");
    {
        let other = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", foreign.display())).await.unwrap();
        sqlx::query("CREATE TABLE t (x)").execute(&other).await.unwrap();
        other.close().await;
    }
    let newer = dir.path().join("newer.sqlite3");
    {
        let n = Database::open(&newer).await.unwrap();
        sqlx::query("INSERT INTO _sqlx_migrations (version, description, installed_on, success, checksum, execution_time) VALUES (9999, 'future', CURRENT_TIMESTAMP, 1, x'00', 0)").execute(n.pool()).await.unwrap();
        n.close().await;
    }
    for (file, code) in [(&text, "store.not_a_backup"), (&foreign, "store.not_a_backup"), (&newer, "store.newer_version")] {
        let err = safety::stage_restore(&path, file).await.err().unwrap_or_else(|| panic!("{} was accepted", file.display()));
        assert_eq!(err.code(), code, "{}: {err}", file.display());
    }
    // Only a listed automatic copy can be named: any other path is refused.
    // (A real Zayava database, but not one of the automatic copies.)
    let err = safety::stage_listed_restore(&path, newer.to_str().unwrap()).await.err().expect("an unlisted file was staged");
    assert_eq!(err.code(), "store.not_a_backup");
    assert_eq!(sha(&path), before, "nothing changed");
    assert!(safety::backups(&path).unwrap().is_empty());
    let db = Database::open(&path).await.unwrap();
    assert_eq!(db.organisations().await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_daily_copy_is_made_once_a_day_and_only_the_last_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = with_data(&path).await;
    let day0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    assert!(db.daily_backup(day0).await.unwrap().is_some());
    assert!(db.daily_backup(day0 + Duration::hours(3)).await.unwrap().is_none(), "not twice a day");
    for d in 1..10 {
        db.daily_backup(day0 + Duration::days(d)).await.unwrap().unwrap();
    }
    let daily: Vec<_> = safety::backups(&path).unwrap().into_iter().filter(|b| b.kind == safety::BackupKind::Daily).collect();
    assert_eq!(daily.len(), safety::KEEP);
    assert!(daily[0].made_at.starts_with("2026-11-10"), "newest first, the oldest pruned: {}", daily[0].made_at);
    assert!(safety::check_restorable(Path::new(&daily[0].path)).await.is_ok());
}

#[tokio::test]
async fn a_full_disk_rolls_back_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("z.sqlite3");
    let db = with_data(&path).await;
    let app = db.create_application("hosting", None, Utc::now()).await.unwrap();
    db.save_application(&app.id, None, &json!({ "contact": "до" }), Utc::now()).await.unwrap();
    // Cap the file at its current size: the next large write finds the disk full.
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count").fetch_one(db.pool()).await.unwrap();
    let db = db.with_page_limit(pages as u64 + 2).await.unwrap();
    let err = db.save_application(&app.id, None, &json!({ "contact": "после", "notes": "ж".repeat(600_000) }), Utc::now()).await.unwrap_err();
    assert_eq!(err.code(), "store.disk_full", "{err}");
    assert_eq!(db.application(&app.id).await.unwrap().values["contact"], "до", "rolled back");
    let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(db.pool()).await.unwrap();
    assert_eq!(check, "ok");
}
