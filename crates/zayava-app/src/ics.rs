//! Exporting deadlines to a calendar file (iCalendar, Europe/Minsk), for Outlook or any
//! calendar an office uses: the dated deadlines of one application, or of all, the open
//! ones of ours with alarms at the user's reminder lead times, the met ones marked done.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;
use zayava_core::i18n::{Lang, Text};
use zayava_core::ics::{items_of, to_ics, Alarms, IcsItem};
use zayava_store::Database;

use crate::{files, AppError, Now};

/// The calendar's name as the user's calendar program lists it.
const CALENDAR_NAME: Text = Text::id("app-ics-calendar-name");

/// A calendar ready to write.
pub struct Calendar {
    pub text: String,
    pub events: usize,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IcsExport {
    pub path: String,
    pub events: usize,
}

/// The open deadlines of application `id`, or of every application.
pub async fn build(db: &Database, id: Option<&str>, lang: Lang, now: Now) -> Result<Calendar, AppError> {
    let lines = match id {
        Some(id) => vec![(id.to_string(), db.timeline(id, now.local, lang).await?)],
        None => db.timelines(&Default::default(), now.local, lang).await?.into_iter().map(|(s, t)| (s.id, t)).collect(),
    };
    let (leads, term_leads, calendar) = (db.reminder_leads().await?, db.term_reminder_leads().await?, db.calendar().await?);
    let alarms = Alarms { leads: &leads, term_leads: &term_leads, calendar: &calendar, now: now.local };
    let items: Vec<IcsItem> = lines.iter().flat_map(|(app, line)| items_of(app, line, &alarms, lang)).collect();
    Ok(Calendar { text: to_ics(CALENDAR_NAME.get(lang), &items, now.utc), events: items.len() })
}

/// Builds the calendar and writes it to `target`, whole or not at all.
pub async fn export(db: &Database, id: Option<&str>, target: &Path, lang: Lang, now: Now) -> Result<IcsExport, AppError> {
    let calendar = build(db, id, lang, now).await?;
    files::write_atomically(target, calendar.text.as_bytes())?;
    Ok(IcsExport { path: target.display().to_string(), events: calendar.events })
}
