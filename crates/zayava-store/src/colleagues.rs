//! What the account's other desktops changed, applied on this one (issue 20). The pull keeps
//! their changes as the server's feed gave them (`sync_colleague_change`); this applies
//! them in the feed's order, in one transaction:
//! - an organisation or an application takes the colleague's version, unless this desktop
//!   has its own change of it still to send: then an application waits for the user, who sees
//!   both versions with the colleague's name and time (a conflict), and an organisation keeps
//!   this desktop's, which is sent next and reaches the others the same way;
//! - an event is a fact: it is added to the trail with the colleague's name, once (by its id
//!   on the wire), as it is (the timeline shows one the procedure cannot place as such);
//! - a reminder a colleague's desktop showed is marked shown here, so it is not shown again;
//! - a file is fetched from the server after (`keep_colleague_file`), checked against its hash.
//!
//! Nothing applied here is queued to be sent back: the outbox triggers stand aside while a row
//! of `sync_applying` exists, and it exists only inside this transaction.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;
use sqlx::SqliteConnection;
use zayava_core::lifecycle::NewEvent;
use zayava_core::organisation;

use crate::organisations::timestamp;
use crate::sync::ColleagueChange;
use crate::{Database, StoreError};

/// What applying the colleagues' changes did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColleaguesApplied {
    pub applied: usize,
    /// Applications this desktop changed too: they wait for the user.
    pub conflicts: usize,
    /// Kept for later: a correction of an event not here yet, an application's event before
    /// the application, a change this version cannot read.
    pub waiting: usize,
    /// Applications whose dates need working out again.
    pub touched: Vec<String>,
}

/// What became of one change.
enum Done {
    Applied,
    Conflict,
    Wait,
}

