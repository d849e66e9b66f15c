//! When a running app syncs on its own: soon after start, every five minutes when all is
//! sent, every half minute while changes wait, backing off (with jitter) while the server
//! cannot be reached, and not at all while only the user can fix what is wrong.

use std::time::Duration;

use zayava_sync::retry::Backoff;
use zayava_sync::SyncError;

/// The first run, shortly after the window is up.
pub const FIRST: Duration = Duration::from_secs(2);
/// Between runs when all is sent, and when changes wait.
pub const IDLE: Duration = Duration::from_secs(300);
pub const PENDING: Duration = Duration::from_secs(30);
/// While the server is unreachable: 30 s, 1 min, 2 min … up to 15 min.
const UNREACHABLE: Backoff = Backoff { base: Duration::from_secs(15), cap: Duration::from_secs(900), attempts: u32::MAX };
/// Waiting for the user (a refused token, no keyring): a day, or until they change something.
pub const FOR_THE_USER: Duration = Duration::from_secs(24 * 3600);

/// How a run ended, as far as the schedule cares.
pub enum Outcome<'a> {
    /// Sync is not set up (no address): look again later.
    NotConfigured,
    Done { pending: i64 },
    Failed(&'a SyncError),
}

/// The schedule's memory between runs.
#[derive(Debug, Default)]
pub struct Schedule {
    failures: u32,
}

impl Schedule {
    /// The user acted (saved an address or token, asked for a run): failures are forgotten.
    pub fn reset(&mut self) {
        self.failures = 0;
    }

    /// How long to wait after `outcome`; `unit` is a random draw in [0, 1) for the jitter.
    pub fn next(&mut self, outcome: Outcome<'_>, unit: f64) -> Duration {
        match outcome {
            Outcome::NotConfigured => IDLE,
            Outcome::Done { pending } => {
                self.failures = 0;
                if pending > 0 { PENDING } else { IDLE }
            }
            // A busy or failing database is passing too: tried again, later each time.
            Outcome::Failed(SyncError::Unreachable(_) | SyncError::BadResponse(_) | SyncError::Store(_)) => {
                self.failures += 1;
                UNREACHABLE.delay(self.failures, None, unit)
            }
            // A refused token, no token, no keyring: nothing to do until the user acts
            // (saving a token or an address wakes the loop).
            Outcome::Failed(_) => FOR_THE_USER,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_changes_bring_the_next_run_sooner_than_an_idle_one() {
        let mut s = Schedule::default();
        assert_eq!(s.next(Outcome::Done { pending: 3 }, 0.5), PENDING);
        assert_eq!(s.next(Outcome::Done { pending: 0 }, 0.5), IDLE);
        assert_eq!(s.next(Outcome::NotConfigured, 0.5), IDLE);
    }

    #[test]
    fn an_unreachable_server_is_tried_later_each_time_up_to_a_cap_and_a_good_run_starts_over() {
        let mut s = Schedule::default();
        let down = SyncError::Unreachable("refused".into());
        let waits: Vec<Duration> = (0..10).map(|_| s.next(Outcome::Failed(&down), 1.0)).collect();
        assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
        assert!(waits[0] < Duration::from_secs(60) && waits[9] == Duration::from_secs(900), "{waits:?}");
        s.next(Outcome::Done { pending: 0 }, 0.5);
        assert_eq!(s.next(Outcome::Failed(&down), 1.0), waits[0]);
    }

    #[test]
    fn what_only_the_user_can_fix_is_not_retried_on_a_timer() {
        let mut s = Schedule::default();
        assert_eq!(s.next(Outcome::Failed(&SyncError::Unauthorized), 0.5), FOR_THE_USER);
        assert_eq!(s.next(Outcome::Failed(&SyncError::NoToken), 0.5), FOR_THE_USER);
    }
}
