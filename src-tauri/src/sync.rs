//! Sync in the background: a run when the window starts, then on a timer (sooner while
//! changes wait, backing off while the server is unreachable), and whenever the user asks.
//! One run at a time; progress and the outcome are sent to the window as events.

use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use tauri::{AppHandle, Emitter};
use ts_rs::TS;
use zayava_store::Database;
use zayava_sync::retry::Backoff;
use zayava_sync::{credentials, sync_once, Api, Options, SyncProgress, SyncReport, SyncError};

use crate::IpcError;

/// Between runs when all is sent, and when changes wait.
const IDLE: Duration = Duration::from_secs(300);
const PENDING: Duration = Duration::from_secs(30);
/// While the server is unreachable: 30 s, 1 min, 2 min … up to 15 min.
const UNREACHABLE: Backoff = Backoff { base: Duration::from_secs(15), cap: Duration::from_secs(900), attempts: u32::MAX };

/// Where sync is, for the status line.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct RunStatus {
    pub running: bool,
    pub progress: Option<SyncProgress>,
    /// Why the last run failed, in the user's language; none after a good run.
    pub last_error: Option<IpcError>,
    pub last_report: Option<SyncReport>,
}

pub struct SyncRunner {
    trigger: tokio::sync::Notify,
    one_at_a_time: tokio::sync::Mutex<()>,
    status: Mutex<RunStatus>,
    /// Set when no keyring could be opened at start: the Settings screen says so.
    pub keyring_problem: Option<SyncError>,
}

impl SyncRunner {
    pub fn new() -> SyncRunner {
        SyncRunner { trigger: tokio::sync::Notify::new(), one_at_a_time: tokio::sync::Mutex::new(()), status: Mutex::default(), keyring_problem: credentials::use_platform_store().err() }
    }

    pub fn status(&self) -> RunStatus {
        self.status.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone()
    }

    fn update(&self, app: &AppHandle, f: impl FnOnce(&mut RunStatus)) {
        let snapshot = {
            let mut s = self.status.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut s);
            s.clone()
        };
        let _ = app.emit("sync-status", snapshot);
    }

    /// Wakes the background loop (after the address or token changed).
    pub fn wake(&self) {
        self.trigger.notify_one();
    }

    /// One run now; waits for a run already going to end first.
    pub async fn run(&self, app: &AppHandle, db: &Database) -> Result<SyncReport, SyncError> {
        let _only = self.one_at_a_time.lock().await;
        let url = db.operator_url().await?.ok_or(SyncError::NotConfigured)?;
        let token = tauri::async_runtime::spawn_blocking(credentials::token).await.map_err(|e| SyncError::Keyring(e.to_string()))??.ok_or(SyncError::NoToken)?;
        let api = Api::new(&url, &token, Duration::from_secs(30))?;
        self.update(app, |s| (s.running = true, s.progress = None).1);
        let mut progress = |p: SyncProgress| self.update(app, |s| s.progress = Some(p));
        let result = sync_once(db, &api, Options::default(), chrono::Utc::now(), chrono::Local::now().date_naive(), &mut progress).await;
        let lang = db.language().await.unwrap_or_default();
        self.update(app, |s| {
            s.running = false;
            s.progress = None;
            match &result {
                Ok(r) => (s.last_error, s.last_report) = (None, Some(r.clone())),
                Err(e) => s.last_error = Some(IpcError::from_sync(e, lang)),
            }
        });
        result
    }
}

/// Starts the background loop.
pub fn start(app: AppHandle, db: Database, runner: std::sync::Arc<SyncRunner>) {
    tauri::async_runtime::spawn(async move {
        let mut failures = 0u32;
        let mut wait = Duration::from_secs(2);
        loop {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = runner.trigger.notified() => failures = 0,
            }
            let configured = matches!(db.operator_url().await, Ok(Some(_)));
            if !configured {
                wait = IDLE;
                continue;
            }
            // A defect inside a run ends that run with an error the status shows; the loop
            // itself goes on and tries again on its schedule (it never dies silently).
            let outcome = {
                use futures_util::FutureExt;
                std::panic::AssertUnwindSafe(runner.run(&app, &db)).catch_unwind().await
            };
            let outcome = match outcome {
                Ok(result) => result,
                Err(_) => {
                    let lang = db.language().await.unwrap_or_default();
                    runner.update(&app, |s| {
                        s.running = false;
                        s.progress = None;
                        s.last_error = Some(IpcError::render(&crate::error::Failure::Internal, lang));
                    });
                    Err(SyncError::BadResponse("internal error".into()))
                }
            };
            wait = match outcome {
                Ok(_) => {
                    failures = 0;
                    let pending = db.outbox_counts().await.map(|c| c.pending).unwrap_or(0);
                    if pending > 0 { PENDING } else { IDLE }
                }
                // A busy or failing database is passing too: tried again, later each time.
                Err(SyncError::Unreachable(_) | SyncError::BadResponse(_) | SyncError::Store(_)) => {
                    failures += 1;
                    UNREACHABLE.delay(failures, None, jitter_unit())
                }
                // A refused token, no token, no keyring: nothing to do until the user acts
                // (saving a token or an address wakes the loop).
                Err(_) => Duration::from_secs(24 * 3600),
            };
        }
    });
}

/// A jitter draw without a dependency: the clock's nanoseconds are random enough here.
fn jitter_unit() -> f64 {
    let n = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    f64::from(n % 1000) / 1000.0
}
