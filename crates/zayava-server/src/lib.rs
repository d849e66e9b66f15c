//! The server of the operator API v1 (`docs/operator-api.yaml`). An organisation, an
//! integrator or the operator deploys it on PostgreSQL, and the desktops of one account share
//! their work through it; each member signs in with a personal token and acts with a role.
//! Started with a sandbox token (`serve --sandbox-token`), it also plays the operator over
//! admin endpoints (receive, remarks, draft contract, activate) and injects faults: users
//! rehearse the whole flow with it, and the sync tests run against it on loopback.
//!
//! Must not: depend on the client (`zayava-sync`) or its store: it speaks the wire through
//! `zayava-api`'s types only, so it tests the client from the outside.

pub mod access;
pub mod desk;
pub mod faults;
pub mod metrics;
mod spec;
pub mod store;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use zayava_api::{BatchRequest, BatchResponse, EventsPage, Health, Outcome, Problem, RulebookDocument, TransfersDocument};

pub use access::Caller;
pub use faults::{Fault, FaultQueue, Queued};
pub use metrics::Metrics;
pub use store::{Account, Member, Role, Stats, Store, StoreError, SANDBOX_ACCOUNT};

/// The most items one batch may carry, and the most bytes one request may weigh.
pub const MAX_BATCH_ITEMS: usize = 1000;
pub const MAX_REQUEST_BYTES: usize = 64 * 1024 * 1024;

/// The most events one page of the feed may carry.
pub const MAX_PAGE_EVENTS: u32 = 1000;

/// Seconds a client is asked to wait when the database is away.
const RETRY_AFTER_SECONDS: u32 = 5;

/// One call as the server saw it (kept when recording is on, for the spec test).
#[derive(Debug, Clone)]
pub struct Exchange {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub request: Option<Value>,
    pub response: Option<Value>,
    pub content_type: String,
}

/// How the server writes its log lines to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Clone)]
pub struct Server {
    pub store: Store,
    pub faults: FaultQueue,
    pub metrics: Arc<Metrics>,
    /// Set: the sandbox's token, taken as the admin of the sandbox account, and the operator's
    /// desk and fault injection are served.
    sandbox_token: Option<Arc<str>>,
    /// False until the schema is known to be in place (a server started while its database
    /// was away): until then every API call is answered 503.
    ready: Arc<AtomicBool>,
    recording: Option<Arc<Mutex<Vec<Exchange>>>>,
    body_limit: usize,
    log: LogFormat,
}

impl Server {
    /// A deployed server: members sign in with their tokens; no operator desk, no faults.
    pub fn new(store: Store) -> Server {
        Server { store, faults: FaultQueue::default(), metrics: Arc::default(), sandbox_token: None, ready: Arc::new(AtomicBool::new(true)), recording: None, body_limit: MAX_REQUEST_BYTES, log: LogFormat::Text }
    }

    /// A sandbox: also takes `token` as the admin of the sandbox account, serves the operator's
    /// desk (`/admin/…`) and plays queued faults.
    pub fn sandbox(store: Store, token: &str) -> Server {
        Server { sandbox_token: Some(token.into()), ..Server::new(store) }
    }

    /// Not ready until `mark_ready`: for a server that starts before its database is there.
    pub fn starting(self) -> Server {
        self.ready.store(false, Ordering::SeqCst);
        self
    }

    pub fn mark_ready(&self) {
        self.ready.store(true, Ordering::SeqCst);
    }

    pub fn log_format(mut self, log: LogFormat) -> Server {
        self.log = log;
        self
    }

    /// The most bytes one request may weigh (`MAX_REQUEST_BYTES` unless set; tests set less).
    pub fn body_limit(mut self, bytes: usize) -> Server {
        self.body_limit = bytes;
        self
    }

    /// Keeps every API call's bodies, for the spec test.
    pub fn recording(mut self) -> Server {
        self.recording = Some(Arc::default());
        self
    }

    pub fn exchanges(&self) -> Vec<Exchange> {
        self.recording.as_ref().map(|r| r.lock().expect("recording").clone()).unwrap_or_default()
    }

    /// The sandbox account's data, where the sandbox's token acts.
    pub fn desk(&self) -> Account {
        self.store.account(SANDBOX_ACCOUNT)
    }

    /// A line in the server's log, as text or as one JSON object.
    pub fn log(&self, level: &str, message: &str) {
        let at = now();
        match self.log {
            LogFormat::Text => eprintln!("{at} {level} zayava-server: {message}"),
            LogFormat::Json => eprintln!("{}", json!({ "at": at, "level": level, "message": message })),
        }
    }

