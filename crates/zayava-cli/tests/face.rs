//! The whole product from a terminal, as an office's IT person scripts it: a profile and an
//! application from the shared fixtures (`tests/fixtures/`, which the window's end-to-end
//! tests use too), the application made ready and its events recorded, what is due, a
//! calendar file read back by an independent parser, and archiving — each listing as a
//! table in the chosen language and as `--json`; each refusal naming what to fix and
//! changing nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

struct Place {
    _dir: tempfile::TempDir,
    db: PathBuf,
    root: PathBuf,
}

fn place() -> Place {
    let dir = tempfile::tempdir().unwrap();
    Place { db: dir.path().join("zayava.sqlite3"), root: dir.path().to_path_buf(), _dir: dir }
}

fn zayava(place: &Place, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zayava")).env_remove("ZAYAVA_DB").arg("--db").arg(&place.db).args(args).output().unwrap()
}

/// What a strict RFC 5545 reader nobody here wrote (ics-py, `tests/readers/read_ics.py`)
/// reads from `file`; `scripts/test.sh` installs it and names its Python in ZAYAVA_PYTHON.
fn strict_ics(file: &Path) -> Value {
    let python = std::env::var("ZAYAVA_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/readers/read_ics.py");
    let out = Command::new(&python).arg(script).arg(file).output().unwrap_or_else(|e| panic!("{python}: {e} (scripts/test.sh installs the readers)"));
    assert!(out.status.success(), "the strict reader refused the calendar: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ok(place: &Place, args: &[&str]) -> String {
    let out = zayava(place, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(place: &Place, args: &[&str]) -> Value {
    let text = ok(place, args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?} printed no JSON ({e}): {text}"))
}

fn refused(place: &Place, args: &[&str]) -> String {
    let out = zayava(place, args);
    assert_eq!(out.status.code(), Some(2), "{args:?} should be refused as input to fix: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stderr).unwrap()
}

fn fixture(name: &str) -> String {
    Path::new(FIXTURES).join(name).display().to_string()
}

/// A profile and a ready constructor application, sent on 03.03.2025.
fn with_a_sent_application(place: &Place) {
    ok(place, &["organisations", "add", "--from", &fixture("organisation.json")]);
    ok(place, &["applications", "new", "--service", "constructor", "--organisation", "1", "--from", &fixture("constructor-application.json")]);
    ok(place, &["applications", "ready", "З-0001"]);
    ok(place, &["events", "record", "1", "--event", "application_sent", "--at", "2025-03-03"]);
}

#[test]
fn a_profile_is_added_from_the_shared_fixture_listed_and_shown_by_its_labels() {
    let p = place();
    let added = json(&p, &["organisations", "add", "--from", &fixture("organisation.json"), "--json"]);
    assert_eq!(added["unp"], "100217336");
    let list = json(&p, &["organisations", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let table = ok(&p, &["organisations", "list"]);
    assert!(table.starts_with("№") && table.contains("УНП") && table.contains("100217336"), "{table}");
    let shown = ok(&p, &["organisations", "show", "1"]);
    assert!(shown.contains("УНП") && shown.contains("Государственное учреждение «Городской архив»"), "{shown}");
    assert!(!shown.contains("full_name"), "labels, not field ids: {shown}");
    let english = ok(&p, &["--lang", "en", "organisations", "show", "1"]);
    assert!(english.starts_with("Field") && english.contains("UNP"), "{english}");
}

#[test]
fn a_profile_with_a_wrong_field_is_refused_field_by_field_and_nothing_is_stored() {
    let p = place();
    let file = p.root.join("bad.json");
    let mut values: Value = serde_json::from_str(&std::fs::read_to_string(fixture("organisation.json")).unwrap()).unwrap();
    values["unp"] = Value::from("100217337");
    std::fs::write(&file, values.to_string()).unwrap();
    let said = refused(&p, &["organisations", "add", "--from", file.to_str().unwrap()]);
    assert!(said.contains("unp:") && said.contains("[validation.invalid]"), "{said}");
    let said = refused(&p, &["organisations", "add", "--from", &fixture("organisation.json"), "--set", "unpp=1"]);
    assert!(said.contains("unpp") && said.contains("full_name"), "the known fields are listed: {said}");
    assert_eq!(json(&p, &["organisations", "list", "--json"]), Value::Array(vec![]));
}

#[test]
fn an_application_is_created_made_ready_and_listed_with_its_stage() {
    let p = place();
    with_a_sent_application(&p);
    ok(&p, &["events", "record", "1", "--event", "application_received", "--at", "2025-03-04"]);
    let list = json(&p, &["applications", "list", "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["number"], "З-0001");
    assert_eq!(list[0]["service"], "constructor");
    let table = ok(&p, &["applications", "list"]);
    assert!(table.starts_with("Номер") && table.contains("З-0001") && table.contains("ГУ «Городской архив»"), "{table}");
    assert!(!table.contains("constructor "), "the service by its name, not its id: {table}");
    // Filters: another service finds nothing; a search for the organisation finds it.
    assert_eq!(json(&p, &["applications", "list", "--service", "hosting", "--json"]), Value::Array(vec![]));
    assert_eq!(json(&p, &["applications", "list", "--search", "архив", "--json"]).as_array().unwrap().len(), 1);
    let shown = json(&p, &["applications", "show", "З-0001", "--json"]);
    assert_eq!(shown["application"]["number"], "З-0001");
    assert!(shown["timeline"]["deadlines"].as_array().is_some_and(|d| !d.is_empty()), "{shown}");
    let text = ok(&p, &["applications", "show", "1"]);
    assert!(text.starts_with("З-0001") && text.contains("Сидоров Сергей") && text.contains("Срок"), "{text}");
}

#[test]
fn an_event_is_recorded_and_listed_and_one_that_cannot_happen_is_refused_recording_nothing() {
    let p = place();
    with_a_sent_application(&p);
    ok(&p, &["events", "record", "З-0001", "--event", "application_received", "--at", "2025-03-04"]);
    let before = json(&p, &["events", "list", "1", "--json"]);
    assert_eq!(before.as_array().unwrap().len(), 2);
    // Before the event it follows: refused, with the date it must not precede.
    let said = refused(&p, &["events", "record", "1", "--event", "draft_contract_received", "--at", "2025-03-01"]);
    assert!(said.contains("04.03.2025") && said.contains("[lifecycle."), "{said}");
    let said = refused(&p, &["events", "record", "1", "--event", "no_such_event", "--at", "2025-03-05"]);
    assert!(said.contains("[lifecycle.unknown_event]"), "{said}");
    assert_eq!(json(&p, &["events", "list", "1", "--json"]), before, "nothing was recorded");
    let table = ok(&p, &["events", "list", "1"]);
    assert!(table.contains("03.03.2025") && table.contains("04.03.2025") && table.contains("пользователь"), "{table}");
    assert!(table.contains("(draft_contract_received)"), "what may come next is named as --event takes it: {table}");
    assert!(table.contains("Получен проект договора (draft_contract_received)"), "and in words before it: {table}");
    let unknown = refused(&p, &["events", "list", "З-0099"]);
    assert!(unknown.contains("[store.not_found]"), "{unknown}");
}

#[test]
fn what_is_due_is_listed_for_a_party_and_a_calendar_file_holds_every_open_deadline() {
    let p = place();
    ok(&p, &["organisations", "add", "--from", &fixture("organisation.json")]);
    ok(&p, &["applications", "new", "--service", "constructor", "--organisation", "1", "--from", &fixture("constructor-application.json")]);
    ok(&p, &["applications", "ready", "1"]);
    // Sent and received today: the Operator's deadlines are open and ahead.
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    ok(&p, &["events", "record", "1", "--event", "application_sent", "--at", &today]);
    ok(&p, &["events", "record", "1", "--event", "application_received", "--at", &today]);
    let due = json(&p, &["due", "--days", "60", "--json"]);
    let due = due.as_array().unwrap();
    assert!(!due.is_empty());
    let operator = json(&p, &["due", "--days", "60", "--party", "operator", "--json"]);
    let operator = operator.as_array().unwrap();
    assert!(!operator.is_empty() && operator.iter().all(|e| e["party"] == "operator"), "{operator:?}");
    let table = ok(&p, &["due", "--days", "60"]);
    assert!(table.starts_with("Срок") && table.contains("Оператор") && table.contains("ГУ «Городской архив»"), "{table}");
    let english = ok(&p, &["--lang", "en", "due", "--days", "60"]);
    assert!(english.starts_with("Due") && english.contains("Operator"), "{english}");

    // The draft contract came: signing it is ours, and the calendar reminds of it.
    ok(&p, &["events", "record", "1", "--event", "draft_contract_received", "--at", &today]);
    let file = p.root.join("deadlines.ics");
    let out = zayava(&p, &["ics", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let reader = ical::IcalParser::new(std::io::BufReader::new(std::fs::File::open(&file).unwrap()));
    let calendars: Vec<_> = reader.collect::<Result<_, _>>().expect("an RFC 5545 reader reads the file");
    assert_eq!(calendars.len(), 1);
    let events = calendars[0].events.len();
    assert!(events >= operator.len(), "{events} events for {} open Operator deadlines", operator.len());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("событий {events}")));
    let name = calendars[0].properties.iter().find(|p| p.name == "X-WR-CALNAME").and_then(|p| p.value.clone());
    assert_eq!(name.as_deref(), Some("Заява: сроки"));
    // A strict reader reads it as well: every event, and the signing deadline with an alarm
    // at each reminder lead time (3, 1 and 0 working days before, by default).
    let strict = strict_ics(&file);
    let read = strict["events"].as_array().unwrap();
    assert_eq!(read.len(), events, "{strict}");
    let sign = read.iter().find(|e| e["uid"].as_str().unwrap().ends_with("constructor.sign_contract@zayava")).unwrap_or_else(|| panic!("{strict}"));
    assert_eq!(sign["alarms"].as_array().unwrap().len(), 3, "{sign}");
    // The same lines as an Excel file, and the registry with the list's filter (the
    // spreadsheet tests of zayava-app read such files back cell by cell).
    for (args, name) in [(vec!["due", "--days", "60"], "due.xlsx"), (vec!["applications", "list", "--service", "constructor"], "list.xlsx")] {
        let target = p.root.join(name);
        let mut args: Vec<&str> = args;
        args.extend(["--xlsx", target.to_str().unwrap()]);
        let out = zayava(&p, &args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(std::fs::read(&target).unwrap().starts_with(b"PK"), "an .xlsx is a zip");
        assert!(String::from_utf8_lossy(&out.stderr).contains("строк"), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // No activation yet: no contract or billing dates, said in words; JSON is an empty list.
    assert!(ok(&p, &["dates"]).contains("Дат пока нет"));
    assert_eq!(json(&p, &["dates", "--json"]), Value::Array(vec![]));
    // The same calendar on stdout, for one application.
    let one = ok(&p, &["ics", "--application", "З-0001"]);
    assert_eq!(one.matches("BEGIN:VEVENT").count(), events);
}

#[test]
fn an_organisation_is_archived_or_deleted_only_when_no_application_names_it() {
    let p = place();
    with_a_sent_application(&p);
    let said = refused(&p, &["organisations", "delete", "1"]);
    assert!(said.contains("нельзя удалить") && said.contains("[organisation.has_applications]"), "{said}");
    assert_eq!(json(&p, &["organisations", "list", "--json"]).as_array().unwrap().len(), 1, "nothing deleted");
    ok(&p, &["organisations", "archive", "1"]);
    assert_eq!(json(&p, &["organisations", "list", "--json"]), Value::Array(vec![]));
    let archived = json(&p, &["organisations", "list", "--archived", "--json"]);
    assert_eq!((archived[0]["archived"].as_bool(), archived[0]["applications"].as_u64()), (Some(true), Some(1)));
    ok(&p, &["organisations", "archive", "1", "--undo"]);
    let second = json(&p, &["organisations", "add", "--from", &fixture("organisation.json"), "--json"]);
    let said = ok(&p, &["organisations", "delete", &second["id"].to_string()]);
    assert!(said.contains("удалена"), "{said}");
    assert_eq!(json(&p, &["organisations", "list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn an_application_needs_an_organisation() {
    let p = place();
    let said = refused(&p, &["applications", "new", "--service", "kvp"]);
    assert!(said.contains("Выберите организацию") && said.contains("[application.no_organisation]"), "{said}");
}

#[test]
fn an_archived_application_leaves_the_list_and_comes_back() {
    let p = place();
    with_a_sent_application(&p);
    ok(&p, &["applications", "archive", "1"]);
    assert_eq!(json(&p, &["applications", "list", "--json"]), Value::Array(vec![]));
    assert_eq!(json(&p, &["applications", "list", "--archived", "--json"]).as_array().unwrap().len(), 1);
    ok(&p, &["applications", "archive", "З-0001", "--undo"]);
    assert_eq!(json(&p, &["applications", "list", "--json"]).as_array().unwrap().len(), 1);
}

#[test]
fn help_tells_an_it_person_what_each_command_is_for_with_examples_and_exit_codes() {
    let p = place();
    let help = ok(&p, &["--help"]);
    for command in ["organisations", "applications", "events", "due", "ics", "pdf", "sync", "backup"] {
        assert!(help.contains(&format!("  {command} ")), "{command} in --help");
    }
    assert!(help.contains("Examples:") && help.contains("Exit codes:"), "{help}");
    let sub = ok(&p, &["applications", "list", "--help"]);
    assert!(sub.contains("--stage") && sub.contains("--search") && sub.contains("--json"), "{sub}");
}

/// The covering letter's outgoing number: the next of the organisation's own count unless
/// typed, kept with the application so a reprint carries it, and printed with its date.
#[test]
fn outgoing_numbers_are_counted_per_organisation_typed_or_refused_by_field() {
    let p = place();
    ok(&p, &["organisations", "add", "--from", &fixture("organisation.json")]);
    for _ in 0..3 {
        ok(&p, &["applications", "new", "--service", "constructor", "--organisation", "1", "--from", &fixture("constructor-application.json")]);
    }
    let first = ok(&p, &["applications", "outgoing", "1", "--date", "01.12.2026"]);
    assert!(first.contains("исходящий № 1 от 01.12.2026"), "{first}");
    // A typed whole number moves the count on past it; a registry's own style is kept as typed.
    ok(&p, &["applications", "outgoing", "2", "--number", "10"]);
    let next = ok(&p, &["applications", "outgoing", "3"]);
    assert!(next.contains("исходящий № 11 от"), "{next}");
    let typed = ok(&p, &["applications", "outgoing", "1", "--number", "01-12/345", "--date", "02.12.2026"]);
    assert!(typed.contains("№ 01-12/345 от 02.12.2026"), "{typed}");

    // Refusals name the field, and nothing changes.
    let ahead = refused(&p, &["applications", "outgoing", "1", "--date", "01.01.2099"]);
    assert!(ahead.contains("Дата исходящего письма") && ahead.contains("ещё не наступила"), "{ahead}");
    let garbled = refused(&p, &["applications", "outgoing", "1", "--date", "1ю12ю2026"]);
    assert!(garbled.contains("дд.мм.гггг"), "{garbled}");
    let long = refused(&p, &["applications", "outgoing", "1", "--number", &"9".repeat(41)]);
    assert!(long.contains("Исходящий номер") && long.contains("40"), "{long}");
    let shown = json(&p, &["applications", "show", "1", "--json"]);
    assert_eq!(shown["application"]["application"]["outgoing"], serde_json::json!({"number": "01-12/345", "date": "2026-12-02"}), "{shown}");

    // The covering letter carries it, the Operator's address for the constructor (seed 002,
    // cl. 3.3), and the head's signature from the profile.
    let pdf = p.root.join("package.pdf");
    ok(&p, &["pdf", "--application", "1", "--kind", "package", "-o", pdf.to_str().unwrap()]);
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in ["02.12.2026 № 01-12/345", "220140, г. Минск, ул. Притыцкого, 64", "О направлении заявки", "№ З-0001", "М.П."] {
        assert!(text.contains(needle), "{needle} not in the package:\n{text}");
    }
}

/// `zayava mail`: the constructor application's e-mail draft to the inbox of seed 002 (cl.
/// 3.3), and the command that records it as sent once it is; no draft for a service whose
/// procedure names no inbox.
#[test]
fn an_application_e_mail_is_drafted_where_the_seed_allows_and_refused_where_not() {
    let p = place();
    ok(&p, &["organisations", "add", "--from", &fixture("organisation.json")]);
    ok(&p, &["applications", "new", "--service", "constructor", "--organisation", "1", "--from", &fixture("constructor-application.json")]);
    ok(&p, &["applications", "ready", "1"]);
    let file = p.root.join("letter.eml");
    let out = zayava(&p, &["mail", "З-0001", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("info@nces.by") && said.contains("zayava events record З-0001 --event application_sent --at"), "{said}");
    let eml = std::fs::read_to_string(&file).unwrap();
    assert!(eml.contains("X-Unsent: 1\r\n") && eml.contains("To: <info@nces.by>\r\n"), "{eml}");

    ok(&p, &["applications", "new", "--service", "kvp", "--organisation", "1"]);
    let none = p.root.join("none.eml");
    let out = zayava(&p, &["mail", "2", "-o", none.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("не называет адреса электронной почты"));
    assert!(!none.exists());
}
