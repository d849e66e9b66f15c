//! The documents as a user gets them: valid PDFs (qpdf --check), text that pdftotext reads
//! back with its Cyrillic, page counts, page numbers, and layouts that hold up under bad text.

use std::process::Command;

use serde_json::{json, Value};
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_core::operator_number::OperatorNumber;
use zayava_pdf::{application, package, schedule, ApplicationDoc, Pdf, ScheduleEntry};

fn organisation() -> Value {
    json!({
        "full_name": "Учреждение образования «Брестский государственный колледж»", "short_name": "УО «БГК»",
        "legal_form": "учреждение", "kind": "budget_funded", "unp": "200019773", "legal_postcode": "224030",
        "legal_address": "г. Брест, вул. Савецкая, 1 (ў, і — беларускія літары)", "postal_postcode": "224030", "postal_address": "г. Брест, а/я 12",
        "iban": "BY13NBRB3600900000002Z00AB00", "bank_name": "Национальный банк", "bic": "NBRBBY2X", "head_position": "Директор",
        "head_name": "Ўладзімір Іванавіч Шчэрбаў", "head_basis": "Устава", "contact_name": "Петрова А. А.", "phone": "+375162123456",
        "email": "college@example.by"
    })
}

fn one_window(users: usize) -> Value {
    let users: Vec<Value> = (0..users)
        .map(|i| json!({ "full_name": format!("Пользователь № {i} Іван Ўладзіміравіч"), "position": "Специалист", "email": format!("u{i}@example.by"), "key": "gossuok", "procedures": "1.1.5, 2.1" }))
        .collect();
    json!({ "contracting_name": "УО «БГК»", "users": users, "tariff_users": 2, "access": "vpn", "keys": true, "head_cabinet": true, "org_cabinet": false, "no_debts": true })
}

fn text_of(pdf: &Pdf) -> String {
    if let Ok(dir) = std::env::var("ZAYAVA_PDF_OUT") {
        // For looking at: ZAYAVA_PDF_OUT=/tmp/pdfs cargo test -p zayava-pdf, then pdftoppm.
        let n = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        let _ = std::fs::write(format!("{dir}/doc-{n}.pdf"), &pdf.bytes);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let check = Command::new("qpdf").arg("--check").arg(&path).output().expect("qpdf is installed by scripts/test.sh");
    assert!(check.status.success(), "qpdf: {}", String::from_utf8_lossy(&check.stdout));
    let out = Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().expect("pdftotext is installed by scripts/test.sh");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn printed_at() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 5, 0).unwrap()
}

const ID: &str = "6f1c1f5e-8a55-4c41-9a55-3c1f1e0c0a01";

fn doc<'a>(values: &'a Value, org: &'a Value) -> ApplicationDoc<'a> {
    ApplicationDoc {
        id: ID,
        number: Some("З-0042"),
        operator_numbers: vec![(OperatorNumber::Registration, "НЦЭУ-2025/117".into())],
        schema: forms::current("one-window").unwrap(),
        values,
        organisation: Some(org),
        outgoing: Some(("17".into(), "04.12.2026".into())),
        created: printed_at(),
    }
}

#[test]
fn the_application_round_trips_its_fields_with_cyrillic_and_belarusian_letters() {
    let (values, org) = (one_window(2), organisation());
    let pdf = application(&doc(&values, &org), Lang::Ru);
    let text = text_of(&pdf);
    for needle in ["Е-заявка на подключение к ПК «Одно окно»", "Заявка № З-0042", "НЦЭУ-2025/117", "+375 162 12-34-56", "200019773", "вул. Савецкая", "Ўладзімір Іванавіч Шчэрбаў", "Пользователь № 1", "BY13NBRB3600900000002Z00AB00", "ГосСУОК", "подпись", "М.П.", "стр. 1 из"] {
        assert!(text.contains(needle), "{needle} not found in:\n{text}");
    }
    assert!(!text.contains("null"));
    assert!(!text.contains(ID) && !text.contains("Состояние"), "no internals on the form itself");
    assert!(pdf.replaced.is_empty());
    assert!(pdf.bytes.len() < 200_000, "subset font keeps it small: {} bytes", pdf.bytes.len());
}

#[test]
fn long_lists_break_across_pages_with_the_header_repeated_and_pages_numbered() {
    let (values, org) = (one_window(120), organisation());
    let pdf = application(&doc(&values, &org), Lang::Ru);
    assert!(pdf.pages >= 4, "{} pages", pdf.pages);
    let text = text_of(&pdf);
    let headers = text.matches("Должность").count();
    assert!(headers >= pdf.pages - 1, "the header row repeats: {headers} on {} pages", pdf.pages);
    assert!(text.contains(&format!("стр. {} из {}", pdf.pages, pdf.pages)));
    assert!(text.contains("u119@example.by"), "the last user is there");
}

