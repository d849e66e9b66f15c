//! A realistic database for benchmarks: organisations, applications of every service, and
//! their events along each service's path, with the stored dates refreshed as the app would.
//! Shared by the dashboard benchmark and the `seed` example (the start-up benchmark).

use std::path::Path;
use std::time::Instant;

use zayava_store::Database;

pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

/// Each service's path through its life, then the events an active contract keeps having.
const PATHS: [(&str, &[&str], &str); 4] = [
    ("hosting", &["application_sent", "application_received", "remarks_received", "remarks_fixed", "draft_contract_received", "signed_contract_sent", "signed_contract_received", "placement_date"], "maintenance_planned"),
    ("constructor", &["application_sent", "application_received", "draft_contract_received", "signed_contract_sent", "contract_signed", "credentials_sent"], "help_message_sent"),
    ("one-window", &["application_sent", "application_received", "draft_contract_received", "signed_contract_sent", "signed_contract_received", "activation_notice_sent"], "maintenance_planned"),
    ("kvp", &["application_sent", "application_received", "draft_contract_received", "signed_contract_sent", "signed_contract_received", "activation_notice_sent"], "maintenance_planned"),
];

const WORDS: [&str; 12] = ["Портал", "Реестр", "Учёт", "Закупки", "Кадры", "Архив", "Склад", "Платежи", "Обращения", "Приём", "Библиотека", "Музей"];
const NAMES: [&str; 8] = ["Иванов", "Петрова", "Сидоренко", "Ковалёв", "Новик", "Жук", "Лукашевич", "Шевчук"];

/// Builds a database of `applications` applications over 100 organisations, with up to
/// `max_events` events, through the store's own refresh of every application's dates.
pub async fn build(path: &Path, applications: usize, max_events: usize) -> Database {
    let db = Database::open(path).await.unwrap();
    let started = Instant::now();
    let mut rng = Lcg(7);
    let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    let mut tx = db.pool().begin().await.unwrap();
    for o in 0..100 {
        sqlx::query("INSERT INTO organisation (id, name, unp, address, email, profile, created_at, updated_at) VALUES (?, ?, '100217336', '', '', ?, '2024-01-01T09:00:00+00:00', '2024-01-01T09:00:00+00:00')")
            .bind(o + 1)
            .bind(format!("Организация {o}"))
            .bind(format!(r#"{{"short_name":"Организация {o}","kind":"{}"}}"#, if o % 2 == 0 { "budget_funded" } else { "commercial" }))
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    let mut events = 0;
    for a in 0..applications {
        let (service, path, repeat) = PATHS[a % 4];
        let id = format!("00000000-0000-4000-8000-{a:012}");
        let version = zayava_core::forms::current(service).unwrap().version.clone();
        // Words to search by: a system's name from a small vocabulary, and a contact.
        let values = serde_json::json!({
            "software_count": 3,
            "system_name": format!("{} {} {a}", WORDS[rng.next(WORDS.len() as u64) as usize], WORDS[rng.next(WORDS.len() as u64) as usize]),
            "contact": format!("{} +375 29 {:03}-{:02}-{:02}", NAMES[rng.next(NAMES.len() as u64) as usize], rng.next(1000), rng.next(100), rng.next(100)),
        });
        let search_text = values.as_object().unwrap().values().filter_map(|v| v.as_str()).map(|s| s.to_lowercase() + " ").collect::<String>();
        let updated = (start.and_hms_opt(9, 0, 0).unwrap() + chrono::Duration::minutes(a as i64 * 7)).format("%Y-%m-%dT%H:%M:00+00:00").to_string();
        sqlx::query("INSERT INTO application (id, organisation_id, service, schema_version, form_values, search_text, status, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ready', ?, '2024-01-01T09:00:00+00:00', ?)")
            .bind(&id)
            .bind((a % 100) as i64 + 1)
            .bind(service)
            .bind(version)
            .bind(values.to_string())
            .bind(search_text)
            .bind(a as i64 + 1)
            .bind(updated)
            .execute(&mut *tx)
            .await
            .unwrap();
        // Ten events on average: some applications stop part-way (their deadlines stay open).
        let steps = if rng.next(3) == 0 { 2 + rng.next(path.len() as u64 - 2) as usize } else { path.len() };
        let extra = if steps == path.len() { (20 - steps).saturating_sub(rng.next(10) as usize) } else { 0 };
        let mut day = start + chrono::Duration::days(rng.next(1000) as i64);
        for (i, event) in path.iter().take(steps).chain(std::iter::repeat_n(&repeat, extra)).enumerate() {
            if events >= max_events {
                break;
            }
            day += chrono::Duration::days(1 + rng.next(if i < steps { 4 } else { 30 }) as i64);
            sqlx::query("INSERT INTO application_event (application_id, event, at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, 'user')")
                .bind(&id)
                .bind(*event)
                .bind(day.format("%Y-%m-%d").to_string())
                .bind(day.format("%Y-%m-%dT09:00:00+00:00").to_string())
                .execute(&mut *tx)
                .await
                .unwrap();
            events += 1;
        }
    }
    tx.commit().await.unwrap();
    let refreshed = db.refresh_all_due().await.unwrap();
    let items: i64 = sqlx::query_scalar("SELECT count(*) FROM due_item").fetch_one(db.pool()).await.unwrap();
    println!("built {applications} applications, {events} events, {refreshed} refreshed, {items} dates in {:.1?}", started.elapsed());
    db
}

