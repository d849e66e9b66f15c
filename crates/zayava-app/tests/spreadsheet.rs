//! The registry in Excel, read back by calamine (not the library that wrote it) and, for the
//! sheet's settings, from the file's own XML: the applications under a filter, what is due,
//! and the contract and billing dates — real dates, headers in the user's language, the
//! header row frozen, an auto-filter over the table, columns wide enough.

use calamine::{Data, Reader, Xlsx};
use zayava_app::spreadsheet::{self, Cell};
use zayava_app::{applications, events, organisations, Now};
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::NewEvent;
use zayava_store::applications::ApplicationFilter;
use zayava_store::lifecycle::DashboardQuery;
use zayava_store::Database;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn fixture(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(format!("{FIXTURES}/{name}")).unwrap()).unwrap()
}

fn now() -> Now {
    Now::at(chrono::NaiveDate::from_ymd_opt(2025, 3, 13).unwrap().and_hms_opt(10, 0, 0).unwrap())
}

/// Two constructor applications: one concluded and active (it has dates), one just received
/// by the Operator (its draft contract is due).
async fn database(dir: &std::path::Path) -> Database {
    let db = Database::open(&dir.join("zayava.sqlite3")).await.unwrap();
    let org = organisations::add(&db, &fixture("organisation.json"), now()).await.unwrap();
    let values = fixture("constructor-application.json")["values"].clone();
    for events_of in [&[("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-06"), ("signed_contract_received", "2025-03-12"), ("training_completed", "2025-03-12"), ("credentials_sent", "2025-03-13")][..], &[("application_sent", "2025-03-11"), ("application_received", "2025-03-12")][..]] {
        let view = applications::create(&db, "constructor", Some(org.id), Lang::Ru, now()).await.unwrap();
        let id = view.application.id.clone();
        applications::save(&db, &id, Some(org.id), &values, Lang::Ru, now()).await.unwrap();
        applications::mark_ready(&db, &id, Lang::Ru, now()).await.unwrap();
        for (event, at) in events_of {
            events::record(&db, &id, &NewEvent { event: (*event).into(), at: (*at).into(), corrects: None, note: String::new() }, now()).await.unwrap();
        }
    }
    db
}

/// The sheet's XML inside the .xlsx, for what calamine does not report (panes, filter,
/// widths), unzipped by Python's zipfile.
fn sheet_xml(path: &std::path::Path) -> String {
    let out = std::process::Command::new("python3")
        .args(["-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode())"])
        .arg(path)
        .output()
        .expect("python3 is installed by scripts/test.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn read(path: &std::path::Path) -> (String, calamine::Range<Data>) {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("calamine opens it");
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    (name, range)
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[tokio::test]
async fn each_registry_reads_back_with_real_dates_a_frozen_header_and_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path()).await;

    // The application list, under a filter that finds both.
    let sheet = spreadsheet::applications_sheet(&db, &ApplicationFilter { service: Some("constructor".into()), ..Default::default() }, Lang::Ru, now()).await.unwrap();
    let path = dir.path().join(spreadsheet::file_name(spreadsheet::Registry::Applications, Lang::Ru));
    assert!(path.ends_with("Заявки.xlsx"));
    let done = spreadsheet::write(&sheet, &path).unwrap();
    assert_eq!(done.rows, 2);
    let (name, range) = read(&path);
    assert_eq!(name, "Заявки");
    let header: Vec<String> = range.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(header, ["Номер заявки", "Организация", "Услуга", "Стадия", "Изменена"]);
    let numbers: Vec<String> = range.rows().skip(1).map(|r| text(&r[0])).collect();
    assert_eq!(numbers.len(), 2);
    assert!(numbers.iter().all(|n| n.starts_with("З-")), "{numbers:?}");
    assert!(range.rows().skip(1).all(|r| matches!(r[4], Data::DateTime(_))), "the change day is a date, not text");
    let xml = sheet_xml(&path);
    assert!(xml.contains(r#"state="frozen""#) && xml.contains(r#"ySplit="1""#), "the header row is frozen");
    assert!(xml.contains(r#"<autoFilter ref="A1:E3"/>"#), "an auto-filter over the table: {xml}");
    assert!(xml.contains("<cols>") && xml.contains("customWidth=\"1\""), "column widths set");

    // What is due: the second application's registration is the Operator's, by a real date.
    let query = DashboardQuery { working_days: 30, party: None, limit: 500 };
    let sheet = spreadsheet::due_sheet(&db, &query, Lang::Ru, now()).await.unwrap();
    assert!(!sheet.rows.is_empty());
    let path = dir.path().join("due.xlsx");
    spreadsheet::write(&sheet, &path).unwrap();
    let (_, range) = read(&path);
    for (row, written) in range.rows().skip(1).zip(&sheet.rows) {
        let Cell::Due(due) = &written[0] else { panic!("the first column is the due date") };
        let Data::DateTime(value) = &row[0] else { panic!("{:?} is not a date", row[0]) };
        let read_back = value.as_datetime().unwrap();
        assert_eq!(read_back.format(if due.len() == 16 { "%Y-%m-%dT%H:%M" } else { "%Y-%m-%d" }).to_string(), *due);
    }

    // The dates billing and contracts follow, in English this time.
    let sheet = spreadsheet::dates_sheet(&db, Lang::En, now()).await.unwrap();
    assert!(!sheet.rows.is_empty(), "a signed contract has dates");
    let path = dir.path().join(spreadsheet::file_name(spreadsheet::Registry::Dates, Lang::En));
    spreadsheet::write(&sheet, &path).unwrap();
    let (name, range) = read(&path);
    assert_eq!(name, "Contract and billing dates");
    assert_eq!(text(&range.rows().next().unwrap()[0]), "Date");
    assert!(range.rows().skip(1).all(|r| matches!(r[0], Data::DateTime(_))));
    db.close().await;
}

#[test]
fn a_value_that_is_not_a_date_is_kept_as_text_and_a_long_name_still_makes_a_sheet() {
    let sheet = spreadsheet::Sheet {
        name: "Очень длинное имя листа: больше тридцати одного символа / и с запретными знаками?".into(),
        headers: vec!["Срок".into(), "Что".into()],
        rows: vec![vec![Cell::Due("скоро".into()), Cell::Text("x".into())], vec![Cell::Due("2025-04".into()), Cell::Text("месяц".into())]],
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.xlsx");
    spreadsheet::write(&sheet, &path).unwrap();
    let (name, range) = read(&path);
    assert!(name.chars().count() <= 31 && !name.contains('/') && !name.contains('?'), "{name}");
    let rows: Vec<Vec<Data>> = range.rows().skip(1).map(|r| r.to_vec()).collect();
    assert_eq!(rows[0][0], Data::String("скоро".into()));
    let Data::DateTime(month) = &rows[1][0] else { panic!("a month is a date: {:?}", rows[1][0]) };
    assert_eq!(month.as_datetime().unwrap().date(), chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
}
