//! The sync runner of a running app: one run at a time (the schedule's and the user's
//! alike), where the run is for the status line (published on a watch channel the face
//! forwards to the window), and the background loop that follows the schedule.

use serde::Serialize;
use tokio::sync::{watch, Mutex, Notify};
use ts_rs::TS;
use zayava_store::Database;
use zayava_sync::{credentials, Options, SyncError, SyncProgress, SyncReport};

use super::schedule::{Outcome, Schedule, FIRST};
use super::{connect, run_once, Access};
use crate::{AppError, Now, Problem};

/// Where sync is, for the status line.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct RunStatus {
    pub running: bool,
    pub progress: Option<SyncProgress>,
    /// Why the last run failed, in the user's language; none after a good run.
    pub last_error: Option<Problem>,
    pub last_report: Option<SyncReport>,
}

pub struct Runner {
    trigger: Notify,
    one_at_a_time: Mutex<()>,
    status: watch::Sender<RunStatus>,
    /// Set when no keyring could be opened at start: the Settings screen says so.
    pub keyring_problem: Option<SyncError>,
}

impl Default for Runner {
    fn default() -> Self {
        Runner::new()
    }
}

impl Runner {
    /// A runner using the platform's keyring for the token.
    pub fn new() -> Runner {
        Runner { trigger: Notify::new(), one_at_a_time: Mutex::new(()), status: watch::Sender::new(RunStatus::default()), keyring_problem: credentials::use_platform_store().err() }
    }

    pub fn status(&self) -> RunStatus {
        self.status.borrow().clone()
    }

    /// Every change of the status, for the face to pass on (the window's status line).
    pub fn subscribe(&self) -> watch::Receiver<RunStatus> {
        self.status.subscribe()
    }

    /// Wakes the background loop (after the address or token changed).
    pub fn wake(&self) {
        self.trigger.notify_one();
    }

    fn update(&self, f: impl FnOnce(&mut RunStatus)) {
        self.status.send_modify(f);
    }

    /// One run now with what Settings hold; waits for a run already going to end first.
    pub async fn run(&self, db: &Database, now: Now) -> Result<SyncReport, SyncError> {
        let _only = self.one_at_a_time.lock().await;
        let api = connect(db, Access::default()).await?;
        self.update(|s| (s.running = true, s.progress = None).1);
        let mut progress = |p: SyncProgress| self.update(|s| s.progress = Some(p));
        let result = run_once(db, &api, Options::default(), now, &mut progress).await;
        let lang = db.language().await.unwrap_or_default();
        self.update(|s| {
            s.running = false;
            s.progress = None;
            match &result {
                Ok(r) => (s.last_error, s.last_report) = (None, Some(r.clone())),
                Err(e) => s.last_error = Some(Problem::from_sync(e, lang)),
            }
        });
        result
    }

    /// Syncs on the schedule for as long as the app runs; `clock` reads the time for each
    /// run. Never ends: a defect inside a run ends that run with an error the status shows,
    /// and the loop tries again on its schedule.
    pub async fn keep_in_sync(&self, db: Database, clock: impl Fn() -> Now) {
        let mut schedule = Schedule::default();
        let mut wait = FIRST;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.trigger.notified() => schedule.reset(),
            }
            if !matches!(db.operator_url().await, Ok(Some(_))) {
                wait = schedule.next(Outcome::NotConfigured, fastrand::f64());
                continue;
            }
            let outcome = {
                use futures_util::FutureExt;
                std::panic::AssertUnwindSafe(self.run(&db, clock())).catch_unwind().await
            };
            let result = match outcome {
                Ok(result) => result,
                Err(_) => {
                    let lang = db.language().await.unwrap_or_default();
                    self.update(|s| {
                        s.running = false;
                        s.progress = None;
                        s.last_error = Some(Problem::render(&AppError::Internal, lang));
                    });
                    Err(SyncError::BadResponse("internal error".into()))
                }
            };
            wait = match &result {
                Ok(_) => {
                    let pending = db.outbox_counts().await.map(|c| c.pending).unwrap_or(0);
                    schedule.next(Outcome::Done { pending }, fastrand::f64())
                }
                Err(e) => schedule.next(Outcome::Failed(e), fastrand::f64()),
            };
        }
    }
}
