//! The sandbox's own database: what clients sent, what the operator did, and the
//! idempotency keys already applied. A key is recorded in the same transaction as its change.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::{Row, Sqlite, Transaction};
use zayava_api::{BatchItem, ItemKind, ItemResult, OperatorEvent, Outcome, Problem, ServerApplication};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS organisation (id TEXT PRIMARY KEY, profile TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS application (
    id TEXT PRIMARY KEY, organisation_id TEXT, service TEXT NOT NULL, schema_version TEXT NOT NULL,
    form_values TEXT NOT NULL, status TEXT NOT NULL, archived INTEGER NOT NULL, sent INTEGER NOT NULL DEFAULT 0,
    revision INTEGER NOT NULL, operator_revision INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL);
-- Not unique on purpose: only the idempotency keys keep a resend from landing twice, so
-- the tests' duplicate count measures the client's discipline.
CREATE TABLE IF NOT EXISTS client_event (
    row INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, application_id TEXT NOT NULL,
    event TEXT NOT NULL, at TEXT NOT NULL, note TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS client_event_by_id ON client_event(id);
CREATE TABLE IF NOT EXISTS attachment (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS operator_event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, application_id TEXT NOT NULL,
    event TEXT NOT NULL, at TEXT NOT NULL, note TEXT NOT NULL, fields TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, kind TEXT NOT NULL, entity TEXT NOT NULL, revision INTEGER);
";

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

/// Row counts, for the admin and the tests.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub organisations: i64,
    pub applications: i64,
    pub client_events: i64,
    /// Client events stored more than once (must stay 0).
    pub duplicated_client_events: i64,
    pub attachments: i64,
    pub operator_events: i64,
    pub idempotency_keys: i64,
}

/// An application as the operator's desk sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    pub id: String,
    pub service: String,
    pub revision: i64,
    pub sent: bool,
    pub name: String,
}

fn reject(key: &str, status: u16, detail: impl Into<String>) -> ItemResult {
    ItemResult { idempotency_key: key.to_string(), outcome: Outcome::Rejected, revision: None, problem: Some(Problem::new(status, "Unprocessable item", detail)), server: None }
}

fn str_field<'a>(payload: &'a Value, key: &str) -> Option<&'a str> {
    payload.get(key).and_then(Value::as_str)
}

impl Store {
    /// Opens (creating) the database; `None` keeps it in memory.
    pub async fn open(path: Option<&Path>) -> Result<Store, sqlx::Error> {
        let options = match path {
            Some(p) => SqliteConnectOptions::from_str(&format!("sqlite://{}", p.display()))?.create_if_missing(true).journal_mode(SqliteJournalMode::Wal),
            None => SqliteConnectOptions::from_str("sqlite::memory:")?,
        }
        .busy_timeout(std::time::Duration::from_secs(5));
        // One connection for memory (each would be its own database); a few for a file.
        let max = if path.is_some() { 4 } else { 1 };
        let pool = SqlitePoolOptions::new().max_connections(max).connect_with(options).await?;
        sqlx::raw_sql(SCHEMA).execute(&pool).await?;
        Ok(Store { pool })
    }

