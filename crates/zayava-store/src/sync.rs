//! The local half of sync with the operator: the outbox (filled by triggers, see migration
//! 0006), the pull cursor, the operator's events applied to the trail, and what sync could
//! not do (issues, conflicts) for the user to see. The HTTP half lives in `zayava-sync`.
//!
//! Invariants: an outbox entry leaves only on the server's acknowledgement, rejection or
//! conflict, each written in one transaction with its consequence; the cursor moves only in
//! the transaction that stores the changes it brought, and never backwards.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};
use sqlx::{Row, Sqlite, Transaction};
use ts_rs::TS;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, NewEvent, RecordedEvent, Recorder};
use zayava_core::rules::Rulebook;

use crate::organisations::timestamp;
use crate::{Database, StoreError};

const CURSOR_KEY: &str = "sync.cursor";
/// This desktop's id among the account's desktops (a v4 UUID, made once).
const DEVICE_KEY: &str = "sync.device";
/// The computer and the file the device id was made for (`settle_device`).
const DEVICE_PLACE_KEY: &str = "sync.device_place";
/// Who the server says this desktop signs in as (`SyncIdentity`, JSON).
const IDENTITY_KEY: &str = "sync.identity";
const LAST_SYNC_KEY: &str = "sync.last_success";

/// The computer's name and the file's full path: where a device id belongs.
fn device_place(path: &std::path::Path) -> String {
    let file = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("{}|{}", gethostname::gethostname().to_string_lossy(), file.display())
}

/// One queued change, as it will be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    pub seq: i64,
    /// organisation, application, event or attachment.
    pub kind: String,
    pub entity: String,
    pub idempotency_key: String,
    pub payload: Value,
    pub attempts: i64,
}

/// The server's acknowledgement of one item: for an application, the revision it now has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledged {
    pub seq: i64,
    pub application_revision: Option<(String, i64)>,
}

/// How many items wait, by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct OutboxCounts {
    pub pending: i64,
    pub rejected: i64,
    /// Applications waiting for the user to settle a conflict.
    pub conflicts: i64,
}

/// Something sync could not do, shown to the user until dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SyncIssue {
    pub id: i64,
    pub at: String,
    /// Stable: `sync.rejected`, `sync.unknown_event`, `sync.unknown_application`, … (see README).
    pub code: String,
    /// What it concerns: an application id, an outbox entity, an address.
    pub subject: String,
    /// The application it concerns as people know it («З-0042»), when it is one here.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub detail: String,
}

/// A sent application that the server holds in another version.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SyncConflict {
    pub application_id: String,
    /// The application as people know it: «З-0042».
    pub number: String,
    pub server_revision: i64,
    #[ts(type = "Record<string, unknown>")]
    pub server_values: Value,
    #[ts(type = "Record<string, unknown>")]
    pub local_values: Value,
    pub at: String,
    /// The colleague whose version the server holds, by name; none: the Operator's.
    pub changed_by: Option<String>,
}

/// The user's answer to a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Send mine again, over the server's version.
    KeepMine,
    /// Replace mine with the server's values.
    TakeServer,
}

/// One operator event as pulled, already decoded and shape-checked.
#[derive(Debug, Clone, PartialEq)]
pub struct PulledEvent {
    pub seq: i64,
    pub remote_id: String,
    pub application_id: String,
    pub event: String,
    pub at: String,
    pub note: String,
    /// Operator-owned fields that come with it (registration number, contract number, …).
    pub fields: serde_json::Map<String, Value>,
    /// Set when the client could not read the event (an unknown kind, say): it is reported
    /// to the user and skipped, and the cursor moves past it.
    pub invalid: Option<String>,
}

/// A change another desktop of the account made, as the server's feed gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct ColleagueChange {
    pub seq: i64,
    pub kind: String,
    pub entity: String,
    pub revision: Option<i64>,
    pub payload: Value,
    pub by: String,
    pub device: Option<String>,
    pub at: String,
}

/// What applying a pulled page did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub recorded: usize,
    pub duplicates: usize,
    /// Kept as an issue with its raw content: unreadable, or unknown to the service.
    pub refused: usize,
    /// Kept until the local trail allows it (see `sync_parked`).
    pub parked: usize,
    /// Applications whose trail changed (their due dates need refreshing).
    pub touched: Vec<String>,
    /// Changes by the account's other desktops, kept (`sync_colleague_change`).
    pub kept: usize,
    /// Of those, applied here, and settled as conflicts for the user.
    pub colleague_applied: usize,
    pub colleague_conflicts: usize,
}

/// What sync has done and has left, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SyncState {
    pub counts: OutboxCounts,
    pub cursor: i64,
    /// RFC 3339 UTC of the last complete sync.
    pub last_success: Option<String>,
    /// Who this desktop signs in as on the server, as the server last said.
    pub identity: Option<SyncIdentity>,
}

/// The account, the person and their role on the server (`GET /v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncIdentity {
    pub account: String,
    pub user: String,
    /// reader, editor or admin.
    pub role: String,
}

impl SyncIdentity {
    /// A reader reads the account's work and changes nothing.
    pub fn reads_only(&self) -> bool {
        self.role == "reader"
    }
}

fn item_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<OutboxItem, StoreError> {
    let payload: String = row.try_get("payload")?;
    Ok(OutboxItem {
        seq: row.try_get("seq")?,
        kind: row.try_get("kind")?,
        entity: row.try_get("entity")?,
        idempotency_key: row.try_get("idempotency_key")?,
        payload: serde_json::from_str(&payload).map_err(|e| StoreError::Corrupt(format!("outbox payload: {e}")))?,
        attempts: row.try_get("attempts")?,
    })
}

