//! The sync runner of a running app: one run at a time (the schedule's and the user's
//! alike), where the run is for the status line (published on a watch channel the face
//! forwards to the window), and the background loop that follows the schedule.

use serde::Serialize;
use tokio::sync::{watch, Mutex, Notify};
use ts_rs::TS;
use zayava_core::i18n::Lang;
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

/// The runner's own record of where sync is: the last failure is kept in every language,
/// so whoever reads the status gets it in the language chosen at that moment, not in the
/// one that was current when the run failed.
#[derive(Debug, Clone, Default)]
struct Run {
    running: bool,
    progress: Option<SyncProgress>,
    last_error: Option<Box<[Problem; 3]>>,
    last_report: Option<SyncReport>,
}

impl Run {
    fn failed(&mut self, render: impl Fn(Lang) -> Problem) {
        self.running = false;
        self.progress = None;
        self.last_error = Some(Box::new(Lang::ALL.map(render)));
    }

    fn in_lang(&self, lang: Lang) -> RunStatus {
        let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        RunStatus {
            running: self.running,
            progress: self.progress.clone(),
            last_error: self.last_error.as_ref().map(|all| all[at].clone()),
            last_report: self.last_report.clone(),
        }
    }
}

pub struct Runner {
    trigger: Notify,
    one_at_a_time: Mutex<()>,
    status: watch::Sender<Run>,
    /// True once the background loop has tried its first run (or found sync not set up).
    tried: watch::Sender<bool>,
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
        Runner { trigger: Notify::new(), one_at_a_time: Mutex::new(()), status: watch::Sender::new(Run::default()), tried: watch::Sender::new(false), keyring_problem: credentials::use_platform_store().err() }
    }

    /// Where sync is, its last failure in `lang`.
    pub fn status(&self, lang: Lang) -> RunStatus {
        self.status.borrow().in_lang(lang)
    }

    /// Every change of the status, for the face to pass on (the window's status line):
    /// the receiver hears of the change and reads it in the language of that moment.
    pub fn subscribe(&self) -> StatusFeed {
        StatusFeed(self.status.subscribe())
    }

    /// Returns once the background loop has tried its first run, well or not, or found sync
    /// not set up: the reminders wait for it at start, so one a colleague's desktop showed
    /// while this one was off is not shown again here.
    pub async fn first_run_tried(&self) {
        let mut tried = self.tried.subscribe();
        let _ = tried.wait_for(|t| *t).await;
    }

    /// Wakes the background loop (after the address or token changed, or a reminder shown
    /// here that the account's other desktops should hear of).
    pub fn wake(&self) {
        self.trigger.notify_one();
    }

    fn update(&self, f: impl FnOnce(&mut Run)) {
        self.status.send_modify(f);
    }

    /// One run now with what Settings hold; waits for a run already going to end first.
    pub async fn run(&self, db: &Database, now: Now) -> Result<SyncReport, SyncError> {
        let _only = self.one_at_a_time.lock().await;
        let api = connect(db, Access::default()).await?;
        self.update(|s| (s.running = true, s.progress = None).1);
        let mut progress = |p: SyncProgress| self.update(|s| s.progress = Some(p));
        let result = run_once(db, &api, Options::default(), now, &mut progress).await;
        self.update(|s| match &result {
            Ok(r) => (s.running, s.progress, s.last_error, s.last_report) = (false, None, None, Some(r.clone())),
            Err(e) => s.failed(|lang| Problem::from_sync(e, lang)),
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
                self.tried.send_replace(true);
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
                    self.update(|s| s.failed(|lang| Problem::render(&AppError::Internal, lang)));
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
            self.tried.send_replace(true);
        }
    }
}

/// The runner's status as it changes, for the window's status line.
pub struct StatusFeed(watch::Receiver<Run>);

impl StatusFeed {
    /// Waits for the next change; `None` once the runner is gone.
    pub async fn changed(&mut self) -> Option<()> {
        self.0.changed().await.ok()
    }

    /// The status now, its last failure in `lang`.
    pub fn read(&mut self, lang: Lang) -> RunStatus {
        self.0.borrow_and_update().in_lang(lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A failure is shown in the language chosen when the status is read, so switching the
    /// language after a failed run does not leave the old language's sentence on screen.
    #[test]
    fn a_failure_reads_in_the_language_of_the_reader() {
        let runner = Runner { trigger: Notify::new(), one_at_a_time: Mutex::new(()), status: watch::Sender::new(Run::default()), tried: watch::Sender::new(false), keyring_problem: None };
        runner.update(|s| s.failed(|lang| Problem::from_sync(&SyncError::Unreachable("down".into()), lang)));
        let ru = runner.status(Lang::Ru).last_error.unwrap().message;
        let en = runner.status(Lang::En).last_error.unwrap().message;
        let be = runner.status(Lang::Be).last_error.unwrap().message;
        assert_ne!(ru, en);
        assert_ne!(ru, be);
        assert_eq!(en, SyncError::Unreachable("down".into()).message(Lang::En));
    }
}
