//! When to try again: exponential backoff with full jitter, never sooner than the server's
//! Retry-After, never longer than the cap.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    /// Tries of one call within a sync run before the run gives up (the timer comes back later).
    pub attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff { base: Duration::from_millis(500), cap: Duration::from_secs(60), attempts: 5 }
    }
}

impl Backoff {
    /// The wait before try number `attempt` (1 = the first retry). `unit` in [0, 1) is the
    /// jitter draw, passed in so the schedule can be tested.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>, unit: f64) -> Duration {
        let exp = self.base.saturating_mul(1u32 << attempt.min(16)).min(self.cap);
        // Half fixed, half random: spreads clients out without ever retrying at once.
        let jittered = exp.mul_f64(0.5 + 0.5 * unit.clamp(0.0, 1.0));
        match retry_after {
            Some(at_least) => jittered.max(at_least).min(self.cap.max(at_least)),
            None => jittered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_then_caps_and_honours_retry_after() {
        let b = Backoff { base: Duration::from_millis(100), cap: Duration::from_secs(2), attempts: 5 };
        assert_eq!(b.delay(1, None, 1.0), Duration::from_millis(200));
        assert_eq!(b.delay(2, None, 1.0), Duration::from_millis(400));
        assert_eq!(b.delay(2, None, 0.0), Duration::from_millis(200));
        assert_eq!(b.delay(10, None, 1.0), Duration::from_secs(2));
        assert_eq!(b.delay(1, Some(Duration::from_secs(5)), 0.0), Duration::from_secs(5));
    }
}