async fn insert_issue(tx: &mut Transaction<'_, Sqlite>, code: &str, subject: &str, detail: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    // The log line: ids and the server's words only, never a token.
    eprintln!("zayava sync: {code} {subject}: {detail}");
    sqlx::query("INSERT INTO sync_issue (at, code, subject, detail) VALUES (?, ?, ?, ?)")
        .bind(timestamp(now))
        .bind(code)
        .bind(subject)
        .bind(detail)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn cursor_in(tx: &mut Transaction<'_, Sqlite>) -> Result<i64, StoreError> {
    let v: Option<String> = sqlx::query_scalar("SELECT value FROM setting WHERE key = ?").bind(CURSOR_KEY).fetch_optional(&mut **tx).await?;
    Ok(v.and_then(|v| v.parse().ok()).unwrap_or(0))
}

impl Database {
    /// The oldest pending items, in the order they were made.
    pub async fn outbox_batch(&self, limit: u32) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = sqlx::query("SELECT seq, kind, entity, idempotency_key, payload, attempts FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?")
            .bind(limit as i64)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(item_from_row).collect()
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        let rows = sqlx::query("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").fetch_all(&self.pool).await?;
        let mut c = OutboxCounts::default();
        for r in rows {
            let n: i64 = r.try_get("n")?;
            match r.try_get::<String, _>("state")?.as_str() {
                "pending" => c.pending = n,
                "rejected" => c.rejected = n,
                _ => {}
            }
        }
        // Conflicts are counted by application: several held-back edits are one conflict.
        c.conflicts = sqlx::query_scalar("SELECT COUNT(*) FROM sync_conflict").fetch_one(&self.pool).await?;
        Ok(c)
    }

    /// For each application: the revision last seen on the server (0: never sent) and
    /// whether the user has recorded sending it (from then on it is not only theirs).
    pub async fn sync_positions(&self, application_ids: &[&str]) -> Result<HashMap<String, (i64, bool)>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, COALESCE(s.known_revision, 0) AS known,
                    EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = a.id AND e.event = 'application_sent') AS sent
             FROM application a LEFT JOIN sync_application s ON s.application_id = a.id
             WHERE a.id IN (SELECT value FROM json_each(?))",
        )
        .bind(serde_json::to_string(application_ids).expect("ids"))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok((r.try_get("id")?, (r.try_get("known")?, r.try_get::<i64, _>("sent")? != 0)))).collect()
    }

    /// Removes acknowledged items and remembers the revisions they produced, in one transaction.
    pub async fn outbox_acknowledge(&self, acks: &[Acknowledged], now: DateTime<Utc>) -> Result<(), StoreError> {
        if acks.is_empty() {
            return Ok(());
        }
        let seqs: Vec<i64> = acks.iter().map(|a| a.seq).collect();
        let revisions: Vec<Value> = acks.iter().filter_map(|a| a.application_revision.as_ref()).map(|(app, rev)| serde_json::json!([app, rev])).collect();
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("DELETE FROM outbox WHERE seq IN (SELECT value FROM json_each(?))").bind(serde_json::to_string(&seqs).expect("seqs")).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO sync_application (application_id, known_revision, updated_at)
             SELECT value ->> 0, value ->> 1, ? FROM json_each(?) WHERE EXISTS (SELECT 1 FROM application WHERE id = value ->> 0)
             ON CONFLICT(application_id) DO UPDATE SET known_revision = max(known_revision, excluded.known_revision), updated_at = excluded.updated_at",
        )
        .bind(timestamp(now))
        .bind(Value::Array(revisions).to_string())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Counts a failed attempt on items that stay queued.
    pub async fn outbox_attempted(&self, seqs: &[i64], error: &str) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        for seq in seqs {
            sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?").bind(error).bind(seq).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The server refused the item for good: it is set aside (kept, not sent again) and the
    /// user is told why; the rest of the queue goes on.
    pub async fn outbox_reject(&self, seq: i64, detail: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let entity: Option<String> = sqlx::query_scalar("UPDATE outbox SET state = 'rejected', last_error = ?, attempts = attempts + 1 WHERE seq = ? RETURNING kind || ' ' || entity")
            .bind(detail)
            .bind(seq)
            .fetch_optional(&mut *tx)
            .await?;
        insert_issue(&mut tx, "sync.rejected", entity.as_deref().unwrap_or(""), detail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The server holds another version of the application (the Operator's, or a
    /// colleague's, `changed_by`): the item waits for the user.
    pub async fn outbox_conflict(&self, seq: i64, application_id: &str, server_revision: i64, server_values: &Value, changed_by: Option<&str>, changed_at: Option<&str>, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("UPDATE outbox SET state = 'conflict', last_error = 'conflict', attempts = attempts + 1 WHERE seq = ?").bind(seq).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO sync_conflict (application_id, outbox_seq, server_revision, server_values, at, changed_by) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(application_id) DO UPDATE SET outbox_seq = excluded.outbox_seq, server_revision = excluded.server_revision, server_values = excluded.server_values,
                at = excluded.at, changed_by = excluded.changed_by",
        )
        .bind(application_id)
        .bind(seq)
        .bind(server_revision)
        .bind(server_values.to_string())
        // When the other version was saved, if the server said; else when the conflict was met.
        .bind(changed_at.map(str::to_string).unwrap_or_else(|| timestamp(now)))
        .bind(changed_by.filter(|b| *b != "operator"))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Conflicts waiting for the user, with both versions.
    pub async fn sync_conflicts(&self) -> Result<Vec<SyncConflict>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.application_id, c.server_revision, c.server_values, c.at, c.changed_by, a.form_values, a.number FROM sync_conflict c JOIN application a ON a.id = c.application_id ORDER BY c.at",
        )
        .fetch_all(&self.pool)
        .await?;
        let json = |s: String| serde_json::from_str(&s).map_err(|e| StoreError::Corrupt(format!("conflict values: {e}")));
        rows.into_iter()
            .map(|r| {
                Ok(SyncConflict {
                    application_id: r.try_get("application_id")?,
                    number: crate::applications::number_text(r.try_get("number")?),
                    server_revision: r.try_get("server_revision")?,
                    server_values: json(r.try_get("server_values")?)?,
                    local_values: json(r.try_get("form_values")?)?,
                    at: r.try_get("at")?,
                    changed_by: r.try_get("changed_by")?,
                })
            })
            .collect()
    }

    /// Settles a conflict as the user chose. Keeping mine re-queues my version over the
    /// server's revision; taking the server's writes its values here, and nothing is sent:
    /// both sides hold the server's version.
    pub async fn resolve_conflict(&self, application_id: &str, resolution: Resolution, now: DateTime<Utc>) -> Result<(), StoreError> {
        let conflict = self
            .sync_conflicts()
            .await?
            .into_iter()
            .find(|c| c.application_id == application_id)
            .ok_or_else(|| StoreError::NotFound { entity: "conflict", id: application_id.to_string() })?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        if resolution == Resolution::TakeServer {
            // The server's version is the server's already: written here as it is, not sent
            // back as this desktop's change, and taken whether or not the form here is locked
            // (sent): it is not the user editing it.
            sqlx::query("INSERT OR IGNORE INTO sync_applying (one) VALUES (1)").execute(&mut *tx).await?;
            sqlx::query("UPDATE application SET form_values = ?, search_text = ?, updated_at = ? WHERE id = ?")
                .bind(conflict.server_values.to_string())
                .bind(crate::applications::search_text_of(&conflict.server_values))
                .bind(timestamp(now))
                .bind(application_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sync_applying").execute(&mut *tx).await?;
            crate::lifecycle::mark_stale(&mut tx, &[application_id.to_string()]).await?;
        }
        sqlx::query("DELETE FROM sync_conflict WHERE application_id = ?").bind(application_id).execute(&mut *tx).await?;
        // Every version of it held back by the conflict (the user may have edited it again).
        let held = "kind = 'application' AND entity = ? AND state = 'conflict'";
        match resolution {
            Resolution::KeepMine => sqlx::query(sqlx::AssertSqlSafe(format!("UPDATE outbox SET state = 'pending', last_error = NULL WHERE {held}"))).bind(application_id).execute(&mut *tx).await?,
            // Theirs replaces mine whole: the versions held back, and any edit of mine made
            // since that is still to send (it was made over my version), are dropped, or one
            // would go out after and the server would hold what this desktop no longer shows.
            Resolution::TakeServer => sqlx::query("DELETE FROM outbox WHERE kind = 'application' AND entity = ? AND state IN ('conflict', 'pending')").bind(application_id).execute(&mut *tx).await?,
        };
        sqlx::query(
            "INSERT INTO sync_application (application_id, known_revision, updated_at) VALUES (?, ?, ?)
             ON CONFLICT(application_id) DO UPDATE SET known_revision = max(known_revision, excluded.known_revision), updated_at = excluded.updated_at",
        )
        .bind(application_id)
        .bind(conflict.server_revision)
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        if resolution == Resolution::TakeServer {
            // The form supplies facts to the dates.
            self.refresh_due(application_id).await?;
        }
        Ok(())
    }

    /// Puts rejected items back in the queue (after the user fixed what was wrong).
    pub async fn retry_rejected(&self) -> Result<u64, StoreError> {
        Ok(sqlx::query("UPDATE outbox SET state = 'pending', last_error = NULL WHERE state = 'rejected'").execute(&self.pool).await?.rows_affected())
    }

    /// Where the pull goes on from: the last operator event applied.
    pub async fn sync_cursor(&self) -> Result<i64, StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let c = cursor_in(&mut tx).await?;
        tx.commit().await?;
        Ok(c)
    }

    /// Applies one pulled page of operator events and moves the cursor to `next_cursor`, all
    /// in one transaction. Events already applied, or at or before the cursor, are skipped;
    /// an event the trail refuses, or for an application this client never had, is recorded
    /// as an issue and skipped. A cursor that would go backwards is refused (an issue) and
    /// left where it is. What the page needs is read in a few queries, not per event.
    pub async fn apply_pulled(&self, events: &[PulledEvent], next_cursor: i64, now: DateTime<Utc>, today: NaiveDate) -> Result<Applied, StoreError> {
        let out = self.apply_pulled_page(events, next_cursor, now, today).await?;
        // Derived data, recomputable at any time: kept out of the page's transaction.
        self.refresh_due_many(&out.touched).await?;
        Ok(out)
    }

    /// `apply_pulled` without recomputing the due dates of the applications it touched: they
    /// are left marked stale (`due_stale`), for the caller to recompute (`refresh_due_many`,
    /// `refresh_stale_due`) — a pull recomputes one page's while it applies the next.
    pub async fn apply_pulled_page(&self, events: &[PulledEvent], next_cursor: i64, now: DateTime<Utc>, today: NaiveDate) -> Result<Applied, StoreError> {
        self.apply_feed_page(events, &[], next_cursor, now, today).await
    }

    /// `apply_pulled_page` with the changes the account's other desktops made on the same
    /// page: they are kept, in the same transaction as the cursor, until this desktop
    /// applies them (one already kept, or at or before the cursor, is skipped).
    pub async fn apply_feed_page(&self, events: &[PulledEvent], changes: &[ColleagueChange], next_cursor: i64, now: DateTime<Utc>, today: NaiveDate) -> Result<Applied, StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let cursor = cursor_in(&mut tx).await?;
        let mut out = Applied::default();
        // The colleagues' changes are kept first, whatever becomes of them here.
        let changes: Vec<&ColleagueChange> = changes.iter().filter(|c| c.seq > cursor).collect();
        if !changes.is_empty() {
            let rows: Vec<Value> = changes.iter().map(|c| serde_json::json!([c.seq, c.kind, c.entity, c.revision, c.payload.to_string(), c.by, c.device, c.at])).collect();
            out.kept = sqlx::query(
                "INSERT INTO sync_colleague_change (seq, kind, entity, revision, payload, changed_by, device, at)
                 SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7 FROM json_each(?)
                 WHERE true ON CONFLICT(seq) DO NOTHING",
            )
            .bind(Value::Array(rows).to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected() as usize;
        }
        // Then the page in the feed's order: a run of the Operator's events, then the
        // colleagues' changes up to the next of its events, and so on, so an event of the
        // Operator's meets the trail as it stood on the server (a colleague's sending before
        // the Operator's receipt of it, say).
        let (mut e, mut c) = (0, 0);
        while e < events.len() || c < changes.len() {
            if c == changes.len() || (e < events.len() && events[e].seq < changes[c].seq) {
                let end = changes.get(c).map_or(events.len(), |next| e + events[e..].iter().take_while(|ev| ev.seq < next.seq).count());
                self.apply_operator_run(&mut tx, &events[e..end], cursor, now, today, &mut out).await?;
                e = end;
            } else {
                let end = events.get(e).map_or(changes.len(), |next| c + changes[c..].iter().take_while(|ch| ch.seq < next.seq).count());
                let run: Vec<ColleagueChange> = changes[c..end].iter().map(|ch| (*ch).clone()).collect();
                let mut applied = crate::colleagues::ColleaguesApplied::default();
                crate::colleagues::apply_in(&mut *tx, &run, now, &mut applied).await?;
                out.colleague_applied += applied.applied;
                out.colleague_conflicts += applied.conflicts;
                for id in applied.touched {
                    if !out.touched.contains(&id) {
                        out.touched.push(id);
                    }
                }
                c = end;
            }
        }
        // What this page made possible: events parked earlier (or just now, out of order
        // within the page) for the applications it touched.
        let waiting: Vec<String> = sqlx::query_scalar("SELECT DISTINCT application_id FROM sync_parked").fetch_all(&mut *tx).await?;
        for id in waiting {
            if apply_parked(&mut tx, &id, now, today).await? > 0 && !out.touched.contains(&id) {
                out.touched.push(id);
            }
        }
        crate::lifecycle::mark_stale(&mut tx, &out.touched).await?;
        if next_cursor < cursor {
            insert_issue(&mut tx, "sync.cursor_backwards", "", &format!("{cursor} → {next_cursor}"), now).await?;
        } else {
            sqlx::query("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .bind(CURSOR_KEY)
                .bind(next_cursor.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Applies a run of the Operator's events (in seq order) within the page's transaction.
    async fn apply_operator_run(&self, tx: &mut Transaction<'static, Sqlite>, events: &[PulledEvent], cursor: i64, now: DateTime<Utc>, today: NaiveDate, out: &mut Applied) -> Result<(), StoreError> {
        if events.is_empty() {
            return Ok(());
        }
        let mut page = Page::load(tx, events, now).await?;
        let mut remote = Vec::new();
        for ev in events {
            if ev.seq <= cursor || !page.seen.insert(ev.remote_id.clone()) {
                out.duplicates += 1;
                continue;
            }
            let local = match &ev.invalid {
                Some(why) => Err(Outcome::Issue("sync.unreadable_event", Said::Raw(why.clone()))),
                None => page.apply(ev, today),
            };
            match &local {
                Ok(_) => out.recorded += 1,
                Err(Outcome::Issue(code, detail)) => {
                    out.refused += 1;
                    let detail = match detail {
                        Said::Raw(why) => format!("{why} — {}", raw(ev)),
                        Said::Each(why) => why.stored_with(raw(ev)),
                    };
                    // The log line: ids and the server's words only, never a token.
                    eprintln!("zayava sync: {code} {}: {detail}", ev.application_id);
                    page.issues.push(serde_json::json!([code, ev.application_id, detail]));
                }
                Err(Outcome::Parked(reason)) => {
                    out.parked += 1;
                    page.parked.push(serde_json::json!([ev.remote_id, ev.seq, ev.application_id, ev.event, ev.at, ev.note, reason]));
                }
            }
            let local = local.ok();
            remote.push(serde_json::json!([ev.remote_id, ev.application_id, local]));
            if local.is_some() && !out.touched.contains(&ev.application_id) {
                out.touched.push(ev.application_id.clone());
            }
        }
        page.write(tx, now).await?;
        sqlx::query(
            "INSERT INTO sync_remote_event (remote_id, application_id, local_event_id)
             SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)",
        )
        .bind(Value::Array(remote).to_string())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Recomputes the due dates marked stale: what a pull left for its end, what a crash left
    /// (see `apply_pulled_page`).
    pub async fn refresh_stale_due(&self) -> Result<usize, StoreError> {
        self.refresh_stale_due_with(&mut |_, _| {}).await
    }

    /// Records something sync could not do, for the user.
    pub async fn record_sync_issue(&self, code: &str, subject: &str, detail: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        insert_issue(&mut tx, code, subject, detail, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Issues not yet dismissed, newest first; their details in `lang` where they are words.
    pub async fn sync_issues(&self, limit: u32, lang: Lang) -> Result<Vec<SyncIssue>, StoreError> {
        let rows = sqlx::query(
            "SELECT i.id, i.at, i.code, i.subject, i.detail, a.number FROM sync_issue i LEFT JOIN application a ON a.id = i.subject WHERE i.seen = 0 ORDER BY i.id DESC LIMIT ?",
        )
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let code: String = r.try_get("code")?;
                Ok(SyncIssue {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    detail: detail_in(&code, r.try_get("detail")?, lang),
                    code,
                    subject: r.try_get("subject")?,
                    number: r.try_get::<Option<i64>, _>("number")?.map(crate::applications::number_text),
                })
            })
            .collect()
    }

    pub async fn dismiss_sync_issues(&self) -> Result<(), StoreError> {
        sqlx::query("UPDATE sync_issue SET seen = 1 WHERE seen = 0").execute(&self.pool).await?;
        Ok(())
    }

    /// The operator-owned fields of an application, as the server last gave them.
    pub async fn operator_fields(&self, application_id: &str) -> Result<serde_json::Map<String, Value>, StoreError> {
        let text: Option<String> = sqlx::query_scalar("SELECT operator_fields FROM sync_application WHERE application_id = ?").bind(application_id).fetch_optional(&self.pool).await?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default())
    }

    /// The Operator's registration or contract number typed by hand (checked by
    /// `OperatorNumber::checked` first) until sync brings the Operator's own value, which then
    /// takes its place. An empty value removes it.
    pub async fn set_operator_number(&self, application_id: &str, number: zayava_core::operator_number::OperatorNumber, value: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let field = number.field();
        self.application(application_id).await?;
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let text: Option<String> = sqlx::query_scalar("SELECT operator_fields FROM sync_application WHERE application_id = ?").bind(application_id).fetch_optional(&mut *tx).await?;
        let mut fields: serde_json::Map<String, Value> = text.and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
        if value.is_empty() {
            fields.remove(field);
        } else {
            fields.insert(field.to_string(), Value::String(value.to_string()));
        }
        sqlx::query(
            "INSERT INTO sync_application (application_id, operator_fields, updated_at) VALUES (?, ?, ?)
             ON CONFLICT(application_id) DO UPDATE SET operator_fields = excluded.operator_fields, updated_at = excluded.updated_at",
        )
        .bind(application_id)
        .bind(Value::Object(fields).to_string())
        .bind(timestamp(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives this desktop a new device id where its file is not the one the id was made for:
    /// a backup restored (the changes this desktop sent after the backup come back from the
    /// server as another desktop's, so they are taken, not skipped as its own), or the file
    /// copied to another computer or folder (two desktops would share an id, and each would
    /// skip the other's changes). The events it recorded keep the ids they were sent with.
    pub(crate) async fn settle_device(&self) -> Result<(), StoreError> {
        let here = device_place(&self.path);
        let known = self.setting(DEVICE_PLACE_KEY).await?;
        let marker = crate::safety::restored_marker(&self.path);
        if marker.exists() || known.as_deref().is_some_and(|k| k != here) {
            sqlx::query("UPDATE setting SET value = ? WHERE key = ?").bind(uuid::Uuid::new_v4().to_string()).bind(DEVICE_KEY).execute(&self.pool).await?;
        }
        if known.as_deref() != Some(here.as_str()) {
            self.set_setting(DEVICE_PLACE_KEY, &here).await?;
        }
        // Only once the new id is stored: a crash before leaves the mark for the next open.
        if marker.exists() {
            std::fs::remove_file(&marker).map_err(|e| StoreError::File(e.to_string()))?;
        }
        Ok(())
    }

    /// This desktop's id among the account's desktops, made the first time it is asked for.
    pub async fn device_id(&self) -> Result<String, StoreError> {
        let made = uuid::Uuid::new_v4().to_string();
        sqlx::query("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING").bind(DEVICE_KEY).bind(&made).execute(&self.pool).await?;
        Ok(sqlx::query_scalar("SELECT value FROM setting WHERE key = ?").bind(DEVICE_KEY).fetch_one(&self.pool).await?)
    }

    /// The colleagues' changes kept and not yet applied on this desktop.
    pub async fn colleague_changes_waiting(&self) -> Result<Vec<ColleagueChange>, StoreError> {
        let rows = sqlx::query("SELECT seq, kind, entity, revision, payload, changed_by, device, at FROM sync_colleague_change WHERE applied_at IS NULL ORDER BY seq").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(ColleagueChange {
                    seq: r.try_get("seq")?,
                    kind: r.try_get("kind")?,
                    entity: r.try_get("entity")?,
                    revision: r.try_get("revision")?,
                    payload: serde_json::from_str(&r.try_get::<String, _>("payload")?).unwrap_or_default(),
                    by: r.try_get("changed_by")?,
                    device: r.try_get("device")?,
                    at: r.try_get("at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    pub async fn set_last_sync(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.set_setting(LAST_SYNC_KEY, &timestamp(now)).await
    }

    pub async fn sync_state(&self) -> Result<SyncState, StoreError> {
        Ok(SyncState { counts: self.outbox_counts().await?, cursor: self.sync_cursor().await?, last_success: self.setting(LAST_SYNC_KEY).await?, identity: self.sync_identity().await? })
    }

    /// Who the server last said this desktop signs in as (none: never said, or the server
    /// does not say).
    pub async fn sync_identity(&self) -> Result<Option<SyncIdentity>, StoreError> {
        Ok(self.setting(IDENTITY_KEY).await?.and_then(|v| serde_json::from_str(&v).ok()))
    }

    pub async fn set_sync_identity(&self, identity: Option<&SyncIdentity>) -> Result<(), StoreError> {
        match identity {
            Some(i) => self.set_setting(IDENTITY_KEY, &serde_json::to_string(i).unwrap_or_default()).await,
            None => {
                sqlx::query("DELETE FROM setting WHERE key = ?").bind(IDENTITY_KEY).execute(&self.pool).await?;
                Ok(())
            }
        }
    }
}

/// An Operator event waiting for its application's trail to allow it (`sync_parked`); the
/// export file carries it as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParkedEvent {
    pub remote_id: String,
    pub seq: i64,
    pub event: String,
    pub at: String,
    #[serde(default)]
    pub note: String,
    pub reason: String,
    pub parked_at: String,
}

/// Keeps a waiting Operator event (the first copy of it, if it comes again).
pub(crate) async fn park(tx: &mut Transaction<'_, Sqlite>, application_id: &str, p: &ParkedEvent) -> Result<(), StoreError> {
    sqlx::query("INSERT OR IGNORE INTO sync_parked (remote_id, seq, application_id, event, at, note, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(&p.remote_id)
        .bind(p.seq)
        .bind(application_id)
        .bind(&p.event)
        .bind(&p.at)
        .bind(&p.note)
        .bind(&p.reason)
        .bind(&p.parked_at)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Why an issue was kept: a value as it came, or a sentence in every language.
enum Said {
    Raw(String),
    Each(Every),
}

/// A sentence in each of the app's languages, stored as JSON so that it is read in the
/// language chosen when it is read, not the one chosen when it was written:
/// `{"why": {"ru": …, "be": …, "en": …}, "raw": …}`, the raw value (if any) as it came.
pub(crate) struct Every([String; 3]);

impl Every {
    pub(crate) fn new(render: impl Fn(Lang) -> String) -> Every {
        Every(Lang::ALL.map(render))
    }

    pub(crate) fn stored(&self) -> String {
        self.stored_with(Value::Null)
    }

    fn stored_with(&self, raw: Value) -> String {
        let why: Map<String, Value> = Lang::ALL.iter().zip(&self.0).map(|(l, text)| (l.code().to_string(), Value::String(text.clone()))).collect();
        serde_json::json!({ "why": why, "raw": raw }).to_string()
    }
}

/// The issues whose detail is stored in every language (see `Every`).
const IN_EVERY_LANGUAGE: [&str; 2] = ["sync.refused_event", "sync.refused_calendar"];

/// An issue's detail for the reader: in `lang` when it was stored in every language, with
/// the raw value after it; as stored otherwise (raw values, and rows from before).
fn detail_in(code: &str, detail: String, lang: Lang) -> String {
    if !IN_EVERY_LANGUAGE.contains(&code) {
        return detail;
    }
    let Ok(stored) = serde_json::from_str::<Value>(&detail) else { return detail };
    match (stored["why"][lang.code()].as_str(), &stored["raw"]) {
        (Some(why), Value::Null) => why.to_string(),
        (Some(why), raw) => format!("{why} — {raw}"),
        (None, _) => detail,
    }
}

/// What became of an operator event that could not be recorded now.
enum Outcome {
    /// Kept as a visible issue (code, why); its raw content goes with it.
    Issue(&'static str, Said),
    /// Waiting in `sync_parked` for the trail to allow it (why).
    Parked(String),
}

const UNKNOWN_APPLICATION: &str = "Заявка ещё не получена этим компьютером; событие будет учтено, когда она появится.";
pub(crate) const IMPLIED_SENDING: &str = "Подразумевается: Оператор получил заявку, значит, она была направлена.";

/// A wire date as people read it.
pub(crate) fn human_at(at: &str) -> String {
    zayava_core::deadlines::Due::human_text(at.trim())
}

/// The event as the server sent it, for an issue the user can read and keep.
fn raw(ev: &PulledEvent) -> Value {
    serde_json::json!({ "seq": ev.seq, "id": ev.remote_id, "application": ev.application_id, "event": ev.event, "at": ev.at, "note": ev.note, "fields": ev.fields })
}

async fn insert_synced(tx: &mut Transaction<'_, Sqlite>, application_id: &str, new: &NewEvent, now: DateTime<Utc>) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by, note) VALUES (?, ?, ?, ?, 'sync', ?) RETURNING id")
        .bind(application_id)
        .bind(&new.event)
        .bind(new.at.trim())
        .bind(timestamp(now))
        .bind(new.note.trim())
        .fetch_one(&mut **tx)
        .await?)
}

/// Applies what is parked for one application, in the order the Operator sent it, as far
/// as its trail now allows; returns how many were applied. Run inside the writer's
/// transaction (a pulled page, a local event).
pub(crate) async fn apply_parked(tx: &mut Transaction<'_, Sqlite>, application_id: &str, now: DateTime<Utc>, today: NaiveDate) -> Result<usize, StoreError> {
    let Some(app) = sqlx::query("SELECT service, status FROM application WHERE id = ?").bind(application_id).fetch_optional(&mut **tx).await? else {
        return Ok(0);
    };
    let service: String = app.try_get("service")?;
    let ready = app.try_get::<String, _>("status")? == "ready";
    let mut applied = 0;
    loop {
        let parked = sqlx::query("SELECT remote_id, event, at, note FROM sync_parked WHERE application_id = ? ORDER BY seq").bind(application_id).fetch_all(&mut **tx).await?;
        let trail: Vec<RecordedEvent> = sqlx::query("SELECT id, event, at, recorded_at, recorded_by, corrects, note FROM application_event WHERE application_id = ? ORDER BY id")
            .bind(application_id)
            .fetch_all(&mut **tx)
            .await?
            .iter()
            .map(crate::lifecycle::event_from_row)
            .collect::<Result<_, _>>()?;
        let mut progressed = false;
        for p in &parked {
            let remote_id: String = p.try_get("remote_id")?;
            let new = NewEvent { event: p.try_get("event")?, at: p.try_get("at")?, corrects: None, note: p.try_get("note")? };
            let done = if lifecycle::effective(&trail).iter().any(|e| e.event == new.event && e.at.trim() == new.at.trim()) {
                None
            } else if lifecycle::check_new(Rulebook::shared(), &service, ready || !trail.is_empty(), &trail, &new, today).is_ok() {
                Some(insert_synced(tx, application_id, &new, now).await?)
            } else {
                continue;
            };
            sqlx::query("DELETE FROM sync_parked WHERE remote_id = ?").bind(&remote_id).execute(&mut **tx).await?;
            sqlx::query("UPDATE sync_remote_event SET local_event_id = ? WHERE remote_id = ?").bind(done).bind(&remote_id).execute(&mut **tx).await?;
            applied += usize::from(done.is_some());
            progressed = true;
            break; // the trail changed: read it again
        }
        if !progressed {
            return Ok(applied);
        }
    }
}

/// One pulled page's view of the database: which remote events were applied, the
/// applications concerned with their trails, and their operator fields; and what the page
/// will write, gathered in memory and written in a few statements (`write`), since a
/// statement apiece costs more in the driver than deciding what to write.
struct Page {
    seen: HashSet<String>,
    apps: HashMap<String, (String, bool)>,
    trails: HashMap<String, Vec<RecordedEvent>>,
    fields: HashMap<String, Map<String, Value>>,
    changed_fields: HashSet<String>,
    /// The id the next recorded event gets. The page runs in the writer's transaction
    /// (`BEGIN IMMEDIATE`), so no other writer takes ids meanwhile; it starts past both the
    /// largest id and the AUTOINCREMENT sequence, so an id is never reused.
    next_id: i64,
    recorded_at: String,
    /// `[id, application, event, at, note]` to insert into the trail.
    recorded: Vec<Value>,
    /// `[remote id, seq, application, event, at, note, reason]` to keep in `sync_parked`.
    parked: Vec<Value>,
    /// `[code, subject, detail]` to keep in `sync_issue`.
    issues: Vec<Value>,
}

impl Page {
    async fn load(tx: &mut Transaction<'_, Sqlite>, events: &[PulledEvent], now: DateTime<Utc>) -> Result<Page, StoreError> {
        let remote_ids = serde_json::to_string(&events.iter().map(|e| &e.remote_id).collect::<Vec<_>>()).expect("ids");
        let app_ids = serde_json::to_string(&events.iter().map(|e| &e.application_id).collect::<HashSet<_>>()).expect("ids");
        // Each set comes as one row of JSON: a row apiece costs more in the driver (a
        // hand-over between its thread and ours) than the rest of the page.
        let one = |sql: &'static str, ids: &str| sqlx::query_scalar::<_, String>(sql).bind(ids.to_string());
        let corrupt = |what: &str, e: serde_json::Error| StoreError::Corrupt(format!("pulled page, {what}: {e}"));
        let seen: Vec<String> = serde_json::from_str(
            &one("SELECT json_group_array(remote_id) FROM sync_remote_event WHERE remote_id IN (SELECT value FROM json_each(?))", &remote_ids).fetch_one(&mut **tx).await?,
        )
        .map_err(|e| corrupt("seen", e))?;
        let listed: Vec<(String, String, String)> = serde_json::from_str(
            &one("SELECT json_group_array(json_array(id, service, status)) FROM application WHERE id IN (SELECT value FROM json_each(?))", &app_ids).fetch_one(&mut **tx).await?,
        )
        .map_err(|e| corrupt("applications", e))?;
        let apps = listed.into_iter().map(|(id, service, status)| (id, (service, status == "ready"))).collect();
        let events_read: Vec<(String, i64, String, String, String, String, Option<i64>, String)> = serde_json::from_str(
            &one(
                "SELECT json_group_array(json_array(application_id, id, event, at, recorded_at, recorded_by, corrects, note))
                 FROM (SELECT * FROM application_event WHERE application_id IN (SELECT value FROM json_each(?)) ORDER BY id)",
                &app_ids,
            )
            .fetch_one(&mut **tx)
            .await?,
        )
        .map_err(|e| corrupt("trails", e))?;
        let mut trails: HashMap<String, Vec<RecordedEvent>> = HashMap::new();
        for (application_id, id, event, at, recorded_at, by, corrects, note) in events_read {
            let recorded_by = if by == "sync" { Recorder::Sync } else { Recorder::User };
            trails.entry(application_id).or_default().push(RecordedEvent { id, event, at, recorded_at, recorded_by, corrects, note });
        }
        let stored: Vec<(String, String)> = serde_json::from_str(
            &one("SELECT json_group_array(json_array(application_id, operator_fields)) FROM sync_application WHERE application_id IN (SELECT value FROM json_each(?))", &app_ids)
                .fetch_one(&mut **tx)
                .await?,
        )
        .map_err(|e| corrupt("operator fields", e))?;
        let fields = stored.into_iter().map(|(id, f)| (id, serde_json::from_str(&f).unwrap_or_default())).collect();
        let seen = seen.into_iter().collect();
        let next_id: i64 = sqlx::query_scalar(
            "SELECT max(coalesce((SELECT max(id) FROM application_event), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'application_event'), 0)) + 1",
        )
        .fetch_one(&mut **tx)
        .await?;
        Ok(Page { seen, apps, trails, fields, changed_fields: HashSet::new(), next_id, recorded_at: timestamp(now), recorded: Vec::new(), parked: Vec::new(), issues: Vec::new() })
    }

    /// Records one operator event in its application's trail, or says what became of it:
    /// parked until the trail allows it, or kept as an issue. The numbers and texts it
    /// carries are stored whatever happens.
    fn apply(&mut self, ev: &PulledEvent, today: NaiveDate) -> Result<i64, Outcome> {
        self.merge_fields(ev);
        let Some((service, ready)) = self.apps.get(&ev.application_id).cloned() else {
            // Perhaps made on another desktop and not here yet: kept for when it is.
            return Err(Outcome::Parked(UNKNOWN_APPLICATION.into()));
        };
        let trail = self.trails.entry(ev.application_id.clone()).or_default();
        let mut record = |new: NewEvent, trail: &mut Vec<RecordedEvent>| {
            let (id, at, note) = (self.next_id, new.at.trim().to_string(), new.note.trim().to_string());
            self.next_id += 1;
            self.recorded.push(serde_json::json!([id, ev.application_id, new.event, at, note]));
            trail.push(RecordedEvent { id, event: new.event, at, recorded_at: self.recorded_at.clone(), recorded_by: Recorder::Sync, corrects: None, note });
            id
        };
        let new = NewEvent { event: ev.event.clone(), at: ev.at.clone(), corrects: None, note: ev.note.clone() };
        // The user may have recorded the same fact by hand before it arrived: it is not doubled.
        if let Some(same) = lifecycle::effective(trail).iter().find(|e| e.event == new.event && e.at.trim() == new.at.trim()) {
            return Ok(same.id);
        }
        // The Operator received an application still a draft here: the sending is a fact too,
        // implied by the receipt, and recorded as such on the same day.
        let implied = new.event == "application_received" && !lifecycle::effective(trail).iter().any(|e| e.event == "application_sent");
        if implied {
            let sent = NewEvent { event: "application_sent".into(), at: new.at.clone(), corrects: None, note: IMPLIED_SENDING.into() };
            if lifecycle::check_new(Rulebook::shared(), &service, true, trail, &sent, today).is_ok() {
                record(sent, trail);
            }
        }
        if let Err(e) = lifecycle::check_new(Rulebook::shared(), &service, ready || implied, trail, &new, today) {
            let why = Every::new(|lang| e.message(Rulebook::shared(), &service, lang));
            return Err(match e {
                // Not an event of this service, or a date that is no date: nothing to wait for.
                lifecycle::LifecycleError::UnknownEvent { .. } | lifecycle::LifecycleError::Date(_) => Outcome::Issue("sync.refused_event", Said::Each(why)),
                // The timeline says why it waits in the language of the moment; this is the record.
                _ => Outcome::Parked(why.stored()),
            });
        }
        Ok(record(new, trail))
    }

    /// The operator's fields always take the server's value.
    fn merge_fields(&mut self, ev: &PulledEvent) {
        if ev.fields.is_empty() {
            return;
        }
        let fields = self.fields.entry(ev.application_id.clone()).or_default();
        for (k, v) in &ev.fields {
            fields.insert(k.clone(), v.clone());
        }
        self.changed_fields.insert(ev.application_id.clone());
    }

    /// Writes what the page gathered: the recorded events, the parked ones, the issues and
    /// the operator's fields, a statement each.
    async fn write(&self, tx: &mut Transaction<'_, Sqlite>, now: DateTime<Utc>) -> Result<(), StoreError> {
        let stamp = timestamp(now);
        if !self.recorded.is_empty() {
            sqlx::query(
                "INSERT INTO application_event (id, application_id, event, at, recorded_at, recorded_by, note)
                 SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, ?, 'sync', value ->> 4 FROM json_each(?)",
            )
            .bind(&self.recorded_at)
            .bind(serde_json::to_string(&self.recorded).expect("values"))
            .execute(&mut **tx)
            .await?;
        }
        if !self.parked.is_empty() {
            // The first copy is kept, if one comes again.
            sqlx::query(
                "INSERT OR IGNORE INTO sync_parked (remote_id, seq, application_id, event, at, note, reason, parked_at)
                 SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ? FROM json_each(?)",
            )
            .bind(&stamp)
            .bind(serde_json::to_string(&self.parked).expect("values"))
            .execute(&mut **tx)
            .await?;
        }
        if !self.issues.is_empty() {
            sqlx::query("INSERT INTO sync_issue (at, code, subject, detail) SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)")
                .bind(&stamp)
                .bind(serde_json::to_string(&self.issues).expect("values"))
                .execute(&mut **tx)
                .await?;
        }
        if !self.changed_fields.is_empty() {
            let rows: Vec<Value> = self.changed_fields.iter().map(|id| serde_json::json!([id, Value::Object(self.fields[id].clone()).to_string()])).collect();
            sqlx::query(
                "INSERT INTO sync_application (application_id, operator_fields, updated_at)
                 SELECT value ->> 0, value ->> 1, ? FROM json_each(?) WHERE true
                 ON CONFLICT(application_id) DO UPDATE SET operator_fields = excluded.operator_fields, updated_at = excluded.updated_at",
            )
            .bind(&stamp)
            .bind(Value::Array(rows).to_string())
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
