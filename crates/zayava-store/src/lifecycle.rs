//! Applications' lives in the database: the append-only event trail, the timeline, the
//! stored due dates kept in step with every change, and the dashboard read from them.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use ts_rs::TS;
use zayava_core::calendar::Calendar;
use zayava_core::deadlines::{QueryError, WorkingWindow};
use zayava_core::organisation::Organisation;
use zayava_core::forms::{self, FieldRole};
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, deadline_status, DeadlineStatus, NewEvent, NoticeContext, RecordedEvent, Recorder, Timeline};
use zayava_core::rules::{Party, RuleKind, Rulebook};

use crate::applications::ApplicationStatus;
use crate::organisations::timestamp;
use crate::{Database, StoreError};

/// One line of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueEntry {
    pub application_id: String,
    /// The application's short number, «З-0042».
    pub number: String,
    pub service: String,
    pub organisation_name: Option<String>,
    pub rule: String,
    /// The round of this deadline (1 and up; DOMAIN.md §6.2), and «2-й круг» from the second.
    pub round: u32,
    pub round_label: Option<String>,
    pub title: String,
    pub party: Option<Party>,
    pub kind: RuleKind,
    pub due: String,
    pub status: DeadlineStatus,
    pub clause: String,
    /// For a window whose miss voids the contract: what is at stake, in a sentence.
    pub stake: Option<String>,
}

/// What the dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct DashboardQuery {
    /// Everything due up to this many working days ahead (overdue items always).
    pub working_days: u32,
    /// Only this party's deadlines.
    #[serde(default)]
    pub party: Option<Party>,
    /// The most lines returned (a page).
    #[serde(default = "default_limit")]
    pub limit: u32,
}

fn default_limit() -> u32 {
    50
}

pub(crate) fn recorder_code(r: Recorder) -> &'static str {
    match r {
        Recorder::User => "user",
        Recorder::Sync => "sync",
    }
}

/// Marks stale the applications with a date counted through `year`: a count runs from an
/// event or a due date to a due date, so an application is touched when its events and due
/// dates span some of that year. (Compared as text: a month «2027-01» is ≥ «2027».)
pub(crate) async fn mark_stale_through(tx: &mut sqlx::SqliteConnection, year: i32) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO due_stale (application_id, mark)
         SELECT application_id, random() FROM (
             SELECT application_id, MIN(day) AS first, MAX(day) AS last FROM (
                 SELECT application_id, substr(at, 1, 10) AS day FROM application_event
                 UNION ALL SELECT application_id, due_day FROM due_item)
             GROUP BY application_id)
         WHERE first < ?2 AND last >= ?1
         ON CONFLICT (application_id) DO UPDATE SET mark = excluded.mark",
    )
    .bind(year.to_string())
    .bind((year + 1).to_string())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Marks applications stale, each with a fresh mark (migration 0013): a recompute that read
/// an older mark, or none, leaves this one in place. Every change to a date's inputs (an
/// event, a pulled page, the form, readiness, an import, the calendar) calls it in the
/// transaction that makes the change.
pub(crate) async fn mark_stale(tx: &mut sqlx::SqliteConnection, application_ids: &[String]) -> Result<(), StoreError> {
    if application_ids.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO due_stale (application_id, mark) SELECT value, random() FROM json_each(?) WHERE true
         ON CONFLICT (application_id) DO UPDATE SET mark = excluded.mark",
    )
    .bind(serde_json::to_string(application_ids).expect("ids"))
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The stale marks of some applications (those not marked are absent).
async fn stale_marks<'e, E: sqlx::SqliteExecutor<'e>>(executor: E, ids: &str) -> Result<HashMap<String, i64>, StoreError> {
    let marks: Vec<(String, i64)> = serde_json::from_str(
        &sqlx::query_scalar::<_, String>("SELECT json_group_array(json_array(application_id, mark)) FROM due_stale WHERE application_id IN (SELECT value FROM json_each(?))")
            .bind(ids)
            .fetch_one(executor)
            .await?,
    )
    .map_err(|e| StoreError::Corrupt(format!("stale marks: {e}")))?;
    Ok(marks.into_iter().collect())
}

