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
            // The file's id is in the QR code only; people read the checksum.
            "package" => assert!(text.contains("О направлении заявки") && text.contains("Приложение:") && !text.contains("a-17"), "{text}"),
            _ => assert!(text.contains("Оператор направляет проект договора") && !text.contains("kvp."), "{text}"),
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

#[test]
fn an_application_stored_under_an_older_form_version_still_validates_and_prints() {
    // A hosting application saved under hosting@2025-01-01, before the channel questions
    // became required yes/no answers (issue 13, item 8), arrives in an export file.
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("z.sqlite3");
    let file = dir.path().join("export.json");
    let org = json!({ "full_name": "Государственное учреждение «Городской архив»", "short_name": "ГУ «Городской архив»", "legal_form": "государственное учреждение",
        "kind": "budget_funded", "unp": "100217336", "legal_postcode": "220030", "legal_address": "г. Минск, пр. Независимости, 1", "postal_postcode": "220030",
        "postal_address": "г. Минск, пр. Независимости, 1", "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Национальный банк Республики Беларусь",
        "bic": "NBRBBY2X", "head_position": "Директор", "head_name": "Иванов Иван Иванович", "head_basis": "Устава", "contact_name": "Петрова Анна Сергеевна",
        "phone": "+375 17 311-30-00", "email": "archive@example.by" });
    let values = json!({ "procedures": [{ "code": "1.1.5", "name": "Выдача архивной справки", "aer_agreed": true }], "git_access": "https://git.example/archive",
        "software_count": 2, "third_party": false, "via_ir_is": true, "gsectls_server": true, "no_debts": true });
    std::fs::write(&file, json!({
        "format": "zayava-export", "version": 1, "exported_at": "2026-11-24T10:00:00Z",
        "organisations": [{ "id": 1, "values": org }],
        "applications": [{ "id": "00000000-0000-4000-8000-000000000001", "organisation_id": 1, "service": "hosting", "schema_version": "hosting@2025-01-01",
            "values": values, "status": "draft", "archived": false, "created_at": "2026-11-24T10:00:00Z", "updated_at": "2026-11-24T10:00:00Z" }],
        "attachments": []
    }).to_string()).unwrap();
    let run = zayava().arg("--db").arg(&db_path).arg("import").arg(&file).output().unwrap();
    assert!(run.status.success(), "the older version is known: {}", String::from_utf8_lossy(&run.stderr));
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = zayava_store::Database::open(&db_path).await.unwrap();
        let app = db.application("00000000-0000-4000-8000-000000000001").await.unwrap();
        assert_eq!(app.schema_version, "hosting@2025-01-01", "kept under its own version");
        let check = db.preflight(&app.id, chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), zayava_core::i18n::Lang::Ru).await.unwrap();
        assert!(check.clean, "checked by its own form: {:?}", check.findings);
        // A copy is a new application, under the current form, which asks the new questions.
        let copy = db.duplicate_application(&app.id, chrono::Utc::now()).await.unwrap();
        assert_eq!(copy.schema_version, "hosting@2025-01-01.2");
        assert!(!db.preflight(&copy.id, chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), zayava_core::i18n::Lang::Ru).await.unwrap().clean);
        db.close().await;
    });
    let out = dir.path().join("old.pdf");
    let run = zayava().arg("--db").arg(&db_path).args(["pdf", "--application", "00000000-0000-4000-8000-000000000001", "--kind", "application", "-o"]).arg(&out).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = pdftotext(&out);
    assert!(text.contains("Выдача архивной справки") && text.contains("git.example/archive"), "{text}");
}