    /// Applies a batch in order, in one transaction; each key at most once. What the batch
    /// needs (keys seen, applications concerned) is read in two queries, not per item.
    pub async fn apply_batch(&self, items: &[BatchItem], now: &str) -> Result<Vec<ItemResult>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let keys = serde_json::to_string(&items.iter().map(|i| &i.idempotency_key).collect::<Vec<_>>()).unwrap_or_default();
        let mut seen: HashMap<String, Option<i64>> = HashMap::new();
        for r in sqlx::query("SELECT key, revision FROM idempotency WHERE key IN (SELECT value FROM json_each(?))").bind(&keys).fetch_all(&mut *tx).await? {
            seen.insert(r.try_get("key")?, r.try_get("revision")?);
        }
        let mentioned: Vec<&str> = items.iter().map(|i| if i.kind == ItemKind::Event { str_field(&i.payload, "application_id").unwrap_or("") } else { i.entity.as_str() }).collect();
        let mut apps: HashMap<String, (i64, i64)> = HashMap::new();
        for r in sqlx::query("SELECT id, revision, operator_revision FROM application WHERE id IN (SELECT value FROM json_each(?))")
            .bind(serde_json::to_string(&mentioned).unwrap_or_default())
            .fetch_all(&mut *tx)
            .await?
        {
            apps.insert(r.try_get("id")?, (r.try_get("revision")?, r.try_get("operator_revision")?));
        }
        let mut out = Vec::with_capacity(items.len());
        let mut applied = Vec::new();
        for item in items {
            if let Some(revision) = seen.get(&item.idempotency_key) {
                out.push(ItemResult { idempotency_key: item.idempotency_key.clone(), outcome: Outcome::Duplicate, revision: *revision, problem: None, server: None });
                continue;
            }
            let result = match item.kind {
                ItemKind::Organisation => apply_organisation(&mut tx, item, now).await?,
                ItemKind::Application => apply_application(&mut tx, item, now, &mut apps).await?,
                ItemKind::Event => apply_event(&mut tx, item, &apps).await?,
            };
            if result.outcome == Outcome::Applied {
                seen.insert(item.idempotency_key.clone(), result.revision);
                applied.push(serde_json::json!([item.idempotency_key, format!("{:?}", item.kind), item.entity, result.revision]));
            }
            out.push(result);
        }
        sqlx::query("INSERT INTO idempotency (key, kind, entity, revision) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)")
            .bind(Value::Array(applied).to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(out)
    }

    pub async fn put_attachment(&self, sha256: &str, bytes: &[u8]) -> Result<(), sqlx::Error> {
        sqlx::query("INSERT OR IGNORE INTO attachment (sha256, size, content) VALUES (?, ?, ?)").bind(sha256).bind(bytes.len() as i64).bind(bytes).execute(&self.pool).await?;
        Ok(())
    }

