//! The server keeps its own spec (docs/operator-api.yaml) where schemathesis once found it
//! did not: each request below is one it answered wrongly, sent to the real server on
//! loopback, with the answer the spec now says.

use zayava_server::{Server, Store};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Map, Value};

const TOKEN: &str = "spec-token";

async fn server() -> (Server, String) {
    let sandbox = Server::sandbox(Store::memory().await.unwrap(), TOKEN);
    let addr = sandbox.clone().spawn_on_loopback().await.unwrap();
    (sandbox, format!("http://{addr}"))
}

/// The answer is a problem (RFC 9457) with this status; its body is returned.
async fn problem(resp: Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status);
    let kind = resp.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(kind.starts_with("application/problem+json"), "{status}: {kind}");
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()), "{body}");
    body
}

async fn events(url: &str, query: &str) -> Response {
    Client::new().get(format!("{url}/v1/events?{query}")).bearer_auth(TOKEN).send().await.unwrap()
}

#[tokio::test]
async fn a_negative_cursor_and_a_limit_outside_1_to_1000_are_refused_not_clamped() {
    let (_sb, url) = server().await;
    for query in ["after=-1", "limit=0", "limit=1001", "after=0&limit=0"] {
        let body = problem(events(&url, query).await, StatusCode::BAD_REQUEST).await;
        assert!(body["detail"].as_str().unwrap().contains(if query.contains("after=-1") { "after" } else { "limit" }), "{query}: {body}");
    }
    for query in ["limit=1", "limit=1000", "after=0"] {
        assert_eq!(events(&url, query).await.status(), StatusCode::OK, "{query}");
    }
}

#[tokio::test]
async fn a_cursor_past_the_end_of_the_feed_is_answered_with_the_feeds_end() {
    let (sb, url) = server().await;
    let page: Value = events(&url, "after=1000000").await.json().await.unwrap();
    assert_eq!(page["next_cursor"], 0, "an empty feed ends at 0: {page}");
    sb.desk().operator_events_bulk(&["a".into(), "b".into()], "application_received", "2026-11-21", &Map::new()).await.unwrap();
    let all: Value = events(&url, "after=0").await.json().await.unwrap();
    let last = all["next_cursor"].as_i64().unwrap();
    assert!(last >= 2);
    let ahead: Value = events(&url, &format!("after={}", last + 500)).await.json().await.unwrap();
    assert_eq!((ahead["next_cursor"].as_i64(), ahead["events"].as_array().map(Vec::len)), (Some(last), Some(0)));
    let at_end: Value = events(&url, &format!("after={last}")).await.json().await.unwrap();
    assert_eq!(at_end["next_cursor"].as_i64(), Some(last), "at the end, the cursor stays");
}

fn item(sent: Value) -> Value {
    json!({ "items": [{ "idempotency_key": "k-0000000000000001", "kind": "application", "entity": "3f0c1d2e-0000-4000-8000-000000000001",
                        "base_revision": 0, "sent": sent,
                        "payload": { "id": "3f0c1d2e-0000-4000-8000-000000000001", "organisation_id": null, "service": "hosting", "schema_version": "hosting@1", "form_values": {}, "status": "draft", "archived": false } }] })
}

#[tokio::test]
async fn a_null_where_the_spec_allows_none_is_refused_and_nothing_is_applied() {
    let (sb, url) = server().await;
    let resp = Client::new().post(format!("{url}/v1/batch")).bearer_auth(TOKEN).json(&item(Value::Null)).send().await.unwrap();
    problem(resp, StatusCode::BAD_REQUEST).await;
    assert_eq!(sb.desk().stats().await.unwrap().applications, 0, "nothing applied");
}

