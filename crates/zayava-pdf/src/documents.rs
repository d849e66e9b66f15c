//! The three documents, built from the domain's data: forms and their values, the
//! organisation profile, and the timeline's deadlines.

use chrono::NaiveDateTime;
use printpdf::{PdfDocument, PdfSaveOptions};
use serde_json::Value;
use sha2::{Digest, Sha256};
use zayava_core::correspondence::Correspondence;
use zayava_core::forms::{self, Field, FieldRole, FieldType, FormSchema};
use zayava_core::i18n::{Lang, Text};
use zayava_core::operator_number::OperatorNumber;
use zayava_core::organisation;
use zayava_core::rules::Rulebook;
use zayava_core::validation::identifiers;

use crate::archive::{self, Meta};
use crate::fonts::Fonts;
use crate::layout::{Layout, Lead, BODY as BODY_SIZE, PAGE_W, RIGHT};
use crate::Pdf;

/// An application to print.
pub struct ApplicationDoc<'a> {
    /// Its id: only in the QR code's payload, never printed as text.
    pub id: &'a str,
    /// The short number people say on the phone («З-0042»), when it has one.
    pub number: Option<&'a str>,
    /// The Operator's numbers when known: registration, contract.
    pub operator_numbers: Vec<(OperatorNumber, String)>,
    pub schema: &'a FormSchema,
    pub values: &'a Value,
    pub organisation: Option<&'a Value>,
    /// The letters' outgoing number and date (dd.mm.yyyy), once given; blanks to fill by
    /// hand otherwise.
    pub outgoing: Option<(String, String)>,
    /// When it is printed, in Minsk time (the file's creation date).
    pub created: NaiveDateTime,
}

/// One line of a deadline schedule, already in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleEntry {
    pub application: String,
    pub due: String,
    pub title: String,
    pub party: String,
    pub clause: String,
    pub state: String,
}

const YES: Text = Text::id("pdf-documents-yes");
const NO: Text = Text::id("pdf-documents-no");
const PAGE: Text = Text::id("pdf-documents-page");
const CONSUMER: Text = Text::id("pdf-documents-consumer");
const NO_ORGANISATION: Text = Text::id("pdf-documents-no-organisation");
const NUMBER: Text = Text::id("pdf-documents-number");
const SIGN_HEAD: Text = Text::id("pdf-documents-sign-head");
const SIGN: [Text; 3] = [Text::id("pdf-documents-signature"), Text::id("pdf-documents-name"), Text::id("pdf-documents-date")];
const SEAL: Text = Text::id("pdf-documents-seal");
const PREREQUISITES: Text = Text::id("pdf-documents-prerequisites");
const DETAILS: Text = Text::id("pdf-documents-details");
const ATTACHED: Text = Text::id("pdf-documents-attached");
const NOT_ATTACHED: Text = Text::id("pdf-documents-not-attached");
const SCHEDULE: Text = Text::id("pdf-documents-schedule");
const SCHEDULE_OF: Text = Text::id("pdf-documents-schedule-of");
const SCHEDULE_COLS: [Text; 5] = [
    Text::id("pdf-documents-date-2"),
    Text::id("pdf-documents-what"),
    Text::id("pdf-documents-who"),
    Text::id("pdf-documents-clause"),
    Text::id("pdf-documents-state"),
];
const APPLICATION_COL: Text = Text::id("pdf-documents-application-col");
const COVER: Text = Text::id("pdf-documents-cover");
const DATED: Text = Text::id("pdf-letter-dated");
const UNDATED: Text = Text::id("pdf-letter-undated");
const LETTER_SUBJECT: Text = Text::id("pdf-letter-subject");
const LETTER_BODY: Text = Text::id("pdf-letter-body");
const LETTER_BODY_UNNUMBERED: Text = Text::id("pdf-letter-body-unnumbered");
const ENCLOSURE_HEAD: Text = Text::id("pdf-letter-enclosures");
const ENCLOSURE_APPLICATION: Text = Text::id("pdf-letter-enclosure-application");
const ENCLOSURE_FILE: Text = Text::id("pdf-letter-enclosure-file");
const BASIS: Text = Text::id("pdf-letter-basis");
const SIGNATURE: Text = Text::id("pdf-letter-signature");
const PREPARED_BY: Text = Text::id("pdf-letter-prepared-by");
const UNP: Text = Text::id("pdf-letter-unp");
const QR_CAPTION: Text = Text::id("pdf-documents-qr-caption");
const FIELD_CLAUSE: Text = Text::id("pdf-documents-field-clause");
const EMPTY_SCHEDULE: Text = Text::id("pdf-documents-empty-schedule");

