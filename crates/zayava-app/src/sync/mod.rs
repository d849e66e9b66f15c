//! Sync with the operator as a user drives it: where the API is and the token that opens
//! it, one run now (from «Синхронизировать» or `zayava sync`), the schedule a running app
//! keeps (`schedule.rs`), and the runner that allows one run at a time and reports where it
//! is (`runner.rs`). The protocol itself is `zayava-sync`'s.

pub mod runner;
pub mod schedule;

use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;
use zayava_core::i18n::Lang;
use zayava_store::sync::{Resolution, SyncConflict, SyncIssue, SyncState};
use zayava_store::Database;
use zayava_sync::{credentials, endpoint, sync_once, Api, Options, SyncError, SyncProgress, SyncReport};

pub use runner::{RunStatus, Runner, StatusFeed};

use crate::{AppError, Now};

/// How long one request may take before the run counts the server as unreachable.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Refuses a change on a desktop whose user the server calls a reader: it would only be
/// refused there, after the user thought it made. Every use case that changes the account's
/// work asks this first.
pub async fn may_change(db: &Database) -> Result<(), AppError> {
    match db.sync_identity().await? {
        Some(who) if who.reads_only() => Err(AppError::ReadOnly { account: who.account }),
        _ => Ok(()),
    }
}

/// Runs a keyring call (which may talk to a desktop service) off the async workers.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, SyncError> + Send + 'static) -> Result<T, SyncError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| SyncError::Keyring(e.to_string()))?
}

/// What opens the API for one run: an address and a token given for it (a terminal's
/// `--url`, `ZAYAVA_OPERATOR_TOKEN`), or else those saved in Settings and the OS keyring.
#[derive(Debug, Clone, Default)]
pub struct Access {
    pub url: Option<String>,
    pub token: Option<String>,
}

/// The API client for a run.
pub async fn connect(db: &Database, access: Access) -> Result<Api, SyncError> {
    let url = match access.url {
        Some(u) => u,
        None => db.operator_url().await?.ok_or(SyncError::NotConfigured)?,
    };
    let token = match access.token.filter(|t| !t.is_empty()) {
        Some(t) => t,
        None => blocking(credentials::token).await?.ok_or(SyncError::NoToken)?,
    };
    Api::new(&url, &token, REQUEST_TIMEOUT)
}

/// One sync run: sends what waits, brings back what the Operator did.
pub async fn run_once(db: &Database, api: &Api, options: Options, now: Now, progress: &mut (dyn FnMut(SyncProgress) + Send)) -> Result<SyncReport, SyncError> {
    sync_once(db, api, options, now.utc, now.today(), progress).await
}

/// Saves the API's address (https, or http on this computer); an empty one turns sync off.
/// Answers with the address as saved.
pub async fn save_url(db: &Database, url: &str) -> Result<String, AppError> {
    let normal = if url.trim().is_empty() {
        String::new()
    } else {
        endpoint::check_base_url(url).map_err(|e| AppError::from(e).on_field("sync_url"))?.as_str().trim_end_matches('/').to_string()
    };
    db.set_operator_url(&normal).await?;
    Ok(normal)
}

/// Keeps the token in the OS keyring (never in the database or a file).
pub async fn save_token(token: String) -> Result<(), AppError> {
    blocking(move || credentials::save_token(&token)).await.map_err(|e| AppError::from(e).on_field("sync_token"))
}

pub async fn forget_token() -> Result<(), AppError> {
    Ok(blocking(credentials::forget_token).await?)
}

/// Everything the sync panel shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncOverview {
    pub url: Option<String>,
    pub token_saved: bool,
    /// Why the token cannot be kept (no keyring), in the user's language.
    pub keyring_problem: Option<String>,
    pub state: SyncState,
    pub run: RunStatus,
    pub issues: Vec<SyncIssue>,
    pub conflicts: Vec<SyncConflict>,
}

pub async fn overview(db: &Database, runner: &Runner, lang: Lang) -> Result<SyncOverview, AppError> {
    let (token_saved, keyring_problem) = match blocking(credentials::token).await {
        Ok(t) => (t.is_some(), None),
        Err(e) => (false, Some(e.message(lang))),
    };
    Ok(SyncOverview {
        url: db.operator_url().await?,
        token_saved,
        keyring_problem: keyring_problem.or_else(|| runner.keyring_problem.as_ref().map(|e| e.message(lang))),
        state: db.sync_state().await?,
        run: runner.status(lang),
        issues: db.sync_issues(50, lang).await?,
        conflicts: db.sync_conflicts().await?,
    })
}

/// Settles a conflict the user looked at: keep theirs, keep the Operator's.
pub async fn resolve_conflict(db: &Database, application_id: &str, resolution: Resolution, now: Now) -> Result<(), AppError> {
    Ok(db.resolve_conflict(application_id, resolution, now.utc).await?)
}

pub async fn dismiss_issues(db: &Database) -> Result<(), AppError> {
    Ok(db.dismiss_sync_issues().await?)
}

/// Queues the refused items again (after the user fixed what the Operator objected to).
pub async fn retry_refused(db: &Database) -> Result<u64, AppError> {
    Ok(db.retry_rejected().await?)
}