    pub fn router(&self) -> Router {
        let mut api = Router::new()
            .route("/v1/batch", post(batch))
            .route("/v1/attachments/{sha256}", put(attachment).get(attachment_get))
            .route("/v1/events", get(events))
            .route("/v1/me", get(me))
            .route("/v1/calendar/transfers", get(transfers))
            .route("/v1/rulebook", get(rulebook));
        if self.sandbox_token.is_some() {
            api = api.merge(desk::routes());
        }
        let api = api.route_layer(middleware::from_fn_with_state(self.clone(), access::authorised));
        let mut app = Router::new().route("/v1/health", get(health)).merge(api).fallback(not_found).layer(middleware::from_fn_with_state(self.clone(), when_ready));
        if self.sandbox_token.is_some() {
            app = app.layer(middleware::from_fn_with_state(self.clone(), faults::play));
        }
        app.route("/health", get(readiness))
            .route("/metrics", get(metrics_text))
            .layer(middleware::from_fn_with_state(self.clone(), metrics::measure))
            .layer(middleware::from_fn(as_problem))
            .layer(middleware::from_fn_with_state(self.clone(), record))
            .layer(DefaultBodyLimit::max(self.body_limit))
            .with_state(self.clone())
    }

    /// Serves on `listener` until the process ends.
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

    /// A storage failure as the client sees it. The database away: 503 with Retry-After.
    /// Anything else: 500 with a plain sentence; the words go to the log, never to the client
    /// (they may name tables, files or locks).
    pub fn storage_failed(&self, e: StoreError) -> Response {
        if let StoreError::Unavailable(_) = e {
            self.log("warn", &format!("{e}"));
            return unavailable("the server's database cannot be reached now; try again shortly");
        }
        self.log("error", &format!("storage error ({}): {e}", e.code()));
        problem(StatusCode::INTERNAL_SERVER_ERROR, "Storage error", "the server could not read or write its data; try again later")
    }
}

/// An `application/problem+json` answer.
pub fn problem(status: StatusCode, title: &str, detail: &str) -> Response {
    let body = Problem::new(status.as_u16(), title, detail);
    (status, [(header::CONTENT_TYPE, "application/problem+json")], serde_json::to_string(&body).unwrap_or_default()).into_response()
}

/// 503 with Retry-After.
fn unavailable(detail: &str) -> Response {
    let mut r = problem(StatusCode::SERVICE_UNAVAILABLE, "Service unavailable", detail);
    r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    r
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Until the schema is in place, the API answers 503 (the health and metrics endpoints stay up).
async fn when_ready(State(server): State<Server>, req: Request, next: Next) -> Response {
    if !server.ready.load(Ordering::SeqCst) && req.uri().path() != "/v1/health" {
        return unavailable("the server is starting and its database cannot be reached yet; try again shortly");
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

/// True if the body's media type is `media` (parameters allowed, case-insensitive).
fn has_media_type(headers: &HeaderMap, media: &str) -> bool {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|v| v.split(';').next()).is_some_and(|m| m.trim().eq_ignore_ascii_case(media))
}

async fn record(State(server): State<Server>, req: Request, next: Next) -> Response {
    let Some(log) = server.recording.clone() else { return next.run(req).await };
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

/// Liveness: the process answers (no token, no database).
async fn health() -> Json<Health> {
    Json(Health { status: "ok".into(), api_version: "1".into() })
}

/// Readiness, for a load balancer: the schema is in place and the database answers now.
async fn readiness(State(server): State<Server>) -> Response {
    if !server.ready.load(Ordering::SeqCst) {
        return unavailable("the database cannot be reached yet");
    }
    match server.store.ping().await {
        Ok(()) => Json(Health { status: "ok".into(), api_version: "1".into() }).into_response(),
        Err(e) => server.storage_failed(e),
    }
}

async fn metrics_text(State(server): State<Server>) -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], server.metrics.render()).into_response()
}

/// Who the token belongs to (the desktop's settings show it), and what this server does
/// beyond the API's first version.
async fn me(Extension(caller): Extension<Caller>) -> Response {
    Json(json!({ "account": caller.member.account, "user": caller.member.name, "role": caller.member.role, "features": [zayava_api::FEATURE_REMINDERS] })).into_response()
}

/// Whether a batch's body holds items and each is a `reminder` (a reader may send those).
fn body_is_reminders_only(body: &[u8]) -> bool {
    let Ok(v) = serde_json::from_slice::<Value>(body) else { return false };
    v.get("items").and_then(Value::as_array).is_some_and(|items| !items.is_empty() && items.iter().all(|i| i.get("kind").and_then(Value::as_str) == Some("reminder")))
}

