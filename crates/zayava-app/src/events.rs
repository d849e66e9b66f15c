//! A contract's life: an application's timeline, its recorded events, and recording one
//! (checked against the lifecycle; the due dates follow in the same transaction).

use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{NewEvent, RecordedEvent, Recorder, Timeline};
use zayava_store::Database;

use crate::{AppError, Now};

pub async fn timeline(db: &Database, id: &str, lang: Lang, now: Now) -> Result<Timeline, AppError> {
    Ok(db.timeline(id, now.local, lang).await?)
}

/// Every event recorded for the application, corrections included, oldest first.
pub async fn list(db: &Database, id: &str) -> Result<Vec<RecordedEvent>, AppError> {
    db.application(id).await?;
    Ok(db.events(id).await?)
}

/// Records what a user saw happen; refused, recording nothing, when the lifecycle does
/// not allow it then (the error says why, in words).
pub async fn record(db: &Database, id: &str, event: &NewEvent, now: Now) -> Result<RecordedEvent, AppError> {
    crate::sync::may_change(db).await?;
    Ok(db.record_event(id, event, Recorder::User, now.utc, now.local).await?)
}