/// A value as printed: dates day first, choices by their label, yes/no in words (an
/// unanswered yes/no is «нет»), phones as they are written, files by name; nothing for
/// another missing value (the layout draws a line to write on).
fn shown(field: &Field, value: Option<&Value>, lang: Lang) -> String {
    let Some(v) = value.filter(|v| !v.is_null()) else {
        return if field.field_type == FieldType::Flag { NO.get(lang).to_string() } else { String::new() };
    };
    match field.field_type {
        FieldType::Phone => v.as_str().map(identifiers::phone_display).unwrap_or_default(),
        FieldType::Date => v.as_str().map(zayava_core::deadlines::Due::human_text).unwrap_or_default(),
        FieldType::Choice => {
            let s = v.as_str().unwrap_or("");
            field.options.iter().find(|o| o.value == s).map(|o| o.label.get(lang).to_string()).unwrap_or_else(|| s.to_string())
        }
        FieldType::Flag | FieldType::Prerequisite | FieldType::Confirm => if v.as_bool() == Some(true) { YES } else { NO }.get(lang).to_string(),
        FieldType::Attachment => match v.get("name").and_then(Value::as_str) {
            Some(name) => format!("{}: {name}", ATTACHED.get(lang)),
            None => NOT_ATTACHED.get(lang).to_string(),
        },
        _ => match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            other => other.to_string(),
        },
    }
}

/// A field's label, with the seed's clause it comes from: «… (п. 3.3)», «… (cl. 3.3)».
fn label(field: &Field, lang: Lang) -> String {
    match &field.clause {
        Some(c) => FIELD_CLAUSE.fill(lang, &[("label", field.label.get(lang)), ("clause", c)]),
        None => field.label.get(lang).to_string(),
    }
}

/// Lays out one form: scalar fields as label/value pairs, lists as tables, prerequisites
/// and confirmations as a checklist.
fn form(l: &mut Layout, schema: &FormSchema, values: &Value, lang: Lang) {
    let mut pairs = Vec::new();
    let mut checks = Vec::new();
    let flush = |l: &mut Layout, pairs: &mut Vec<(String, String)>| {
        if !pairs.is_empty() {
            l.fields(pairs);
            pairs.clear();
        }
    };
    for field in schema.fields.iter().filter(|f| f.applies(values)) {
        match field.field_type {
            FieldType::Prerequisite | FieldType::Confirm => {
                checks.push((values.get(&field.id).and_then(Value::as_bool) == Some(true), label(field, lang)));
            }
            FieldType::List => {
                flush(l, &mut pairs);
                let items = values.get(&field.id).and_then(Value::as_array).cloned().unwrap_or_default();
                let mut headers = vec!["№".to_string()];
                headers.extend(field.fields.iter().map(|f| f.label.get(lang).to_string()));
                let rows: Vec<Vec<String>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let mut row = vec![(i + 1).to_string()];
                        row.extend(field.fields.iter().map(|f| shown(f, item.get(&f.id), lang)));
                        row
                    })
                    .collect();
                l.table(Lead::Label(&label(field, lang)), &headers, &rows);
            }
            _ => pairs.push((label(field, lang), shown(field, values.get(&field.id), lang))),
        }
    }
    flush(l, &mut pairs);
    if !checks.is_empty() {
        l.heading(PREREQUISITES.get(lang));
        l.checklist(&checks);
    }
}

/// The organisation's field playing `role`, or "" without an organisation.
fn org(doc: &ApplicationDoc, role: FieldRole) -> String {
    doc.organisation.map(|o| organisation::text_of(o, role).to_string()).unwrap_or_default()
}

