//! What is due: the dashboard (every open deadline up to some working days ahead, overdue
//! ones always), contracts whose term ends soon, and one date with how it was worked out.

use zayava_core::deadlines::report::Item;
use zayava_core::i18n::Lang;
use zayava_store::lifecycle::{DashboardQuery, DueEntry};
use zayava_store::Database;

use crate::{AppError, Now};

pub async fn dashboard(db: &Database, query: &DashboardQuery, lang: Lang, now: Now) -> Result<Vec<DueEntry>, AppError> {
    Ok(db.dashboard(query, now.local, lang).await?)
}

/// Contracts whose term ends within `days` calendar days and that are not renewed yet.
pub async fn expiring(db: &Database, days: u32, lang: Lang, now: Now) -> Result<Vec<DueEntry>, AppError> {
    Ok(db.expiring(days, now.local, lang).await?)
}

/// One date (of one round) of one application, with its explanation.
pub async fn detail(db: &Database, id: &str, rule: &str, round: u32, lang: Lang, now: Now) -> Result<Option<Item>, AppError> {
    let line = db.timeline(id, now.local, lang).await?;
    Ok(line.deadlines.into_iter().find(|d| d.item.rule == rule && d.round == round).map(|d| d.item))
}