    /// The operator's events after `after`, at most `limit`, and whether more wait.
    /// A page of the feed after `after`, whether more follow, and the feed's last seq (0 when
    /// empty).
    pub async fn events_after(&self, after: i64, limit: u32) -> Result<(Vec<OperatorEvent>, bool, i64), sqlx::Error> {
        // The page comes as one row of JSON: a row apiece costs more in the driver (a
        // hand-over between its thread and ours) than writing the page out.
        let page: String = sqlx::query_scalar(
            "SELECT json_group_array(json_object('seq', seq, 'id', id, 'application_id', application_id, 'event', event, 'at', at, 'note', note,
                                                 'fields', CASE WHEN json_valid(fields) AND json_type(fields) = 'object' THEN json(fields) ELSE json_object() END))
             FROM (SELECT * FROM operator_event WHERE seq > ? ORDER BY seq LIMIT ?)",
        )
        .bind(after)
        .bind(limit as i64 + 1)
        .fetch_one(&self.pool)
        .await?;
        let mut events: Vec<OperatorEvent> = serde_json::from_str(&page).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        let more = events.len() > limit as usize;
        events.truncate(limit as usize);
        let head: i64 = sqlx::query_scalar("SELECT coalesce(max(seq), 0) FROM operator_event").fetch_one(&self.pool).await?;
        Ok((events, more, head))
    }

    pub async fn application_exists(&self, id: &str) -> Result<bool, sqlx::Error> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM application WHERE id = ?").bind(id).fetch_one(&self.pool).await? > 0)
    }

    /// The operator acts on an application: an event in the feed, with its fields.
    pub async fn operator_event(&self, application_id: &str, event: &str, at: &str, note: &str, fields: &Map<String, Value>) -> Result<OperatorEvent, sqlx::Error> {
        let id = uuid::Uuid::new_v4().to_string();
        let seq: i64 = sqlx::query_scalar("INSERT INTO operator_event (id, application_id, event, at, note, fields) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq")
            .bind(&id)
            .bind(application_id)
            .bind(event)
            .bind(at)
            .bind(note)
            .bind(Value::Object(fields.clone()).to_string())
            .fetch_one(&self.pool)
            .await?;
        Ok(OperatorEvent { seq, id, application_id: application_id.into(), event: event.into(), at: at.into(), note: note.into(), fields: fields.clone() })
    }

    /// The same event for many applications at once, in one transaction (benchmarks, rehearsals at scale).
    pub async fn operator_events_bulk(&self, application_ids: &[String], event: &str, at: &str, fields: &Map<String, Value>) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let fields = Value::Object(fields.clone()).to_string();
        for app in application_ids {
            sqlx::query("INSERT INTO operator_event (id, application_id, event, at, note, fields) VALUES (?, ?, ?, ?, '', ?)")
                .bind(uuid::Uuid::new_v4().to_string())
                .bind(app)
                .bind(event)
                .bind(at)
                .bind(&fields)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }

    /// The operator corrects a sent application: a new revision, by the operator.
    pub async fn amend(&self, application_id: &str, values: &Map<String, Value>, now: &str) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let Some(current) = sqlx::query_scalar::<_, String>("SELECT form_values FROM application WHERE id = ?").bind(application_id).fetch_optional(&mut *tx).await? else {
            return Ok(None);
        };
        let mut merged: Map<String, Value> = serde_json::from_str(&current).unwrap_or_default();
        merged.extend(values.clone());
        let rev: i64 = sqlx::query_scalar("UPDATE application SET form_values = ?, revision = revision + 1, operator_revision = revision + 1, updated_at = ? WHERE id = ? RETURNING revision")
            .bind(Value::Object(merged).to_string())
            .bind(now)
            .bind(application_id)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Some(rev))
    }

    pub async fn list(&self) -> Result<Vec<Listed>, sqlx::Error> {
        let rows = sqlx::query("SELECT id, service, revision, sent, form_values FROM application ORDER BY updated_at DESC LIMIT 500").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let values: Value = serde_json::from_str(&r.try_get::<String, _>("form_values")?).unwrap_or_default();
                let name = ["body_name", "system_name", "name", "contact"].iter().find_map(|k| values.get(*k).and_then(Value::as_str)).unwrap_or("").to_string();
                Ok(Listed { id: r.try_get("id")?, service: r.try_get("service")?, revision: r.try_get("revision")?, sent: r.try_get::<i64, _>("sent")? != 0, name })
            })
            .collect()
    }

    pub async fn stats(&self) -> Result<Stats, sqlx::Error> {
        let n = |sql: &'static str| async move { sqlx::query_scalar::<_, i64>(sql).fetch_one(&self.pool).await };
        Ok(Stats {
            organisations: n("SELECT COUNT(*) FROM organisation").await?,
            applications: n("SELECT COUNT(*) FROM application").await?,
            client_events: n("SELECT COUNT(*) FROM client_event").await?,
            duplicated_client_events: n("SELECT COUNT(*) FROM (SELECT id FROM client_event GROUP BY id HAVING COUNT(*) > 1)").await?,
            attachments: n("SELECT COUNT(*) FROM attachment").await?,
            operator_events: n("SELECT COUNT(*) FROM operator_event").await?,
            idempotency_keys: n("SELECT COUNT(*) FROM idempotency").await?,
        })
    }

    /// Ids of every application stored.
    pub async fn application_ids(&self) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT id FROM application ORDER BY id").fetch_all(&self.pool).await
    }

    /// Ids of the client events stored, for the tests' comparisons.
    pub async fn client_event_ids(&self) -> Result<Vec<String>, sqlx::Error> {
        sqlx::query_scalar("SELECT id FROM client_event ORDER BY row").fetch_all(&self.pool).await
    }
}

async fn apply_organisation(tx: &mut Transaction<'_, Sqlite>, item: &BatchItem, now: &str) -> Result<ItemResult, sqlx::Error> {
    let key = &item.idempotency_key;
    if str_field(&item.payload, "id") != Some(item.entity.as_str()) {
        return Ok(reject(key, 422, "payload.id must equal entity"));
    }
    let Some(profile) = item.payload.get("profile").filter(|p| p.is_object()) else {
        return Ok(reject(key, 422, "payload.profile must be an object"));
    };
    sqlx::query("INSERT INTO organisation (id, profile, updated_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at")
        .bind(&item.entity)
        .bind(profile.to_string())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: None, problem: None, server: None })
}