#[test]
fn missing_fields_stay_blank_and_bad_text_never_breaks_the_layout() {
    let org = organisation();
    let long = "Очень длинное наименование ".repeat(400) + &"Ж".repeat(2000);
    let values = json!({ "contracting_name": format!("{long}\u{7}\u{200f}\u{202e}мир漢"), "users": [] });
    let pdf = application(&doc(&values, &org), Lang::Ru);
    let text = text_of(&pdf);
    assert!(pdf.pages >= 3);
    assert!(!text.contains("null"));
    assert_eq!(pdf.replaced, vec!['漢'], "a character the font lacks is replaced visibly and reported");
    assert!(text.contains('□'));
}

fn entries() -> Vec<ScheduleEntry> {
    vec![ScheduleEntry {
        application: "УО «БГК» — Одно окно".into(),
        due: "24.03.2025".into(),
        title: "Подписать и вернуть договор".into(),
        party: "Мы (потребитель)".into(),
        clause: "3.10".into(),
        state: "Просрочено".into(),
    }]
}

/// pdftotext's text with runs of spaces made one, so a phrase reads whole whatever the
/// columns.
fn squeezed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_package_opens_with_a_covering_letter_then_the_application_and_the_schedule() {
    let (values, org) = (one_window(40), organisation());
    let d = doc(&values, &org);
    let application_pages = application(&d, Lang::Ru).pages;
    assert!(application_pages >= 2, "a long enough application to count: {application_pages}");
    let pdf = package(&d, &entries(), &["Письмо Администрации Президента.pdf".into()], Lang::Ru);
    let text = text_of(&pdf);
    let cover = squeezed(text.split('\u{c}').next().unwrap());
    for needle in [
        // The letterhead, the date and number, the addressee of seed 001, section 6.
        "Учреждение образования «Брестский государственный колледж»", "224030, г. Брест, а/я 12", "+375 162 12-34-56", "УНП 200019773",
        "04.12.2026 № 17", "Республиканское унитарное предприятие «Национальный центр электронных услуг»", "220004, г. Минск, ул. Раковская, 14",
        "О направлении заявки", "№ З-0042",
        // The enclosures, the application's own pages counted.
        "Приложение:", &format!("на {application_pages} л. в 1 экз."), "Письмо Администрации Президента.pdf",
        // The head signs: position, name, authority, seal; and who prepared it.
        "Директор", "Ўладзімір Іванавіч Шчэрбаў", "Действует на основании Устава.", "М.П.", "Исп. Петрова А. А., +375 162 12-34-56",
    ] {
        assert!(cover.contains(needle), "{needle} not on the covering letter:\n{cover}");
    }
    assert_eq!(pdf.pages, 1 + application_pages + 1, "letter, application, schedule");
    for needle in ["График сроков", "Просрочено", "24.03.2025", "НЦЭУ-2025/117"] {
        assert!(text.contains(needle), "{needle} not found");
    }
    assert!(!text.contains(ID), "the id is in the QR code only");
}

#[test]
fn the_application_is_a_letter_too_addressed_where_its_seed_sends_it() {
    let org = organisation();
    let values = json!({ "admin_name": "Сидоров Сидор", "admin_email": "admin@example.by" });
    let mut d = doc(&values, &org);
    d.schema = forms::current("constructor").unwrap();
    let text = squeezed(&text_of(&application(&d, Lang::Ru)));
    for needle in ["04.12.2026 № 17", "«Национальный центр электронных услуг»", "220140, г. Минск, ул. Притыцкого, 64", "Директор", "Ўладзімір Іванавіч Шчэрбаў", "Действует на основании Устава.", "М.П."] {
        assert!(text.contains(needle), "{needle} not found in:\n{text}");
    }
    // Without a number yet, and without an organisation, the blanks are there to fill by hand.
    d.outgoing = None;
    d.organisation = None;
    let text = squeezed(&text_of(&application(&d, Lang::Ru)));
    for needle in ["№ ____________", "подпись", "фамилия, инициалы", "М.П."] {
        assert!(text.contains(needle), "{needle} not found in:\n{text}");
    }
    assert!(!text.contains("Действует на основании"));
}

/// The cover's QR code as a reader sees it: the first page rendered by pdftoppm, decoded by
/// rqrr (neither is the library that drew it).
fn qr_payloads(pdf: &Pdf) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let out = Command::new("pdftoppm").args(["-r", "200", "-gray", "-png", "-f", "1", "-l", "1"]).arg(&path).arg(dir.path().join("page")).output().expect("pdftoppm is installed by scripts/test.sh");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).find(|p| p.extension().is_some_and(|x| x == "png")).expect("a page image");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(file).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let (w, h) = (info.width as usize, info.height as usize);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| buf[(y * w + x) * channels]);
    image.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, content)| content)).collect()
}

