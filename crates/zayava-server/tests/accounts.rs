//! People and accounts on the real server, over SQLite and PostgreSQL: a token reaches its own
//! account and nothing else, by any route; a reader reads; a revoked or expired token is
//! refused; a key replayed with another body changes nothing; a database that is away gets 503.

mod common;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Map, Value};
use zayava_server::{Role, Server, Store};

const APP_A: &str = "11111111-1111-4111-8111-111111111111";
const ORG_A: &str = "22222222-2222-4222-8222-222222222222";

#[tokio::test]
async fn a_token_reaches_its_own_account_and_no_other_by_any_route() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (server, base) = serve(&url).await;
        let alice = member(&server, "ООО Альфа", "alice", Role::Editor).await;
        let bob = member(&server, "ООО Бета", "bob", Role::Admin).await;

        // Alice's account: an organisation, an application, an event, a file, an operator's event.
        let resp = push(&base, &alice, work(APP_A, ORG_A, "Альфа")).await;
        assert_eq!(resp.status(), StatusCode::OK, "{engine}");
        let results: Value = resp.json().await.unwrap();
        assert!(results["results"].as_array().unwrap().iter().all(|r| r["outcome"] == "applied"), "{engine}: {results}");
        let secret = "договор Альфы, секрет".as_bytes();
        let (sha, resp) = put_file(&base, &alice, secret).await;
        assert_eq!(resp.status(), StatusCode::OK, "{engine}");
        let a = server.store.account(&server.store.account_id("ООО Альфа").await.unwrap().unwrap());
        a.operator_event(APP_A, "application_received", "2026-11-21", "", &Map::new()).await.unwrap();
        let before = a.stats().await.unwrap();

        // Bob guesses every id of Alice's.
        let feed: Value = get(&format!("{base}/v1/events?after=0"), &bob).await.json().await.unwrap();
        assert_eq!((&feed["events"], &feed["changes"]), (&json!([]), &json!([])), "{engine}: the feed is the account's own");
        assert_eq!(feed["next_cursor"], 0, "{engine}");
        let body = problem(get(&format!("{base}/v1/attachments/{sha}"), &bob).await, StatusCode::NOT_FOUND).await;
        assert!(!body.to_string().contains("Альфы"), "{engine}: {body}");
        let mine = get(&format!("{base}/v1/attachments/{sha}"), &alice).await;
        assert_eq!(mine.bytes().await.unwrap().as_ref(), secret, "{engine}: Alice reads her own file");
        // An event on Alice's application: refused as unknown, since it is not in Bob's account.
        let event = json!([{ "idempotency_key": "evt-bob-guesses-0001", "kind": "event", "entity": format!("{APP_A}:2"),
                             "payload": { "id": format!("{APP_A}:2"), "application_id": APP_A, "event": "application_sent", "at": "2026-11-22" } }]);
        let results: Value = push(&base, &bob, event).await.json().await.unwrap();
        assert_eq!(results["results"][0]["outcome"], "rejected", "{engine}: {results}");
        assert!(!results.to_string().contains("Альфа"), "{engine}: {results}");
        // The same ids and keys as Alice's make Bob's own rows, and answer applied, not duplicate.
        let results: Value = push(&base, &bob, work(APP_A, ORG_A, "Альфа")).await.json().await.unwrap();
        assert!(results["results"].as_array().unwrap().iter().all(|r| r["outcome"] == "applied"), "{engine}: a key is the account's own: {results}");
        assert_eq!(results["results"][1]["revision"], 1, "{engine}: Bob's application is his first revision, not Alice's second");
        let (_, resp) = put_file(&base, &bob, secret).await;
        assert_eq!(resp.status(), StatusCode::OK);

        assert_eq!(a.stats().await.unwrap(), before, "{engine}: nothing of Alice's changed");
        let me: Value = get(&format!("{base}/v1/me"), &bob).await.json().await.unwrap();
        assert_eq!(me, json!({ "account": "ООО Бета", "user": "bob", "role": "admin", "features": ["reminders"] }), "{engine}");
        // A sandbox's desk is not served by a deployed server, to anyone.
        problem(get(&format!("{base}/admin/stats"), &bob).await, StatusCode::NOT_FOUND).await;
    }
}