/// What a recompute of some applications reads: their rows, their events (as JSON, a row
/// per application), the organisations, the calendar and the support window.
struct RecomputeInputs {
    ids: String,
    /// The stale marks as they were before anything else was read.
    marks: HashMap<String, i64>,
    /// `[application (JSON_COLUMNS), stage, due digest]` of each, as one JSON array.
    apps: String,
    /// `[application id, id, event, at, recorded_at, recorded_by, corrects, note]` of every
    /// event of theirs, in the order recorded, as one JSON array.
    trails: String,
    orgs: HashMap<i64, Organisation>,
    cal: std::sync::Arc<Calendar>,
    window: WorkingWindow,
}

/// What it writes: the due dates of the applications whose digest changed, and the stage and
/// digest of those and of any whose stage changed.
struct RecomputeWrites {
    ids: String,
    marks: HashMap<String, i64>,
    changed: Vec<String>,
    rows: Vec<serde_json::Value>,
    stages: Vec<serde_json::Value>,
}

impl RecomputeInputs {
    /// The dates worked out, compared with the stored digests: no IO, so it may run on a
    /// thread of its own.
    fn compute(self) -> Result<RecomputeWrites, StoreError> {
        let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("recompute: {e}"));
        let events: Vec<(String, i64, String, String, String, String, Option<i64>, String)> = serde_json::from_str(&self.trails).map_err(corrupt)?;
        let mut trails: HashMap<String, Vec<RecordedEvent>> = HashMap::new();
        for (application_id, id, event, at, recorded_at, by, corrects, note) in events {
            let recorded_by = if by == "sync" { Recorder::Sync } else { Recorder::User };
            trails.entry(application_id).or_default().push(RecordedEvent { id, event, at, recorded_at, recorded_by, corrects, note });
        }
        let apps: Vec<(crate::applications::JsonRow, String, Option<String>)> = serde_json::from_str(&self.apps).map_err(corrupt)?;
        let mut w = RecomputeWrites { ids: self.ids, marks: self.marks, changed: Vec::new(), rows: Vec::new(), stages: Vec::new() };
        for (row, stage, stored_digest) in apps {
            let app = crate::applications::from_json(row)?;
            let org = app.organisation_id.and_then(|id| self.orgs.get(&id));
            let line = dates_of(&app, trails.get(&app.id).map(Vec::as_slice).unwrap_or(&[]), org, &self.cal, self.window)?;
            let mut items: Vec<StoredDue> = line
                .deadlines
                .iter()
                .filter_map(|d| {
                    let due = d.item.due.clone()?;
                    Some(StoredDue {
                        rule: d.item.rule.clone(),
                        party: party_code(d.item.party).map(str::to_string),
                        kind: match d.item.kind {
                            RuleKind::Deadline => "deadline",
                            RuleKind::Date => "date",
                        }
                        .to_string(),
                        due_day: due.chars().take(10).collect(),
                        due,
                        // A void contract has nothing left to do: its deadlines leave the to-do list.
                        open: (!d.settled && line.void.is_none()) as i64,
                        round: d.round as i64,
                        voids: Rulebook::shared().rule(&d.item.rule).is_some_and(|(_, r)| r.on_miss.is_some()) as i64,
                    })
                })
                .collect();
            items.sort();
            let digest = digest(&items);
            if stored_digest.as_deref() != Some(digest.as_str()) {
                w.changed.push(app.id.clone());
                for d in items {
                    w.rows.push(serde_json::json!([app.id, d.rule, d.party, d.kind, d.due, d.due_day, d.open, d.round, d.voids]));
                }
                w.stages.push(serde_json::json!([app.id, line.state, digest]));
            } else if stage != line.state {
                w.stages.push(serde_json::json!([app.id, line.state, digest]));
            }
        }
        Ok(w)
    }
}

/// How many applications are recomputed per transaction when many are.
const REFRESH_CHUNK: usize = 2000;

/// One stored due date.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct StoredDue {
    rule: String,
    round: i64,
    party: Option<String>,
    kind: String,
    due: String,
    due_day: String,
    open: i64,
    voids: i64,
}