#[tokio::test]
async fn a_body_of_another_media_type_is_refused() {
    let (sb, url) = server().await;
    let body = item(json!(false)).to_string();
    for kind in [None, Some("text/plain"), Some("application/x-www-form-urlencoded")] {
        let mut req = Client::new().post(format!("{url}/v1/batch")).bearer_auth(TOKEN).body(body.clone());
        if let Some(kind) = kind {
            req = req.header("content-type", kind);
        }
        problem(req.send().await.unwrap(), StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    }
    assert_eq!(sb.desk().stats().await.unwrap().applications, 0, "nothing applied");
    let ok = Client::new().post(format!("{url}/v1/batch")).bearer_auth(TOKEN).header("content-type", "application/json; charset=utf-8").body(body).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    // A file under its hash: only as octets.
    let sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"; // "test"
    let put = |kind: &'static str| Client::new().put(format!("{url}/v1/attachments/{sha}")).bearer_auth(TOKEN).header("content-type", kind).body("test").send();
    problem(put("text/plain").await.unwrap(), StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    assert_eq!(put("application/octet-stream").await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn unknown_paths_other_methods_and_oversized_bodies_are_answered_with_problems() {
    let (_sb, url) = server().await;
    let c = Client::new();
    problem(c.get(format!("{url}/v1/nothing-here")).bearer_auth(TOKEN).send().await.unwrap(), StatusCode::NOT_FOUND).await;
    let not_allowed = c.delete(format!("{url}/v1/events")).bearer_auth(TOKEN).send().await.unwrap();
    assert!(not_allowed.headers().contains_key("allow"), "a 405 says what is allowed");
    problem(not_allowed, StatusCode::METHOD_NOT_ALLOWED).await;
    // Over the limit (a small one here, so the body is sent whole before the answer).
    let (_sb, url) = {
        let sandbox = Server::sandbox(Store::memory().await.unwrap(), TOKEN).body_limit(1024);
        let addr = sandbox.clone().spawn_on_loopback().await.unwrap();
        (sandbox, format!("http://{addr}"))
    };
    let huge = vec![b'a'; 2048];
    let sha = "0".repeat(64);
    let resp = c.put(format!("{url}/v1/attachments/{sha}")).bearer_auth(TOKEN).header("content-type", "application/octet-stream").body(huge).send().await.unwrap();
    problem(resp, StatusCode::PAYLOAD_TOO_LARGE).await;
}

#[tokio::test]
async fn the_bearer_scheme_is_case_insensitive_and_a_wrong_token_still_fails() {
    let (_sb, url) = server().await;
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let resp = Client::new().get(format!("{url}/v1/events")).header("authorization", format!("{scheme} {TOKEN}")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{scheme}");
    }
    for value in [format!("bearer {TOKEN}x"), format!("Basic {TOKEN}"), "bearer".to_string(), TOKEN.to_string()] {
        let resp = Client::new().get(format!("{url}/v1/events")).header("authorization", value.clone()).send().await.unwrap();
        problem(resp, StatusCode::UNAUTHORIZED).await;
    }
}

#[tokio::test]
async fn an_item_the_spec_calls_malformed_is_refused_with_its_place_and_a_whole_number_written_2_0_is_taken() {
    let (sb, url) = server().await;
    let post = |body: Value| Client::new().post(format!("{url}/v1/batch")).bearer_auth(TOKEN).json(&body).send();
    let good = item(json!(false));
    for (place, broken) in [
        ("/items/0/idempotency_key", { let mut b = good.clone(); b["items"][0]["idempotency_key"] = json!("short"); b }),
        ("/items/0/idempotency_key", { let mut b = good.clone(); b["items"][0]["idempotency_key"] = json!("k".repeat(129)); b }),
        ("/items/0/entity", { let mut b = good.clone(); b["items"][0]["entity"] = json!("e".repeat(129)); b }),
        ("/items/0", { let mut b = good.clone(); b["items"][0]["payload"] = json!("{}"); b }),
        // PostgreSQL's text cannot hold U+0000: the spec's text leaves it out.
        ("/items/0/idempotency_key", { let mut b = good.clone(); b["items"][0]["idempotency_key"] = json!("k-00000000000000\u{0}1"); b }),
    ] {
        let body = problem(post(broken).await.unwrap(), StatusCode::BAD_REQUEST).await;
        assert!(body["detail"].as_str().unwrap().contains(place), "{place}: {body}");
    }
    assert_eq!(sb.desk().stats().await.unwrap().applications, 0, "nothing applied");
    let mut float = good;
    float["items"][0]["base_revision"] = json!(0.0);
    let answer: Value = post(float).await.unwrap().json().await.unwrap();
    assert_eq!(answer["results"][0]["outcome"], "applied", "{answer}");
}
