//! The account's feed on the real server, over SQLite and PostgreSQL: every change a desktop
//! pushed reaches the account's other desktops in one order with the operator's events,
//! under one cursor, with who made it and from which desktop; nothing twice, nothing lost,
//! also when two server processes take pushes for one account at once.

mod common;

use std::collections::BTreeSet;

use common::*;
use reqwest::{Client, StatusCode};
use serde_json::{json, Map, Value};
use zayava_server::{Role, Server, Store};

const APP: &str = "77777777-7777-4777-8777-777777777777";
const ORG: &str = "88888888-8888-4888-8888-888888888888";

async fn push_from(base: &str, token: &str, device: &str, items: Value) -> Value {
    let resp = Client::new().post(format!("{base}/v1/batch")).bearer_auth(token).header("zayava-device", device).json(&json!({ "items": items })).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.unwrap()
}

async fn page(base: &str, token: &str, after: i64, limit: u32) -> Value {
    let resp = get(&format!("{base}/v1/events?after={after}&limit={limit}"), token).await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.unwrap()
}

/// Every item of the feed after 0, read a page of `limit` at a time: (seq, what) in order.
async fn whole_feed(base: &str, token: &str, limit: u32) -> Vec<(i64, String)> {
    let (mut cursor, mut out) = (0, Vec::new());
    loop {
        let p = page(base, token, cursor, limit).await;
        let mut items: Vec<(i64, String)> = p["events"].as_array().unwrap().iter().map(|e| (e["seq"].as_i64().unwrap(), format!("operator {} {}", e["event"].as_str().unwrap(), e["id"]))).collect();
        items.extend(p["changes"].as_array().unwrap().iter().map(|c| (c["seq"].as_i64().unwrap(), format!("{} {}", c["kind"].as_str().unwrap(), c["entity"].as_str().unwrap()))));
        items.sort();
        assert!(items.len() <= limit as usize);
        if let Some(last) = items.last() {
            assert_eq!(p["next_cursor"], last.0, "the cursor is the page's last seq");
        }
        out.extend(items);
        if !p["more"].as_bool().unwrap() {
            return out;
        }
        cursor = p["next_cursor"].as_i64().unwrap();
    }
}