/// The digest of an application's due dates (sorted), as `application.due_digest` keeps it:
/// FNV-1a over every field with a separator, written here so it never changes with a
/// library. A changed algorithm would only make every application be written once more.
fn digest(items: &[StoredDue]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain([0x1f].iter()) {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for d in items {
        eat(d.rule.as_bytes());
        eat(&d.round.to_le_bytes());
        eat(d.party.as_deref().unwrap_or("-").as_bytes());
        eat(d.kind.as_bytes());
        eat(d.due.as_bytes());
        eat(d.due_day.as_bytes());
        eat(&[d.open as u8, d.voids as u8, 0x1e]);
    }
    format!("{h:016x}")
}

fn party_code(p: Option<Party>) -> Option<&'static str> {
    p.map(|p| match p {
        Party::Consumer => "consumer",
        Party::Operator => "operator",
        Party::Both => "both",
    })
}

pub(crate) fn event_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<RecordedEvent, sqlx::Error> {
    Ok(RecordedEvent {
        id: row.try_get("id")?,
        event: row.try_get("event")?,
        at: row.try_get("at")?,
        recorded_at: row.try_get("recorded_at")?,
        recorded_by: if row.try_get::<String, _>("recorded_by")? == "sync" { Recorder::Sync } else { Recorder::User },
        corrects: row.try_get("corrects")?,
        note: row.try_get("note")?,
    })
}

impl Database {
    /// The audit trail of one application, in the order recorded.
    pub async fn events(&self, application_id: &str) -> Result<Vec<RecordedEvent>, StoreError> {
        let rows = sqlx::query("SELECT id, event, at, recorded_at, recorded_by, corrects, note FROM application_event WHERE application_id = ? ORDER BY id")
            .bind(application_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(event_from_row).collect::<Result<_, _>>()?)
    }

