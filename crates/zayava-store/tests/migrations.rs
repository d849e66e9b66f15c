//! Migrations only move forward, and a database made by every earlier schema version (kept
//! as fixtures in tests/fixtures/) opens in this version with all its data, after a backup.
//! When a migration is added, run `cargo test -p zayava-store --test migrations -- --ignored`
//! once to add the fixture of the schema it replaces, and commit it.

use std::borrow::Cow;
use std::path::PathBuf;

use sqlx::migrate::{MigrationType, Migrator};
use zayava_store::{safety, Database};

const FIXTURE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn migrator() -> Migrator {
    sqlx::migrate!("./migrations")
}

fn fixture(version: i64) -> PathBuf {
    PathBuf::from(FIXTURE_DIR).join(format!("schema-{version:04}.sqlite3"))
}

/// Representative data at schema `level`, as the version of Zayava that had it would write.
async fn fill(pool: &sqlx::SqlitePool, level: i64) {
    let mut sql = vec![
        "INSERT INTO organisation (name, unp, address, email, created_at, updated_at) VALUES ('ОАО «Фикстура»', '100000011', 'г. Минск, ул. Тестовая, 1', 'office@fixture.by', '2025-01-10T09:00:00Z', '2025-01-10T09:00:00Z')",
        "INSERT INTO organisation (name, unp, address, email, created_at, updated_at) VALUES ('УП «Вторая»', '190000001', 'г. Гродно, ул. Тестовая, 2', 'second@fixture.by', '2025-01-10T09:00:00Z', '2025-01-10T09:00:00Z')",
        "INSERT INTO setting (key, value) VALUES ('language', 'ru')",
    ];
    if level >= 2 {
        sql.push("INSERT INTO calendar_year (year, source, moves, origin, updated_at) VALUES (2027, 'Постановление № 1', '[{\"day_off\":\"2027-01-08\",\"working_day\":\"2027-01-16\"}]', 'user', '2025-01-10T09:00:00Z')");
    }
    if level >= 3 {
        sql.push("INSERT INTO application (id, organisation_id, service, schema_version, form_values, status, archived, search_text, created_at, updated_at) VALUES ('11111111-2222-4333-8444-555555555555', 1, 'hosting', 'hosting@2025-01-01', '{\"contact\":\"Иванов И.И.\"}', 'ready', 0, 'иванов', '2025-01-11T09:00:00Z', '2025-01-11T09:00:00Z')");
        sql.push("INSERT INTO attachment (sha256, original_name, size, added_at) VALUES ('0000000000000000000000000000000000000000000000000000000000000000', 'устав.pdf', 10, '2025-01-11T09:00:00Z')");
    }
    if level >= 4 {
        sql.push("INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by, note) VALUES ('11111111-2222-4333-8444-555555555555', 'application_sent', '2025-01-13', '2025-01-13T09:00:00Z', 'user', '')");
    }
    if level >= 5 {
        sql.push("INSERT INTO reminder_shown (key, shown_at) VALUES ('x/hosting.sign/2025-01-20/1', '2025-01-17T09:00:00Z')");
    }
    if level >= 6 {
        sql.push("INSERT INTO sync_issue (at, code, subject, detail) VALUES ('2025-01-18T09:00:00Z', 'sync.rejected', 'заявка', 'отказ')");
    }
    if level >= 7 {
        sql.push("UPDATE application SET number = 42 WHERE id = '11111111-2222-4333-8444-555555555555'");
    }
    if level >= 9 {
        sql.push("UPDATE application SET outgoing_number = '01-12/345', outgoing_date = '2025-01-12' WHERE id = '11111111-2222-4333-8444-555555555555'");
        sql.push("UPDATE organisation SET outgoing_last = 345 WHERE id = 1");
    }
    if level >= 8 {
        sql.push("INSERT INTO sync_parked (remote_id, seq, application_id, event, at, note, reason, parked_at) VALUES ('r-1', 7, '11111111-2222-4333-8444-555555555555', 'remarks_sent', '2025-01-19', 'замечания', 'not yet', '2025-01-19T09:00:00Z')");
    }
    for s in sql {
        sqlx::query(s).execute(pool).await.unwrap();
    }
}