async fn batch(State(server): State<Server>, Extension(caller): Extension<Caller>, headers: HeaderMap, body: Bytes) -> Response {
    // A reader changes nothing, but may say which reminders its desktop showed (so no
    // colleague's desktop shows them again): a batch of those alone is let through below.
    if let Some(refused) = caller.refuse_edit().filter(|_| !body_is_reminders_only(&body)) {
        return refused;
    }
    if !has_media_type(&headers, "application/json") {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "the batch is sent as application/json");
    }
    let value: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => return problem(StatusCode::BAD_REQUEST, "Malformed batch", &e.to_string()),
    };
    // More than MAX_BATCH_ITEMS (the spec's maxItems) is a malformed batch like any other.
    if let Some(why) = spec::batch_error(&value) {
        return problem(StatusCode::BAD_REQUEST, "Malformed batch", &why);
    }
    let req: BatchRequest = match serde_json::from_value(value) {
        Ok(r) => r,
        Err(e) => return problem(StatusCode::BAD_REQUEST, "Malformed batch", &e.to_string()),
    };
    match caller.account(&server.store).apply_batch(&req.items, &caller.by(), &now()).await {
        Ok(store::Settled::Items(results)) => {
            for r in &results {
                server.metrics.pushed(match r.outcome {
                    Outcome::Applied => "applied",
                    Outcome::Duplicate => "duplicate",
                    Outcome::Rejected => "rejected",
                    Outcome::Conflict => "conflict",
                });
            }
            Json(BatchResponse { results }).into_response()
        }
        Ok(store::Settled::KeyReused(key)) => {
            server.metrics.key_reused();
            problem(StatusCode::CONFLICT, "Idempotency key reused", &format!("the key {key} was applied before with another body; nothing of this batch was applied"))
        }
        Err(e) => server.storage_failed(e),
    }
}

async fn attachment(State(server): State<Server>, Extension(caller): Extension<Caller>, Path(sha256): Path<String>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(refused) = caller.refuse_edit() {
        return refused;
    }
    if !has_media_type(&headers, "application/octet-stream") {
        return problem(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "a file is sent as application/octet-stream");
    }
    let actual = format!("{:x}", Sha256::digest(&body));
    if actual != sha256 {
        return problem(StatusCode::UNPROCESSABLE_ENTITY, "Checksum mismatch", &format!("the content's SHA-256 is {actual}"));
    }
    match caller.account(&server.store).put_attachment(&sha256, &body, &caller.by(), &now()).await {
        Ok(()) => Json(json!({ "sha256": sha256, "size": body.len() })).into_response(),
        Err(e) => server.storage_failed(e),
    }
}

/// A file this account holds; any other, this account's or not, is 404 alike.
async fn attachment_get(State(server): State<Server>, Extension(caller): Extension<Caller>, Path(sha256): Path<String>) -> Response {
    match caller.account(&server.store).attachment(&sha256).await {
        Ok(Some(bytes)) => ([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response(),
        Ok(None) => problem(StatusCode::NOT_FOUND, "Not found", "no such file in this account"),
        Err(e) => server.storage_failed(e),
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

async fn events(State(server): State<Server>, Extension(caller): Extension<Caller>, q: Result<Query<EventsQuery>, axum::extract::rejection::QueryRejection>) -> Response {
    let Ok(Query(q)) = q else { return problem(StatusCode::BAD_REQUEST, "Bad query", "after and limit must be integers") };
    if q.after < 0 {
        return problem(StatusCode::BAD_REQUEST, "Bad query", "after is a cursor: 0 or more");
    }
    if !(1..=MAX_PAGE_EVENTS as i64).contains(&q.limit) {
        return problem(StatusCode::BAD_REQUEST, "Bad query", &format!("limit is from 1 to {MAX_PAGE_EVENTS}"));
    }
    match caller.account(&server.store).feed_after(q.after, q.limit as u32).await {
        Ok(page) => {
            server.metrics.pulled(page.events.len() + page.changes.len());
            // Past the end of the feed (a server restored from an older backup, say), the
            // cursor given back is the feed's end, so the client can tell.
            let next_cursor = page.last.unwrap_or(q.after.min(page.head));
            Json(EventsPage { events: page.events, changes: page.changes, next_cursor, more: page.more }).into_response()
        }
        Err(e) => server.storage_failed(e),
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