/// The date and outgoing number on the left, the Operator as addressee on the right.
fn letter_head(l: &mut Layout, doc: &ApplicationDoc, lang: Lang) {
    let dated = match &doc.outgoing {
        Some((number, date)) => DATED.fill(lang, &[("date", date), ("number", number)]),
        None => UNDATED.get(lang).to_string(),
    };
    l.letter_head(&[dated], &Correspondence::shared().addressee(&doc.schema.id, lang));
    l.space(14.0);
}

/// The head's signature, filled from the profile (position, name, authority), with «М.П.»;
/// blank lines to fill by hand when no organisation is chosen or its head is not given.
fn signature(l: &mut Layout, doc: &ApplicationDoc, lang: Lang) {
    let (position, name) = (org(doc, FieldRole::HeadPosition), org(doc, FieldRole::HeadName));
    if name.is_empty() {
        l.signature(SIGN_HEAD.get(lang), [SIGN[0].get(lang), SIGN[1].get(lang), SIGN[2].get(lang)]);
        l.paragraph(SEAL.get(lang), 9.0, false, 0.0);
        return;
    }
    let basis = org(doc, FieldRole::HeadBasis);
    let basis = if basis.is_empty() { String::new() } else { BASIS.fill(lang, &[("basis", &basis)]) };
    l.signed(&position, &name, &basis, SIGNATURE.get(lang), SEAL.get(lang));
}

fn application_body(l: &mut Layout, doc: &ApplicationDoc, lang: Lang) {
    letter_head(l, doc, lang);
    l.title(doc.schema.title.get(lang));
    let numbers = numbers(doc, lang);
    if !numbers.is_empty() {
        l.paragraph(&numbers.join(" · "), 9.0, false, 0.0);
    }
    l.heading(CONSUMER.get(lang));
    match doc.organisation {
        Some(org) => form(l, forms::organisation(), org, lang),
        None => l.paragraph(NO_ORGANISATION.get(lang), 10.0, false, 0.0),
    }
    l.heading(DETAILS.get(lang));
    form(l, doc.schema, doc.values, lang);
    signature(l, doc, lang);
}

/// The application's numbers as printed: the short one, then the Operator's when known.
fn numbers(doc: &ApplicationDoc, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = doc.number.map(|n| format!("{} {n}", NUMBER.get(lang))).into_iter().collect();
    out.extend(doc.operator_numbers.iter().map(|(n, v)| format!("{}: {v}", n.label().get(lang))));
    out
}

fn schedule_body(l: &mut Layout, entries: &[ScheduleEntry], with_application: bool, lang: Lang) {
    if entries.is_empty() {
        l.heading(SCHEDULE.get(lang));
        l.paragraph(EMPTY_SCHEDULE.get(lang), 10.0, false, 0.0);
        return;
    }
    let mut headers: Vec<String> = SCHEDULE_COLS.iter().map(|t| t.get(lang).to_string()).collect();
    if with_application {
        headers.insert(0, APPLICATION_COL.get(lang).to_string());
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let mut row = vec![e.due.clone(), e.title.clone(), e.party.clone(), e.clause.clone(), e.state.clone()];
            if with_application {
                row.insert(0, e.application.clone());
            }
            row
        })
        .collect();
    l.table(Lead::Heading(SCHEDULE.get(lang)), &headers, &rows);
}

/// A checksum of the application's content, for the cover's QR code.
pub fn checksum(doc: &ApplicationDoc) -> String {
    let mut h = Sha256::new();
    h.update(doc.id.as_bytes());
    h.update(doc.values.to_string().as_bytes());
    if let Some(o) = doc.organisation {
        h.update(o.to_string().as_bytes());
    }
    format!("{:x}", h.finalize())[..16].to_string()
}

