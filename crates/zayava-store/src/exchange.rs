//! Export and import of profiles and applications as one schema-versioned JSON file,
//! attachments included. An import is checked whole before anything is written, and then
//! written in one transaction: a bad file changes nothing.

use std::collections::HashMap;

use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::Row;
use zayava_core::lifecycle::Recorder;
use zayava_core::{forms, organisation};

use crate::applications::{ApplicationFilter, ApplicationStatus};
use crate::attachments::{display_name, is_sha256, MAX_ATTACHMENT_BYTES};
use crate::organisations::timestamp;
use crate::{Database, StoreError};

pub const FORMAT: &str = "zayava-export";
/// The export format's version; a file of a newer one is refused. Version 2 carries each
/// application's whole history (events, corrections, the Operator's waiting events and what
/// sync knows of it); version 1 files, without it, are still read.
pub const VERSION: u32 = 2;
/// The largest import file read.
pub const MAX_IMPORT_BYTES: usize = 200 * 1024 * 1024;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    pub format: String,
    pub version: u32,
    pub exported_at: String,
    pub organisations: Vec<ExportedOrganisation>,
    pub applications: Vec<ExportedApplication>,
    #[serde(default)]
    pub attachments: Vec<ExportedAttachment>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedOrganisation {
    /// The id in the exporting database; applications refer to it.
    pub id: i64,
    pub values: Value,
    /// Archived in the exporting database (written only when it is; older files lack it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedApplication {
    pub id: String,
    pub organisation_id: Option<i64>,
    pub service: String,
    pub schema_version: String,
    pub values: Value,
    pub status: ApplicationStatus,
    pub archived: bool,
    pub created_at: String,
    pub updated_at: String,
    /// The short number; kept on import where it is free (files from before numbers had
    /// none, and get the next free one).
    #[serde(default)]
    pub number: Option<i64>,
    /// The covering letter's outgoing number and date, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outgoing: Option<crate::applications::Outgoing>,
    /// Ход дела as recorded, corrections included (`corrects` names an `id` of this list).
    #[serde(default)]
    pub events: Vec<ExportedEvent>,
    /// The Operator's events waiting for the trail to allow them.
    #[serde(default)]
    pub parked: Vec<ExportedParked>,
    /// What sync knows of it: the Operator's numbers, the revision last seen, and which
    /// Operator event became which of `events` (so a re-pull doubles nothing).
    #[serde(default)]
    pub sync: Option<ExportedSync>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedEvent {
    pub id: i64,
    pub event: String,
    pub at: String,
    pub recorded_at: String,
    pub recorded_by: Recorder,
    #[serde(default)]
    pub corrects: Option<i64>,
    #[serde(default)]
    pub note: String,
}

/// The Operator's waiting events travel as the store keeps them.
pub use crate::sync::ParkedEvent as ExportedParked;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedSync {
    #[serde(default)]
    pub operator_fields: serde_json::Map<String, Value>,
    #[serde(default)]
    pub known_revision: Option<i64>,
    /// (the Operator's event id, the `id` in `events` it became, if it was applied)
    #[serde(default)]
    pub remote_events: Vec<(String, Option<i64>)>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedAttachment {
    pub sha256: String,
    pub name: String,
    pub content_base64: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub organisations_added: usize,
    /// Profiles whose УНП was already here: the stored profile is kept as it is.
    pub organisations_matched: usize,
    pub applications_added: usize,
    /// Applications whose id was already here: left as they are.
    pub applications_skipped: usize,
    pub attachments_added: usize,
}

fn refuse(why: impl Into<String>) -> StoreError {
    StoreError::Import(why.into())
}

/// Every attachment hash an application's values refer to.
fn referenced_hashes(values: &Value, out: &mut Vec<String>) {
    match values {
        Value::Object(o) => {
            if let Some(Value::String(h)) = o.get("sha256") {
                out.push(h.clone());
            }
            o.values().for_each(|v| referenced_hashes(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| referenced_hashes(v, out)),
        _ => {}
    }
}

/// Checks a parsed file whole; returns the decoded attachments.
fn check(file: &ExportFile) -> Result<Vec<(String, String, Vec<u8>)>, StoreError> {
    if file.format != FORMAT {
        return Err(refuse(format!("not a Zayava export (format {:?})", file.format)));
    }
    if file.version == 0 || file.version > VERSION {
        return Err(refuse(format!("export format version {} is not supported (this Zayava reads versions 1 to {VERSION})", file.version)));
    }
    let mut org_ids = Vec::new();
    for (i, o) in file.organisations.iter().enumerate() {
        if let Err(issues) = organisation::checked(&o.values) {
            let first = &issues[0];
            return Err(refuse(format!("organisation {} (#{}): field {}: {}", i + 1, o.id, first.field, first.message(zayava_core::i18n::Lang::En))));
        }
        org_ids.push(o.id);
    }
    let mut referenced = Vec::new();
    for (i, a) in file.applications.iter().enumerate() {
        let at = format!("application {} ({})", i + 1, a.id);
        uuid::Uuid::parse_str(&a.id).map_err(|_| refuse(format!("{at}: the id is not a UUID")))?;
        let schema = forms::by_version(&a.schema_version).ok_or_else(|| refuse(format!("{at}: unknown form version {}", a.schema_version)))?;
        if schema.id != a.service || schema.kind != zayava_core::forms::FormKind::Application {
            return Err(refuse(format!("{at}: form version {} is not for service {}", a.schema_version, a.service)));
        }
        if !a.values.is_object() {
            return Err(refuse(format!("{at}: values must be an object")));
        }
        if a.values.to_string().len() > crate::applications::MAX_VALUES_BYTES {
            return Err(refuse(format!("{at}: values are too large")));
        }
        if let Some(o) = &a.outgoing {
            if o.number.trim().is_empty() || o.number.chars().count() > crate::applications::MAX_OUTGOING_LEN || o.number.chars().any(char::is_control) {
                return Err(refuse(format!("{at}: the outgoing number is blank, too long or holds control characters")));
            }
        }
        if let Some(o) = a.organisation_id {
            if !org_ids.contains(&o) {
                return Err(refuse(format!("{at}: organisation #{o} is not in the file")));
            }
        }
        let ids: Vec<i64> = a.events.iter().map(|e| e.id).collect();
        for (j, e) in a.events.iter().enumerate() {
            let at = format!("{at}, event {}", j + 1);
            if ids.iter().filter(|&&x| x == e.id).count() > 1 {
                return Err(refuse(format!("{at}: id {} appears twice", e.id)));
            }
            if e.event.is_empty() || e.event.len() > 100 || e.at.trim().is_empty() || e.at.len() > 40 || e.note.len() > 10_000 || e.recorded_at.len() > 40 {
                return Err(refuse(format!("{at}: the event, its date or its note is empty or too long")));
            }
            if let Some(c) = e.corrects {
                if !ids.contains(&c) || c == e.id {
                    return Err(refuse(format!("{at}: it corrects event {c}, which is not in this application's list")));
                }
            }
        }
        for (j, p) in a.parked.iter().enumerate() {
            if p.remote_id.is_empty() || p.remote_id.len() > 128 || p.event.len() > 100 || p.at.len() > 40 || p.note.len() > 10_000 || p.reason.len() > 10_000 {
                return Err(refuse(format!("{at}, waiting Operator event {}: empty or too long", j + 1)));
            }
        }
        if let Some(s) = &a.sync {
            for (remote, local) in &s.remote_events {
                if remote.is_empty() || remote.len() > 128 || local.is_some_and(|l| !ids.contains(&l)) {
                    return Err(refuse(format!("{at}: the Operator event {remote:?} names an event not in the list")));
                }
            }
        }
        referenced_hashes(&a.values, &mut referenced);
    }
    let mut decoded = Vec::new();
    for (i, f) in file.attachments.iter().enumerate() {
        let at = format!("attachment {}", i + 1);
        let name = display_name(&f.name).filter(|n| n == &f.name).ok_or_else(|| refuse(format!("{at}: the file name {:?} is not allowed (folders or control characters)", f.name)))?;
        if !is_sha256(&f.sha256) {
            return Err(refuse(format!("{at}: {:?} is not a SHA-256", f.sha256)));
        }
        let bytes = base64::engine::general_purpose::STANDARD.decode(&f.content_base64).map_err(|e| refuse(format!("{at}: content is not base64: {e}")))?;
        if bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
            return Err(refuse(format!("{at}: larger than {MAX_ATTACHMENT_BYTES} bytes")));
        }
        if format!("{:x}", Sha256::digest(&bytes)) != f.sha256 {
            return Err(refuse(format!("{at}: content does not match its SHA-256")));
        }
        decoded.push((f.sha256.clone(), name, bytes));
    }
    for h in referenced {
        if !is_sha256(&h) {
            return Err(refuse(format!("an attachment reference {h:?} is not a SHA-256")));
        }
    }
    Ok(decoded)
}

/// Reads an export file's text, refusing it whole if it is malformed, too large, too deeply
/// nested, or of an unknown version.
pub fn parse(text: &str) -> Result<ExportFile, StoreError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(refuse(format!("the file is larger than {MAX_IMPORT_BYTES} bytes")));
    }
    // serde_json stops at 128 levels of nesting, so a deeply nested file fails here too.
    let file: ExportFile = serde_json::from_str(text).map_err(|e| refuse(format!("malformed file: {e}")))?;
    check(&file)?;
    Ok(file)
}

impl Database {
    /// One application's history as the export file carries it.
    async fn history(&self, id: &str) -> Result<(Vec<ExportedEvent>, Vec<ExportedParked>, Option<ExportedSync>), StoreError> {
        let events = self
            .events(id)
            .await?
            .into_iter()
            .map(|e| ExportedEvent { id: e.id, event: e.event, at: e.at, recorded_at: e.recorded_at, recorded_by: e.recorded_by, corrects: e.corrects, note: e.note })
            .collect();
        let mut parked = Vec::new();
        for r in sqlx::query("SELECT remote_id, seq, event, at, note, reason, parked_at FROM sync_parked WHERE application_id = ? ORDER BY seq").bind(id).fetch_all(&self.pool).await? {
            parked.push(ExportedParked {
                remote_id: r.try_get("remote_id")?,
                seq: r.try_get("seq")?,
                event: r.try_get("event")?,
                at: r.try_get("at")?,
                note: r.try_get("note")?,
                reason: r.try_get("reason")?,
                parked_at: r.try_get("parked_at")?,
            });
        }
        let known = sqlx::query("SELECT operator_fields, known_revision FROM sync_application WHERE application_id = ?").bind(id).fetch_optional(&self.pool).await?;
        let remote_events: Vec<(String, Option<i64>)> =
            sqlx::query_as("SELECT remote_id, local_event_id FROM sync_remote_event WHERE application_id = ? ORDER BY remote_id").bind(id).fetch_all(&self.pool).await?;
        let sync = match known {
            None if remote_events.is_empty() => None,
            row => Some(ExportedSync {
                operator_fields: row.as_ref().and_then(|r| r.try_get::<String, _>("operator_fields").ok()).and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default(),
                known_revision: row.as_ref().and_then(|r| r.try_get::<i64, _>("known_revision").ok()),
                remote_events,
            }),
        };
        Ok((events, parked, sync))
    }

    /// Everything, as one export file (attachments included).
    pub async fn export(&self, now: DateTime<Utc>) -> Result<ExportFile, StoreError> {
        let organisations = self.organisations().await?.into_iter().map(|o| ExportedOrganisation { id: o.id, values: o.values, archived: o.archived }).collect();
        let mut applications = Vec::new();
        let mut hashes = Vec::new();
        for archived in [false, true] {
            for s in self.applications(&ApplicationFilter { archived, ..Default::default() }).await? {
                let a = self.application(&s.id).await?;
                referenced_hashes(&a.values, &mut hashes);
                let (events, parked, sync) = self.history(&a.id).await?;
                applications.push(ExportedApplication {
                    id: a.id,
                    organisation_id: a.organisation_id,
                    service: a.service,
                    schema_version: a.schema_version,
                    values: a.values,
                    status: a.status,
                    archived: a.archived,
                    created_at: a.created_at,
                    updated_at: a.updated_at,
                    number: Some(a.number),
                    outgoing: a.outgoing,
                    events,
                    parked,
                    sync,
                });
            }
        }
        hashes.sort();
        hashes.dedup();
        let mut attachments = Vec::new();
        for h in hashes {
            let name: Option<String> = sqlx::query_scalar("SELECT original_name FROM attachment WHERE sha256 = ?").bind(&h).fetch_optional(&self.pool).await?;
            let path = self.attachment_path(&h)?;
            if let (Some(name), Ok(bytes)) = (name, std::fs::read(&path)) {
                attachments.push(ExportedAttachment { sha256: h, name, content_base64: base64::engine::general_purpose::STANDARD.encode(bytes) });
            }
        }
        Ok(ExportFile { format: FORMAT.into(), version: VERSION, exported_at: timestamp(now), organisations, applications, attachments })
    }

    /// Imports a checked export file in one transaction.
    pub async fn import(&self, file: &ExportFile, now: DateTime<Utc>) -> Result<ImportSummary, StoreError> {
        let attachments = check(file)?;
        let mut summary = ImportSummary::default();
        let at = timestamp(now);
        // Files first: they are content-addressed, so a rolled-back import leaves at most an
        // unreferenced file, never a reference to a missing one.
        for (_, name, bytes) in &attachments {
            self.store_attachment_bytes(name, bytes, now).await?;
            summary.attachments_added += 1;
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let mut ids: HashMap<i64, i64> = HashMap::new();
        for o in &file.organisations {
            let values = organisation::checked(&o.values).map_err(|_| refuse("organisation changed while importing"))?;
            let unp = organisation::unp(&values);
            let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM organisation WHERE unp = ?").bind(&unp).fetch_optional(&mut *tx).await?;
            let id = match existing {
                Some(id) => {
                    summary.organisations_matched += 1;
                    id
                }
                None => {
                    summary.organisations_added += 1;
                    sqlx::query_scalar(
                        "INSERT INTO organisation (name, unp, address, email, profile, created_at, updated_at, archived) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    )
                    .bind(organisation::display_name(&values))
                    .bind(&unp)
                    .bind(crate::organisations::address(&values))
                    .bind(crate::organisations::email(&values))
                    .bind(values.to_string())
                    .bind(&at)
                    .bind(&at)
                    .bind(o.archived)
                    .fetch_one(&mut *tx)
                    .await?
                }
            };
            ids.insert(o.id, id);
        }
        for a in &file.applications {
            let exists: Option<String> = sqlx::query_scalar("SELECT id FROM application WHERE id = ?").bind(&a.id).fetch_optional(&mut *tx).await?;
            if exists.is_some() {
                summary.applications_skipped += 1;
                continue;
            }
            let taken = match a.number {
                Some(n) => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM application WHERE number = ?").bind(n).fetch_one(&mut *tx).await? > 0,
                None => true,
            };
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "INSERT INTO application (id, organisation_id, service, schema_version, form_values, status, archived, search_text, created_at, updated_at, number)
                 VALUES (?, ?, ?, ?, ?, 'draft', ?, '', ?, ?, CASE WHEN ? THEN {} ELSE ? END)",
                crate::applications::NEXT_NUMBER
            )))
            .bind(&a.id)
            .bind(a.organisation_id.and_then(|o| ids.get(&o).copied()))
            .bind(&a.service)
            .bind(&a.schema_version)
            .bind(a.values.to_string())
            .bind(a.archived as i64)
            .bind(&a.created_at)
            .bind(&at)
            .bind(taken)
            .bind(a.number)
            .execute(&mut *tx)
            .await?;
            if let Some(o) = &a.outgoing {
                sqlx::query("UPDATE application SET outgoing_number = ?, outgoing_date = ? WHERE id = ?")
                    .bind(&o.number)
                    .bind(o.date.format("%Y-%m-%d").to_string())
                    .bind(&a.id)
                    .execute(&mut *tx)
                    .await?;
            }
            import_history(&mut tx, a, &at).await?;
            summary.applications_added += 1;
        }
        // Dates are derived from the history: marked stale with it, and recomputed.
        let with_events: Vec<String> = file.applications.iter().filter(|a| !a.events.is_empty()).map(|a| a.id.clone()).collect();
        crate::lifecycle::mark_stale(&mut tx, &with_events).await?;
        tx.commit().await?;
        self.refresh_due_many(&with_events).await?;
        // Search text is derived; fill it for the new rows.
        for a in &file.applications {
            sqlx::query("UPDATE application SET search_text = ? WHERE id = ? AND search_text = ''")
                .bind(crate::applications::search_text_of(&a.values))
                .bind(&a.id)
                .execute(&self.pool)
                .await?;
        }
        Ok(summary)
    }
}

