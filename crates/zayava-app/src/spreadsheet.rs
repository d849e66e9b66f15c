//! The registry in Excel: the application list (with the list's filter), what is due, and
//! the dates billing and contracts follow (activation, the first billed month, a new tariff,
//! a contract's end, a cut-off), each as an .xlsx workbook an office sorts, filters and files:
//! real dates, a frozen header row, an auto-filter, columns as wide as their content,
//! headers in the user's language.

use std::path::Path;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zayava_core::i18n::{Lang, Text};
use zayava_core::rules::{Party, RuleKind, Rulebook};
use zayava_store::applications::ApplicationFilter;
use zayava_store::lifecycle::DashboardQuery;
use zayava_store::Database;

use crate::{files, AppError, Now};

/// Which registry to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Registry {
    /// The applications the list's filter finds.
    Applications,
    /// What is due: the dashboard's lines.
    Due,
    /// The dates billing and contracts follow, of every application.
    Dates,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct XlsxExport {
    pub path: String,
    pub rows: u32,
}

/// One cell: text, or a date as the engine gives it (`YYYY-MM-DD`, `…THH:MM`, `YYYY-MM`).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Due(String),
}

/// A sheet before it is written: its name, headers and rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn words(id: &'static str, lang: Lang) -> String {
    Text::id(id).get(lang).to_string()
}

fn headers(ids: &[&'static str], lang: Lang) -> Vec<String> {
    ids.iter().map(|id| words(id, lang)).collect()
}


fn party_name(party: Option<Party>, lang: Lang) -> String {
    Party::label(party, lang).to_string()
}

/// `updated_at` as stored (RFC 3339, UTC) → its Minsk day, `YYYY-MM-DD`.
fn day_of(stamp: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stamp).map(|t| (t.naive_utc() + chrono::Duration::hours(3)).date().to_string()).unwrap_or_default()
}

/// The applications the filter finds, as a sheet.
pub async fn applications_sheet(db: &Database, filter: &ApplicationFilter, lang: Lang, now: Now) -> Result<Sheet, AppError> {
    let list = crate::applications::list(db, filter, now).await?;
    let rows = list
        .into_iter()
        .map(|a| {
            vec![
                Cell::Text(a.number),
                Cell::Text(a.organisation_name.unwrap_or_default()),
                Cell::Text(Rulebook::shared().service_name(&a.service, lang)),
                Cell::Text(a.stage_label),
                Cell::Due(day_of(&a.updated_at)),
            ]
        })
        .collect();
    Ok(Sheet { name: words("app-xlsx-sheet-applications", lang), headers: headers(&["app-xlsx-number", "app-xlsx-organisation", "app-xlsx-service", "app-xlsx-stage", "app-xlsx-updated"], lang), rows })
}

/// What is due (the dashboard's query), as a sheet.
pub async fn due_sheet(db: &Database, query: &DashboardQuery, lang: Lang, now: Now) -> Result<Sheet, AppError> {
    let entries = crate::due::dashboard(db, query, lang, now).await?;
    let rows = entries
        .into_iter()
        .map(|e| {
            let title = match &e.round_label {
                Some(round) => format!("{} — {round}", e.title),
                None => e.title.clone(),
            };
            vec![
                Cell::Due(e.due.clone()),
                Cell::Text(title),
                Cell::Text(party_name(e.party, lang)),
                Cell::Text(e.number.clone()),
                Cell::Text(e.organisation_name.clone().unwrap_or_default()),
                Cell::Text(Rulebook::shared().service_name(&e.service, lang)),
                Cell::Text(e.status.label(lang).to_string()),
                Cell::Text(e.clause.clone()),
            ]
        })
        .collect();
    Ok(Sheet {
        name: words("app-xlsx-sheet-due", lang),
        headers: headers(&["app-xlsx-due", "app-xlsx-what", "app-xlsx-who", "app-xlsx-number", "app-xlsx-organisation", "app-xlsx-service", "app-xlsx-state", "app-xlsx-clause"], lang),
        rows,
    })
}

/// One of the dates (not deadlines) an application has: when its service is active, billed,
/// re-tariffed, ends or is cut off.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DateLine {
    /// As the engine gives it: `YYYY-MM-DD`, or `YYYY-MM` for a month.
    pub date: String,
    pub title: String,
    pub rule: String,
    pub application_id: String,
    /// «З-0042».
    pub number: String,
    pub organisation: Option<String>,
    pub service: String,
    pub clause: String,
}

/// Every application's dates, soonest first.
pub async fn dates(db: &Database, lang: Lang, now: Now) -> Result<Vec<DateLine>, AppError> {
    let lines = db.timelines(&ApplicationFilter::default(), now.local, lang).await?;
    let mut out = Vec::new();
    for (a, line) in lines {
        for d in line.deadlines.iter().filter(|d| d.item.kind == RuleKind::Date) {
            let Some(date) = d.item.due.clone() else { continue };
            out.push(DateLine {
                date,
                title: d.item.explanation.title.clone(),
                rule: d.item.rule.clone(),
                application_id: a.id.clone(),
                number: a.number.clone(),
                organisation: a.organisation_name.clone(),
                service: a.service.clone(),
                clause: d.item.clause.clone(),
            });
        }
    }
    out.sort_by(|x, y| x.date.cmp(&y.date).then_with(|| x.number.cmp(&y.number)));
    Ok(out)
}