#[tokio::test]
async fn a_desktops_changes_reach_the_others_in_one_order_with_the_operators_events() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (server, base) = serve(&url).await;
        let alice = member(&server, "ООО Итра", "Алиса", Role::Editor).await;
        let bob = member(&server, "ООО Итра", "Борис", Role::Editor).await;
        let reader = member(&server, "ООО Итра", "Рита", Role::Reader).await;
        let account = server.store.account(&server.store.account_id("ООО Итра").await.unwrap().unwrap());

        push_from(&base, &alice, "desk-alice", work(APP, ORG, "Итра")).await;
        account.operator_event(APP, "application_received", "2026-11-21", "", &Map::new()).await.unwrap();
        let mut edit = work(APP, ORG, "Итра-2")[1].clone();
        edit["payload"]["form_values"]["contact"] = json!("Борис");
        edit["base_revision"] = json!(1);
        let answer = push_from(&base, &bob, "desk-bob", json!([edit])).await;
        assert_eq!(answer["results"][0]["revision"], 2, "{engine}");
        // A replay and a refused item add nothing to the feed.
        push_from(&base, &bob, "desk-bob", json!([edit])).await;
        let refused = json!({ "idempotency_key": "evt-unknown-app-0001", "kind": "event", "entity": "99999999-9999-4999-8999-999999999999:1",
                              "payload": { "id": "99999999-9999-4999-8999-999999999999:1", "application_id": "99999999-9999-4999-8999-999999999999", "event": "application_sent", "at": "2026-11-20" } });
        assert_eq!(push_from(&base, &bob, "desk-bob", json!([refused])).await["results"][0]["outcome"], "rejected");
        // A file: in the feed the first time only.
        put_file(&base, &alice, b"scan").await;
        put_file(&base, &bob, b"scan").await;

        let p = page(&base, &reader, 0, 100).await;
        let changes = p["changes"].as_array().unwrap();
        assert_eq!(changes.iter().map(|c| c["seq"].as_i64().unwrap()).collect::<Vec<_>>(), [1, 2, 3, 5, 6], "{engine}: {p:#}");
        assert_eq!(p["events"][0]["seq"], 4, "{engine}: the operator's event between, in the same order");
        assert_eq!(p["next_cursor"], 6);
        assert_eq!((changes[0]["kind"].as_str(), changes[0]["by"].as_str(), changes[0]["device"].as_str()), (Some("organisation"), Some("Алиса"), Some("desk-alice")));
        assert_eq!(changes[1]["revision"], 1);
        assert_eq!(changes[1]["payload"]["form_values"]["contact"], "Итра", "{engine}: the payload as applied");
        assert_eq!(changes[2]["kind"], "event");
        assert_eq!((changes[3]["by"].as_str(), changes[3]["revision"].as_i64(), changes[3]["payload"]["form_values"]["contact"].as_str()), (Some("Борис"), Some(2), Some("Борис")));
        assert_eq!((changes[4]["kind"].as_str(), changes[4]["payload"]["size"].as_i64(), changes[4]["device"].is_null()), (Some("attachment"), Some(4), true));

        // The operator's correction reaches the desktops too, as the application's next revision.
        account.amend(APP, &[("contact".to_string(), json!("Оператор"))].into_iter().collect(), "2026-12-07T12:00:00Z").await.unwrap();
        let p = page(&base, &alice, 6, 100).await;
        assert_eq!((p["changes"][0]["by"].as_str(), p["changes"][0]["revision"].as_i64()), (Some("operator"), Some(3)), "{engine}: {p}");
        assert_eq!(p["changes"][0]["payload"]["service"], "hosting");

        // Read a few at a time, the same feed: limit counts both kinds.
        let whole = whole_feed(&base, &alice, 2).await;
        assert_eq!(whole.iter().map(|(s, _)| *s).collect::<Vec<_>>(), (1..=7).collect::<Vec<_>>(), "{engine}: {whole:?}");
    }
}

/// Two servers over one database, as two processes behind a load balancer: desktops push at
/// once through either, the operator acts meanwhile, a batch is retried through the other
/// server while the first still works on it. The feed ends as 1..=N with every applied
/// change once and nothing else.
#[tokio::test]
async fn two_servers_over_one_database_keep_one_gapless_feed() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (one, base_one) = serve(&url).await;
        let two = Server::new(Store::open(&url).await.unwrap());
        let base_two = format!("http://{}", two.clone().spawn_on_loopback().await.unwrap());
        let tokens: Vec<String> = futures_util::future::join_all((0..4).map(|i| {
            let one = one.clone();
            async move { member(&one, "ООО Параллель", &format!("m{i}"), Role::Editor).await }
        }))
        .await;
        let account = one.store.account(&one.store.account_id("ООО Параллель").await.unwrap().unwrap());
        // The applications first, so events have something to attach to.
        let mut expected = BTreeSet::new();
        for d in 0..4 {
            let app = format!("00000000-0000-4000-8000-00000000000{d}");
            let item = json!([{ "idempotency_key": format!("app-key-{app}"), "kind": "application", "entity": app, "base_revision": 0,
                               "payload": { "id": app, "service": "hosting", "schema_version": "hosting@1", "form_values": {} } }]);
            push_from(&base_one, &tokens[d], &format!("dev-{d}"), item).await;
            expected.insert(format!("application {app}"));
        }
        let desktops = (0..4).map(|d| {
            let (token, b1, b2) = (tokens[d].clone(), base_one.clone(), base_two.clone());
            async move {
                let app = format!("00000000-0000-4000-8000-00000000000{d}");
                let mut mine = Vec::new();
                for n in 0..10 {
                    let items: Vec<Value> = (0..3)
                        .map(|k| {
                            let id = format!("{app}:d{d}-{n}-{k}");
                            json!({ "idempotency_key": format!("evt-key-{id}"), "kind": "event", "entity": id,
                                    "payload": { "id": id, "application_id": app, "event": "remarks_fixed", "at": "2026-11-22" } })
                        })
                        .collect();
                    // Every batch goes to both servers at once: one applies, the other answers duplicate.
                    let device = format!("dev-{d}");
                    let (a, b) = tokio::join!(push_from(&b1, &token, &device, json!(items)), push_from(&b2, &token, &device, json!(items)));
                    for k in 0..3 {
                        let outcomes: BTreeSet<&str> = [a["results"][k]["outcome"].as_str().unwrap(), b["results"][k]["outcome"].as_str().unwrap()].into();
                        assert_eq!(outcomes, BTreeSet::from(["applied", "duplicate"]), "{a} {b}");
                    }
                    mine.extend(items.iter().map(|i| format!("event {}", i["entity"].as_str().unwrap())));
                }
                mine
            }
        });
        let operator = async {
            let mut ids = Vec::new();
            for n in 0..10 {
                let e = account.operator_event(&format!("00000000-0000-4000-8000-00000000000{}", n % 4), "application_received", "2026-11-21", "", &Map::new()).await.unwrap();
                ids.push(format!("operator application_received \"{}\"", e.id));
            }
            ids
        };
        let (pushed, operated) = tokio::join!(futures_util::future::join_all(desktops), operator);
        expected.extend(pushed.into_iter().flatten());
        expected.extend(operated);

        let whole = whole_feed(&base_two, &tokens[0], 7).await;
        assert_eq!(whole.iter().map(|(s, _)| *s).collect::<Vec<_>>(), (1..=whole.len() as i64).collect::<Vec<_>>(), "{engine}: gapless, in order");
        let seen: Vec<String> = whole.into_iter().map(|(_, w)| w).collect();
        let unique: BTreeSet<String> = seen.iter().cloned().collect();
        assert_eq!(unique.len(), seen.len(), "{engine}: nothing twice");
        assert_eq!(unique, expected, "{engine}: nothing lost, nothing else");
    }
}

