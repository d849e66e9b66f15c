//! Moving an organisation's work to another computer: export everything (profiles,
//! applications, their events and attached files) as one JSON file, and import such a file —
//! refused whole, changing nothing, if anything in it is wrong.

use std::io::Read;
use std::path::Path;

use zayava_store::exchange::{self, ImportSummary};
use zayava_store::{Database, StoreError};

use crate::{files, AppError, Now};

/// What an export wrote.
pub struct Exported {
    pub organisations: usize,
    pub applications: usize,
}

/// The export file's text.
pub async fn export_text(db: &Database, now: Now) -> Result<(String, Exported), AppError> {
    let file = db.export(now.utc).await?;
    let text = serde_json::to_string_pretty(&file).map_err(|e| AppError::Store(StoreError::File(e.to_string())))?;
    Ok((text, Exported { organisations: file.organisations.len(), applications: file.applications.len() }))
}

/// Writes the export to `target`, whole or not at all.
pub async fn export(db: &Database, target: &Path, now: Now) -> Result<Exported, AppError> {
    let (text, counts) = export_text(db, now).await?;
    files::write_atomically(target, text.as_bytes())?;
    Ok(counts)
}

/// Reads an export from `source` (at most the import limit) and imports it.
pub async fn import(db: &Database, source: &mut dyn Read, now: Now) -> Result<ImportSummary, AppError> {
    let mut text = String::new();
    let limit = exchange::MAX_IMPORT_BYTES;
    source.take(limit as u64 + 1).read_to_string(&mut text).map_err(|e| AppError::Store(StoreError::Import(e.to_string())))?;
    if text.len() > limit {
        return Err(AppError::Store(StoreError::TooLarge { limit }));
    }
    import_text(db, &text, now).await
}

pub async fn import_text(db: &Database, text: &str, now: Now) -> Result<ImportSummary, AppError> {
    crate::sync::may_change(db).await?;
    let file = exchange::parse(text)?;
    Ok(db.import(&file, now.utc).await?)
}
