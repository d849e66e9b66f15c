//! The operator sandbox: a reference implementation of the operator API v1
//! (`docs/operator-api.yaml`) with an admin side for playing the operator (receive, remarks,
//! draft contract, activate) and for injecting faults. Users rehearse the whole flow with it;
//! the sync tests run against it on loopback.
//!
//! Must not: depend on the client (`zayava-sync`) or the store: it speaks the wire through
//! `zayava-api`'s types only, so it tests the client from the outside.

pub mod faults;
pub mod store;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use zayava_api::{BatchRequest, BatchResponse, EventsPage, Health, Problem, RulebookDocument, TransfersDocument, OPERATOR_EVENTS};

pub use faults::{Fault, FaultQueue, Queued};
pub use store::{Stats, Store};

/// The most items one batch may carry, and the most bytes one request may weigh.
pub const MAX_BATCH_ITEMS: usize = 1000;
pub const MAX_REQUEST_BYTES: usize = 64 * 1024 * 1024;

/// The most events one page of the feed may carry.
pub const MAX_PAGE_EVENTS: u32 = 1000;

/// One call as the sandbox saw it (kept when recording is on, for the spec test).
#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub request: Option<Value>,
    pub response: Option<Value>,
    pub content_type: String,
}

#[derive(Clone)]
pub struct Sandbox {
    pub store: Store,
    pub faults: FaultQueue,
    token: Arc<str>,
    recording: Option<Arc<Mutex<Vec<Exchange>>>>,
    body_limit: usize,
}

impl Sandbox {
    pub fn new(store: Store, token: &str) -> Sandbox {
        Sandbox { store, faults: FaultQueue::default(), token: token.into(), recording: None, body_limit: MAX_REQUEST_BYTES }
    }

    /// The most bytes one request may weigh (`MAX_REQUEST_BYTES` unless set; tests set less).
    pub fn body_limit(mut self, bytes: usize) -> Sandbox {
        self.body_limit = bytes;
        self
    }

    /// Keeps every API call's bodies, for the spec test.
    pub fn recording(mut self) -> Sandbox {
        self.recording = Some(Arc::default());
        self
    }

    pub fn exchanges(&self) -> Vec<Exchange> {
        self.recording.as_ref().map(|r| r.lock().expect("recording").clone()).unwrap_or_default()
    }

    pub fn router(&self) -> Router {
        let api = Router::new()
            .route("/v1/batch", post(batch))
            .route("/v1/attachments/{sha256}", put(attachment))
            .route("/v1/events", get(events))
            .route("/v1/calendar/transfers", get(transfers))
            .route("/v1/rulebook", get(rulebook))
            .route("/admin/applications", get(admin_list))
            .route("/admin/applications/{id}/events", post(admin_event))
            .route("/admin/applications/{id}/amend", post(admin_amend))
            .route("/admin/faults", post(admin_faults).delete(admin_clear_faults))
            .route("/admin/stats", get(admin_stats))
            .route_layer(middleware::from_fn_with_state(self.clone(), authorised));
        Router::new()
            .route("/v1/health", get(health))
            .merge(api)
            .fallback(not_found)
            .layer(middleware::from_fn_with_state(self.clone(), faults::play))
            .layer(middleware::from_fn(as_problem))
            .layer(middleware::from_fn_with_state(self.clone(), record))
            .layer(DefaultBodyLimit::max(self.body_limit))
            .with_state(self.clone())
    }

    /// Serves on `addr` until the process ends.
    pub async fn serve(self, listener: tokio::net::TcpListener) -> std::io::Result<()> {
        axum::serve(listener, self.router()).await
    }

    /// Starts on a free loopback port in this process; for tests and benchmarks.
    pub async fn spawn_on_loopback(self) -> std::io::Result<SocketAddr> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(self.serve(listener));
        Ok(addr)
    }
}

/// An `application/problem+json` answer.
pub fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    let body = Problem::new(status.as_u16(), title, detail);
    (status, [(header::CONTENT_TYPE, "application/problem+json")], serde_json::to_string(&body).unwrap_or_default()).into_response()
}