    /// Records an event after checking it against the trail; refused, changing nothing, if
    /// the service does not know it, the state does not allow it, it is dated before the
    /// event it follows, or it is in the future. `now` is the local (Minsk) time.
    pub async fn record_event(&self, application_id: &str, new: &NewEvent, by: Recorder, recorded: DateTime<Utc>, now: NaiveDateTime) -> Result<RecordedEvent, StoreError> {
        // Check and write in one immediate transaction: no other writer (the window, `zayava
        // sync`) can slip an event in between, and the dates are marked stale with the event,
        // so a crash before they are recomputed is repaired at the next start.
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {} FROM application WHERE id = ?", crate::applications::COLUMNS)))
            .bind(application_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound { entity: "application", id: application_id.to_string() })?;
        let app = crate::applications::from_row(&row)?;
        let trail = sqlx::query("SELECT id, event, at, recorded_at, recorded_by, corrects, note FROM application_event WHERE application_id = ? ORDER BY id")
            .bind(application_id)
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(event_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        lifecycle::check_new(Rulebook::shared(), &app.service, app.status == ApplicationStatus::Ready, &trail, new, now.date())
            .map_err(|error| StoreError::Lifecycle { service: app.service.clone(), error })?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by, corrects, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(application_id)
        .bind(&new.event)
        .bind(new.at.trim())
        .bind(timestamp(recorded))
        .bind(recorder_code(by))
        .bind(new.corrects)
        .bind(new.note.trim())
        .fetch_one(&mut *tx)
        .await?;
        // The Operator's events waiting for this one may now fit.
        crate::sync::apply_parked(&mut tx, application_id, recorded, now.date()).await?;
        mark_stale(&mut tx, &[application_id.to_string()]).await?;
        tx.commit().await?;
        self.refresh_due(application_id).await?;
        let row = sqlx::query("SELECT id, event, at, recorded_at, recorded_by, corrects, note FROM application_event WHERE id = ?").bind(id).fetch_one(&self.pool).await?;
        Ok(event_from_row(&row)?)
    }

    /// The application's life as of `now` (local time): events, deadlines, state.
    pub async fn timeline(&self, application_id: &str, now: NaiveDateTime, lang: Lang) -> Result<Timeline, StoreError> {
        let app = self.application(application_id).await?;
        let trail = self.events(application_id).await?;
        let org = match app.organisation_id {
            Some(id) => Some(self.organisation(id).await?),
            None => None,
        };
        let cal = self.calendar().await?;
        let window = self.working_window().await?;
        let mut line = line_of(&app, &trail, org.as_ref(), &cal, window, now, lang)?;
        // Events a colleague recorded on another desktop of the account carry their name.
        let authors: HashMap<i64, String> = sqlx::query_as("SELECT id, author FROM application_event WHERE application_id = ? AND author IS NOT NULL")
            .bind(application_id)
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .collect();
        for e in &mut line.events {
            e.author = authors.get(&e.event.id).cloned();
        }
        // The Operator's events waiting for the trail to allow them are shown with why, in
        // the user's language as of now.
        let parked = sqlx::query("SELECT seq, event, at, note FROM sync_parked WHERE application_id = ? ORDER BY seq").bind(application_id).fetch_all(&self.pool).await?;
        for p in &parked {
            let new = NewEvent { event: p.try_get("event")?, at: p.try_get("at")?, corrects: None, note: p.try_get("note")? };
            let book = Rulebook::shared();
            let why = match lifecycle::check_new(book, &app.service, app.status == ApplicationStatus::Ready || !trail.is_empty(), &trail, &new, now.date()) {
                Err(e) => e.message(book, &app.service, lang),
                Ok(()) => String::new(),
            };
            let reason = zayava_core::i18n::Text::id("store-parked-event").fill(lang, &[("at", &crate::sync::human_at(&new.at)), ("why", &why)]);
            line.unplaced.push(lifecycle::Unplaced { id: -p.try_get::<i64, _>("seq")?, label: lifecycle::event_label(book, &app.service, &new.event, lang), reason: reason.trim().to_string() });
        }
        Ok(line)
    }

    /// Every application matching `filter` with its timeline (for exports of all deadlines).
    pub async fn timelines(&self, filter: &crate::applications::ApplicationFilter, now: NaiveDateTime, lang: Lang) -> Result<Vec<(crate::applications::ApplicationSummary, Timeline)>, StoreError> {
        let mut out = Vec::new();
        for summary in self.applications_on(filter, now.date()).await? {
            let line = self.timeline(&summary.id, now, lang).await?;
            out.push((summary, line));
        }
        Ok(out)
    }

    /// Recomputes one application's stored dates. Only whether each deadline was met is
    /// stored, which does not depend on today, so no clock is read.
    pub async fn refresh_due(&self, application_id: &str) -> Result<(), StoreError> {
        self.refresh_due_many(&[application_id.to_string()]).await
    }

    /// Recomputes the stored dates of several applications: read in bulk, compared with what
    /// is stored (by digest), and only what changed written, in one transaction (a pulled
    /// page touches up to a thousand applications; a calendar correction, chunks of them).
    /// The applications leave the stale list in the same transaction.
    pub async fn refresh_due_many(&self, application_ids: &[String]) -> Result<(), StoreError> {
        if application_ids.is_empty() {
            return Ok(());
        }
        // Every change to a date's inputs marks the application in its own transaction; one
        // not marked gets a mark here, so that "no mark" is never read as "mine" (a change
        // and its recompute could otherwise come and go between this read and this write).
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("INSERT INTO due_stale (application_id, mark) SELECT value, random() FROM json_each(?) WHERE true ON CONFLICT (application_id) DO NOTHING")
            .bind(serde_json::to_string(application_ids).expect("ids"))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.refresh_marked(application_ids).await
    }

    /// `refresh_due_many` for applications known to be marked stale (a pulled page's, marked
    /// in its transaction): the same, without the transaction that marks the unmarked.
    pub async fn refresh_marked(&self, application_ids: &[String]) -> Result<(), StoreError> {
        if application_ids.is_empty() {
            return Ok(());
        }
        let inputs = self.recompute_inputs(application_ids).await?;
        let writes = inputs.compute()?;
        self.write_recomputed(writes).await
    }

    /// What recomputing these applications reads.
    async fn recompute_inputs(&self, application_ids: &[String]) -> Result<RecomputeInputs, StoreError> {
        let ids = serde_json::to_string(application_ids).expect("ids");
        // The marks first: one set after this read is not cleared by this recompute.
        let marks = stale_marks(&self.pool, &ids).await?;
        // Each set comes as one row of JSON: a row apiece costs more in the driver (a
        // hand-over between its thread and ours) than the rest of the recompute.
        let apps: String = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT json_group_array(json_array({}, stage, due_digest)) FROM application WHERE id IN (SELECT value FROM json_each(?))",
            crate::applications::JSON_COLUMNS
        )))
        .bind(&ids)
        .fetch_one(&self.pool)
        .await?;
        let trails: String = sqlx::query_scalar(
            "SELECT json_group_array(json_array(application_id, id, event, at, recorded_at, recorded_by, corrects, note))
             FROM (SELECT * FROM application_event WHERE application_id IN (SELECT value FROM json_each(?)) ORDER BY application_id, id)",
        )
        .bind(&ids)
        .fetch_one(&self.pool)
        .await?;
        let orgs: HashMap<i64, Organisation> = self.organisations().await?.into_iter().map(|o| (o.id, o)).collect();
        Ok(RecomputeInputs { ids, marks, apps, trails, orgs, cal: self.calendar().await?, window: self.working_window().await? })
    }

    /// Writes what a recompute found changed, and takes its applications off the stale list:
    /// those whose stale mark is still the one read before the recompute read its inputs
    /// (every recompute has one to read: see `refresh_due_many`). One marked meanwhile was changed after
    /// the read — or recomputed by someone who read later — so nothing of it is written and
    /// it stays stale for the recompute that marked it.
    async fn write_recomputed(&self, mut w: RecomputeWrites) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let now = stale_marks(&mut *tx, &w.ids).await?;
        let ids: Vec<String> = serde_json::from_str(&w.ids).expect("ids written here");
        let (owned, moved): (Vec<String>, Vec<String>) = ids.into_iter().partition(|id| w.marks.get(id) == now.get(id));
        if !moved.is_empty() {
            let moved: HashSet<&str> = moved.iter().map(String::as_str).collect();
            let of = |v: &serde_json::Value| v[0].as_str().is_some_and(|id| moved.contains(id));
            w.changed.retain(|id| !moved.contains(id.as_str()));
            w.rows.retain(|r| !of(r));
            w.stages.retain(|r| !of(r));
        }
        sqlx::query("DELETE FROM due_stale WHERE application_id IN (SELECT value FROM json_each(?))").bind(serde_json::to_string(&owned).expect("ids")).execute(&mut *tx).await?;
        if !w.changed.is_empty() {
            let changed = serde_json::to_string(&w.changed).expect("ids");
            sqlx::query("DELETE FROM due_item WHERE application_id IN (SELECT value FROM json_each(?))").bind(&changed).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO due_item (application_id, rule, party, kind, due, due_day, open, round, voids)
                 SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8 FROM json_each(?)",
            )
            .bind(serde_json::Value::Array(w.rows).to_string())
            .execute(&mut *tx)
            .await?;
        }
        if !w.stages.is_empty() {
            sqlx::query("UPDATE application SET stage = s.value ->> 1, due_digest = s.value ->> 2 FROM json_each(?) s WHERE application.id = s.value ->> 0")
                .bind(serde_json::Value::Array(w.stages).to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Recomputes every application's dates (after the support window changed): all are
    /// marked stale at once, so a crash midway leaves the rest for the next start.
    pub async fn refresh_all_due(&self) -> Result<usize, StoreError> {
        sqlx::query(
            "INSERT INTO due_stale (application_id, mark) SELECT DISTINCT application_id, random() FROM application_event WHERE true
             ON CONFLICT (application_id) DO UPDATE SET mark = excluded.mark",
        )
        .execute(&self.pool)
        .await?;
        self.refresh_stale_due_with(&mut |_, _| {}).await
    }

    /// Recomputes the applications marked stale, a chunk at a time, telling `progress` how
    /// many of how many are done after each chunk.
    pub async fn refresh_stale_due_with(&self, progress: &mut (dyn FnMut(usize, usize) + Send)) -> Result<usize, StoreError> {
        let ids: Vec<String> = sqlx::query_scalar("SELECT application_id FROM due_stale").fetch_all(&self.pool).await?;
        progress(0, ids.len());
        // Three chunks in flight on the two sides of the driver: the next one is read while
        // this one is computed on a thread of its own and the last one written.
        let chunks: Vec<Vec<String>> = ids.chunks(REFRESH_CHUNK).map(<[String]>::to_vec).collect();
        let read = |chunk: Option<&Vec<String>>| {
            let (db, chunk) = (self.clone(), chunk.cloned());
            tokio::spawn(async move {
                match chunk {
                    Some(chunk) => db.recompute_inputs(&chunk).await.map(Some),
                    None => Ok(None),
                }
            })
        };
        let mut next = read(chunks.first());
        let mut writing: Option<tokio::task::JoinHandle<Result<(), StoreError>>> = None;
        let mut done = 0;
        for n in 0..chunks.len() {
            let inputs = next.await.map_err(|e| StoreError::Corrupt(format!("recompute: {e}")))??.expect("a chunk was read");
            next = read(chunks.get(n + 1));
            let writes = tokio::task::spawn_blocking(move || inputs.compute()).await.map_err(|e| StoreError::Corrupt(format!("recompute: {e}")))??;
            if let Some(w) = writing.take() {
                w.await.map_err(|e| StoreError::Corrupt(format!("recompute: {e}")))??;
                progress(done, ids.len());
            }
            done += chunks[n].len();
            let db = self.clone();
            writing = Some(tokio::spawn(async move { db.write_recomputed(writes).await }));
        }
        if let Some(w) = writing {
            w.await.map_err(|e| StoreError::Corrupt(format!("recompute: {e}")))??;
            progress(done, ids.len());
        }
        Ok(ids.len())
    }

    /// Everything open up to `working_days` working days ahead, overdue first, soonest first.
    pub async fn dashboard(&self, query: &DashboardQuery, now: NaiveDateTime, lang: Lang) -> Result<Vec<DueEntry>, StoreError> {
        let cal = self.calendar().await?;
        let today = now.date();
        let horizon: NaiveDate = if query.working_days == 0 { today } else { cal.add_working_days(today, query.working_days, zayava_core::calendar::Schedule::Official).unwrap_or(today) };
        let mut sql = String::from(
            "SELECT d.application_id, a.number, d.rule, d.round, d.voids, d.party, d.kind, d.due, a.service, o.name AS organisation_name,
                    EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = d.application_id AND e.event = 'signed_contract_sent') AS sent_back
             FROM due_item d JOIN application a ON a.id = d.application_id LEFT JOIN organisation o ON o.id = a.organisation_id
             WHERE d.open = 1 AND d.due_day <= ?1 AND (d.kind = 'deadline' OR d.due_day >= ?2) AND a.archived = 0
               AND NOT (d.voids = 1 AND d.due_day < ?2)",
        );
        // A window that voids the contract and has passed is not a thing to do: the
        // application shows as not concluded instead (DOMAIN.md §6.4).
        if query.party.is_some() {
            sql.push_str(" AND d.party = ?3");
        }
        sql.push_str(if query.party.is_some() { " ORDER BY d.due_day, d.due, d.application_id LIMIT ?4" } else { " ORDER BY d.due_day, d.due, d.application_id LIMIT ?3" });
        // Safe: fixed fragments only; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(horizon.format("%Y-%m-%d").to_string()).bind(today.format("%Y-%m-%d").to_string());
        if let Some(p) = party_code(query.party) {
            q = q.bind(p);
        }
        let rows = q.bind(query.limit.min(1000) as i64).fetch_all(&self.pool).await?;
        let book = Rulebook::shared();
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let Some(mut entry) = due_entry(&r, now, lang)? else { continue };
            let sent_back: bool = r.try_get("sent_back")?;
            let rule = book.rule(&entry.rule).map(|(_, rule)| rule);
            let day = entry.due.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
            entry.stake = rule.zip(day).and_then(|(rule, day)| lifecycle::stake(rule, day, today, sent_back, &cal, lang));
            out.push(entry);
        }
        Ok(out)
    }
}