impl Database {
    /// Applies the colleagues' changes kept and not yet applied (those that waited: a
    /// correction of an event not here yet, say), oldest first. The pull applies each page's
    /// own changes as it goes, in the feed's order with the Operator's events
    /// (`apply_feed_page`); this catches up what waited.
    pub async fn apply_colleague_changes(&self, now: DateTime<Utc>, today: NaiveDate) -> Result<ColleaguesApplied, StoreError> {
        let waiting: Vec<ColleagueChange> = self.colleague_changes_waiting().await?.into_iter().filter(|c| c.kind != "attachment").collect();
        let mut out = ColleaguesApplied::default();
        if waiting.is_empty() {
            return Ok(out);
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        apply_in(&mut *tx, &waiting, now, &mut out).await?;
        // The Operator's events that waited for these applications or events may fit now.
        for id in out.touched.clone() {
            crate::sync::apply_parked(&mut tx, &id, now, today).await?;
        }
        crate::lifecycle::mark_stale(&mut tx, &out.touched).await?;
        tx.commit().await?;
        Ok(out)
    }
}

/// Applies `changes` (kept in `sync_colleague_change` already) in order, inside the caller's
/// transaction; each applied, or settled as a conflict, is marked so. Files are left for the
/// fetch after the pull.
pub(crate) async fn apply_in(tx: &mut SqliteConnection, changes: &[ColleagueChange], now: DateTime<Utc>, out: &mut ColleaguesApplied) -> Result<(), StoreError> {
    sqlx::query("INSERT OR IGNORE INTO sync_applying (one) VALUES (1)").execute(&mut *tx).await?;
    let mut done = Vec::new();
    for c in changes {
        // Each change on its own: one that fails (a row this version cannot take, say) is
        // undone alone and kept to be tried again at the next sync, and holds back neither
        // the rest of the page nor the cursor.
        sqlx::query("SAVEPOINT colleague_change").execute(&mut *tx).await?;
        let result = match apply_one(tx, c, now, &mut out.touched).await {
            Ok(r) => r,
            Err(e) => {
                sqlx::query("ROLLBACK TO colleague_change").execute(&mut *tx).await?;
                sqlx::query("RELEASE colleague_change").execute(&mut *tx).await?;
                note_failed(tx, c, &e, now).await?;
                out.waiting += 1;
                continue;
            }
        };
        sqlx::query("RELEASE colleague_change").execute(&mut *tx).await?;
        let Some(result) = result else { continue };
        match result {
            Done::Applied => out.applied += 1,
            Done::Conflict => out.conflicts += 1,
            Done::Wait => {
                out.waiting += 1;
                continue;
            }
        }
        done.push(c.seq);
    }
    sqlx::query("UPDATE sync_colleague_change SET applied_at = ? WHERE seq IN (SELECT value FROM json_each(?))")
        .bind(timestamp(now))
        .bind(serde_json::to_string(&done).unwrap_or_default())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sync_applying").execute(&mut *tx).await?;
    Ok(())
}

/// A reminder a colleague's desktop showed: shown here too, and nothing to tell the others.
async fn reminder_change(tx: &mut SqliteConnection, c: &ColleagueChange) -> Result<Done, StoreError> {
    let shown_at = c.payload.get("shown_at").and_then(Value::as_str).unwrap_or(&c.at);
    sqlx::query("INSERT INTO reminder_shown (key, shown_at, shared) VALUES (?, ?, 1) ON CONFLICT(key) DO UPDATE SET shared = 1").bind(&c.entity).bind(shown_at).execute(&mut *tx).await?;
    Ok(Done::Applied)
}

impl Database {
    /// The colleagues' files not fetched yet: (seq, sha256).
    pub async fn colleague_files_waiting(&self) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as("SELECT seq, entity FROM sync_colleague_change WHERE kind = 'attachment' AND applied_at IS NULL ORDER BY seq").fetch_all(&self.pool).await?)
    }

    /// Keeps a colleague's file fetched from the server: checked against its hash, written
    /// like a file the user attached, and not queued to be sent back. False (nothing kept)
    /// when the bytes are not the file the hash names.
    pub async fn keep_colleague_file(&self, seq: i64, sha256: &str, bytes: &[u8], now: DateTime<Utc>) -> Result<bool, StoreError> {
        use sha2::{Digest, Sha256};
        if format!("{:x}", Sha256::digest(bytes)) != sha256 || bytes.len() as u64 > crate::attachments::MAX_ATTACHMENT_BYTES {
            return Ok(false);
        }
        let dir = self.attachments_dir();
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::File(format!("{}: {e}", dir.display())))?;
        let target = dir.join(sha256);
        if !target.exists() {
            let tmp = dir.join(format!(".{sha256}.{}.tmp", uuid::Uuid::new_v4()));
            std::fs::write(&tmp, bytes).map_err(|e| StoreError::File(format!("{}: {e}", tmp.display())))?;
            std::fs::rename(&tmp, &target).map_err(|e| StoreError::File(format!("{}: {e}", target.display())))?;
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("INSERT OR IGNORE INTO sync_applying (one) VALUES (1)").execute(&mut *tx).await?;
        // The name people see comes with the form's value that names the file; this is the
        // file's own record.
        sqlx::query("INSERT INTO attachment (sha256, original_name, size, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING")
            .bind(sha256)
            .bind("file")
            .bind(bytes.len() as i64)
            .bind(timestamp(now))
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE sync_colleague_change SET applied_at = ? WHERE seq = ?").bind(timestamp(now)).bind(seq).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM sync_applying").execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// One change applied; `None` for a file (fetched by the pull afterwards, `keep_colleague_file`).
async fn apply_one(tx: &mut SqliteConnection, c: &ColleagueChange, now: DateTime<Utc>, touched: &mut Vec<String>) -> Result<Option<Done>, StoreError> {
    Ok(Some(match c.kind.as_str() {
        "organisation" => organisation_change(tx, c, now).await?,
        "application" => application_change(tx, c, now, touched).await?,
        "event" => event_change(tx, c, touched).await?,
        "reminder" => reminder_change(tx, c).await?,
        "attachment" => return Ok(None),
        _ => Done::Wait,
    }))
}

/// Tells the user, once per change, that a colleague's change could not be applied yet (it
/// stays kept and is tried at every sync); the log gets the reason.
async fn note_failed(tx: &mut SqliteConnection, c: &ColleagueChange, e: &StoreError, now: DateTime<Utc>) -> Result<(), StoreError> {
    const CODE: &str = "sync.colleague_change_waits";
    eprintln!("zayava sync: a colleague's change {} {} (feed {}) could not be applied: {e}", c.kind, c.entity, c.seq);
    let noted: Option<i64> = sqlx::query_scalar("SELECT 1 FROM sync_issue WHERE code = ? AND subject = ?").bind(CODE).bind(&c.entity).fetch_optional(&mut *tx).await?;
    if noted.is_none() {
        sqlx::query("INSERT INTO sync_issue (at, code, subject, detail) VALUES (?, ?, ?, ?)").bind(timestamp(now)).bind(CODE).bind(&c.entity).bind(&c.by).execute(&mut *tx).await?;
    }
    Ok(())
}

