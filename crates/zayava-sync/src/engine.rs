//! One sync run: push the outbox in batches, pull the operator's events page by page, fetch
//! the versioned calendar data. SyncProgress is reported as it goes. A run stops early only for
//! a refused token or a server that stays unreachable; everything else (a rejected item, an
//! unreadable event) is set aside for the user and the run goes on.
//!
//! Conflict policy: fields the operator owns (its events, registration and contract numbers)
//! always take the server's value; a draft is the client's until the consumer records
//! sending it (the server takes it whatever its revision); a sent application carries the
//! revision the client last saw, and the server answers a mismatch with a conflict that is
//! shown to the user, never merged.

use std::collections::HashMap;
use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use zayava_store::sync::{Acknowledged, ColleagueChange, OutboxItem, PulledEvent, SyncIdentity};
use zayava_store::Database;

use crate::client::{Api, Failure};
use crate::retry::Backoff;
use zayava_api::{BatchItem, BatchRequest, ItemKind, Outcome, OPERATOR_EVENTS};
use crate::SyncError;

const TRANSFERS_VERSION_KEY: &str = "sync.transfers_version";
const RULEBOOK_VERSION_KEY: &str = "sync.rulebook_version";

/// How a run goes about it.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Outbox items per request.
    pub batch: u32,
    /// Operator events per page.
    pub page: u32,
    pub backoff: Backoff,
    /// Also fetch the calendar transfers and the rulebook version.
    pub data: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { batch: 500, page: 1000, backoff: Backoff::default(), data: true }
    }
}

/// Where a run is, for the progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "phase")]
pub enum SyncProgress {
    Push { done: u64, total: u64 },
    Pull { received: u64 },
    Data,
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct SyncReport {
    pub pushed: u64,
    pub rejected: u64,
    pub conflicts: u64,
    pub pulled: u64,
    pub duplicates: u64,
    /// Events and data refused (each recorded as an issue, with its raw content).
    pub refused: u64,
    /// The Operator's events kept until the application's trail allows them (shown on it).
    pub parked: u64,
    /// Changes the account's other desktops made, applied here.
    pub colleague_changes: u64,
}

/// What the server said of the user and itself at the start of a run.
#[derive(Debug, Clone, Copy, Default)]
struct Heard {
    /// The user may read the account but not change it.
    reader: bool,
    /// The server passes the reminders shown here on to the account's other desktops.
    shares_reminders: bool,
}

/// The calls a run makes, with the retry policy around each.
struct Run<'a> {
    db: &'a Database,
    api: &'a Api,
    opts: Options,
    now: DateTime<Utc>,
    today: NaiveDate,
    /// This desktop's id: its own changes come back in the feed and are skipped.
    device: String,
}

/// One full sync. `now` stamps what is recorded; `today` (Minsk) bounds event dates.
pub async fn sync_once(db: &Database, api: &Api, opts: Options, now: DateTime<Utc>, today: NaiveDate, progress: &mut (dyn FnMut(SyncProgress) + Send)) -> Result<SyncReport, SyncError> {
    let device = db.device_id().await?;
    let api = &api.clone().with_device(&device);
    let run = Run { db, api, opts, now, today, device };
    let mut report = SyncReport::default();
    let heard = run.identity().await?;
    db.refresh_stale_due().await?;
    // A reader's changes would only be refused: they stay queued (an admin may give the
    // editor role back), and the run only pulls.
    if !heard.reader {
        run.push(&mut report, progress).await?;
    }
    if heard.shares_reminders {
        run.share_reminders().await?;
    }
    run.pull(&mut report, progress).await?;
    if opts.data {
        progress(SyncProgress::Data);
        run.data(&mut report).await?;
    }
    db.set_last_sync(now).await?;
    Ok(report)
}