/// The dates as a sheet.
pub async fn dates_sheet(db: &Database, lang: Lang, now: Now) -> Result<Sheet, AppError> {
    let rows = dates(db, lang, now)
        .await?
        .into_iter()
        .map(|d| {
            vec![
                Cell::Due(d.date),
                Cell::Text(d.title),
                Cell::Text(d.number),
                Cell::Text(d.organisation.unwrap_or_default()),
                Cell::Text(Rulebook::shared().service_name(&d.service, lang)),
                Cell::Text(d.clause),
            ]
        })
        .collect();
    Ok(Sheet {
        name: words("app-xlsx-sheet-dates", lang),
        headers: headers(&["app-xlsx-date", "app-xlsx-what", "app-xlsx-number", "app-xlsx-organisation", "app-xlsx-service", "app-xlsx-clause"], lang),
        rows,
    })
}


/// A due as a spreadsheet value and how it is shown: a day, a Minsk time, or a month.
fn excel_date(due: &str) -> Option<(ExcelDateTime, &'static str)> {
    let day = |d: NaiveDate| ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok();
    match due.len() {
        10 => due.parse::<NaiveDate>().ok().and_then(day).map(|d| (d, "dd.mm.yyyy")),
        16 => NaiveDateTime::parse_from_str(due, "%Y-%m-%dT%H:%M").ok().and_then(|t| {
            day(t.date()).and_then(|d| d.and_hms(t.hour() as u16, t.minute() as u8, 0).ok()).map(|d| (d, "dd.mm.yyyy hh:mm"))
        }),
        7 => format!("{due}-01").parse::<NaiveDate>().ok().and_then(day).map(|d| (d, "mm.yyyy")),
        _ => None,
    }
}

/// The workbook's bytes: one sheet, header row bold and frozen, an auto-filter over the
/// table, each column as wide as its longest value (within reason).
pub fn workbook(sheet: &Sheet) -> Result<Vec<u8>, AppError> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::Spreadsheet(e.to_string());
    // Excel refuses sheet names over 31 characters or with []:*?/\.
    let name: String = sheet.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    ws.set_name(&name).map_err(fail)?;
    let bold = Format::new().set_bold().set_align(FormatAlign::Top).set_text_wrap();
    let top = Format::new().set_align(FormatAlign::Top);
    let mut widths: Vec<usize> = sheet.headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold).map_err(fail)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let shown = match cell {
                Cell::Text(text) => {
                    ws.write_string_with_format(r, col, text, &top).map_err(fail)?;
                    text.chars().count()
                }
                Cell::Due(due) => match excel_date(due) {
                    Some((value, pattern)) => {
                        ws.write_datetime_with_format(r, col, &value, &top.clone().set_num_format(pattern)).map_err(fail)?;
                        pattern.len()
                    }
                    // Not a date the engine gives: kept as text, never dropped.
                    None => {
                        ws.write_string_with_format(r, col, due, &top).map_err(fail)?;
                        due.chars().count()
                    }
                },
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 2.0).clamp(8.0, 60.0)).map_err(fail)?;
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    if !sheet.headers.is_empty() {
        ws.autofilter(0, 0, sheet.rows.len() as u32, sheet.headers.len() as u16 - 1).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// Writes `sheet` to `target`, whole or not at all.
pub fn write(sheet: &Sheet, target: &Path) -> Result<XlsxExport, AppError> {
    let bytes = workbook(sheet)?;
    files::write_atomically(target, &bytes)?;
    Ok(XlsxExport { path: target.display().to_string(), rows: sheet.rows.len() as u32 })
}

/// The sheet of `registry`: the applications under `filter`, what is due under `query`, or
/// the dates.
pub async fn sheet(db: &Database, registry: Registry, filter: &ApplicationFilter, query: &DashboardQuery, lang: Lang, now: Now) -> Result<Sheet, AppError> {
    match registry {
        Registry::Applications => applications_sheet(db, filter, lang, now).await,
        Registry::Due => due_sheet(db, query, lang, now).await,
        Registry::Dates => dates_sheet(db, lang, now).await,
    }
}

/// The file name to propose, in the user's language: «Заявки.xlsx», «Сроки.xlsx», «Даты.xlsx».
pub fn file_name(registry: Registry, lang: Lang) -> String {
    let id = match registry {
        Registry::Applications => "app-xlsx-sheet-applications",
        Registry::Due => "app-xlsx-sheet-due",
        Registry::Dates => "app-xlsx-sheet-dates",
    };
    format!("{}.xlsx", words(id, lang))
}