/// The organisation's letterhead: its full name, then where to write and call it.
fn letterhead(l: &mut Layout, doc: &ApplicationDoc, lang: Lang) {
    let Some(values) = doc.organisation else { return };
    let full = org(doc, FieldRole::FullName);
    l.paragraph(if full.is_empty() { org(doc, FieldRole::Name) } else { full }.as_str(), 11.0, true, 0.0);
    let postal = [org(doc, FieldRole::PostalPostcode), org(doc, FieldRole::PostalAddress)].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ");
    let mut reach: Vec<String> = [postal, identifiers::phone_display(&org(doc, FieldRole::Phone)), org(doc, FieldRole::Email)].into_iter().filter(|p| !p.is_empty()).collect();
    let unp = organisation::unp(values);
    if !unp.is_empty() {
        reach.push(UNP.fill(lang, &[("unp", &unp)]));
    }
    l.paragraph(&reach.join(" · "), 8.5, false, 0.0);
    l.rule();
    l.space(12.0);
}

/// The covering letter that opens the package: letterhead, date and number, the Operator as
/// addressee, what is sent and under which procedure, the enclosures with their pages, the
/// head's signature and seal, who prepared it, and the QR code that finds the application.
fn cover(l: &mut Layout, doc: &ApplicationDoc, application_pages: usize, attachments: &[String], lang: Lang) {
    letterhead(l, doc, lang);
    letter_head(l, doc, lang);
    l.paragraph(LETTER_SUBJECT.get(lang), BODY_SIZE, true, 0.0);
    l.space(10.0);
    let spec = Rulebook::shared().service(&doc.schema.id);
    let service = spec.map(|s| s.name.get(lang)).unwrap_or_else(|| doc.schema.title.get(lang));
    let source = spec.map(|s| s.source.get(lang).to_string()).unwrap_or_default();
    let body = match doc.number {
        Some(n) => LETTER_BODY.fill(lang, &[("service", service), ("number", n), ("source", &source)]),
        None => LETTER_BODY_UNNUMBERED.fill(lang, &[("service", service), ("source", &source)]),
    };
    l.paragraph(&body, BODY_SIZE, false, 0.0);
    l.space(8.0);
    l.paragraph(ENCLOSURE_HEAD.get(lang), BODY_SIZE, false, 0.0);
    let mut enclosed = vec![ENCLOSURE_APPLICATION.fill(lang, &[("title", doc.schema.title.get(lang)), ("pages", &application_pages.to_string())])];
    enclosed.extend(attachments.iter().map(|a| ENCLOSURE_FILE.fill(lang, &[("file", a)])));
    for (i, item) in enclosed.iter().enumerate() {
        l.paragraph(&format!("{}. {item}", i + 1), BODY_SIZE, false, 14.0);
    }
    signature(l, doc, lang);
    let (contact, phone) = (org(doc, FieldRole::Contact), identifiers::phone_display(&org(doc, FieldRole::Phone)));
    if !contact.is_empty() {
        l.space(18.0);
        l.paragraph(&PREPARED_BY.fill(lang, &[("name", &contact), ("phone", &phone)]), 8.0, false, 0.0);
    }
    qr(l, doc, lang);
}

/// The QR code at the foot of the cover, drawn as vector squares so it stays sharp and
/// small: the payload holds the id for a machine; people read the number and the checksum.
fn qr(l: &mut Layout, doc: &ApplicationDoc, lang: Lang) {
    let data = format!("zayava:{}:{}", doc.id, checksum(doc));
    let Ok(code) = qrcode::QrCode::new(data.as_bytes()) else { return };
    let n = code.width();
    let module = 2.0_f32;
    let size = module * n as f32;
    l.ensure(size + 30.0);
    let x0 = PAGE_W - RIGHT - size;
    let y0 = l.y() - 20.0 - size;
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (cx, cy) = ((i % n) as f32, (i / n) as f32);
            l.rect(x0 + cx * module, y0 + size - (cy + 1.0) * module, module, module, 0.0);
        }
    }
    let readable = match doc.number {
        Some(n) => format!("{n} · {}", checksum(doc)),
        None => checksum(doc),
    };
    let caption = QR_CAPTION.get(lang);
    let w = l.text_width(caption, 7.0).max(l.text_width(&readable, 7.0));
    l.text_at(x0 - 10.0 - w, y0 + size / 2.0, caption, 7.0, false);
    l.text_at(x0 - 10.0 - w, y0 + size / 2.0 - 10.0, &readable, 7.0, false);
    l.set_y(y0 - 10.0);
}

