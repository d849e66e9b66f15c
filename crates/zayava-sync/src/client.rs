//! HTTP calls to the operator's API, and the classing of every failure: retry (network,
//! 5xx, 429 with Retry-After), reject (another 4xx: the item is set aside), re-auth (401),
//! or an unreadable answer. A body larger than the limit is never read whole.

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Method, StatusCode, Url};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::endpoint::check_base_url;
use zayava_api::{BatchRequest, BatchResponse, EventsPage, Health, Me, Problem, RulebookDocument, TransfersDocument};
use crate::SyncError;

/// The header naming the desktop (docs/operator-api.yaml, `Zayava-Device`).
const DEVICE_HEADER: &str = "zayava-device";

/// The most the client reads of any answer: a hostile server cannot fill the memory.
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// How one call failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Worth trying again later: the network, a 5xx, a 429 (with the server's wait).
    Retry { reason: String, after: Option<Duration> },
    /// Refused for good: another 4xx.
    Reject(Problem),
    /// The token was refused: ask the user for a new one.
    ReAuth,
    /// The answer could not be read (too large, not JSON, wrong shape).
    BadResponse(String),
}

impl Failure {
    pub fn describe(&self) -> String {
        match self {
            Failure::Retry { reason, .. } => reason.clone(),
            Failure::Reject(p) => p.sentence(),
            Failure::ReAuth => "401".into(),
            Failure::BadResponse(why) => why.clone(),
        }
    }
}

/// A connection to one operator API, with its token.
#[derive(Clone)]
pub struct Api {
    http: reqwest::Client,
    base: Url,
    /// This desktop's id, sent with every call (`Zayava-Device`): the server keeps it with
    /// each change, and the feed gives it back, so a desktop knows its own changes.
    device: Option<HeaderValue>,
}

impl Api {
    /// `timeout` bounds each whole call; the token goes only in the Authorization header.
    pub fn new(base_url: &str, token: &str, timeout: Duration) -> Result<Api, SyncError> {
        let base = check_base_url(base_url)?;
        let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| SyncError::NoToken)?;
        auth.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, auth);
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .user_agent(concat!("Zayava/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .timeout(timeout)
            // A redirect could carry the token elsewhere; the API has none.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| SyncError::BadUrl(e.to_string()))?;
        Ok(Api { http, base, device: None })
    }

    /// The same connection, naming this desktop in every call. An id that cannot be a header
    /// (never one this program made) is left out.
    pub fn with_device(mut self, id: &str) -> Api {
        self.device = HeaderValue::from_str(id).ok();
        self
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let req = self.http.request(method, self.url(path));
        match &self.device {
            Some(d) => req.header(DEVICE_HEADER, d.clone()),
            None => req,
        }
    }

    pub fn base(&self) -> &Url {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base.as_str().trim_end_matches('/'))
    }

    async fn call<B: Serialize, T: DeserializeOwned>(&self, method: Method, path: &str, body: Option<&B>) -> Result<T, Failure> {
        let mut req = self.request(method, path);
        if let Some(b) = body {
            req = req.json(b);
        }
        let resp = req.send().await.map_err(network)?;
        let bytes = read_checked(resp).await?;
        serde_json::from_slice(&bytes).map_err(|e| Failure::BadResponse(format!("{path}: {e}")))
    }

    pub async fn health(&self) -> Result<Health, Failure> {
        self.call::<(), _>(Method::GET, "/v1/health", None).await
    }

    pub async fn push(&self, batch: &BatchRequest) -> Result<BatchResponse, Failure> {
        self.call(Method::POST, "/v1/batch", Some(batch)).await
    }

    /// Who the token belongs to: the account, the member and their role.
    pub async fn me(&self) -> Result<Me, Failure> {
        self.call::<(), _>(Method::GET, "/v1/me", None).await
    }

    pub async fn events(&self, after: i64, limit: u32) -> Result<EventsPage, Failure> {
        self.call::<(), _>(Method::GET, &format!("/v1/events?after={after}&limit={limit}"), None).await
    }

    pub async fn transfers(&self) -> Result<TransfersDocument, Failure> {
        self.call::<(), _>(Method::GET, "/v1/calendar/transfers", None).await
    }

    pub async fn rulebook(&self) -> Result<RulebookDocument, Failure> {
        self.call::<(), _>(Method::GET, "/v1/rulebook", None).await
    }

    /// Uploads a file under its SHA-256; uploading the same content again changes nothing.
    /// A file of the account's, by its hash: at most `limit` bytes are read.
    pub async fn download_attachment(&self, sha256: &str, limit: usize) -> Result<Vec<u8>, Failure> {
        let resp = self.request(Method::GET, &format!("/v1/attachments/{sha256}")).send().await.map_err(network)?;
        read_at_most(resp, limit).await
    }

    pub async fn upload_attachment(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), Failure> {
        let resp = self
            .request(Method::PUT, &format!("/v1/attachments/{sha256}"))
            .header(CONTENT_TYPE, "application/octet-stream")
            .body(bytes)
            .send()
            .await
            .map_err(network)?;
        read_checked(resp).await.map(|_| ())
    }
}

