//! Organisation profiles, as the `organisation` form describes them: list, check as the
//! user goes, save, archive, delete.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use zayava_core::i18n::Lang;
use zayava_core::organisation::{self, Organisation};
use zayava_core::validation::{localize_all, FieldError};
use zayava_store::Database;

use crate::{AppError, Now};

pub async fn list(db: &Database) -> Result<Vec<Organisation>, AppError> {
    Ok(db.organisations().await?)
}

pub async fn show(db: &Database, id: i64) -> Result<Organisation, AppError> {
    Ok(db.organisation(id).await?)
}

/// Another profile with the same УНП, named for the warning.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SameUnp {
    pub id: i64,
    pub name: String,
}

/// What the form shows before anything is saved: each field's problem, and any other
/// profile with the same УНП.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProfileCheck {
    pub issues: Vec<FieldError>,
    pub same_unp: Vec<SameUnp>,
}

/// Checks a profile as typed, storing nothing: the form calls it as a field is left.
/// `id` is the profile being edited (`None` for a new one).
pub async fn check(db: &Database, id: Option<i64>, values: &Value, lang: Lang) -> Result<ProfileCheck, AppError> {
    let issues = match organisation::checked(values) {
        Ok(_) => vec![],
        Err(issues) => localize_all(&issues, lang),
    };
    let same_unp = match zayava_core::validation::identifiers::unp(&organisation::unp(values)) {
        Ok(unp) => db.organisations_with_unp(&unp, id).await?.into_iter().map(|o| SameUnp { id: o.id, name: o.name }).collect(),
        Err(_) => vec![],
    };
    Ok(ProfileCheck { issues, same_unp })
}

/// A new profile; refused, storing nothing, when a field is wrong (each finding names it).
pub async fn add(db: &Database, values: &Value, now: Now) -> Result<Organisation, AppError> {
    crate::sync::may_change(db).await?;
    Ok(db.create_organisation(values, now.utc).await?)
}

pub async fn update(db: &Database, id: i64, values: &Value, now: Now) -> Result<Organisation, AppError> {
    crate::sync::may_change(db).await?;
    Ok(db.update_organisation(id, values, now.utc).await?)
}

/// Archives a profile, or brings it back from the archive.
pub async fn archive(db: &Database, id: i64, archived: bool, now: Now) -> Result<Organisation, AppError> {
    crate::sync::may_change(db).await?;
    Ok(db.archive_organisation(id, archived, now.utc).await?)
}

/// Deletes a profile no application names; one that has applications is refused (archive
/// it instead). The window asks the user first.
pub async fn delete(db: &Database, id: i64) -> Result<(), AppError> {
    crate::sync::may_change(db).await?;
    Ok(db.delete_organisation(id).await?)
}
