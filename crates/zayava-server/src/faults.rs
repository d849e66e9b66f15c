//! Faults queued by the admin (or a test) and played on the next matching API call: error
//! statuses, slowness, a cut connection, unreadable or hostile answers. Each fault is used
//! once, in the order queued.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{problem, Server};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Fault {
    /// Answer with this status (and Retry-After, if given) without doing anything.
    Status { status: u16, #[serde(default)] retry_after: Option<u64> },
    /// Do the work, then answer with this status: the client never learns it was done.
    LoseResponse { status: u16 },
    /// Wait before doing anything (longer than the client's timeout: a timeout).
    Delay { ms: u64 },
    /// Do the work, then cut the connection in the middle of the answer.
    Cut,
    /// Do the work, then answer with truncated JSON.
    Malformed,
    /// Answer with JSON of the wrong shape.
    WrongTypes,
    /// Answer with a body of this many megabytes.
    Huge { megabytes: u32 },
    /// Events page: deliver every event twice.
    Duplicate,
    /// Events page: a cursor behind the one asked for.
    CursorBack,
}

/// A fault with the path prefix it waits for (`/v1/batch`, `/v1/events`, or any `/v1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    #[serde(default = "any_path")]
    pub path: String,
    #[serde(flatten)]
    pub fault: Fault,
}

fn any_path() -> String {
    "/v1".into()
}

#[derive(Clone, Default)]
pub struct FaultQueue(Arc<Mutex<VecDeque<Queued>>>);

impl FaultQueue {
    pub fn push(&self, q: Queued) {
        self.0.lock().expect("fault queue").push_back(q);
    }

    pub fn clear(&self) {
        self.0.lock().expect("fault queue").clear();
    }

    pub fn len(&self) -> usize {
        self.0.lock().expect("fault queue").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn take(&self, path: &str) -> Option<Fault> {
        let mut q = self.0.lock().expect("fault queue");
        let i = q.iter().position(|f| path.starts_with(&f.path))?;
        q.remove(i).map(|f| f.fault)
    }
}

/// The middleware: plays the next fault queued for this path, if any.
pub async fn play(State(sb): State<Server>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let Some(fault) = sb.faults.take(&path) else { return next.run(req).await };
    match fault {
        Fault::Status { status, retry_after } => {
            let mut r = problem(StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), "Injected fault", "the sandbox was asked to fail this call");
            if let Some(s) = retry_after {
                r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(s));
            }
            r
        }
        Fault::LoseResponse { status } => {
            let _ = next.run(req).await;
            problem(StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY), "Injected fault", "the work was done but the answer was lost")
        }
        Fault::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(req).await
        }
        Fault::Cut => {
            let _ = next.run(req).await;
            let broken = futures_util::stream::iter([Ok(Bytes::from_static(b"{\"results\": [")), Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "cut"))]);
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], Body::from_stream(broken)).into_response()
        }
        Fault::Malformed => {
            let _ = next.run(req).await;
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], "{\"results\": [{\"idempotency_key\": ").into_response()
        }
        Fault::WrongTypes => (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], r#"{"results": 5, "events": "none", "next_cursor": "x", "more": "maybe"}"#).into_response(),
        Fault::Huge { megabytes } => {
            let chunk = Bytes::from(vec![b' '; 1024 * 1024]);
            let stream = futures_util::stream::iter((0..megabytes).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
            (StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], Body::from_stream(stream)).into_response()
        }
        Fault::Duplicate | Fault::CursorBack => {
            let resp = next.run(req).await;
            let (parts, body) = resp.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024 * 1024).await else { return StatusCode::INTERNAL_SERVER_ERROR.into_response() };
            let Ok(mut page) = serde_json::from_slice::<Value>(&bytes) else { return Response::from_parts(parts, Body::from(bytes)) };
            if fault == Fault::Duplicate {
                if let Some(Value::Array(events)) = page.get_mut("events") {
                    let copy = events.clone();
                    events.extend(copy);
                }
            } else if let Some(c) = page.get_mut("next_cursor") {
                *c = Value::from(c.as_i64().unwrap_or(0) - 1_000_000);
            }
            let mut parts = parts;
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(page.to_string()))
        }
    }
}
