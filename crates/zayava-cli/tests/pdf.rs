//! `zayava pdf` from an application file and from the database.

use std::process::Command;

use serde_json::json;

fn zayava() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zayava"));
    cmd.env_remove("ZAYAVA_DB");
    cmd
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext is installed by scripts/test.sh");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn each_kind_is_written_from_an_application_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("application.json");
    std::fs::write(
        &file,
        json!({
            "service": "kvp", "id": "a-17",
            "values": { "letter_number": "01-12/345", "letter_date": "2025-11-03", "users": [{ "full_name": "Сидоров С. С.", "position": "Начальник" }] },
            "events": [{ "event": "application_sent", "at": "2025-11-03" }, { "event": "application_received", "at": "2025-11-04" }]
        })
        .to_string(),
    )
    .unwrap();
    for kind in ["application", "package", "schedule"] {
        let out = dir.path().join(format!("{kind}.pdf"));
        let run = zayava().args(["pdf", "--application"]).arg(&file).args(["--kind", kind, "-o"]).arg(&out).output().unwrap();
        assert!(run.status.success(), "{kind}: {}", String::from_utf8_lossy(&run.stderr));
        let text = pdftotext(&out);
        assert!(text.contains("стр. 1 из"), "{kind}");
        match kind {
            "application" => assert!(text.contains("01-12/345") && text.contains("03.11.2025") && text.contains("Сидоров С. С.")),
            "package" => assert!(text.contains("Пакет документов к договору") && text.contains("zayava:a-17:")),
            _ => assert!(text.contains("kvp.draft_contract") || text.contains("Оператор направляет проект договора"), "{text}"),
        }
    }
}

#[test]
fn a_bad_kind_or_a_missing_application_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.pdf");
    let run = zayava().args(["pdf", "--application", "nope.json", "--kind", "poster", "-o"]).arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("poster"));
    let run = zayava().args(["--db"]).arg(dir.path().join("none.sqlite3")).args(["pdf", "--application", "0000", "-o"]).arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn the_schedule_of_all_applications_names_each_one() {
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("z.sqlite3");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = zayava_store::Database::open(&db_path).await.unwrap();
        for service in ["kvp", "constructor"] {
            let app = db.create_application(service, None, chrono::Utc::now()).await.unwrap();
            sqlx_ready(&db, &app.id).await;
            let now = chrono::NaiveDate::from_ymd_opt(2025, 11, 10).unwrap().and_hms_opt(9, 0, 0).unwrap();
            let sent = zayava_core::lifecycle::NewEvent { event: "application_sent".into(), at: "2025-11-03".into(), corrects: None, note: String::new() };
            db.record_event(&app.id, &sent, zayava_core::lifecycle::Recorder::User, chrono::Utc::now(), now).await.unwrap();
            let received = zayava_core::lifecycle::NewEvent { event: "application_received".into(), at: "2025-11-04".into(), corrects: None, note: String::new() };
            db.record_event(&app.id, &received, zayava_core::lifecycle::Recorder::User, chrono::Utc::now(), now).await.unwrap();
        }
        db.close().await;
    });
    let out = dir.path().join("all.pdf");
    let run = zayava().arg("--db").arg(&db_path).args(["pdf", "--application", "all", "--kind", "schedule", "-o"]).arg(&out).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = pdftotext(&out);
    assert!(text.contains("График сроков по всем заявкам"));
    assert!(text.contains("КВП"), "{text}");
    assert!(text.contains("конструктор"), "{text}");
    let run = zayava().arg("--db").arg(&db_path).args(["pdf", "--application", "all", "--kind", "package", "-o"]).arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
}

/// Marks an application's form ready, as a clean pre-flight would.
async fn sqlx_ready(db: &zayava_store::Database, id: &str) {
    sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(id).execute(db.pool()).await.unwrap();
}