#[tokio::test]
async fn a_reader_reads_and_every_change_of_theirs_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (server, base) = serve(&url).await;
        let editor = member(&server, "ООО Гамма", "ed", Role::Editor).await;
        let reader = member(&server, "ООО Гамма", "rita", Role::Reader).await;
        assert_eq!(push(&base, &editor, work(APP_A, ORG_A, "Гамма")).await.status(), StatusCode::OK);
        let account = server.store.account(&server.store.account_id("ООО Гамма").await.unwrap().unwrap());
        account.operator_event(APP_A, "application_received", "2026-11-21", "", &Map::new()).await.unwrap();
        let before = account.stats().await.unwrap();

        let body = problem(push(&base, &reader, work(APP_A, ORG_A, "читатель")).await, StatusCode::FORBIDDEN).await;
        assert!(body["detail"].as_str().unwrap().contains("read"), "{engine}: {body}");
        problem(put_file(&base, &reader, b"a file").await.1, StatusCode::FORBIDDEN).await;
        // A reminder beside a change does not carry the change through.
        let key = format!("{APP_A}|hosting.sign|2026-12-10|1");
        let reminder = json!({ "idempotency_key": "reminder-rita-0000001", "kind": "reminder", "entity": key, "payload": { "shown_at": "2026-12-07T09:00:00Z" } });
        let mut mixed = work(APP_A, ORG_A, "читатель");
        mixed.as_array_mut().unwrap().push(reminder.clone());
        problem(push(&base, &reader, mixed).await, StatusCode::FORBIDDEN).await;
        assert_eq!(account.stats().await.unwrap(), before, "{engine}: nothing stored");
        // The reminders the reader's desktop showed are no change of the account's work: they
        // reach the feed, so no colleague's desktop shows them again.
        let results: Value = push(&base, &reader, json!([reminder])).await.json().await.unwrap();
        assert_eq!(results["results"][0]["outcome"], "applied", "{engine}: {results}");
        let feed: Value = get(&format!("{base}/v1/events?after=0"), &editor).await.json().await.unwrap();
        let told: Vec<&Value> = feed["changes"].as_array().unwrap().iter().filter(|c| c["kind"] == "reminder").collect();
        assert_eq!(told.len(), 1, "{engine}: {feed}");
        assert_eq!((&told[0]["entity"], &told[0]["by"]), (&json!(key), &json!("rita")), "{engine}");

        let feed: Value = get(&format!("{base}/v1/events?after=0"), &reader).await.json().await.unwrap();
        assert_eq!(feed["events"].as_array().unwrap().len(), 1, "{engine}: the reader reads the feed");
        let me: Value = get(&format!("{base}/v1/me"), &reader).await.json().await.unwrap();
        assert_eq!(me["role"], "reader");
    }
}

#[tokio::test]
async fn a_revoked_an_expired_and_a_replaced_token_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (server, base) = serve(&url).await;
        let events = format!("{base}/v1/events");
        let old = member(&server, "ООО Дельта", "dan", Role::Editor).await;
        assert_eq!(get(&events, &old).await.status(), StatusCode::OK, "{engine}");
        // Added again: a new token, and the old one stops working.
        let new = member(&server, "ООО Дельта", "dan", Role::Editor).await;
        assert_ne!(old, new);
        let refused = get(&events, &old).await;
        assert_eq!(refused.headers().get("www-authenticate").unwrap(), "Bearer");
        problem(refused, StatusCode::UNAUTHORIZED).await;
        assert_eq!(get(&events, &new).await.status(), StatusCode::OK, "{engine}");

        assert!(server.store.revoke_member("ООО Дельта", "dan", "2026-12-07T11:00:00Z").await.unwrap());
        problem(get(&events, &new).await, StatusCode::UNAUTHORIZED).await;
        assert!(!server.store.revoke_member("ООО Дельта", "nobody", "2026-12-07T11:00:00Z").await.unwrap());

        let (_, expired) = server.store.add_member("ООО Дельта", "eve", Role::Editor, Some("2020-01-01T00:00:00Z"), "2019-12-01T00:00:00Z").await.unwrap();
        problem(get(&events, &expired).await, StatusCode::UNAUTHORIZED).await;
        let (_, current) = server.store.add_member("ООО Дельта", "fay", Role::Editor, Some("2099-01-01T00:00:00Z"), "2026-12-07T00:00:00Z").await.unwrap();
        assert_eq!(get(&events, &current).await.status(), StatusCode::OK, "{engine}");
    }
}