/// A storage failure: the words go to the server's log, never to the client (they may name
/// tables, files or locks).
fn internal(e: sqlx::Error) -> Response {
    eprintln!("operator-sandbox: storage error: {e}");
    problem(StatusCode::INTERNAL_SERVER_ERROR, "Storage error", "the server could not read or write its data; try again later")
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The token of an `Authorization: Bearer …` header; the scheme's name is case-insensitive
/// (RFC 9110, 11.1), and one or more spaces may follow it.
fn bearer(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim_start_matches(' '))
}

async fn authorised(State(sb): State<Sandbox>, req: Request, next: Next) -> Response {
    let given = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(bearer);
    if given != Some(&*sb.token) {
        let mut r = problem(StatusCode::UNAUTHORIZED, "Unauthorized", "a valid bearer token is required");
        r.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        return r;
    }
    next.run(req).await
}

/// No route here: a problem, as every error is.
async fn not_found() -> Response {
    problem(StatusCode::NOT_FOUND, "Not found", "no such resource")
}

/// Every error answer is `application/problem+json`: those the framework writes itself (a
/// body over the limit, a method a path does not take, a body or query its extractors
/// refuse) come as plain text or empty, and are rewritten with their words as the detail.
async fn as_problem(req: Request, next: Next) -> Response {
    let resp = next.run(req).await;
    let status = resp.status();
    let is_problem = resp.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return resp;
    }
    let (parts, body) = resp.into_parts();
    let detail = axum::body::to_bytes(body, 64 * 1024).await.map(|b| String::from_utf8_lossy(&b).trim().to_string()).unwrap_or_default();
    let title = status.canonical_reason().unwrap_or("Error");
    let mut answer = problem(status, title, if detail.is_empty() { title } else { &detail });
    // What the framework said besides (Allow on a 405, Retry-After) goes with it.
    for (name, value) in parts.headers.iter().filter(|(n, _)| *n != header::CONTENT_TYPE && *n != header::CONTENT_LENGTH) {
        answer.headers_mut().insert(name.clone(), value.clone());
    }
    answer
}

/// True for a JSON body's media type (`application/json`, parameters allowed).
fn is_json(headers: &HeaderMap) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()).is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
}

async fn record(State(sb): State<Sandbox>, req: Request, next: Next) -> Response {
    let Some(log) = sb.recording.clone() else { return next.run(req).await };
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_REQUEST_BYTES).await.unwrap_or_default();
    let request = serde_json::from_slice(&bytes).ok();
    let resp = next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await;
    let (parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_REQUEST_BYTES).await.unwrap_or_default();
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    log.lock().expect("recording").push(Exchange { method, path, status: parts.status.as_u16(), request, response: serde_json::from_slice(&bytes).ok(), content_type });
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

async fn health() -> Json<Health> {
    Json(Health { status: "ok".into(), api_version: "1".into() })
}

async fn batch(State(sb): State<Sandbox>, headers: HeaderMap, body: Bytes) -> Response {
    if !is_json(&headers) {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "the batch is sent as application/json");
    }
    let req: BatchRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => return problem(StatusCode::BAD_REQUEST, "Malformed batch", &e.to_string()),
    };
    if let Some(item) = req.items.iter().find(|i| i.base_revision.is_some_and(|r| r < 0)) {
        return problem(StatusCode::BAD_REQUEST, "Malformed batch", &format!("{}: base_revision is 0 or more", item.entity));
    }
    if req.items.len() > MAX_BATCH_ITEMS {
        return problem(StatusCode::PAYLOAD_TOO_LARGE, "Batch too large", &format!("at most {MAX_BATCH_ITEMS} items"));
    }
    match sb.store.apply_batch(&req.items, &now()).await {
        Ok(results) => Json(BatchResponse { results }).into_response(),
        Err(e) => internal(e),
    }
}

