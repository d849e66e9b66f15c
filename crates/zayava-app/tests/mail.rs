//! E-mail drafts to the Operator's inboxes, read back by Python's own e-mail parser under its
//! strict policy (`tests/readers/read_eml.py`; not the library that wrote them): the route the
//! seed names, headers, RFC 2047 subjects, UTF-8 text, the unsent mark, the attachment's
//! bytes; the event sending fulfils, recordable as offered; refusals where no inbox is named
//! or the attachments are too heavy, with nothing written.

use sha2::{Digest, Sha256};
use zayava_app::mail::{self, Letter, MAX_ATTACHMENTS_BYTES};
use zayava_app::{applications, events, organisations, AppError, Now};
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::NewEvent;
use zayava_store::Database;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn fixture(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()).unwrap()
}

fn now() -> Now {
    Now::at(chrono::NaiveDate::from_ymd_opt(2025, 3, 13).unwrap().and_hms_opt(10, 0, 0).unwrap())
}

/// What the strict reader makes of `file`.
fn read(file: &std::path::Path) -> serde_json::Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/readers/read_eml.py");
    let out = std::process::Command::new("python3").arg(script).arg(file).output().expect("python3 is installed by scripts/test.sh");
    assert!(out.status.success(), "the strict parser refused the draft: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn with_organisation(dir: &std::path::Path) -> (Database, i64) {
    let db = Database::open(&dir.join("zayava.sqlite3")).await.unwrap();
    let org = organisations::add(&db, &fixture("organisation.json"), now()).await.unwrap();
    (db, org.id)
}

#[tokio::test]
async fn a_constructor_application_is_drafted_to_info_nces_by_with_its_pdf_and_recorded_as_sent_once_sent() {
    let dir = tempfile::tempdir().unwrap();
    let (db, org) = with_organisation(dir.path()).await;
    let view = applications::create(&db, "constructor", Some(org), Lang::Ru, now()).await.unwrap();
    let id = view.application.id.clone();
    applications::save(&db, &id, Some(org), &fixture("constructor-application.json")["values"], Lang::Ru, now()).await.unwrap();
    applications::mark_ready(&db, &id, Lang::Ru, now()).await.unwrap();

    let draft = mail::draft(&db, &id, &Letter::Application, Lang::Ru, now()).await.unwrap();
    let file = dir.path().join(&draft.file_name);
    let prepared = mail::write(&draft, &file).unwrap();
    assert_eq!(draft.file_name, "Заявка З-0001 — письмо с заявкой.eml");
    let m = read(&file);
    assert_eq!(m["defects"], serde_json::json!([]), "{m}");
    assert_eq!(m["to"], "info@nces.by", "seed 002, cl. 3.3");
    assert_eq!(m["subject"], "Заявка З-0001 — Доступ к конструктору электронных услуг — ГУ «Городской архив»");
    assert!(m["subject_raw"].as_str().unwrap().to_lowercase().starts_with("=?utf-8?"), "Cyrillic subjects are RFC 2047 encoded: {}", m["subject_raw"]);
    assert_eq!(m["only_ascii"], true, "8-bit text is transfer-encoded");
    assert_eq!(m["x_unsent"], "1", "Outlook opens it as a draft to send");
    assert_eq!(m["mime_version"], "1.0");
    assert!(m["from"].as_str().unwrap().contains("archive@example.by"), "{}", m["from"]);
    assert_eq!(m["body_charset"], "utf-8");
    let body = m["body"].as_str().unwrap();
    for needle in ["Уважаемые коллеги!", "заявку З-0001", "пункт 3.3", "«Порядок оказания услуг по использованию конструктора электронных сервисов»", "Заявка З-0001 — бланк заявки.pdf", "Контактное лицо:"] {
        assert!(body.contains(needle), "{needle} not in the body:\n{body}");
    }
    let attachments = m["attachments"].as_array().unwrap();
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0]["filename"], "Заявка З-0001 — бланк заявки.pdf");
    assert_eq!(attachments[0]["content_type"], "application/pdf");
    let sent = &draft.attachments[0].1;
    assert!(sent.starts_with(b"%PDF-"));
    assert_eq!(attachments[0]["sha256"], format!("{:x}", Sha256::digest(sent)), "the PDF's bytes come back whole");

    // Once sent, the offered event records as it is.
    assert_eq!((prepared.record.event.as_str(), prepared.record.at.as_str()), ("application_sent", "2025-03-13"));
    assert!(!prepared.record.label.is_empty() && !prepared.record.label.contains('_'), "{}", prepared.record.label);
    let event = NewEvent { event: prepared.record.event.clone(), at: prepared.record.at.clone(), corrects: None, note: String::new() };
    events::record(&db, &id, &event, now()).await.unwrap();
    assert!(applications::show(&db, &id, Lang::Ru, now()).await.unwrap().sent);
}