/// Writes one imported application's history inside the import's transaction: events in
/// their order (with `corrects` mapped to the new ids), waiting Operator events, and what
/// sync knew. Nothing in it is checked against the procedure: facts are kept as they were.
async fn import_history(tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>, a: &ExportedApplication, now: &str) -> Result<(), StoreError> {
    let mut new_ids: HashMap<i64, i64> = HashMap::new();
    let mut ordered: Vec<&ExportedEvent> = a.events.iter().collect();
    ordered.sort_by_key(|e| e.id);
    for e in ordered {
        let id: i64 = sqlx::query_scalar("INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by, corrects, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
            .bind(&a.id)
            .bind(&e.event)
            .bind(e.at.trim())
            .bind(&e.recorded_at)
            .bind(crate::lifecycle::recorder_code(e.recorded_by))
            .bind(e.corrects.and_then(|c| new_ids.get(&c).copied()))
            .bind(&e.note)
            .fetch_one(&mut **tx)
            .await?;
        new_ids.insert(e.id, id);
    }
    for p in &a.parked {
        crate::sync::park(tx, &a.id, p).await?;
    }
    if let Some(s) = &a.sync {
        sqlx::query("INSERT INTO sync_application (application_id, operator_fields, known_revision, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(application_id) DO NOTHING")
            .bind(&a.id)
            .bind(Value::Object(s.operator_fields.clone()).to_string())
            .bind(s.known_revision.unwrap_or(0))
            .bind(now)
            .execute(&mut **tx)
            .await?;
        for (remote, local) in &s.remote_events {
            sqlx::query("INSERT OR IGNORE INTO sync_remote_event (remote_id, application_id, local_event_id) VALUES (?, ?, ?)")
                .bind(remote)
                .bind(&a.id)
                .bind(local.and_then(|l| new_ids.get(&l).copied()))
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}