async fn attachment(State(sb): State<Sandbox>, Path(sha256): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    let octets = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()).is_some_and(|m| m.trim().eq_ignore_ascii_case("application/octet-stream"));
    if !octets {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "a file is sent as application/octet-stream");
    }
    let actual = format!("{:x}", Sha256::digest(&body));
    if actual != sha256 {
        return problem(StatusCode::UNPROCESSABLE_ENTITY, "Checksum mismatch", &format!("the content's SHA-256 is {actual}"));
    }
    match sb.store.put_attachment(&sha256, &body).await {
        Ok(()) => Json(json!({ "sha256": sha256, "size": body.len() })).into_response(),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
struct EventsQuery {
    #[serde(default)]
    after: i64,
    #[serde(default = "default_limit")]
    limit: i64,
}

fn default_limit() -> i64 {
    500
}

async fn events(State(sb): State<Sandbox>, q: Result<Query<EventsQuery>, axum::extract::rejection::QueryRejection>) -> Response {
    let Ok(Query(q)) = q else { return problem(StatusCode::BAD_REQUEST, "Bad query", "after and limit must be integers") };
    if q.after < 0 {
        return problem(StatusCode::BAD_REQUEST, "Bad query", "after is a cursor: 0 or more");
    }
    if !(1..=MAX_PAGE_EVENTS as i64).contains(&q.limit) {
        return problem(StatusCode::BAD_REQUEST, "Bad query", &format!("limit is from 1 to {MAX_PAGE_EVENTS}"));
    }
    match sb.store.events_after(q.after, q.limit as u32).await {
        Ok((events, more, head)) => {
            // Past the end of the feed (a server restored from an older backup, say), the
            // cursor given back is the feed's end, so the client can tell.
            let next_cursor = events.last().map(|e| e.seq).unwrap_or(q.after.min(head));
            Json(EventsPage { events, next_cursor, more }).into_response()
        }
        Err(e) => internal(e),
    }
}

async fn transfers() -> Json<TransfersDocument> {
    let years = zayava_core::calendar::transfers::embedded();
    Json(TransfersDocument { version: format!("embedded-{}", years.len()), years })
}

async fn rulebook() -> Response {
    let book: Value = serde_json::from_str(zayava_core::rules::EMBEDDED_RULEBOOK_JSON).unwrap_or_default();
    let version = book.get("version").and_then(Value::as_str).unwrap_or("").to_string();
    Json(RulebookDocument { version, rulebook: book }).into_response()
}

async fn admin_list(State(sb): State<Sandbox>) -> Response {
    match sb.store.list().await {
        Ok(l) => Json(l).into_response(),
        Err(e) => internal(e),
    }
}

/// The operator acts: `{"event": "remarks_received", "at": "2026-11-25", "note": "…", "fields": {…}}`.
/// `"unchecked": true` skips the checks, to rehearse what a broken server might send.
#[derive(Deserialize)]
struct OperatorAct {
    event: String,
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    fields: Map<String, Value>,
    #[serde(default)]
    unchecked: bool,
}

async fn admin_event(State(sb): State<Sandbox>, Path(id): Path<String>, Json(act): Json<OperatorAct>) -> Response {
    if !act.unchecked {
        if !OPERATOR_EVENTS.contains(&act.event.as_str()) {
            return problem(StatusCode::UNPROCESSABLE_ENTITY, "Unknown event", &format!("one of: {}", OPERATOR_EVENTS.join(", ")));
        }
        match sb.store.application_exists(&id).await {
            Ok(true) => {}
            Ok(false) => return problem(StatusCode::NOT_FOUND, "Unknown application", &id),
            Err(e) => return internal(e),
        }
    }
    // The operator's date defaults to today in Minsk (UTC+3, no daylight saving).
    let at = act.at.unwrap_or_else(|| (chrono::Utc::now() + chrono::Duration::hours(3)).format("%Y-%m-%d").to_string());
    match sb.store.operator_event(&id, &act.event, &at, &act.note, &act.fields).await {
        Ok(e) => (StatusCode::CREATED, Json(e)).into_response(),
        Err(e) => internal(e),
    }
}

async fn admin_amend(State(sb): State<Sandbox>, Path(id): Path<String>, Json(values): Json<Map<String, Value>>) -> Response {
    match sb.store.amend(&id, &values, &now()).await {
        Ok(Some(revision)) => Json(json!({ "revision": revision })).into_response(),
        Ok(None) => problem(StatusCode::NOT_FOUND, "Unknown application", &id),
        Err(e) => internal(e),
    }
}

async fn admin_faults(State(sb): State<Sandbox>, Json(list): Json<Vec<Queued>>) -> Response {
    for q in list {
        sb.faults.push(q);
    }
    Json(json!({ "queued": sb.faults.len() })).into_response()
}

async fn admin_clear_faults(State(sb): State<Sandbox>) -> Response {
    sb.faults.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn admin_stats(State(sb): State<Sandbox>, _h: HeaderMap) -> Response {
    match sb.store.stats().await {
        Ok(s) => Json(s).into_response(),
        Err(e) => internal(e),
    }
}