impl Database {
    /// Contracts whose term ends within `days` calendar days of `now` and that no later term
    /// follows yet (not renewed): «Договоры, которые заканчиваются», soonest first.
    pub async fn expiring(&self, days: u32, now: NaiveDateTime, lang: Lang) -> Result<Vec<DueEntry>, StoreError> {
        let book = Rulebook::shared();
        let terms: Vec<&str> = book.services.iter().flat_map(|s| s.rules.iter()).filter(|r| r.term_end).map(|r| r.id.as_str()).collect();
        let today = now.date();
        let until = today + chrono::Duration::days(days as i64);
        let rows = sqlx::query(
            "SELECT d.application_id, a.number, d.rule, d.round, d.party, d.kind, d.due, a.service, o.name AS organisation_name
             FROM due_item d JOIN application a ON a.id = d.application_id LEFT JOIN organisation o ON o.id = a.organisation_id
             WHERE d.rule IN (SELECT value FROM json_each(?1)) AND d.due_day >= ?2 AND d.due_day <= ?3 AND a.archived = 0
               AND NOT EXISTS (SELECT 1 FROM due_item later WHERE later.application_id = d.application_id
                               AND later.rule IN (SELECT value FROM json_each(?1)) AND later.due_day > d.due_day)
             ORDER BY d.due_day, d.application_id LIMIT 500",
        )
        .bind(serde_json::to_string(&terms).expect("ids"))
        .bind(today.format("%Y-%m-%d").to_string())
        .bind(until.format("%Y-%m-%d").to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            // A term that follows a renewal is a new term, not a «round» for people.
            out.extend(due_entry(&r, now, lang)?.map(|e| DueEntry { round_label: None, ..e }));
        }
        Ok(out)
    }
}