#[tokio::test]
async fn a_key_replayed_with_another_body_is_refused_and_nothing_of_its_batch_applies() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (server, base) = serve(&url).await;
        let token = member(&server, "ООО Эпсилон", "ed", Role::Editor).await;
        let items = work(APP_A, ORG_A, "Эпсилон");
        assert_eq!(push(&base, &token, items.clone()).await.status(), StatusCode::OK);
        // The same body again: duplicates, with the revision first given.
        let again: Value = push(&base, &token, items.clone()).await.json().await.unwrap();
        assert!(again["results"].as_array().unwrap().iter().all(|r| r["outcome"] == "duplicate"), "{engine}: {again}");
        assert_eq!(again["results"][1]["revision"], 1, "{engine}");
        // The revision and `sent` a client adds at each try may differ: still the same change.
        let mut retried = items.clone();
        retried[1]["base_revision"] = json!(1);
        let again: Value = push(&base, &token, json!([retried[1]])).await.json().await.unwrap();
        assert_eq!(again["results"][0]["outcome"], "duplicate", "{engine}: {again}");

        let account = server.store.account(&server.store.account_id("ООО Эпсилон").await.unwrap().unwrap());
        let before = account.stats().await.unwrap();
        let mut changed = items[1].clone();
        changed["payload"]["form_values"]["contact"] = json!("другое");
        let fresh = json!({ "idempotency_key": "org-fresh-0000000001", "kind": "organisation", "entity": "33333333-3333-4333-8333-333333333333",
                            "payload": { "id": "33333333-3333-4333-8333-333333333333", "profile": {} } });
        let body = problem(push(&base, &token, json!([fresh, changed])).await, StatusCode::CONFLICT).await;
        assert!(body["detail"].as_str().unwrap().contains(&format!("app-{APP_A}-Эпсилон")), "{engine}: the key is named: {body}");
        assert_eq!(account.stats().await.unwrap(), before, "{engine}: nothing of the batch applied");
        assert_eq!(account.list().await.unwrap()[0].name, "Эпсилон", "{engine}: the application kept its values");
        // Within one batch, one key for two bodies is refused the same way.
        let mut twice = fresh.clone();
        twice["payload"]["profile"] = json!({ "name": "x" });
        problem(push(&base, &token, json!([fresh, twice])).await, StatusCode::CONFLICT).await;
        assert_eq!(account.stats().await.unwrap(), before, "{engine}");
        let metrics = Client::new().get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
        assert!(metrics.contains("zayava_conflicts_total{kind=\"idempotency_key\"} 2"), "{engine}: {metrics}");
    }
}

#[tokio::test]
async fn a_database_that_is_away_answers_503_with_retry_after_and_no_details() {
    // Nothing listens on port 1 of this computer.
    let away = "postgres://zayava@127.0.0.1:1/zayava";
    for server in [Server::new(Store::connect_lazy(away).unwrap()).starting(), Server::new(Store::connect_lazy(away).unwrap())] {
        let base = format!("http://{}", server.clone().spawn_on_loopback().await.unwrap());
        for path in ["/v1/events", "/v1/me", "/health"] {
            let resp = get(&format!("{base}{path}"), "zs_some-token").await;
            let retry: u32 = resp.headers().get("retry-after").expect("Retry-After").to_str().unwrap().parse().unwrap();
            assert!(retry > 0);
            let body = problem(resp, StatusCode::SERVICE_UNAVAILABLE).await;
            assert!(!body.to_string().contains("127.0.0.1") && !body.to_string().to_lowercase().contains("connection refused"), "{body}");
        }
        // The process itself is alive.
        assert_eq!(Client::new().get(format!("{base}/v1/health")).send().await.unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn metrics_count_requests_pushes_and_pulls_by_route_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let url = zayava_server::store::sqlite_url(&dir.path().join("m.sqlite3"));
    let (server, base) = serve(&url).await;
    let token = member(&server, "ООО Метрика", "m", Role::Editor).await;
    push(&base, &token, work(APP_A, ORG_A, "Метрика")).await;
    get(&format!("{base}/v1/events?after=0"), &token).await;
    get(&format!("{base}/v1/attachments/{}", "0".repeat(64)), &token).await;
    let text = Client::new().get(format!("{base}/metrics")).send().await.unwrap().text().await.unwrap();
    for line in [
        "zayava_http_requests_total{route=\"/v1/batch\",method=\"POST\",status=\"200\"} 1",
        "zayava_http_requests_total{route=\"/v1/attachments/{sha256}\",method=\"GET\",status=\"404\"} 1",
        "zayava_push_items_total{outcome=\"applied\"} 3",
        "zayava_pull_pages_total 1",
        "zayava_http_request_duration_seconds_count{route=\"/v1/events\"} 1",
    ] {
        assert!(text.lines().any(|l| l == line), "missing «{line}» in\n{text}");
    }
    assert!(!text.contains(&"0".repeat(64)), "a path's id is not a label");
}
