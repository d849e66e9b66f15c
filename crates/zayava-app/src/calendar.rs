//! The production calendar as a user sees and corrects it: a month's days, every year whose
//! transfers are held, and the user's own version of a year — which every date follows at
//! once, because every computation reads the stored calendar.

use zayava_core::calendar::view::{month_view, MonthView};
use zayava_core::calendar::YearTransfers;
use zayava_core::deadlines::QueryError;
use zayava_core::i18n::Lang;
use zayava_store::Database;

use crate::{AppError, Now};

pub async fn month(db: &Database, year: i32, month: u32, lang: Lang) -> Result<MonthView, AppError> {
    let cal = db.calendar().await?;
    month_view(&cal, year, month, lang).map_err(|e| AppError::Query(QueryError::OutOfRange { date: e.0 }))
}

/// Every year whose transfers are held: embedded ones, with the user's over them.
pub async fn years(db: &Database) -> Result<Vec<YearTransfers>, AppError> {
    Ok(db.calendar().await?.years().cloned().collect())
}

/// Keeps the user's version of a year (checked first: refused whole when a day is wrong).
pub async fn save_year(db: &Database, year: &YearTransfers, now: Now, progress: &mut (dyn FnMut(Recomputing) + Send)) -> Result<(), AppError> {
    Ok(db.save_calendar_year_with(year, now.utc, &mut |done, of| progress(Recomputing { done, of })).await?)
}

/// How far the recompute after a calendar correction has gone: `done` of `of` applications
/// counted through the corrected year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Recomputing {
    pub done: usize,
    pub of: usize,
}

/// Drops the user's version of a year: the embedded data (or none) applies again.
pub async fn reset_year(db: &Database, year: i32) -> Result<(), AppError> {
    db.delete_calendar_year(year).await?;
    Ok(())
}