impl Run<'_> {
    /// Asks the server who the token belongs to and keeps it (Settings shows it; a reader's
    /// desktop refuses changes). A server that does not say (an older one: 404) is no error.
    async fn identity(&self) -> Result<Heard, SyncError> {
        match self.retrying(|| self.api.me()).await {
            Ok(me) => {
                let shares_reminders = me.features.iter().any(|f| f == zayava_api::FEATURE_REMINDERS);
                let who = SyncIdentity { account: me.account, user: me.user, role: me.role };
                self.db.set_sync_identity(Some(&who)).await?;
                Ok(Heard { reader: who.reads_only(), shares_reminders })
            }
            Err(Failure::Reject(p)) if p.status == 404 => {
                self.db.set_sync_identity(None).await?;
                Ok(Heard::default())
            }
            Err(f) => Err(failure_error(f)),
        }
    }

    /// Calls `f` until it succeeds, is refused, or the retries run out.
    async fn retrying<T, F, Fut>(&self, mut f: F) -> Result<T, Failure>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Failure>>,
    {
        let mut attempt = 0;
        loop {
            match f().await {
                Err(Failure::Retry { after, .. }) if attempt + 1 < self.opts.backoff.attempts => {
                    attempt += 1;
                    tokio::time::sleep(self.opts.backoff.delay(attempt, after, fastrand::f64())).await;
                }
                // Pushes are idempotent and pulls re-read the same page: trying again is safe.
                Err(Failure::BadResponse(_)) if attempt + 1 < self.opts.backoff.attempts => {
                    attempt += 1;
                    tokio::time::sleep(self.opts.backoff.delay(attempt, None, fastrand::f64())).await;
                }
                other => return other,
            }
        }
    }

    async fn push(&self, report: &mut SyncReport, progress: &mut (dyn FnMut(SyncProgress) + Send)) -> Result<(), SyncError> {
        let total = self.db.outbox_counts().await?.pending as u64;
        let mut done = 0u64;
        progress(SyncProgress::Push { done, total });
        loop {
            let items = self.db.outbox_batch(self.opts.batch).await?;
            if items.is_empty() {
                return Ok(());
            }
            let (files, changes): (Vec<_>, Vec<_>) = items.into_iter().partition(|i| i.kind == "attachment");
            for item in &files {
                self.push_attachment(item, report).await?;
            }
            let settled = self.push_changes(&changes, report).await?;
            done += (files.len() + settled) as u64;
            progress(SyncProgress::Push { done, total: total.max(done) });
            if files.is_empty() && settled == 0 {
                // The server answered but settled nothing: stop rather than spin; the items stay queued.
                return Err(SyncError::BadResponse("the server settled none of the items sent".into()));
            }
        }
    }

    async fn push_attachment(&self, item: &OutboxItem, report: &mut SyncReport) -> Result<(), SyncError> {
        let bytes = match self.db.attachment_path(&item.entity).map(std::fs::read) {
            Ok(Ok(b)) => b,
            _ => {
                self.db.outbox_reject(item.seq, "the attached file is missing from the data folder", self.now).await?;
                report.rejected += 1;
                return Ok(());
            }
        };
        match self.retrying(|| self.api.upload_attachment(&item.entity, bytes.clone())).await {
            Ok(()) => {
                self.db.outbox_acknowledge(&[Acknowledged { seq: item.seq, application_revision: None }], self.now).await?;
                report.pushed += 1;
                Ok(())
            }
            Err(Failure::Reject(p)) => {
                self.db.outbox_reject(item.seq, &p.sentence(), self.now).await?;
                report.rejected += 1;
                Ok(())
            }
            Err(f) => self.stop(&[item.seq], f).await,
        }
    }

    /// Sends changes as one batch; returns how many were settled (acknowledged, rejected or
    /// in conflict). A batch refused as a whole is sent again item by item, so only the
    /// culprit is set aside.
    async fn push_changes(&self, items: &[OutboxItem], report: &mut SyncReport) -> Result<usize, SyncError> {
        if items.is_empty() {
            return Ok(0);
        }
        let request = self.batch_request(items).await?;
        match self.retrying(|| self.api.push(&request)).await {
            Ok(resp) => self.settle(items, resp.results, report).await,
            Err(Failure::Reject(_)) if items.len() > 1 => {
                let mut settled = 0;
                for one in items {
                    settled += Box::pin(self.push_changes(std::slice::from_ref(one), report)).await?;
                }
                Ok(settled)
            }
            Err(Failure::Reject(p)) => {
                self.db.outbox_reject(items[0].seq, &p.sentence(), self.now).await?;
                report.rejected += 1;
                Ok(1)
            }
            Err(f) => self.stop(&items.iter().map(|i| i.seq).collect::<Vec<_>>(), f).await.map(|_| 0),
        }
    }

    async fn batch_request(&self, items: &[OutboxItem]) -> Result<BatchRequest, SyncError> {
        let apps: Vec<&str> = items.iter().filter(|i| i.kind == "application").map(|i| i.entity.as_str()).collect();
        let known = self.db.sync_positions(&apps).await?;
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            let kind = ItemKind::parse(&i.kind).ok_or_else(|| SyncError::BadResponse(format!("unknown outbox kind {}", i.kind)))?;
            let (base_revision, sent) = match known.get(&i.entity) {
                Some((rev, sent)) if kind == ItemKind::Application => (Some(*rev), Some(*sent)),
                // An application deleted since it was queued: sent as a draft never seen.
                None if kind == ItemKind::Application => (Some(0), Some(false)),
                _ => (None, None),
            };
            out.push(BatchItem { idempotency_key: i.idempotency_key.clone(), kind, entity: i.entity.clone(), base_revision, sent, payload: i.payload.clone() });
        }
        Ok(BatchRequest { items: out })
    }

    async fn settle(&self, items: &[OutboxItem], results: Vec<zayava_api::ItemResult>, report: &mut SyncReport) -> Result<usize, SyncError> {
        let by_key: HashMap<&str, &OutboxItem> = items.iter().map(|i| (i.idempotency_key.as_str(), i)).collect();
        let mut acks = Vec::new();
        let mut settled = 0;
        for r in results {
            // An answer about something not asked is ignored (a broken or hostile server).
            let Some(item) = by_key.get(r.idempotency_key.as_str()) else { continue };
            match r.outcome {
                Outcome::Applied | Outcome::Duplicate => {
                    let revision = (item.kind == "application").then(|| r.revision.map(|rev| (item.entity.clone(), rev))).flatten();
                    acks.push(Acknowledged { seq: item.seq, application_revision: revision });
                    report.pushed += 1;
                    if r.outcome == Outcome::Duplicate {
                        report.duplicates += 1;
                    }
                }
                Outcome::Rejected => {
                    let why = r.problem.map(|p| p.sentence()).unwrap_or_else(|| "refused".into());
                    self.db.outbox_reject(item.seq, &why, self.now).await?;
                    report.rejected += 1;
                }
                Outcome::Conflict => match (&r.server, item.kind.as_str()) {
                    (Some(server), "application") if server.id == item.entity => {
                        self.db.outbox_conflict(item.seq, &item.entity, server.revision, &Value::Object(server.form_values.clone()), server.changed_by.as_deref(), server.changed_at.as_deref(), self.now).await?;
                        report.conflicts += 1;
                    }
                    _ => {
                        self.db.outbox_reject(item.seq, "the server reported a conflict without its version", self.now).await?;
                        report.rejected += 1;
                    }
                },
            }
            settled += 1;
        }
        self.db.outbox_acknowledge(&acks, self.now).await?;
        Ok(settled)
    }

    /// Tells the server which reminders this desktop showed, so the account's other desktops
    /// do not show them again. Not the user's work: a reminder the server refuses is only
    /// kept here (still shown once on this desktop), never queued for the user to settle.
    async fn share_reminders(&self) -> Result<(), SyncError> {
        use sha2::{Digest, Sha256};
        loop {
            let shown = self.db.reminders_to_share(self.today, self.opts.batch).await?;
            if shown.is_empty() {
                return Ok(());
            }
            let request = BatchRequest { items: shown
                .iter()
                .map(|(key, at)| BatchItem {
                    // One key per desktop and reminder: a retry is a duplicate, another
                    // desktop's word on the same reminder is its own.
                    idempotency_key: format!("{:x}", Sha256::digest(format!("reminder|{}|{key}", self.device).as_bytes())),
                    kind: ItemKind::Reminder,
                    entity: key.clone(),
                    base_revision: None,
                    sent: None,
                    payload: serde_json::json!({ "shown_at": at }),
                })
                .collect() };
            let keys: Vec<String> = shown.into_iter().map(|(k, _)| k).collect();
            match self.retrying(|| self.api.push(&request)).await {
                Ok(resp) => {
                    for r in resp.results.iter().filter(|r| r.outcome == Outcome::Rejected) {
                        eprintln!("zayava sync: a reminder was not shared: {}", r.problem.as_ref().map(|p| p.sentence()).unwrap_or_default());
                    }
                }
                Err(Failure::Reject(p)) => eprintln!("zayava sync: reminders were not shared: {}", p.sentence()),
                Err(f) => return Err(failure_error(f)),
            }
            // Settled either way: told, or refused for good (a retry would be refused again).
            self.db.reminders_shared(&keys).await?;
        }
    }

    /// Ends the run on a failure that retrying did not cure; the items stay queued.
    async fn stop(&self, seqs: &[i64], failure: Failure) -> Result<(), SyncError> {
        self.db.outbox_attempted(seqs, &failure.describe()).await?;
        Err(failure_error(failure))
    }

    /// Pulls pages until the feed has no more. The next page is fetched while this one is
    /// applied: it starts at this page's `next_cursor`, which is where the cursor stands
    /// once this page is applied (a page that would move it backwards ends the pull).
    ///
    /// The due dates of the applications a page touched are recomputed while the next page
    /// is applied (each recompute clears only the stale marks it read, so one set again by
    /// the next page stays), and what is left at the end, the last page's, once the pull is
    /// over, whether it ended well or not; a crash before leaves them marked stale for the
    /// next start.
    async fn pull(&self, report: &mut SyncReport, progress: &mut (dyn FnMut(SyncProgress) + Send)) -> Result<(), SyncError> {
        let pulled = self.pull_pages(report, progress).await;
        // What colleagues changed, kept by the pages (and by earlier pulls), applied in the
        // feed's order; the dates it touched are left stale for the recompute below.
        let applied = self.db.apply_colleague_changes(self.now, self.today).await;
        if let Ok(a) = &applied {
            report.colleague_changes += a.applied as u64;
            report.conflicts += a.conflicts as u64;
        }
        if let Err(e) = self.fetch_colleague_files(report).await {
            // A file not fetched now stays listed and is fetched at the next sync.
            eprintln!("zayava sync: a colleague's file: {e}");
        }
        let refreshed = self.db.refresh_stale_due().await;
        pulled?;
        refreshed?;
        applied?;
        Ok(())
    }

    /// The colleagues' files the feed listed, fetched and kept; one the server does not
    /// give, or gives wrong, stays listed for the next sync.
    async fn fetch_colleague_files(&self, report: &mut SyncReport) -> Result<(), SyncError> {
        let limit = zayava_store::attachments::MAX_ATTACHMENT_BYTES as usize;
        for (seq, sha256) in self.db.colleague_files_waiting().await? {
            match self.retrying(|| self.api.download_attachment(&sha256, limit)).await {
                Ok(bytes) => {
                    if self.db.keep_colleague_file(seq, &sha256, &bytes, self.now).await? {
                        report.colleague_changes += 1;
                    } else {
                        self.db.record_sync_issue("sync.bad_response", "attachment", &format!("{sha256}: the bytes are not the file"), self.now).await?;
                    }
                }
                Err(Failure::Reject(_)) => {}
                Err(f) => return Err(failure_error(f)),
            }
        }
        Ok(())
    }

    async fn pull_pages(&self, report: &mut SyncReport, progress: &mut (dyn FnMut(SyncProgress) + Send)) -> Result<(), SyncError> {
        let mut received = 0u64;
        let cursor = self.db.sync_cursor().await?;
        let mut fetched = self.retrying(|| self.api.events(cursor, self.opts.page)).await;
        let mut cursor = cursor;
        let mut touched: Vec<String> = Vec::new();
        loop {
            let page = match fetched {
                Ok(p) => p,
                Err(f) => {
                    if matches!(f, Failure::BadResponse(_) | Failure::Reject(_)) {
                        self.db.record_sync_issue("sync.bad_response", "events", &f.describe(), self.now).await?;
                    }
                    return Err(failure_error(f));
                }
            };
            let events: Vec<PulledEvent> = page.events.iter().map(decode_event).collect();
            let changes: Vec<ColleagueChange> = page.changes.iter().filter(|c| c.device.as_deref() != Some(self.device.as_str())).map(colleague_change).collect();
            let last = !page.more || (page.events.is_empty() && page.changes.is_empty()) || page.next_cursor <= cursor;
            let next = async {
                match last {
                    true => None,
                    false => Some(self.retrying(|| self.api.events(page.next_cursor, self.opts.page)).await),
                }
            };
            let (applied, next, refreshed) = tokio::join!(self.db.apply_feed_page(&events, &changes, page.next_cursor, self.now, self.today), next, self.db.refresh_marked(&touched));
            let applied = applied?;
            if let Err(e) = refreshed {
                // Dates can be worked out again at any time: they stay marked stale, for the
                // recompute at the end of the pull, and the pull goes on.
                eprintln!("zayava sync: recompute after a page: {e}");
            }
            touched = applied.touched;
            received += (page.events.len() + page.changes.len()) as u64;
            report.pulled += applied.recorded as u64;
            report.duplicates += applied.duplicates as u64;
            report.refused += applied.refused as u64;
            report.parked += applied.parked as u64;
            report.colleague_changes += applied.colleague_applied as u64;
            report.conflicts += applied.colleague_conflicts as u64;
            progress(SyncProgress::Pull { received });
            match next {
                None => return Ok(()),
                Some(next) => fetched = next,
            }
            cursor = page.next_cursor;
        }
    }

    /// Versioned data: calendar transfers are taken for years the user has not corrected;
    /// a newer rulebook is reported (rules ship with the program, so it needs an update).
    async fn data(&self, report: &mut SyncReport) -> Result<(), SyncError> {
        match self.retrying(|| self.api.transfers()).await {
            Ok(doc) => {
                if self.db.setting(TRANSFERS_VERSION_KEY).await?.as_deref() != Some(doc.version.as_str()) {
                    let (_, refused) = self.db.save_operator_years(&doc.years, self.now).await?;
                    for (year, why) in refused {
                        report.refused += 1;
                        self.db.record_sync_issue("sync.refused_calendar", &year.to_string(), &why, self.now).await?;
                    }
                    self.db.set_setting(TRANSFERS_VERSION_KEY, &doc.version).await?;
                }
            }
            Err(Failure::ReAuth) => return Err(SyncError::Unauthorized),
            Err(f) => {
                report.refused += 1;
                self.db.record_sync_issue("sync.bad_response", "calendar/transfers", &f.describe(), self.now).await?;
            }
        }
        match self.retrying(|| self.api.rulebook()).await {
            Ok(doc) => {
                let ours = &zayava_core::rules::Rulebook::shared().version;
                let seen = self.db.setting(RULEBOOK_VERSION_KEY).await?;
                if doc.version != *ours && seen.as_deref() != Some(doc.version.as_str()) {
                    self.db.record_sync_issue("sync.newer_rulebook", &doc.version, ours, self.now).await?;
                }
                self.db.set_setting(RULEBOOK_VERSION_KEY, &doc.version).await?;
            }
            Err(Failure::ReAuth) => return Err(SyncError::Unauthorized),
            Err(f) => {
                report.refused += 1;
                self.db.record_sync_issue("sync.bad_response", "rulebook", &f.describe(), self.now).await?;
            }
        }
        Ok(())
    }
}