#[tokio::test]
async fn each_interaction_notice_is_drafted_to_ds_nces_by_with_its_own_text_and_minute() {
    let dir = tempfile::tempdir().unwrap();
    let (db, org) = with_organisation(dir.path()).await;
    let view = applications::create(&db, "interaction", Some(org), Lang::Ru, now()).await.unwrap();
    let id = view.application.id.clone();
    for (at, note) in [("2025-03-12T09:40", "Недоступен сервис справок."), ("2025-03-13T08:15", "Сбой входа в кабинет.")] {
        events::record(&db, &id, &NewEvent { event: "incident_detected".into(), at: at.into(), corrects: None, note: note.into() }, now()).await.unwrap();
    }
    let second = mail::draft(&db, &id, &Letter::Notice { rule: "interaction.incident_notice".into(), round: 2 }, Lang::Ru, now()).await.unwrap();
    let file = dir.path().join(&second.file_name);
    mail::write(&second, &file).unwrap();
    let m = read(&file);
    assert_eq!(m["to"], "ds@nces.by", "seed 001, cl. 3.3");
    assert_eq!(m["subject"], "Инцидент, выявленный 13.03.2025 08:15 — ГУ «Городской архив» (З-0001)");
    let body = m["body"].as_str().unwrap();
    assert!(body.contains("Сбой входа в кабинет.") && !body.contains("Недоступен сервис"), "each incident its own notice:\n{body}");
    assert_eq!(m["attachments"], serde_json::json!([]));
    assert_eq!((second.record.event.as_str(), second.record.at.as_str()), ("incident_notice_sent", "2025-03-13T10:00"), "recorded to the minute");
}

#[tokio::test]
async fn no_draft_where_the_seed_names_no_inbox_and_none_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (db, org) = with_organisation(dir.path()).await;
    let kvp = applications::create(&db, "kvp", Some(org), Lang::Ru, now()).await.unwrap();
    let refused = mail::draft(&db, &kvp.application.id, &Letter::Application, Lang::Ru, now()).await;
    assert!(matches!(refused, Err(AppError::NoInbox)), "seed 004 takes applications by other ways");
    let problem = zayava_app::Problem::render(&refused.err().unwrap(), Lang::Ru);
    assert_eq!(problem.code.as_str(), "mail.no_inbox");
    assert!(problem.message.contains("почтой") && !problem.message.contains("kvp"), "{}", problem.message);

    let constructor = applications::create(&db, "constructor", Some(org), Lang::Ru, now()).await.unwrap();
    let mut draft = mail::draft(&db, &constructor.application.id, &Letter::Application, Lang::Ru, now()).await.unwrap();
    draft.attachments.push(("скан.pdf".into(), vec![0; MAX_ATTACHMENTS_BYTES]));
    let file = dir.path().join("big.eml");
    let refused = mail::write(&draft, &file);
    assert!(matches!(refused, Err(AppError::MailTooLarge { mb: 20 })));
    assert!(zayava_app::Problem::render(&refused.err().unwrap(), Lang::Ru).message.contains("20 МБ"));
    assert!(!file.exists(), "nothing is written");
}