fn network(e: reqwest::Error) -> Failure {
    let what = if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "no connection"
    } else {
        "connection lost"
    };
    // The error's own text may hold the URL, never the token (it is a header).
    Failure::Retry { reason: format!("{what}: {e}"), after: None }
}

/// Reads a response up to the limit and classes a non-success status.
async fn read_checked(resp: reqwest::Response) -> Result<Vec<u8>, Failure> {
    read_at_most(resp, MAX_RESPONSE_BYTES).await
}

async fn read_at_most(mut resp: reqwest::Response, limit: usize) -> Result<Vec<u8>, Failure> {
    let status = resp.status();
    let retry_after = resp.headers().get(RETRY_AFTER).and_then(|v| v.to_str().ok()).and_then(parse_retry_after);
    if resp.content_length().is_some_and(|n| n > limit as u64) {
        return Err(too_large(status, limit));
    }
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(network)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large(status, limit));
        }
        body.extend_from_slice(&chunk);
    }
    if status.is_success() {
        return Ok(body);
    }
    let problem = serde_json::from_slice::<Problem>(&body).unwrap_or_else(|_| Problem::new(status.as_u16(), status.canonical_reason().unwrap_or("error"), ""));
    Err(classify(status, problem, retry_after))
}

fn too_large(status: StatusCode, limit: usize) -> Failure {
    Failure::BadResponse(format!("answer ({status}) larger than {} MB", limit / 1024 / 1024))
}

/// The class of a non-success status.
pub fn classify(status: StatusCode, problem: Problem, retry_after: Option<Duration>) -> Failure {
    match status.as_u16() {
        401 => Failure::ReAuth,
        429 => Failure::Retry { reason: problem.sentence(), after: retry_after },
        408 => Failure::Retry { reason: problem.sentence(), after: retry_after },
        400..=499 => Failure::Reject(problem),
        _ => Failure::Retry { reason: problem.sentence(), after: retry_after },
    }
}

/// `Retry-After` in seconds (the HTTP-date form is taken as "a minute"), capped at an hour.
pub fn parse_retry_after(v: &str) -> Option<Duration> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    let secs = v.parse::<u64>().unwrap_or(60);
    Some(Duration::from_secs(secs.min(3600)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: u16) -> Problem {
        Problem::new(s, "x", "")
    }

    #[test]
    fn statuses_are_classed() {
        assert_eq!(classify(StatusCode::UNAUTHORIZED, p(401), None), Failure::ReAuth);
        assert!(matches!(classify(StatusCode::TOO_MANY_REQUESTS, p(429), Some(Duration::from_secs(3))), Failure::Retry { after: Some(d), .. } if d.as_secs() == 3));
        assert!(matches!(classify(StatusCode::INTERNAL_SERVER_ERROR, p(500), None), Failure::Retry { .. }));
        assert!(matches!(classify(StatusCode::BAD_GATEWAY, p(502), None), Failure::Retry { .. }));
        assert!(matches!(classify(StatusCode::UNPROCESSABLE_ENTITY, p(422), None), Failure::Reject(_)));
        assert!(matches!(classify(StatusCode::NOT_FOUND, p(404), None), Failure::Reject(_)));
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_capped() {
        assert_eq!(parse_retry_after("2"), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("999999"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), Some(Duration::from_secs(60)));
        assert_eq!(parse_retry_after(""), None);
    }
}