/// Whether this desktop has a change of `entity` it has not had acknowledged.
async fn pending(tx: &mut SqliteConnection, kind: &str, entity: &str) -> Result<Option<i64>, StoreError> {
    // A refused change (set aside, `rejected`) is not going to the server: it does not hold
    // a colleague's back.
    Ok(sqlx::query_scalar("SELECT max(seq) FROM outbox WHERE kind = ? AND entity = ? AND state IN ('pending', 'conflict')").bind(kind).bind(entity).fetch_one(&mut *tx).await?)
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

async fn organisation_change(tx: &mut SqliteConnection, c: &ColleagueChange, now: DateTime<Utc>) -> Result<Done, StoreError> {
    let Some(profile) = c.payload.get("profile").filter(|p| p.is_object()) else { return Ok(Done::Wait) };
    if pending(tx, "organisation", &c.entity).await?.is_some() {
        // Ours is newer here and goes to the server next; the colleagues get it from there.
        return Ok(Done::Applied);
    }
    // A change that waited, tried after a later one of the same organisation took: past.
    let later: Option<i64> = sqlx::query_scalar("SELECT 1 FROM sync_colleague_change WHERE kind = 'organisation' AND entity = ? AND seq > ? AND applied_at IS NOT NULL LIMIT 1")
        .bind(&c.entity)
        .bind(c.seq)
        .fetch_optional(&mut *tx)
        .await?;
    if later.is_some() {
        return Ok(Done::Applied);
    }
    let (name, unp, address, email) = (organisation::display_name(profile), organisation::unp(profile), crate::organisations::address(profile), crate::organisations::email(profile));
    let at = timestamp(now);
    sqlx::query(
        "INSERT INTO organisation (name, unp, address, email, profile, sync_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(sync_id) DO UPDATE SET name = excluded.name, unp = excluded.unp, address = excluded.address, email = excluded.email,
            profile = excluded.profile, updated_at = excluded.updated_at",
    )
    .bind(name)
    .bind(unp)
    .bind(address)
    .bind(email)
    .bind(profile.to_string())
    .bind(&c.entity)
    .bind(&at)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    Ok(Done::Applied)
}

async fn application_change(tx: &mut SqliteConnection, c: &ColleagueChange, now: DateTime<Utc>, touched: &mut Vec<String>) -> Result<Done, StoreError> {
    let p = &c.payload;
    let (Some(service), Some(version), Some(values)) = (text(p, "service"), text(p, "schema_version"), p.get("form_values").filter(|v| v.is_object())) else {
        return Ok(Done::Wait);
    };
    let revision = c.revision.unwrap_or(0);
    // A version older than one this desktop has seen (its own, acknowledged since) is past.
    let known: Option<i64> = sqlx::query_scalar("SELECT known_revision FROM sync_application WHERE application_id = ?").bind(&c.entity).fetch_optional(&mut *tx).await?;
    if known.is_some_and(|k| revision <= k) {
        return Ok(Done::Applied);
    }
    if let Some(seq) = pending(tx, "application", &c.entity).await? {
        // This desktop changed it too: the user chooses, seeing both. A conflict already
        // waiting with this version (the push just met it) is the same one.
        let known: Option<i64> = sqlx::query_scalar("SELECT server_revision FROM sync_conflict WHERE application_id = ?").bind(&c.entity).fetch_optional(&mut *tx).await?;
        if known.is_some_and(|r| r >= revision) {
            return Ok(Done::Applied);
        }
        sqlx::query("UPDATE outbox SET state = 'conflict', last_error = 'conflict' WHERE kind = 'application' AND entity = ?").bind(&c.entity).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO sync_conflict (application_id, outbox_seq, server_revision, server_values, at, changed_by) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(application_id) DO UPDATE SET outbox_seq = excluded.outbox_seq, server_revision = excluded.server_revision,
                server_values = excluded.server_values, at = excluded.at, changed_by = excluded.changed_by",
        )
        .bind(&c.entity)
        .bind(seq)
        .bind(revision)
        .bind(values.to_string())
        .bind(&c.at)
        // The Operator's correction is named as the Operator's, not a colleague's.
        .bind(Some(c.by.as_str()).filter(|b| *b != "operator"))
        .execute(&mut *tx)
        .await?;
        return Ok(Done::Conflict);
    }
    let organisation: Option<i64> = match text(p, "organisation_id") {
        Some(sync_id) => match sqlx::query_scalar("SELECT id FROM organisation WHERE sync_id = ?").bind(sync_id).fetch_optional(&mut *tx).await? {
            Some(id) => Some(id),
            // Its organisation is not here yet (its change waits): the application waits too,
            // rather than lose the link.
            None => return Ok(Done::Wait),
        },
        None => None,
    };
    let status = if text(p, "status") == Some("ready") { "ready" } else { "draft" };
    let archived = p.get("archived").and_then(Value::as_bool).unwrap_or(false);
    let at = timestamp(now);
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO application (id, organisation_id, service, schema_version, form_values, search_text, status, archived, stage, created_at, updated_at, number)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, {})
         ON CONFLICT(id) DO UPDATE SET organisation_id = excluded.organisation_id, service = excluded.service, schema_version = excluded.schema_version,
            form_values = excluded.form_values, search_text = excluded.search_text, status = excluded.status, archived = excluded.archived,
            updated_at = excluded.updated_at",
        crate::applications::NEXT_NUMBER
    )))
    .bind(&c.entity)
    .bind(organisation)
    .bind(service)
    .bind(version)
    .bind(values.to_string())
    .bind(crate::applications::search_text_of(values))
    .bind(status)
    .bind(archived)
    .bind(&at)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    // The revision this desktop has now seen: its next change of it is sent over this one.
    sqlx::query(
        "INSERT INTO sync_application (application_id, known_revision, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(application_id) DO UPDATE SET known_revision = max(known_revision, excluded.known_revision), updated_at = excluded.updated_at",
    )
    .bind(&c.entity)
    .bind(revision)
    .bind(&at)
    .execute(&mut *tx)
    .await?;
    if !touched.contains(&c.entity) {
        touched.push(c.entity.clone());
    }
    Ok(Done::Applied)
}