#[test]
fn migrations_only_move_forward() {
    let m = migrator();
    let versions: Vec<i64> = m.iter().map(|m| m.version).collect();
    assert_eq!(versions, (1..=versions.len() as i64).collect::<Vec<_>>(), "numbered 1, 2, 3… with no gaps");
    assert!(m.iter().all(|m| m.migration_type == MigrationType::Simple), "no down migrations");
    assert_eq!(safety::latest_version(), *versions.last().unwrap());
}

#[tokio::test]
async fn a_database_from_every_earlier_schema_opens_with_its_data() {
    let latest = safety::latest_version();
    for version in 1..latest {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("zayava.sqlite3");
        std::fs::copy(fixture(version), &path).unwrap_or_else(|e| panic!("fixture for schema {version} is missing ({e}); see this file's header"));
        let db = Database::open(&path).await.unwrap_or_else(|e| panic!("schema {version}: {e}"));
        let orgs = db.organisations().await.unwrap();
        assert_eq!(orgs.len(), 2, "schema {version}");
        assert!(orgs.iter().any(|o| o.unp == "100000011"));
        // Each organisation got its own id for the operator.
        let ids: Vec<String> = sqlx::query_scalar("SELECT DISTINCT sync_id FROM organisation WHERE sync_id IS NOT NULL").fetch_all(db.pool()).await.unwrap();
        assert_eq!(ids.len(), 2, "schema {version}: {ids:?}");
        assert_eq!(db.language().await.unwrap().code(), "ru");
        if version >= 3 {
            let app = db.application("11111111-2222-4333-8444-555555555555").await.unwrap();
            assert_eq!(app.values["contact"], "Иванов И.И.", "schema {version}");
        }
        if version >= 4 {
            assert_eq!(db.events("11111111-2222-4333-8444-555555555555").await.unwrap().len(), 1);
        }
        if version >= 7 {
            assert_eq!(db.application("11111111-2222-4333-8444-555555555555").await.unwrap().number, 42, "schema {version}: the short number is kept");
        }
        if version >= 7 {
            // The search index is filled from what was there: by a word, the number, the УНП.
            for text in ["иванов", "З-0042", "100000011"] {
                let filter = zayava_store::applications::ApplicationFilter { text: Some(text.into()), ..Default::default() };
                assert_eq!(db.applications_page(&filter, chrono::NaiveDate::MIN, 0, 10).await.unwrap().1, 1, "schema {version}: {text}");
            }
        }
        if version >= 9 {
            let app = db.application("11111111-2222-4333-8444-555555555555").await.unwrap();
            assert_eq!(app.outgoing.map(|o| o.number), Some("01-12/345".to_string()), "schema {version}: the outgoing number is kept");
        }
        assert!(orgs.iter().all(|o| !o.archived), "schema {version}: no organisation starts archived");
        // The old file was copied aside before its migrations ran, and that copy still opens.
        let kept = safety::backups(&path).unwrap();
        assert_eq!(kept.len(), 1, "schema {version}");
        assert!(kept[0].kind == zayava_store::safety::BackupKind::BeforeMigration && kept[0].tag.starts_with("before-migration"));
        assert_eq!(safety::inspect(std::path::Path::new(&kept[0].path)).await.unwrap().version, version);
        assert!(db.integrity_problems().await.unwrap().is_empty());
        // Everything made before sync existed is queued for the operator once.
        assert!(db.outbox_counts().await.unwrap().pending >= 1);
    }
}

#[tokio::test]
#[ignore = "writes tests/fixtures; run once when a migration is added"]
async fn write_fixtures() {
    std::fs::create_dir_all(FIXTURE_DIR).unwrap();
    let all = migrator();
    for level in 1..safety::latest_version() {
        let path = fixture(level);
        if path.exists() {
            continue; // a fixture, once written, stands for what that version wrote
        }
        let mut m = migrator();
        m.migrations = Cow::Owned(all.migrations[..level as usize].to_vec());
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=rwc", path.display())).await.unwrap();
        m.run(&pool).await.unwrap();
        fill(&pool, level).await;
        sqlx::query("VACUUM").execute(&pool).await.unwrap();
        pool.close().await;
    }
}