/// The document's title and author as its file states them: the title with the
/// application's number («График сроков — З-0042»), the organisation as author.
fn meta(title: String, doc: &ApplicationDoc) -> (String, String) {
    let title = match doc.number {
        Some(n) => format!("{title} — {n}"),
        None => title,
    };
    let author = org(doc, FieldRole::FullName);
    (title, if author.is_empty() { org(doc, FieldRole::Name) } else { author })
}

fn save(title: &str, author: &str, created: NaiveDateTime, build: impl FnOnce(&mut Layout), lang: Lang) -> Pdf {
    let mut doc = PdfDocument::new(title);
    let fonts = Fonts::load(&mut doc);
    let mut l = Layout::new(&fonts, lang);
    build(&mut l);
    let (pages, replaced) = l.finish(|n, total| PAGE.fill(lang, &[("n", &n.to_string()), ("total", &total.to_string())]));
    let count = pages.len();
    let mut file = doc.with_pages(pages).to_lopdf_document(&PdfSaveOptions { subset_fonts: true, ..Default::default() }, &mut Vec::new());
    archive::dress(&mut file, &Meta { title, author, lang: lang.code(), created });
    compress(&mut file);
    let mut bytes = Vec::new();
    file.save_to(&mut bytes).expect("writing to memory cannot fail");
    Pdf { bytes, pages: count, replaced }
}

/// Compresses every stream that may be, at zlib's default level: lopdf's own `compress()`
/// uses the best level, which took half the time of writing a document for files a few per
/// cent smaller. A stream that would not shrink is left as it is.
fn compress(file: &mut lopdf::Document) {
    use std::io::Write;
    for object in file.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 2), flate2::Compression::default());
        let Ok(packed) = encoder.write_all(&stream.content).and_then(|_| encoder.finish()) else { continue };
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// The application, ready to sign and seal.
pub fn application(doc: &ApplicationDoc, lang: Lang) -> Pdf {
    let (title, author) = meta(doc.schema.title.get(lang).to_string(), doc);
    save(&title, &author, doc.created, |l| application_body(l, doc, lang), lang)
}

/// The deadline schedule of many applications (each line names its application).
pub fn schedule(title: &str, entries: &[ScheduleEntry], many: bool, created: NaiveDateTime, lang: Lang) -> Pdf {
    save(
        title,
        "",
        created,
        |l| {
            l.title(title);
            schedule_body(l, entries, many, lang)
        },
        lang,
    )
}

/// The deadline schedule of one application, under its service, organisation and numbers.
pub fn application_schedule(doc: &ApplicationDoc, entries: &[ScheduleEntry], lang: Lang) -> Pdf {
    let (title, author) = meta(SCHEDULE_OF.fill(lang, &[("service", doc.schema.title.get(lang))]), doc);
    save(
        &title,
        &author,
        doc.created,
        |l| {
            l.title(doc.schema.title.get(lang));
            let mut about: Vec<String> = doc.organisation.map(zayava_core::organisation::display_name).filter(|n| !n.is_empty()).into_iter().collect();
            about.extend(numbers(doc, lang));
            if !about.is_empty() {
                l.paragraph(&about.join(" · "), 9.0, false, 0.0);
            }
            schedule_body(l, entries, false, lang)
        },
        lang,
    )
}

/// The contract package: the covering letter (with the application's pages counted for
/// its enclosure list), the application, the schedule.
pub fn package(doc: &ApplicationDoc, entries: &[ScheduleEntry], attachments: &[String], lang: Lang) -> Pdf {
    let (title, author) = meta(COVER.get(lang).to_string(), doc);
    save(
        &title,
        &author,
        doc.created,
        |l| {
            let application_pages = l.pages_of(|l| application_body(l, doc, lang));
            cover(l, doc, application_pages, attachments, lang);
            l.new_page();
            application_body(l, doc, lang);
            l.new_page();
            schedule_body(l, entries, false, lang);
        },
        lang,
    )
}
