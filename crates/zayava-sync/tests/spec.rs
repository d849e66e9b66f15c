//! The client, the sandbox and `docs/operator-api.yaml` agree: every request the client made
//! and every answer the sandbox gave in a full session (pushes, a conflict, a refusal, a file,
//! the operator's events, the versioned data, a 401, a 429) is checked against the spec.

mod common;

use common::*;
use zayava_server::Fault;
use serde_json::{json, Value};

fn spec() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/operator-api.yaml")).unwrap();
    serde_yaml::from_str(&text).expect("the spec is valid YAML")
}

/// The spec's path template that `path` falls under.
fn template<'a>(spec: &'a Value, path: &str) -> Option<&'a str> {
    let segs: Vec<&str> = path.split('/').collect();
    spec["paths"].as_object()?.keys().map(String::as_str).find(|t| {
        let ts: Vec<&str> = t.split('/').collect();
        ts.len() == segs.len() && ts.iter().zip(&segs).all(|(t, s)| (t.starts_with('{') && t.ends_with('}')) || t == s)
    })
}

fn pointer_escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// Validates `instance` against the schema at `pointer` inside the spec (refs resolve against it).
fn check(spec: &Value, pointer: &str, instance: &Value, what: &str) {
    assert!(spec.pointer(pointer).is_some(), "{what}: the spec has nothing at {pointer}");
    let mut root = spec.clone();
    root["$ref"] = Value::String(format!("#{}", pointer.replace('{', "%7B").replace('}', "%7D")));
    let validator = jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&root).expect("the spec's schemas compile");
    let errors: Vec<String> = validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path)).collect();
    assert!(errors.is_empty(), "{what} disagrees with the spec: {errors:#?}\n{instance:#}");
}

#[tokio::test]
async fn every_request_and_answer_of_a_full_session_matches_the_spec() {
    let spec = spec();
    let (sb, url) = sandbox_with(|s| s.recording()).await;
    let (_d, db) = client().await;
    let org = organisation(&db).await;
    let id = sent(&db, Some(org)).await;
    draft(&db, Some(org)).await;
    db.store_attachment_bytes("a.pdf", b"%PDF-1.4", chrono::Utc::now()).await.unwrap();
    sqlx::query("INSERT INTO outbox (kind, entity, idempotency_key, payload) VALUES ('event', 'x:1', 'bad-item-key-0001', ?)")
        .bind(json!({ "id": "x:1", "application_id": "00000000-0000-4000-8000-000000000000", "event": "application_sent", "at": "2026-11-20" }).to_string())
        .execute(db.pool())
        .await
        .unwrap();
    let mut opts = quick();
    opts.data = true;
    fault(&sb, "/v1/batch", Fault::Status { status: 429, retry_after: Some(0) }).await;
    run(&db, &url, opts).await.unwrap();
    operator(&url, &id, json!({ "event": "application_received", "at": "2026-11-21", "fields": { "registration_number": "17" } })).await;
    reqwest::Client::new().post(format!("{url}/admin/applications/{id}/amend")).bearer_auth(TOKEN).json(&json!({ "contact": "Петров" })).send().await.unwrap();
    db.amend_sent_application(&id, chrono::Utc::now(), local_now()).await.unwrap();
    db.save_application(&id, Some(org), &json!({ "contact": "Сидоров" }), chrono::Utc::now()).await.unwrap();
    run(&db, &url, opts).await.unwrap();
    let wrong = zayava_sync::Api::new(&url, "wrong", std::time::Duration::from_secs(2)).unwrap();
    assert!(wrong.events(0, 10).await.is_err());
    assert!(wrong.health().await.is_ok(), "health needs no token");

    let exchanges: Vec<_> = sb.exchanges().into_iter().filter(|e| e.path.starts_with("/v1")).collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut statuses = std::collections::BTreeSet::new();
    for ex in &exchanges {
        let t = template(&spec, &ex.path).unwrap_or_else(|| panic!("{} is not in the spec", ex.path));
        let method = ex.method.to_lowercase();
        let op = format!("/paths/{}/{method}", pointer_escape(t));
        assert!(spec.pointer(&op).is_some(), "{} {} is not in the spec", ex.method, t);
        seen.insert(format!("{method} {t}"));
        statuses.insert(ex.status);
        if let Some(body) = &ex.request {
            check(&spec, &format!("{op}/requestBody/content/application~1json/schema"), body, &format!("the client's {} {}", ex.method, ex.path));
        }
        let ct = ex.content_type.split(';').next().unwrap_or("").trim();
        let resp = format!("{op}/responses/{}", ex.status);
        let declared = spec.pointer(&resp).unwrap_or_else(|| panic!("{} {} answered {}, which the spec does not list", ex.method, t, ex.status));
        let declared = match declared.get("$ref").and_then(Value::as_str) {
            Some(r) => spec.pointer(r.trim_start_matches('#')).unwrap(),
            None => declared,
        };
        assert!(declared["content"].get(ct).is_some(), "{} {} answered {} as {ct}, not as the spec says", ex.method, t, ex.status);
        let schema_at = if ex.status >= 400 { "/components/schemas/Problem".to_string() } else { format!("{resp}/content/{}/schema", pointer_escape(ct)) };
        let body = ex.response.as_ref().unwrap_or_else(|| panic!("{} {} answered no JSON", ex.method, ex.path));
        check(&spec, &schema_at, body, &format!("the sandbox's answer to {} {}", ex.method, ex.path));
    }
    // The session touched every operation the desktop makes, and the error answers too. The
    // others are the server's own (a load balancer's, a monitor's) or come only with a
    // colleague's file (the round-trip tests fetch one); the server's tests and schemathesis
    // cover them.
    const NOT_THE_DESKTOPS: [&str; 3] = ["get /health", "get /metrics", "get /v1/attachments/{sha256}"];
    let methods = ["get", "put", "post", "delete", "patch"];
    let all: std::collections::BTreeSet<String> = spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(p, ops)| ops.as_object().unwrap().keys().filter(|m| methods.contains(&m.as_str())).map(move |m| format!("{m} {p}")))
        .filter(|op| !NOT_THE_DESKTOPS.contains(&op.as_str()))
        .collect();
    assert_eq!(seen, all, "operations not exercised");
    assert!(statuses.contains(&401) && statuses.contains(&429), "{statuses:?}");
}