#[test]
fn the_covers_qr_code_decodes_to_the_application_and_its_checksum() {
    let (values, org) = (one_window(2), organisation());
    let d = doc(&values, &org);
    let pdf = package(&d, &entries(), &[], Lang::Ru);
    let expected = format!("zayava:{}:{}", d.id, zayava_pdf::checksum(&d));
    assert_eq!(qr_payloads(&pdf), [expected]);
    // Another application's values give another code.
    let other = one_window(3);
    let pdf = package(&doc(&other, &org), &entries(), &[], Lang::Ru);
    assert_ne!(qr_payloads(&pdf), [format!("zayava:{}:{}", d.id, zayava_pdf::checksum(&d))]);
}

#[test]
fn the_schedule_alone_in_english() {
    let pdf = schedule("Deadlines", &entries(), true, printed_at(), Lang::En);
    let text = text_of(&pdf);
    assert!(text.contains("Deadline schedule") && text.contains("page 1 of 1") && text.contains("Application"));
    assert_eq!(pdf.pages, 1);
}

#[test]
fn the_schedule_prints_a_second_round_of_remarks_as_such() {
    use zayava_core::calendar::Calendar;
    use zayava_core::deadlines::WorkingWindow;
    use zayava_core::lifecycle::{timeline, NoticeContext, RecordedEvent, Recorder};
    use zayava_core::rules::Rulebook;
    let events: Vec<RecordedEvent> = [("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("remarks_received", "2025-03-05"), ("remarks_fixed", "2025-03-07"), ("remarks_received", "2025-03-12")]
        .iter()
        .enumerate()
        .map(|(i, (e, at))| RecordedEvent { id: i as i64 + 1, event: (*e).into(), at: (*at).into(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() })
        .collect();
    let now = chrono::NaiveDateTime::parse_from_str("2025-03-13T10:00", "%Y-%m-%dT%H:%M").unwrap();
    let line = timeline(Rulebook::shared(), &Calendar::embedded(), WorkingWindow::default(), "hosting", true, &events, vec![], now, &NoticeContext::default(), Lang::Ru).unwrap();
    let text = text_of(&schedule("Размещение ПО ЭС", &zayava_pdf::schedule_entries(&line, Lang::Ru), false, printed_at(), Lang::Ru)).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("1-й круг"), "{text}");
    assert!(text.contains("2-й круг"), "{text}");
}

/// The text as `pdftotext` reads it in reading order (not laid out), with no-break spaces as
/// spaces: what a user gets who copies it out.
fn raw_text_of(pdf: &Pdf) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext is installed by scripts/test.sh");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().replace('\u{a0}', " ")
}

fn long_users(n: usize) -> Value {
    let users: Vec<Value> = (0..n)
        .map(|i| json!({ "full_name": format!("Анастасия Владимировна Биометрическая-Законодательная {i}"), "position": "Заместитель директора по учебно-методической работе", "email": format!("anastasiya.vladimirovna{i}@school12.minsk.edu.by"), "key": "gossuok", "procedures": "1.1.5" }))
        .collect();
    json!({ "contracting_name": "УО «БГК»", "users": users, "tariff_users": n, "access": "vpn", "keys": true, "head_cabinet": true, "org_cabinet": false, "no_debts": true, "testing_date": "2026-11-16" })
}

#[test]
fn e_mails_and_dates_are_printed_whole_however_narrow_their_column() {
    let (values, org) = (long_users(40), organisation());
    let pdf = package(&doc(&values, &org), &entries(), &[], Lang::Ru);
    text_of(&pdf);
    let text = raw_text_of(&pdf);
    for i in 0..40 {
        let email = format!("anastasiya.vladimirovna{i}@school12.minsk.edu.by");
        assert!(text.contains(&email), "{email} is not whole in:\n{text}");
    }
    assert!(text.contains("24.03.2025") && text.contains("college@example.by"));
}

#[test]
fn columns_follow_their_content_so_a_long_list_takes_few_pages() {
    // 500 procedures, each a short code: the code column is as wide as «1.1.5», not a third
    // of the page (500 took 33 pages when the columns were fixed shares).
    let org = organisation();
    let procedures: Vec<Value> = (0..500).map(|i| json!({ "code": format!("1.1.{}", i % 30 + 1), "name": "Выдача справки о месте жительства и составе семьи", "aer_agreed": i % 2 == 0 })).collect();
    let values = json!({ "procedures": procedures, "software_count": 1, "third_party": false, "via_smdo": true, "via_one_window": false, "via_ir_is": false });
    let hosting = ApplicationDoc { schema: forms::current("hosting").unwrap(), ..doc(&values, &org) };
    let pdf = application(&hosting, Lang::Ru);
    let text = text_of(&pdf);
    assert!(pdf.pages <= 20, "{} pages", pdf.pages);
    // Each row is on one line: the name whole beside its code.
    assert_eq!(text.matches("Выдача справки о месте жительства и составе семьи").count(), 500, "{text}");
}

#[test]
fn an_unanswered_yes_no_question_prints_no() {
    let org = organisation();
    let values = json!({ "procedures": [], "software_count": 1, "third_party": false, "via_one_window": true });
    let hosting = ApplicationDoc { schema: forms::current("hosting").unwrap(), ..doc(&values, &org) };
    let text = text_of(&application(&hosting, Lang::Ru));
    // «нет» for the answered «no» and for the two never answered; «да» for the one «yes».
    let answers = |word: &str| text.lines().filter(|l| l.trim_end().ends_with(&format!("  {word}"))).count();
    assert_eq!((answers("нет"), answers("да")), (3, 1), "{text}");
}

#[test]
fn one_applications_schedule_names_its_organisation_and_number_but_no_rule_ids() {
    let (values, org) = (one_window(1), organisation());
    let text = text_of(&zayava_pdf::application_schedule(&doc(&values, &org), &entries(), Lang::Ru));
    for needle in ["УО «БГК»", "З-0042", "Подписать и вернуть договор", "24.03.2025"] {
        assert!(text.contains(needle), "{needle} not in {text}");
    }
    assert!(!text.contains("one-window.") && !text.contains("Правило"), "{text}");
}

#[test]
fn an_english_application_names_its_clauses_in_english() {
    let (values, org) = (one_window(1), organisation());
    let text = text_of(&application(&doc(&values, &org), Lang::En));
    assert!(text.contains("(cl. 3."), "{text}");
    assert!(!text.contains("(п."), "{text}");
}

/// What pikepdf (qpdf) and Pillow's ImageCms (LittleCMS) read of a file's archival dress;
/// `tests/readers/read_pdf.py`, with Debian's python3-pikepdf and python3-pil.
fn archival(pdf: &Pdf) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, &pdf.bytes).unwrap();
    let python = if std::path::Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/readers/read_pdf.py");
    let out = Command::new(python).arg(script).arg(&path).output().expect("python3 is installed by scripts/test.sh");
    assert!(out.status.success(), "the reader failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_document_is_pdf_a_2b_with_its_title_author_date_language_and_an_srgb_intent() {
    let (values, org) = (one_window(2), organisation());
    let d = doc(&values, &org);
    let college = "Учреждение образования «Брестский государственный колледж»";
    for (pdf, title, author, lang) in [
        (application(&d, Lang::Ru), "Е-заявка на подключение к ПК «Одно окно» — З-0042", college, "ru"),
        (package(&d, &entries(), &[], Lang::Be), "Пакет дакументаў да дагавора — З-0042", college, "be"),
        (zayava_pdf::application_schedule(&d, &entries(), Lang::Ru), "График сроков — Е-заявка на подключение к ПК «Одно окно» — З-0042", college, "ru"),
        (schedule("Deadline schedule of every application", &entries(), true, printed_at(), Lang::En), "Deadline schedule of every application", "", "en"),
    ] {
        let a = archival(&pdf);
        assert_eq!(a["pdfa_status"], "2B", "{a}");
        assert_eq!((a["xmp"]["pdfaid:part"].as_str(), a["xmp"]["pdfaid:conformance"].as_str()), (Some("2"), Some("B")));
        assert_eq!(a["version"], "1.7");
        assert_eq!(a["info"]["Title"], title);
        assert_eq!(a["xmp"]["dc:title"], title, "XMP and Info agree");
        assert_eq!(a["info"]["Author"].as_str().unwrap_or(""), author);
        assert_eq!(a["info"]["Producer"], format!("Zayava {}", env!("CARGO_PKG_VERSION")));
        assert_eq!(a["xmp"]["pdf:Producer"], a["info"]["Producer"]);
        assert_eq!(a["info"]["CreationDate"], "D:20261204090500+03'00'", "printed at 09:05 in Minsk");
        assert_eq!(a["xmp"]["xmp:CreateDate"], "2026-12-04T09:05:00+03:00");
        assert!(a["info"].get("GTS_PDFXVersion").is_none(), "no false PDF/X claim: {a}");
        assert_eq!(a["lang"], lang);
        assert_eq!(a["intents"], serde_json::json!([{ "S": "/GTS_PDFA1", "identifier": "sRGB IEC61966-2.1", "N": 3, "icc_description": "sRGB IEC61966-2.1", "icc_colour_space": "RGB" }]));
        assert!(a["has_id"].as_bool().unwrap());
        let fonts = a["fonts"].as_object().unwrap();
        assert!(!fonts.is_empty() && fonts.values().all(|embedded| embedded == true), "every font embedded: {fonts:?}");
    }
}