/// Two desktops change one application: the second, which had not seen the first's change,
/// gets a conflict naming who made the server's version; once it has seen it (its base is the
/// server's revision), its change goes through. A desktop's own changes never conflict.
#[tokio::test]
async fn a_change_made_without_seeing_a_colleagues_is_a_conflict_with_their_name() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, url) in databases(dir.path()).await {
        let (server, base) = serve(&url).await;
        let alice = member(&server, "ООО Сфера", "Алиса", Role::Editor).await;
        let bob = member(&server, "ООО Сфера", "Борис", Role::Editor).await;
        let mut item = work(APP, ORG, "Сфера")[1].clone();
        assert_eq!(push_from(&base, &alice, "desk-a", json!([item])).await["results"][0]["revision"], 1);
        // Alice again, from the same desktop, with her base left behind: no conflict with herself.
        item["idempotency_key"] = json!("app-edit-alice-000001");
        item["payload"]["form_values"]["contact"] = json!("Алиса");
        assert_eq!(push_from(&base, &alice, "desk-a", json!([item])).await["results"][0]["outcome"], "applied", "{engine}");
        // Boris saw revision 1 only.
        item["idempotency_key"] = json!("app-edit-boris-000001");
        item["base_revision"] = json!(1);
        item["payload"]["form_values"]["contact"] = json!("Борис");
        let answer = push_from(&base, &bob, "desk-b", json!([item])).await;
        let result = &answer["results"][0];
        assert_eq!(result["outcome"], "conflict", "{engine}: {answer}");
        assert_eq!((result["server"]["changed_by"].as_str(), result["server"]["revision"].as_i64()), (Some("Алиса"), Some(2)));
        assert_eq!(result["server"]["form_values"]["contact"], "Алиса");
        assert!(result["server"]["changed_at"].as_str().is_some_and(|t| t.ends_with('Z')));
        // Having seen revision 2, his change is applied over it.
        item["base_revision"] = json!(2);
        assert_eq!(push_from(&base, &bob, "desk-b", json!([item])).await["results"][0]["revision"], 3, "{engine}");
    }
}
