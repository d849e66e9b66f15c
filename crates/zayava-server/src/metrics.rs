//! The server's counters in Prometheus' text format (`GET /metrics`): requests and their
//! latencies by route, pushed items by outcome, pulled pages and events, conflicts. Labels
//! are the route's pattern, never the path itself, so an id in a path adds no series.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::Server;

/// Upper bounds of the latency histogram's buckets, in seconds.
const BUCKETS: [f64; 12] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
struct Latency {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
struct Counters {
    requests: BTreeMap<(String, String, u16), u64>,
    latency: BTreeMap<String, Latency>,
    pushed: BTreeMap<&'static str, u64>,
    pulled_pages: u64,
    pulled_events: u64,
    conflicts: BTreeMap<&'static str, u64>,
}

#[derive(Default)]
pub struct Metrics(Mutex<Counters>);

impl Metrics {
    fn with(&self, f: impl FnOnce(&mut Counters)) {
        if let Ok(mut c) = self.0.lock() {
            f(&mut c);
        }
    }

    pub fn request(&self, route: &str, method: &str, status: u16, took: Duration) {
        self.with(|c| {
            *c.requests.entry((route.to_string(), method.to_string(), status)).or_default() += 1;
            let l = c.latency.entry(route.to_string()).or_default();
            let s = took.as_secs_f64();
            for (i, bound) in BUCKETS.iter().enumerate() {
                if s <= *bound {
                    l.buckets[i] += 1;
                }
            }
            l.count += 1;
            l.sum += s;
        });
    }

    /// An item of a push settled: applied, duplicate, rejected or conflict.
    pub fn pushed(&self, outcome: &'static str) {
        self.with(|c| {
            *c.pushed.entry(outcome).or_default() += 1;
            if outcome == "conflict" {
                *c.conflicts.entry("application").or_default() += 1;
            }
        });
    }

    /// A push refused whole: a key replayed with another body.
    pub fn key_reused(&self) {
        self.with(|c| *c.conflicts.entry("idempotency_key").or_default() += 1);
    }

    pub fn pulled(&self, events: usize) {
        self.with(|c| {
            c.pulled_pages += 1;
            c.pulled_events += events as u64;
        });
    }

    /// The text exposition format, version 0.0.4.
    pub fn render(&self) -> String {
        let Ok(c) = self.0.lock() else { return String::new() };
        let mut out = String::new();
        let _ = writeln!(out, "# HELP zayava_http_requests_total Requests answered, by route pattern, method and status.\n# TYPE zayava_http_requests_total counter");
        for ((route, method, status), n) in &c.requests {
            let _ = writeln!(out, "zayava_http_requests_total{{route=\"{}\",method=\"{method}\",status=\"{status}\"}} {n}", escape(route));
        }
        let _ = writeln!(out, "# HELP zayava_http_request_duration_seconds Time from a request's arrival to its answer, by route pattern.\n# TYPE zayava_http_request_duration_seconds histogram");
        for (route, l) in &c.latency {
            let route = escape(route);
            for (bound, n) in BUCKETS.iter().zip(l.buckets) {
                let _ = writeln!(out, "zayava_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}");
            }
            let _ = writeln!(out, "zayava_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}", l.count);
            let _ = writeln!(out, "zayava_http_request_duration_seconds_sum{{route=\"{route}\"}} {}", l.sum);
            let _ = writeln!(out, "zayava_http_request_duration_seconds_count{{route=\"{route}\"}} {}", l.count);
        }
        let _ = writeln!(out, "# HELP zayava_push_items_total Pushed items settled, by outcome.\n# TYPE zayava_push_items_total counter");
        for outcome in ["applied", "duplicate", "rejected", "conflict"] {
            let _ = writeln!(out, "zayava_push_items_total{{outcome=\"{outcome}\"}} {}", c.pushed.get(outcome).copied().unwrap_or(0));
        }
        let _ = writeln!(out, "# HELP zayava_pull_pages_total Pages of the feed served.\n# TYPE zayava_pull_pages_total counter\nzayava_pull_pages_total {}", c.pulled_pages);
        let _ = writeln!(out, "# HELP zayava_pull_events_total Events served in pages of the feed.\n# TYPE zayava_pull_events_total counter\nzayava_pull_events_total {}", c.pulled_events);
        let _ = writeln!(out, "# HELP zayava_conflicts_total Conflicts: an application changed on both sides, or an idempotency key replayed with another body.\n# TYPE zayava_conflicts_total counter");
        for kind in ["application", "idempotency_key"] {
            let _ = writeln!(out, "zayava_conflicts_total{{kind=\"{kind}\"}} {}", c.conflicts.get(kind).copied().unwrap_or(0));
        }
        out
    }
}

fn escape(label: &str) -> String {
    label.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// The middleware: counts and times every request under its route's pattern.
pub async fn measure(State(server): State<Server>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_string()).unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let started = std::time::Instant::now();
    let resp = next.run(req).await;
    server.metrics.request(&route, &method, resp.status().as_u16(), started.elapsed());
    resp
}
