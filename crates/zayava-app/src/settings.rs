//! Settings: the language, the support hours for working-hour deadlines, and how early
//! reminders come — read as a person writes them (`08:00–19:00`, `3, 1, 0`) and refused,
//! changing nothing, when they do not fit.

use zayava_core::deadlines::WorkingWindow;
use zayava_core::i18n::Lang;
use zayava_store::Database;

use crate::AppError;

pub async fn language(db: &Database) -> Result<Lang, AppError> {
    Ok(db.language().await?)
}

pub async fn set_language(db: &Database, lang: Lang) -> Result<(), AppError> {
    Ok(db.set_language(lang).await?)
}

/// The support window, as `08:00-19:00`.
pub async fn working_window(db: &Database) -> Result<String, AppError> {
    Ok(db.working_window().await?.text())
}

/// Sets the support window from `08:00-19:00` (or `08:00–19:00`); every due date follows.
pub async fn set_working_window(db: &Database, text: &str) -> Result<(), AppError> {
    let window = WorkingWindow::parse(text).ok_or(AppError::BadWindow)?;
    Ok(db.set_working_window(window).await?)
}

/// Which lead times: before any due day, or before a contract's end or renewal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Leads {
    Deadlines,
    Term,
}

fn joined(leads: &[u32]) -> String {
    leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

/// Lead times in working days, as `3, 1, 0`.
pub async fn leads(db: &Database, which: Leads) -> Result<String, AppError> {
    let leads = match which {
        Leads::Deadlines => db.reminder_leads().await?,
        Leads::Term => db.term_reminder_leads().await?,
    };
    Ok(joined(&leads))
}

pub async fn set_leads(db: &Database, which: Leads, text: &str) -> Result<(), AppError> {
    let stored = match which {
        Leads::Deadlines => db.set_reminder_leads(text).await?,
        Leads::Term => db.set_term_reminder_leads(text).await?,
    };
    stored.map(|_| ()).ok_or(AppError::BadLeads { term: which == Leads::Term })
}
