//! A pushed batch, applied in order in one transaction, each idempotency key at most once.
//! A key is taken (inserted) before its change is applied: of two requests carrying the same
//! key at once, from two server processes say, one applies and the other waits on the key's
//! row and then answers `duplicate`. A key is kept only for an applied item; a refused or
//! conflicting one may be sent again under the same key.

use std::collections::HashMap;

use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{Any, Row, Transaction};
use zayava_api::{BatchItem, ItemKind, ItemResult, Outcome, Problem, ServerApplication};

use super::{Account, NewChange, StoreError};

/// Who pushes: the member's name and, if the desktop said, its device id.
#[derive(Debug, Clone, Default)]
pub struct By {
    pub member: String,
    pub device: Option<String>,
}

/// What became of a batch.
#[derive(Debug)]
pub enum Settled {
    /// Every item settled, in order.
    Items(Vec<ItemResult>),
    /// This key was applied before with another body: nothing of the batch was applied.
    KeyReused(String),
}

/// The item as first sent, for telling a replay from another change under a reused key. The
/// revision and `sent` the client adds at each send are left out: they may change between
/// two tries of the same change.
fn body_sha256(item: &BatchItem) -> String {
    let body = serde_json::json!([item.kind.as_str(), item.entity, item.payload]);
    format!("{:x}", Sha256::digest(body.to_string().as_bytes()))
}

fn reject(key: &str, status: u16, detail: impl Into<String>) -> ItemResult {
    ItemResult { idempotency_key: key.to_string(), outcome: Outcome::Rejected, revision: None, problem: Some(Problem::new(status, "Unprocessable item", detail)), server: None }
}

fn str_field<'a>(payload: &'a Value, key: &str) -> Option<&'a str> {
    payload.get(key).and_then(Value::as_str)
}