/// A line of the dashboard from a `due_item` row joined with its application (`None` for a
/// rule the rulebook no longer has). What is at stake is added by the dashboard.
fn due_entry(r: &sqlx::sqlite::SqliteRow, now: NaiveDateTime, lang: Lang) -> Result<Option<DueEntry>, StoreError> {
    let rule_id: String = r.try_get("rule")?;
    let Some((_, rule)) = Rulebook::shared().rule(&rule_id) else { return Ok(None) };
    let due: String = r.try_get("due")?;
    let round: i64 = r.try_get("round")?;
    Ok(Some(DueEntry {
        application_id: r.try_get("application_id")?,
        number: crate::applications::number_text(r.try_get::<Option<i64>, _>("number")?.unwrap_or_default()),
        service: r.try_get("service")?,
        organisation_name: r.try_get("organisation_name")?,
        title: rule.title.get(lang).to_string(),
        party: rule.party,
        kind: rule.kind,
        status: deadline_status(Some(&due), rule.kind, None, now),
        clause: rule.clause.clone(),
        round: round.max(1) as u32,
        round_label: (round > 1).then(|| lifecycle::round_label(round as u32, lang)),
        stake: None,
        rule: rule_id,
        due,
    }))
}

/// An application's timeline from what is already loaded (one or many at a time).
/// What the store keeps of an application's timeline: its state and deadlines, no text.
fn dates_of(app: &crate::applications::Application, trail: &[RecordedEvent], org: Option<&Organisation>, cal: &Calendar, window: WorkingWindow) -> Result<Timeline, StoreError> {
    let facts = lifecycle::facts(forms::by_version(&app.schema_version), &app.values, org.map(|o| &o.values));
    lifecycle::dates(Rulebook::shared(), cal, window, &app.service, app.status == ApplicationStatus::Ready, trail, facts).map_err(|e: QueryError| StoreError::Corrupt(format!("application {}: {e}", app.id)))
}