/// The event here that goes by `wire` on the wire, if any (both lookups by an index).
async fn local_event(tx: &mut SqliteConnection, wire: &str) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar("SELECT local_event_id FROM sync_remote_event WHERE remote_id = ?1 AND local_event_id IS NOT NULL UNION ALL SELECT event_id FROM event_own_wire WHERE wire = ?1 LIMIT 1")
        .bind(wire)
        .fetch_optional(&mut *tx)
        .await?)
}

async fn event_change(tx: &mut SqliteConnection, c: &ColleagueChange, touched: &mut Vec<String>) -> Result<Done, StoreError> {
    let p = &c.payload;
    let (Some(app), Some(event), Some(at)) = (text(p, "application_id"), text(p, "event"), text(p, "at")) else { return Ok(Done::Wait) };
    // Seen before: a colleague's, or this desktop's own sent under an earlier device id of
    // its own (a restored backup takes a new id, and its own changes come back as others').
    if local_event(tx, &c.entity).await?.is_some() {
        return Ok(Done::Applied);
    }
    let Some(row) = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {} FROM application WHERE id = ?", crate::applications::COLUMNS))).bind(app).fetch_optional(&mut *tx).await? else {
        return Ok(Done::Wait);
    };
    let _ = crate::applications::from_row(&row)?;
    let corrects: Option<i64> = match text(p, "corrects") {
        Some(wire) => match local_event(tx, wire).await? {
            Some(id) => Some(id),
            // The corrected event is not here yet: wait for it.
            None => return Ok(Done::Wait),
        },
        // The colleague's sending, arriving after the Operator's receipt made this desktop
        // record a sending implied by it: the fact corrects the inference, so the trail holds
        // one sending, the colleague's, as on the colleague's desktop.
        None if event == "application_sent" => sqlx::query_scalar(
            "SELECT e.id FROM application_event e WHERE e.application_id = ? AND e.event = 'application_sent' AND e.recorded_by = 'sync' AND e.note = ?
               AND NOT EXISTS (SELECT 1 FROM sync_remote_event r WHERE r.local_event_id = e.id)
               AND NOT EXISTS (SELECT 1 FROM application_event c WHERE c.corrects = e.id)
             ORDER BY e.id DESC LIMIT 1",
        )
        .bind(app)
        .bind(crate::sync::IMPLIED_SENDING)
        .fetch_optional(&mut *tx)
        .await?,
        None => None,
    };
    // A fact, recorded by a colleague whose trail took it: added as it is, whether or not
    // this trail, which may hold events of this desktop's meanwhile, would have taken it
    // from a user. Where the procedure cannot place it, the timeline says so (`unplaced`);
    // every desktop ends with the same trail.
    let new = NewEvent { event: event.to_string(), at: at.to_string(), note: text(p, "note").unwrap_or("").to_string(), corrects };
    let recorded_at = text(p, "recorded_at").unwrap_or(&c.at);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by, corrects, note, author) VALUES (?, ?, ?, ?, 'sync', ?, ?, ?) RETURNING id",
    )
    .bind(app)
    .bind(&new.event)
    .bind(new.at.trim())
    .bind(recorded_at)
    .bind(corrects)
    .bind(new.note.trim())
    .bind(&c.by)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO sync_remote_event (remote_id, application_id, local_event_id) VALUES (?, ?, ?)").bind(&c.entity).bind(app).bind(id).execute(&mut *tx).await?;
    if !touched.iter().any(|t| t == app) {
        touched.push(app.to_string());
    }
    Ok(Done::Applied)
}
