//! The operator's desk: what the operator does to an account's applications (receive them,
//! send remarks, issue the draft contract, activate), over HTTP on a sandbox (`/admin/…`) or
//! straight on the database (`zayava-server admin --database`). Both go through `act`, so
//! they check the same things.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use zayava_api::{OperatorEvent, OPERATOR_EVENTS};

use crate::faults::Queued;
use crate::store::{Account, StoreError};
use crate::{now, problem, Caller, Server};

/// The operator acts: `{"event": "remarks_received", "at": "2026-11-25", "note": "…", "fields": {…}}`.
/// `"unchecked": true` skips the checks, to rehearse what a broken server might send.
#[derive(Debug, Clone, Deserialize)]
pub struct OperatorAct {
    pub event: String,
    #[serde(default)]
    pub at: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub fields: Map<String, Value>,
    #[serde(default)]
    pub unchecked: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ActError {
    #[error("unknown event: one of {}", OPERATOR_EVENTS.join(", "))]
    UnknownEvent,
    #[error("no application {0} in this account")]
    UnknownApplication(String),
    /// PostgreSQL's text cannot hold U+0000, and the feed is read back as JSON there.
    #[error("the event, note and fields may not hold the character U+0000")]
    Nul,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Records the operator's act in the account's feed.
pub async fn act(account: &Account, application: &str, act: OperatorAct) -> Result<OperatorEvent, ActError> {
    if [act.event.as_str(), &act.note, application, act.at.as_deref().unwrap_or("")].iter().any(|t| t.contains('\0')) || serde_json::to_string(&act.fields).unwrap_or_default().contains("\\u0000") {
        return Err(ActError::Nul);
    }
    if !act.unchecked {
        if !OPERATOR_EVENTS.contains(&act.event.as_str()) {
            return Err(ActError::UnknownEvent);
        }
        if !account.application_exists(application).await? {
            return Err(ActError::UnknownApplication(application.to_string()));
        }
    }
    // The operator's date defaults to today in Minsk (UTC+3, no daylight saving).
    let at = act.at.unwrap_or_else(|| (chrono::Utc::now() + chrono::Duration::hours(3)).format("%Y-%m-%d").to_string());
    Ok(account.operator_event(application, &act.event, &at, &act.note, &act.fields).await?)
}

/// The desk's routes, served by a sandbox only.
pub fn routes() -> Router<Server> {
    Router::new()
        .route("/admin/applications", get(list))
        .route("/admin/applications/{id}/events", post(event))
        .route("/admin/applications/{id}/amend", post(amend))
        .route("/admin/faults", post(faults).delete(clear_faults))
        .route("/admin/stats", get(stats))
}

async fn list(State(server): State<Server>, Extension(caller): Extension<Caller>) -> Response {
    match caller.account(&server.store).list().await {
        Ok(l) => Json(l).into_response(),
        Err(e) => server.storage_failed(e),
    }
}

async fn event(State(server): State<Server>, Extension(caller): Extension<Caller>, Path(id): Path<String>, Json(a): Json<OperatorAct>) -> Response {
    match act(&caller.account(&server.store), &id, a).await {
        Ok(e) => (StatusCode::CREATED, Json(e)).into_response(),
        Err(ActError::Store(e)) => server.storage_failed(e),
        Err(e @ (ActError::UnknownEvent | ActError::Nul)) => problem(StatusCode::UNPROCESSABLE_ENTITY, "Unknown event", &e.to_string()),
        Err(e @ ActError::UnknownApplication(_)) => problem(StatusCode::NOT_FOUND, "Unknown application", &e.to_string()),
    }
}

async fn amend(State(server): State<Server>, Extension(caller): Extension<Caller>, Path(id): Path<String>, Json(values): Json<Map<String, Value>>) -> Response {
    match caller.account(&server.store).amend(&id, &values, &now()).await {
        Ok(Some(revision)) => Json(json!({ "revision": revision })).into_response(),
        Ok(None) => problem(StatusCode::NOT_FOUND, "Unknown application", &id),
        Err(e) => server.storage_failed(e),
    }
}

async fn faults(State(server): State<Server>, Json(list): Json<Vec<Queued>>) -> Response {
    for q in list {
        server.faults.push(q);
    }
    Json(json!({ "queued": server.faults.len() })).into_response()
}

async fn clear_faults(State(server): State<Server>) -> Response {
    server.faults.clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn stats(State(server): State<Server>, Extension(caller): Extension<Caller>) -> Response {
    match caller.account(&server.store).stats().await {
        Ok(s) => Json(s).into_response(),
        Err(e) => server.storage_failed(e),
    }
}