async fn apply_application(tx: &mut Transaction<'_, Sqlite>, item: &BatchItem, now: &str, apps: &mut HashMap<String, (i64, i64)>) -> Result<ItemResult, sqlx::Error> {
    let key = &item.idempotency_key;
    let p = &item.payload;
    if str_field(p, "id") != Some(item.entity.as_str()) || uuid::Uuid::parse_str(&item.entity).is_err() {
        return Ok(reject(key, 422, "payload.id must equal entity and be a UUID"));
    }
    let (Some(service), Some(version), Some(values)) = (str_field(p, "service"), str_field(p, "schema_version"), p.get("form_values").and_then(Value::as_object)) else {
        return Ok(reject(key, 422, "service, schema_version and form_values (an object) are required"));
    };
    if zayava_core::rules::Rulebook::shared().service(service).is_none() {
        return Ok(reject(key, 422, format!("unknown service {service}")));
    }
    let sent = item.sent.unwrap_or(false);
    if let Some(&(revision, operator_revision)) = apps.get(&item.entity) {
        // A draft is the client's; a sent one must not overwrite what the operator changed since.
        if sent && operator_revision > item.base_revision.unwrap_or(0) {
            let current: String = sqlx::query_scalar("SELECT form_values FROM application WHERE id = ?").bind(&item.entity).fetch_one(&mut **tx).await?;
            let form_values: Map<String, Value> = serde_json::from_str(&current).unwrap_or_default();
            return Ok(ItemResult {
                idempotency_key: key.clone(),
                outcome: Outcome::Conflict,
                revision: Some(revision),
                problem: Some(Problem::new(409, "Conflict", "the operator changed this application since the client last saw it")),
                server: Some(ServerApplication { id: item.entity.clone(), revision, form_values }),
            });
        }
    }
    let (revision, operator_revision): (i64, i64) = sqlx::query_as(
        "INSERT INTO application (id, organisation_id, service, schema_version, form_values, status, archived, sent, revision, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT(id) DO UPDATE SET organisation_id = excluded.organisation_id, service = excluded.service, schema_version = excluded.schema_version,
            form_values = excluded.form_values, status = excluded.status, archived = excluded.archived, sent = max(sent, excluded.sent),
            revision = revision + 1, updated_at = excluded.updated_at
         RETURNING revision, operator_revision",
    )
    .bind(&item.entity)
    .bind(str_field(p, "organisation_id"))
    .bind(service)
    .bind(version)
    .bind(Value::Object(values.clone()).to_string())
    .bind(str_field(p, "status").unwrap_or("draft"))
    .bind(p.get("archived").and_then(Value::as_bool).unwrap_or(false))
    .bind(sent)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    apps.insert(item.entity.clone(), (revision, operator_revision));
    Ok(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: Some(revision), problem: None, server: None })
}

async fn apply_event(tx: &mut Transaction<'_, Sqlite>, item: &BatchItem, apps: &HashMap<String, (i64, i64)>) -> Result<ItemResult, sqlx::Error> {
    let key = &item.idempotency_key;
    let p = &item.payload;
    let (Some(app), Some(event), Some(at)) = (str_field(p, "application_id"), str_field(p, "event"), str_field(p, "at")) else {
        return Ok(reject(key, 422, "application_id, event and at are required"));
    };
    if str_field(p, "id") != Some(item.entity.as_str()) {
        return Ok(reject(key, 422, "payload.id must equal entity"));
    }
    if !apps.contains_key(app) {
        return Ok(reject(key, 422, format!("unknown application {app}")));
    }
    sqlx::query("INSERT INTO client_event (id, application_id, event, at, note) VALUES (?, ?, ?, ?, ?)")
        .bind(&item.entity)
        .bind(app)
        .bind(event)
        .bind(at)
        .bind(str_field(p, "note").unwrap_or(""))
        .execute(&mut **tx)
        .await?;
    if event == "application_sent" {
        sqlx::query("UPDATE application SET sent = 1 WHERE id = ?").bind(app).execute(&mut **tx).await?;
    }
    Ok(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: None, problem: None, server: None })
}
