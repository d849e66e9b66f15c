//! Organisation profiles, as the `organisation` form describes them.

use serde_json::Value;
use zayava_core::organisation::Organisation;
use zayava_store::Database;

use crate::{AppError, Now};

pub async fn list(db: &Database) -> Result<Vec<Organisation>, AppError> {
    Ok(db.organisations().await?)
}

pub async fn show(db: &Database, id: i64) -> Result<Organisation, AppError> {
    Ok(db.organisation(id).await?)
}

/// A new profile; refused, storing nothing, when a field is wrong (each finding names it).
pub async fn add(db: &Database, values: &Value, now: Now) -> Result<Organisation, AppError> {
    Ok(db.create_organisation(values, now.utc).await?)
}

pub async fn update(db: &Database, id: i64, values: &Value, now: Now) -> Result<Organisation, AppError> {
    Ok(db.update_organisation(id, values, now.utc).await?)
}