fn line_of(app: &crate::applications::Application, trail: &[RecordedEvent], org: Option<&Organisation>, cal: &Calendar, window: WorkingWindow, now: NaiveDateTime, lang: Lang) -> Result<Timeline, StoreError> {
    let facts = lifecycle::facts(forms::by_version(&app.schema_version), &app.values, org.map(|o| &o.values));
    // Who a notice names: the body and contact the application gives (its form's field
    // roles), else the organisation.
    let text = |role: FieldRole| forms::by_version(&app.schema_version).map(|s| s.text_of(role, &app.values).to_string()).unwrap_or_default();
    let notice = NoticeContext {
        organisation: Some(text(FieldRole::Name)).filter(|n| !n.is_empty()).or(org.map(|o| o.name.clone())).unwrap_or_default(),
        contact: text(FieldRole::Contact),
    };
    lifecycle::timeline(Rulebook::shared(), cal, window, &app.service, app.status == ApplicationStatus::Ready, trail, facts, now, &notice, lang)
        .map_err(|e: QueryError| StoreError::Corrupt(format!("application {}: {e}", app.id)))
}

#[cfg(test)]
mod stale_marks_tests {
    use super::*;
    use chrono::Utc;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn new(event: &str, day: &str) -> NewEvent {
        NewEvent { event: event.into(), at: day.into(), corrects: None, note: String::new() }
    }