fn failure_error(f: Failure) -> SyncError {
    match f {
        Failure::ReAuth => SyncError::Unauthorized,
        Failure::Retry { reason, .. } => SyncError::Unreachable(reason),
        Failure::BadResponse(why) => SyncError::BadResponse(why),
        Failure::Reject(p) => SyncError::BadResponse(p.sentence()),
    }
}

/// A colleague's change as the store keeps it.
fn colleague_change(c: &zayava_api::Change) -> ColleagueChange {
    ColleagueChange { seq: c.seq, kind: c.kind.as_str().to_string(), entity: c.entity.clone(), revision: c.revision, payload: c.payload.clone(), by: c.by.clone(), device: c.device.clone(), at: c.at.clone() }
}

/// Checks an operator event's shape; one the client cannot read is kept with the reason,
/// so the store reports it and moves past it.
pub fn decode_event(e: &zayava_api::OperatorEvent) -> PulledEvent {
    let invalid = if !OPERATOR_EVENTS.contains(&e.event.as_str()) {
        Some(format!("unknown event «{}»", e.event.chars().take(60).collect::<String>()))
    } else if e.application_id.len() > 64 || e.id.is_empty() || e.id.len() > 128 {
        Some("malformed ids".to_string())
    } else if e.note.len() > 10_000 {
        Some("note longer than 10,000 characters".to_string())
    } else {
        None
    };
    PulledEvent {
        seq: e.seq,
        remote_id: e.id.clone(),
        application_id: e.application_id.clone(),
        event: e.event.clone(),
        at: e.at.clone(),
        note: e.note.clone(),
        fields: e.fields.iter().filter(|(k, _)| OPERATOR_FIELDS.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect(),
        invalid,
    }
}

/// The fields the operator owns; others in an event are ignored.
pub const OPERATOR_FIELDS: &[&str] = &["registration_number", "contract_number", "remarks"];