impl Account {
    pub async fn apply_batch(&self, items: &[BatchItem], by: &By, now: &str) -> Result<Settled, StoreError> {
        let d = self.store.dialect;
        let hashes: Vec<String> = items.iter().map(body_sha256).collect();
        // Within one batch a key must not stand for two bodies either.
        let mut first: HashMap<&str, &str> = HashMap::new();
        for (item, hash) in items.iter().zip(&hashes) {
            if *first.entry(&item.idempotency_key).or_insert(hash) != hash.as_str() {
                return Ok(Settled::KeyReused(item.idempotency_key.clone()));
            }
        }
        let (_gate, mut tx) = self.store.begin_write().await?;
        // The account's row first: pushes to one account take their turn here (they would at
        // the feed's append anyway), so on PostgreSQL no two of them read an application's
        // revision at once and both miss the other's change. On SQLite the write gate does it.
        sqlx::query("UPDATE account SET feed_head = feed_head WHERE id = $1").bind(&self.id).execute(&mut *tx).await?;
        let keys = serde_json::to_string(&items.iter().map(|i| &i.idempotency_key).collect::<Vec<_>>()).unwrap_or_default();
        let mut seen: HashMap<String, (Option<i64>, String)> = HashMap::new();
        let sql = d.pick(
            "SELECT key, revision, body_sha256 FROM idempotency WHERE account_id = $1 AND key IN (SELECT value FROM json_each($2))",
            "SELECT key, revision, body_sha256 FROM idempotency WHERE account_id = $1 AND key IN (SELECT json_array_elements_text($2::json))"
        );
        for r in sqlx::query(sql).bind(&self.id).bind(&keys).fetch_all(&mut *tx).await? {
            seen.insert(r.try_get("key")?, (r.try_get("revision")?, r.try_get("body_sha256")?));
        }
        if let Some((item, _)) = items.iter().zip(&hashes).find(|(i, h)| seen.get(&i.idempotency_key).is_some_and(|(_, old)| old != *h)) {
            return Ok(Settled::KeyReused(item.idempotency_key.clone()));
        }
        let mentioned: Vec<&str> = items
            .iter()
            .map(|i| match i.kind {
                ItemKind::Event => str_field(&i.payload, "application_id").unwrap_or(""),
                ItemKind::Reminder => "",
                _ => i.entity.as_str(),
            })
            .collect();
        let mut apps: HashMap<String, (i64, i64)> = HashMap::new();
        let mut sent_here: HashMap<String, bool> = HashMap::new();
        let sql = d.pick(
            "SELECT id, revision, operator_revision, sent FROM application WHERE account_id = $1 AND id IN (SELECT value FROM json_each($2))",
            "SELECT id, revision, operator_revision, sent FROM application WHERE account_id = $1 AND id IN (SELECT json_array_elements_text($2::json))"
        );
        for r in sqlx::query(sql).bind(&self.id).bind(serde_json::to_string(&mentioned).unwrap_or_default()).fetch_all(&mut *tx).await? {
            apps.insert(r.try_get("id")?, (r.try_get("revision")?, r.try_get("operator_revision")?));
            sent_here.insert(r.try_get("id")?, r.try_get::<i64, _>("sent")? != 0);
        }
        let mut out = Vec::with_capacity(items.len());
        let mut changes = Vec::new();
        for (item, hash) in items.iter().zip(&hashes) {
            let key = &item.idempotency_key;
            if let Some((revision, _)) = seen.get(key) {
                out.push(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Duplicate, revision: *revision, problem: None, server: None });
                continue;
            }
            let taken: Option<String> = sqlx::query_scalar(
                "INSERT INTO idempotency (account_id, key, kind, entity, body_sha256) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account_id, key) DO NOTHING RETURNING key",
            )
            .bind(&self.id)
            .bind(key)
            .bind(item.kind.as_str())
            .bind(&item.entity)
            .bind(hash)
            .fetch_optional(&mut *tx)
            .await?;
            if taken.is_none() {
                // Another request applied this key since the batch began (and has committed).
                let row = sqlx::query("SELECT revision, body_sha256 FROM idempotency WHERE account_id = $1 AND key = $2").bind(&self.id).bind(key).fetch_one(&mut *tx).await?;
                if row.try_get::<String, _>("body_sha256")? != *hash {
                    return Ok(Settled::KeyReused(key.clone()));
                }
                let revision: Option<i64> = row.try_get("revision")?;
                seen.insert(key.clone(), (revision, hash.clone()));
                out.push(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Duplicate, revision, problem: None, server: None });
                continue;
            }
            let result = match item.kind {
                ItemKind::Organisation => self.apply_organisation(&mut tx, item, by, now).await?,
                ItemKind::Application => self.apply_application(&mut tx, item, by, now, &mut apps, &sent_here).await?,
                ItemKind::Event => self.apply_event(&mut tx, item, by, &apps).await?,
                ItemKind::Reminder => {
                    let (result, first) = self.apply_reminder(&mut tx, item).await?;
                    if result.outcome == Outcome::Applied && !first {
                        // Another desktop showed it first: the feed has it already.
                        out.push(result);
                        continue;
                    }
                    result
                }
            };
            if result.outcome == Outcome::Applied {
                if result.revision.is_some() {
                    sqlx::query("UPDATE idempotency SET revision = $3 WHERE account_id = $1 AND key = $2").bind(&self.id).bind(key).bind(result.revision).execute(&mut *tx).await?;
                }
                seen.insert(key.clone(), (result.revision, hash.clone()));
                changes.push(NewChange { kind: item.kind.into(), entity: item.entity.clone(), revision: result.revision, payload: item.payload.to_string() });
            } else {
                sqlx::query("DELETE FROM idempotency WHERE account_id = $1 AND key = $2").bind(&self.id).bind(key).execute(&mut *tx).await?;
            }
            out.push(result);
        }
        // The account's other desktops read what was applied from the feed.
        self.append_changes(&mut tx, &changes, by, now).await?;
        tx.commit().await?;
        Ok(Settled::Items(out))
    }

    async fn apply_organisation(&self, tx: &mut Transaction<'static, Any>, item: &BatchItem, by: &By, now: &str) -> Result<ItemResult, StoreError> {
        let key = &item.idempotency_key;
        if str_field(&item.payload, "id") != Some(item.entity.as_str()) {
            return Ok(reject(key, 422, "payload.id must equal entity"));
        }
        let Some(profile) = item.payload.get("profile").filter(|p| p.is_object()) else {
            return Ok(reject(key, 422, "payload.profile must be an object"));
        };
        sqlx::query(
            "INSERT INTO organisation (account_id, id, profile, updated_at, changed_by, device) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (account_id, id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at, changed_by = excluded.changed_by, device = excluded.device",
        )
        .bind(&self.id)
        .bind(&item.entity)
        .bind(profile.to_string())
        .bind(now)
        .bind(&by.member)
        .bind(by.device.as_deref())
        .execute(&mut **tx)
        .await?;
        Ok(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: None, problem: None, server: None })
    }

    async fn apply_application(&self, tx: &mut Transaction<'static, Any>, item: &BatchItem, by: &By, now: &str, apps: &mut HashMap<String, (i64, i64)>, sent_here: &HashMap<String, bool>) -> Result<ItemResult, StoreError> {
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
            let base = item.base_revision.unwrap_or(0);
            // A sent application must not overwrite what the operator changed since. And no
            // desktop overwrites what another desktop of the account changed since it last
            // looked, draft or not: the user chooses, seeing who changed it and when. A
            // desktop's own later changes are not a conflict with itself.
            // Sent, as the server knows it or as the desktop says (one that has not pulled yet
            // may not know a colleague sent it).
            let operator_since = (sent || sent_here.get(&item.entity).copied().unwrap_or(false)) && operator_revision > base;
            let colleague_since = revision > base && {
                let (last_by, last_device): (Option<String>, Option<String>) =
                    sqlx::query_as("SELECT changed_by, device FROM application WHERE account_id = $1 AND id = $2").bind(&self.id).bind(&item.entity).fetch_one(&mut **tx).await?;
                // The same desktop: the same device id, or with no ids at all, the same member.
                let same_desktop = match (&last_device, &by.device) {
                    (Some(last), Some(now)) => last == now,
                    (None, None) => last_by.as_deref() == Some(by.member.as_str()),
                    _ => false,
                };
                last_by.as_deref() != Some("operator") && !same_desktop
            };
            if operator_since || colleague_since {
                let row = sqlx::query("SELECT form_values, changed_by, updated_at FROM application WHERE account_id = $1 AND id = $2").bind(&self.id).bind(&item.entity).fetch_one(&mut **tx).await?;
                let form_values = serde_json::from_str(&row.try_get::<String, _>("form_values")?).unwrap_or_default();
                let changed_by: Option<String> = row.try_get("changed_by")?;
                let why = if operator_since { "the operator changed this application since the client last saw it".to_string() } else { format!("{} changed this application since this desktop last saw it", changed_by.as_deref().unwrap_or("another desktop")) };
                return Ok(ItemResult {
                    idempotency_key: key.clone(),
                    outcome: Outcome::Conflict,
                    revision: Some(revision),
                    problem: Some(Problem::new(409, "Conflict", why)),
                    server: Some(ServerApplication { id: item.entity.clone(), revision, form_values, changed_by, changed_at: Some(row.try_get("updated_at")?) }),
                });
            }
        }
        // `sent` only ever goes from 0 to 1; the CASE reads the same in both engines (SQLite's
        // max() of two values is PostgreSQL's greatest()).
        let sql = "INSERT INTO application (account_id, id, organisation_id, service, schema_version, form_values, status, archived, sent, revision, updated_at, changed_by, device)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, $12)
             ON CONFLICT (account_id, id) DO UPDATE SET organisation_id = excluded.organisation_id, service = excluded.service, schema_version = excluded.schema_version,
                form_values = excluded.form_values, status = excluded.status, archived = excluded.archived,
                sent = CASE WHEN excluded.sent > application.sent THEN excluded.sent ELSE application.sent END,
                revision = application.revision + 1, updated_at = excluded.updated_at, changed_by = excluded.changed_by, device = excluded.device
             RETURNING revision, operator_revision";
        let (revision, operator_revision): (i64, i64) = sqlx::query_as(sql)
            .bind(&self.id)
            .bind(&item.entity)
            .bind(str_field(p, "organisation_id"))
            .bind(service)
            .bind(version)
            .bind(Value::Object(values.clone()).to_string())
            .bind(str_field(p, "status").unwrap_or("draft"))
            .bind(p.get("archived").and_then(Value::as_bool).unwrap_or(false) as i64)
            .bind(sent as i64)
            .bind(now)
            .bind(&by.member)
            .bind(by.device.as_deref())
            .fetch_one(&mut **tx)
            .await?;
        apps.insert(item.entity.clone(), (revision, operator_revision));
        Ok(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: Some(revision), problem: None, server: None })
    }

    /// Keeps the first desktop's word that it showed a reminder; true when this one is the
    /// first (its change goes to the feed), false when another desktop's came before.
    async fn apply_reminder(&self, tx: &mut Transaction<'static, Any>, item: &BatchItem) -> Result<(ItemResult, bool), StoreError> {
        let key = &item.idempotency_key;
        let Some(shown_at) = str_field(&item.payload, "shown_at") else {
            return Ok((reject(key, 422, "payload.shown_at is required"), false));
        };
        // A reminder is of one of the account's applications (`<application>|<rule>|…`): a key
        // naming none silences nothing and is not passed on.
        let application = item.entity.split('|').next().unwrap_or("");
        let known: Option<i64> = sqlx::query_scalar("SELECT 1 FROM application WHERE account_id = $1 AND id = $2").bind(&self.id).bind(application).fetch_optional(&mut **tx).await?;
        if known.is_none() {
            return Ok((reject(key, 422, format!("unknown application {application}")), false));
        }
        let first: Option<String> = sqlx::query_scalar("INSERT INTO reminder (account_id, key, shown_at) VALUES ($1, $2, $3) ON CONFLICT (account_id, key) DO NOTHING RETURNING key")
            .bind(&self.id)
            .bind(&item.entity)
            .bind(shown_at)
            .fetch_optional(&mut **tx)
            .await?;
        Ok((ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: None, problem: None, server: None }, first.is_some()))
    }

    async fn apply_event(&self, tx: &mut Transaction<'static, Any>, item: &BatchItem, by: &By, apps: &HashMap<String, (i64, i64)>) -> Result<ItemResult, StoreError> {
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
        sqlx::query("INSERT INTO client_event (account_id, id, application_id, event, at, note, changed_by, device) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .bind(&self.id)
            .bind(&item.entity)
            .bind(app)
            .bind(event)
            .bind(at)
            .bind(str_field(p, "note").unwrap_or(""))
            .bind(&by.member)
            .bind(by.device.as_deref())
            .execute(&mut **tx)
            .await?;
        if event == "application_sent" {
            sqlx::query("UPDATE application SET sent = 1 WHERE account_id = $1 AND id = $2").bind(&self.id).bind(app).execute(&mut **tx).await?;
        }
        Ok(ItemResult { idempotency_key: key.clone(), outcome: Outcome::Applied, revision: None, problem: None, server: None })
    }
}