    async fn stored(db: &Database, id: &str) -> Vec<(String, String)> {
        sqlx::query_as("SELECT rule, due FROM due_item WHERE application_id = ? ORDER BY rule, due").bind(id).fetch_all(&db.pool).await.unwrap()
    }

    /// A recompute that read an application before a newer event was recorded (a pulled
    /// page applied while the last one is recomputed, say) writes nothing of it when it
    /// lands after the newer one's recompute, and clears no mark set after its read: the
    /// stored dates stay the newer ones.
    #[tokio::test]
    async fn a_recompute_that_read_before_a_newer_mark_neither_overwrites_nor_clears_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = Database::open(&dir.path().join("z.sqlite3")).await.unwrap();
        let app = db.create_application("constructor", None, Utc::now()).await.unwrap();
        sqlx::query("UPDATE application SET status = 'ready' WHERE id = ?").bind(&app.id).execute(&db.pool).await.unwrap();
        let now = at("2025-03-10T09:00");
        for (e, day) in [("application_sent", "2025-03-03"), ("application_received", "2025-03-04")] {
            db.record_event(&app.id, &new(e, day), Recorder::User, Utc::now(), now).await.unwrap();
        }
        // Marked stale, and read by a recompute that has not written yet (its digest forgotten,
        // so that this recompute has rows to write).
        sqlx::query("UPDATE application SET due_digest = NULL WHERE id = ?").bind(&app.id).execute(&db.pool).await.unwrap();
        let mut tx = db.pool.begin().await.unwrap();
        mark_stale(&mut tx, &[app.id.clone()]).await.unwrap();
        tx.commit().await.unwrap();
        let early = db.recompute_inputs(&[app.id.clone()]).await.unwrap();
        // Meanwhile the draft contract arrives: marked again and recomputed at once.
        db.record_event(&app.id, &new("draft_contract_received", "2025-03-07"), Recorder::User, Utc::now(), now).await.unwrap();
        let newer = stored(&db, &app.id).await;
        assert!(newer.iter().any(|(rule, due)| rule == "constructor.sign_contract" && due == "2025-03-24"), "{newer:?}");
        // The early recompute lands last.
        db.write_recomputed(early.compute().unwrap()).await.unwrap();
        assert_eq!(stored(&db, &app.id).await, newer, "the dates worked out from the older trail are not written");

        // Marked again, and written by a recompute that read before the mark: it stays.
        let early = db.recompute_inputs(&[app.id.clone()]).await.unwrap();
        let mut tx = db.pool.begin().await.unwrap();
        mark_stale(&mut tx, &[app.id.clone()]).await.unwrap();
        tx.commit().await.unwrap();
        db.write_recomputed(early.compute().unwrap()).await.unwrap();
        let left: i64 = sqlx::query_scalar("SELECT count(*) FROM due_stale").fetch_one(&db.pool).await.unwrap();
        assert_eq!(left, 1, "a mark set after the read is left for the next recompute");
        assert_eq!(db.refresh_stale_due().await.unwrap(), 1);
        let left: i64 = sqlx::query_scalar("SELECT count(*) FROM due_stale").fetch_one(&db.pool).await.unwrap();
        assert_eq!(left, 0);
        assert_eq!(stored(&db, &app.id).await, newer);
    }
}
