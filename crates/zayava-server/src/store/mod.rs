//! The server's database: accounts and their members, what each account's desktops sent,
//! what the operator did, and the idempotency keys already applied. PostgreSQL in
//! deployments, SQLite for the sandbox and the tests: one set of statements over sqlx's `Any`
//! driver, and where the two engines spell a statement differently, `Dialect::pick` chooses.
//!
//! Every row belongs to an account, and every query of an account's data goes through
//! `Account`, which binds the account's id into it: no statement here reads or writes data
//! without naming the account.

mod batch;
mod members;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, Row, Transaction};
use zayava_api::{Change, ChangeKind, OperatorEvent};

pub use batch::{By, Settled};
pub use members::{Member, MemberListing, Role};

/// The account the sandbox's token acts in; migration 0001 creates it in every database, and
/// no member's token reaches it unless one is added to it by name.
pub const SANDBOX_ACCOUNT: &str = "sandbox";

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// The statement as this engine spells it.
    pub(crate) fn pick(self, sqlite: &'static str, postgres: &'static str) -> &'static str {
        match self {
            Dialect::Sqlite => sqlite,
            Dialect::Postgres => postgres,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached now (down, restarting, out of connections, locked):
    /// the request may be retried later.
    #[error("the database cannot be reached: {0}")]
    Unavailable(sqlx::Error),
    #[error("storage error: {0}")]
    Storage(sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("the database's schema could not be created or updated: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A `--database` this server does not read (the address is not repeated: it may hold a
    /// password).
    #[error("the database address must start with sqlite: or postgres://, and be whole ({0})")]
    BadUrl(&'static str),
    /// An admin command's input: the words name the field.
    #[error("{0}")]
    Invalid(String),
}

impl StoreError {
    /// A stable code for logs and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Unavailable(_) => "database_unavailable",
            StoreError::Storage(_) => "storage",
            StoreError::Migrate(_) => "schema",
            StoreError::BadUrl(_) => "bad_database_url",
            StoreError::Invalid(_) => "invalid",
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        if unreachable(&e) {
            StoreError::Unavailable(e)
        } else {
            StoreError::Storage(e)
        }
    }
}

/// Errors that say the database is away rather than the request or the data wrong: a lost
/// connection, PostgreSQL's connection and shutdown classes (08, 57P0x, too many
/// connections), SQLite busy or locked.
fn unreachable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::WorkerCrashed | sqlx::Error::BeginFailed => true,
        sqlx::Error::Database(d) => d.code().is_some_and(|c| c.starts_with("08") || c.starts_with("57P0") || c == "53300" || c == "40P01" || c == "40001" || ["5", "6", "261", "262", "517"].contains(&c.as_ref())),
        _ => false,
    }
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    /// SQLite takes one writer at a time; writers wait here instead of failing with «busy»
    /// when a read transaction would turn into a write. PostgreSQL needs no gate.
    write_gate: Option<Arc<tokio::sync::Mutex<()>>>,
}

/// Row counts of one account, for the admin and the tests.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub organisations: i64,
    pub applications: i64,
    pub client_events: i64,
    /// Client events stored more than once (must stay 0).
    pub duplicated_client_events: i64,
    pub attachments: i64,
    pub operator_events: i64,
    /// Changes of the account's desktops in its feed.
    pub changes: i64,
    /// The feed's last seq (the operator's events and the changes share it).
    pub feed_head: i64,
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

impl Store {
    /// Connects to `url` (`sqlite:…` or `postgres://…`) and brings the schema up to date.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let store = Store::connect_lazy(url)?;
        store.migrate().await?;
        Ok(store)
    }

    /// A database in memory, gone when the store is (the tests, a quick rehearsal).
    pub async fn memory() -> Result<Store, StoreError> {
        Store::open("sqlite::memory:").await
    }

    /// A SQLite file, created if missing.
    pub async fn file(path: &Path) -> Result<Store, StoreError> {
        Store::open(&sqlite_url(path)).await
    }

    /// Parses `url` and makes the pool without connecting: a server starts while its
    /// database is away, answers 503 meanwhile, and migrates once it is back.
    pub fn connect_lazy(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (dialect, url) = if url.starts_with("sqlite:") {
            // A file is created if missing; SQLite's own `mode` in the address wins.
            let memory = url.contains(":memory:") || url.contains("mode=memory");
            let url = if memory || url.contains("mode=") { url.to_string() } else { format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' }) };
            (Dialect::Sqlite, (url, memory))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            (Dialect::Postgres, (url.to_string(), false))
        } else {
            return Err(StoreError::BadUrl("another kind of address"));
        };
        let (url, memory) = url;
        let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(5));
        let pool = match dialect {
            // Each connection to `:memory:` is a database of its own: one connection only,
            // and never closed for idleness or age, since the data goes with it.
            Dialect::Sqlite if memory => options.max_connections(1).idle_timeout(None).max_lifetime(None),
            Dialect::Sqlite => options.max_connections(4).after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::raw_sql("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;").execute(conn).await?;
                    Ok(())
                })
            }),
            Dialect::Postgres => options.max_connections(16),
        }
        .connect_lazy(&url)
        .map_err(|e| match e {
            sqlx::Error::Configuration(_) => StoreError::BadUrl("it could not be read"),
            e => e.into(),
        })?;
        Ok(Store { pool, dialect, write_gate: (dialect == Dialect::Sqlite).then(Arc::default) })
    }

    /// Creates the schema if missing, or brings it up to date. Safe from two server
    /// processes at once: sqlx takes a lock for it on PostgreSQL.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let done = match self.dialect {
            Dialect::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await,
            Dialect::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await,
        };
        match done {
            Ok(()) => Ok(()),
            // The database away is told apart: a server retries it, and answers 503 meanwhile.
            Err(sqlx::migrate::MigrateError::Execute(e)) if unreachable(&e) => Err(StoreError::Unavailable(e)),
            Err(e) => Err(e.into()),
        }
    }

    /// Is the database there now (for `/health`).
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// One account's data.
    pub fn account(&self, id: &str) -> Account {
        Account { store: self.clone(), id: id.to_string() }
    }

    /// A write transaction: on SQLite, taken as the writer from the start.
    pub(crate) async fn begin_write(&self) -> Result<(Option<tokio::sync::OwnedMutexGuard<()>>, Transaction<'static, Any>), StoreError> {
        let gate = match &self.write_gate {
            Some(g) => Some(g.clone().lock_owned().await),
            None => None,
        };
        let tx = match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Dialect::Postgres => self.pool.begin().await?,
        };
        Ok((gate, tx))
    }
}

/// The `--database` address of a SQLite file. Windows' `C:\dir\file` is written
/// `sqlite:C:/dir/file`: an address takes no backslash, and after `//` the drive would be read
/// as a host name with an empty port and lost. The few characters an address gives a meaning
/// to are escaped, so any path a user has opens.
pub fn sqlite_url(path: &Path) -> String {
    let text = path.to_string_lossy();
    let drive = text.len() >= 2 && text.as_bytes()[0].is_ascii_alphabetic() && text.as_bytes()[1] == b':';
    let mut out = String::from(if drive { "sqlite:" } else { "sqlite://" });
    for c in text.chars() {
        match c {
            '\\' => out.push('/'),
            '%' | '?' | '#' | ' ' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// One account's data: every statement binds the account's id.
#[derive(Clone)]
pub struct Account {
    store: Store,
    pub id: String,
}

impl Account {
    /// Keeps a file; the first time this account gets it, the feed tells the account's
    /// other desktops.
    pub async fn put_attachment(&self, sha256: &str, bytes: &[u8], by: &By, now: &str) -> Result<(), StoreError> {
        let (_gate, mut tx) = self.store.begin_write().await?;
        let new = sqlx::query("INSERT INTO attachment (account_id, sha256, size, content) VALUES ($1, $2, $3, $4) ON CONFLICT (account_id, sha256) DO NOTHING")
            .bind(&self.id)
            .bind(sha256)
            .bind(bytes.len() as i64)
            .bind(bytes.to_vec())
            .execute(&mut *tx)
            .await?
            .rows_affected()
            > 0;
        if new {
            let payload = serde_json::json!({ "sha256": sha256, "size": bytes.len() }).to_string();
            self.append_changes(&mut tx, &[NewChange { kind: ChangeKind::Attachment, entity: sha256.to_string(), revision: None, payload }], by, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Appends what was just applied to the account's feed, after the operator's events and
    /// the changes before it. The seqs come from the account's row, as `append_events` takes
    /// them, so the two kinds share one order.
    pub(crate) async fn append_changes(&self, tx: &mut Transaction<'static, Any>, changes: &[NewChange], by: &By, now: &str) -> Result<(), StoreError> {
        if changes.is_empty() {
            return Ok(());
        }
        let head: i64 = sqlx::query_scalar("UPDATE account SET feed_head = feed_head + $2 WHERE id = $1 RETURNING feed_head").bind(&self.id).bind(changes.len() as i64).fetch_one(&mut **tx).await?;
        let first = head - changes.len() as i64 + 1;
        for (i, c) in changes.iter().enumerate() {
            sqlx::query("INSERT INTO account_change (account_id, seq, kind, entity, revision, payload, changed_by, device, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .bind(&self.id)
                .bind(first + i as i64)
                .bind(c.kind.as_str())
                .bind(&c.entity)
                .bind(c.revision)
                .bind(&c.payload)
                .bind(&by.member)
                .bind(by.device.as_deref())
                .bind(now)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// A file's bytes, if this account holds it.
    pub async fn attachment(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(sqlx::query_scalar("SELECT content FROM attachment WHERE account_id = $1 AND sha256 = $2").bind(&self.id).bind(sha256).fetch_optional(&self.store.pool).await?)
    }

    /// A page of the account's feed after `after` (at most `limit` items, the operator's
    /// events and the desktops' changes together), whether more follow, and the feed's last
    /// seq (0 when empty).
    pub async fn feed_after(&self, after: i64, limit: u32) -> Result<FeedPage, StoreError> {
        // The page comes as one row of JSON: a row apiece costs more in the driver (a
        // hand-over between its thread and ours) than writing the page out.
        let sql = self.store.dialect.pick(
            "SELECT coalesce(json_group_array(json(item)), '[]') FROM (
                SELECT seq, json_object('feed', 'operator', 'seq', seq, 'id', id, 'application_id', application_id, 'event', event, 'at', at, 'note', note,
                    'fields', CASE WHEN json_valid(fields) AND json_type(fields) = 'object' THEN json(fields) ELSE json_object() END) AS item
                FROM operator_event WHERE account_id = $1 AND seq > $2
                UNION ALL
                SELECT seq, json_object('feed', 'change', 'seq', seq, 'kind', kind, 'entity', entity, 'revision', revision, 'payload', json(payload),
                    'by', changed_by, 'device', device, 'at', at) AS item
                FROM account_change WHERE account_id = $1 AND seq > $2
                ORDER BY seq LIMIT $3)",
            "SELECT coalesce(json_agg(item ORDER BY seq), '[]')::text FROM (
                SELECT seq, json_build_object('feed', 'operator', 'seq', seq, 'id', id, 'application_id', application_id, 'event', event, 'at', at, 'note', note,
                    'fields', fields::json) AS item
                FROM operator_event WHERE account_id = $1 AND seq > $2
                UNION ALL
                SELECT seq, json_build_object('feed', 'change', 'seq', seq, 'kind', kind, 'entity', entity, 'revision', revision, 'payload', payload::json,
                    'by', changed_by, 'device', device, 'at', at) AS item
                FROM account_change WHERE account_id = $1 AND seq > $2
                ORDER BY seq LIMIT $3) page",
        );
        let page: String = sqlx::query_scalar(sql).bind(&self.id).bind(after).bind(limit as i64 + 1).fetch_one(&self.store.pool).await?;
        let mut items: Vec<FeedItem> = serde_json::from_str(&page).map_err(|e| StoreError::Storage(sqlx::Error::Decode(Box::new(e))))?;
        let more = items.len() > limit as usize;
        items.truncate(limit as usize);
        let last = items.last().map(FeedItem::seq);
        let (mut events, mut changes) = (Vec::new(), Vec::new());
        for item in items {
            match item {
                FeedItem::Operator(e) => events.push(e),
                FeedItem::Change(c) => changes.push(c),
            }
        }
        let head: Option<i64> = sqlx::query_scalar("SELECT feed_head FROM account WHERE id = $1").bind(&self.id).fetch_optional(&self.store.pool).await?;
        Ok(FeedPage { events, changes, last, more, head: head.unwrap_or(0) })
    }

    pub async fn application_exists(&self, id: &str) -> Result<bool, StoreError> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM application WHERE account_id = $1 AND id = $2").bind(&self.id).bind(id).fetch_one(&self.store.pool).await? > 0)
    }

    /// The operator acts on an application: an event in the feed, with its fields.
    pub async fn operator_event(&self, application_id: &str, event: &str, at: &str, note: &str, fields: &Map<String, Value>) -> Result<OperatorEvent, StoreError> {
        let ids = [application_id.to_string()];
        let (_gate, mut tx) = self.store.begin_write().await?;
        let mut appended = self.append_events(&mut tx, &ids, event, at, note, fields).await?;
        tx.commit().await?;
        Ok(appended.remove(0))
    }

    /// The same event for many applications at once, in one transaction (benchmarks, rehearsals at scale).
    pub async fn operator_events_bulk(&self, application_ids: &[String], event: &str, at: &str, fields: &Map<String, Value>) -> Result<(), StoreError> {
        let (_gate, mut tx) = self.store.begin_write().await?;
        self.append_events(&mut tx, application_ids, event, at, "", fields).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Appends to the account's feed. The seqs are taken from the account's row, which the
    /// update holds until commit: appends to one account happen one after another, so the
    /// feed is read in the order it was written, with no seq committed behind a reader.
    async fn append_events(&self, tx: &mut Transaction<'static, Any>, application_ids: &[String], event: &str, at: &str, note: &str, fields: &Map<String, Value>) -> Result<Vec<OperatorEvent>, StoreError> {
        let head: i64 = sqlx::query_scalar("UPDATE account SET feed_head = feed_head + $2 WHERE id = $1 RETURNING feed_head").bind(&self.id).bind(application_ids.len() as i64).fetch_one(&mut **tx).await?;
        let first = head - application_ids.len() as i64 + 1;
        let fields_json = Value::Object(fields.clone()).to_string();
        let mut out = Vec::with_capacity(application_ids.len());
        for (i, app) in application_ids.iter().enumerate() {
            let id = uuid::Uuid::new_v4().to_string();
            let seq = first + i as i64;
            sqlx::query("INSERT INTO operator_event (account_id, seq, id, application_id, event, at, note, fields) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(&self.id)
                .bind(seq)
                .bind(&id)
                .bind(app)
                .bind(event)
                .bind(at)
                .bind(note)
                .bind(&fields_json)
                .execute(&mut **tx)
                .await?;
            out.push(OperatorEvent { seq, id, application_id: app.clone(), event: event.into(), at: at.into(), note: note.into(), fields: fields.clone() });
        }
        Ok(out)
    }

    /// The operator corrects a sent application: a new revision, by the operator.
    pub async fn amend(&self, application_id: &str, values: &Map<String, Value>, now: &str) -> Result<Option<i64>, StoreError> {
        let (_gate, mut tx) = self.store.begin_write().await?;
        // The account's row first, as a push takes it: on PostgreSQL a push and a correction of
        // one application take turns, so neither merges over values the other has just written.
        sqlx::query("UPDATE account SET feed_head = feed_head WHERE id = $1").bind(&self.id).execute(&mut *tx).await?;
        let Some(current) = sqlx::query_scalar::<_, String>("SELECT form_values FROM application WHERE account_id = $1 AND id = $2").bind(&self.id).bind(application_id).fetch_optional(&mut *tx).await? else {
            return Ok(None);
        };
        let mut merged: Map<String, Value> = serde_json::from_str(&current).unwrap_or_default();
        merged.extend(values.clone());
        let rev: i64 = sqlx::query_scalar(
            "UPDATE application SET form_values = $3, revision = revision + 1, operator_revision = revision + 1, updated_at = $4, changed_by = 'operator', device = NULL
             WHERE account_id = $1 AND id = $2 RETURNING revision",
        )
        .bind(&self.id)
        .bind(application_id)
        .bind(Value::Object(merged).to_string())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        // The account's desktops learn of the correction from the feed, with its new revision.
        let row = sqlx::query("SELECT organisation_id, service, schema_version, form_values, status, archived FROM application WHERE account_id = $1 AND id = $2")
            .bind(&self.id)
            .bind(application_id)
            .fetch_one(&mut *tx)
            .await?;
        let payload = serde_json::json!({
            "id": application_id,
            "organisation_id": row.try_get::<Option<String>, _>("organisation_id")?,
            "service": row.try_get::<String, _>("service")?,
            "schema_version": row.try_get::<String, _>("schema_version")?,
            "form_values": serde_json::from_str::<Value>(&row.try_get::<String, _>("form_values")?).unwrap_or_default(),
            "status": row.try_get::<String, _>("status")?,
            "archived": row.try_get::<i64, _>("archived")? != 0,
        });
        let operator = By { member: "operator".into(), device: None };
        self.append_changes(&mut tx, &[NewChange { kind: ChangeKind::Application, entity: application_id.to_string(), revision: Some(rev), payload: payload.to_string() }], &operator, now).await?;
        tx.commit().await?;
        Ok(Some(rev))
    }

    pub async fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let rows = sqlx::query("SELECT id, service, revision, sent, form_values FROM application WHERE account_id = $1 ORDER BY updated_at DESC, id LIMIT 500").bind(&self.id).fetch_all(&self.store.pool).await?;
        rows.iter().map(listed).collect::<Result<_, sqlx::Error>>().map_err(StoreError::from)
    }

    pub async fn stats(&self) -> Result<Stats, StoreError> {
        let n = |sql: &'static str| async move { sqlx::query_scalar::<_, i64>(sql).bind(&self.id).fetch_one(&self.store.pool).await };
        Ok(Stats {
            organisations: n("SELECT COUNT(*) FROM organisation WHERE account_id = $1").await?,
            applications: n("SELECT COUNT(*) FROM application WHERE account_id = $1").await?,
            client_events: n("SELECT COUNT(*) FROM client_event WHERE account_id = $1").await?,
            duplicated_client_events: n("SELECT COUNT(*) FROM (SELECT id FROM client_event WHERE account_id = $1 GROUP BY id HAVING COUNT(*) > 1) doubled").await?,
            attachments: n("SELECT COUNT(*) FROM attachment WHERE account_id = $1").await?,
            operator_events: n("SELECT COUNT(*) FROM operator_event WHERE account_id = $1").await?,
            changes: n("SELECT COUNT(*) FROM account_change WHERE account_id = $1").await?,
            feed_head: n("SELECT coalesce(max(feed_head), 0) FROM account WHERE id = $1").await?,
            idempotency_keys: n("SELECT COUNT(*) FROM idempotency WHERE account_id = $1").await?,
        })
    }

    /// Ids of every application stored.
    pub async fn application_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM application WHERE account_id = $1 ORDER BY id").bind(&self.id).fetch_all(&self.store.pool).await?)
    }

    /// Ids of the client events stored, in the order received, for the tests' comparisons.
    pub async fn client_event_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM client_event WHERE account_id = $1 ORDER BY row_no").bind(&self.id).fetch_all(&self.store.pool).await?)
    }

    /// Every application's values, by id (for comparing with the desktops').
    pub async fn application_values(&self) -> Result<HashMap<String, Value>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT id, form_values FROM application WHERE account_id = $1").bind(&self.id).fetch_all(&self.store.pool).await?;
        Ok(rows.into_iter().map(|(id, v)| (id, serde_json::from_str(&v).unwrap_or_default())).collect())
    }

    /// Ids of the account's organisations.
    pub async fn organisation_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM organisation WHERE account_id = $1 ORDER BY id").bind(&self.id).fetch_all(&self.store.pool).await?)
    }

    /// Hashes of the account's files.
    pub async fn attachment_hashes(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT sha256 FROM attachment WHERE account_id = $1 ORDER BY sha256").bind(&self.id).fetch_all(&self.store.pool).await?)
    }

    /// Ids of the operator's events in the account's feed.
    pub async fn operator_event_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM operator_event WHERE account_id = $1 ORDER BY seq").bind(&self.id).fetch_all(&self.store.pool).await?)
    }
}

/// A page of an account's feed.
#[derive(Debug, Default)]
pub struct FeedPage {
    pub events: Vec<OperatorEvent>,
    pub changes: Vec<Change>,
    /// The seq of the page's last item, if it has any.
    pub last: Option<i64>,
    pub more: bool,
    /// The feed's last seq (0 when empty).
    pub head: i64,
}

/// One item of the feed as the page's query writes it, tagged by where it comes from.
#[derive(serde::Deserialize)]
#[serde(tag = "feed", rename_all = "snake_case")]
enum FeedItem {
    Operator(OperatorEvent),
    Change(Change),
}

impl FeedItem {
    fn seq(&self) -> i64 {
        match self {
            FeedItem::Operator(e) => e.seq,
            FeedItem::Change(c) => c.seq,
        }
    }
}

/// A change to append to the feed.
pub(crate) struct NewChange {
    pub kind: ChangeKind,
    pub entity: String,
    pub revision: Option<i64>,
    /// JSON text.
    pub payload: String,
}

fn listed(r: &AnyRow) -> Result<Listed, sqlx::Error> {
    let values: Value = serde_json::from_str(&r.try_get::<String, _>("form_values")?).unwrap_or_default();
    let name = ["body_name", "system_name", "name", "contact"].iter().find_map(|k| values.get(*k).and_then(Value::as_str)).unwrap_or("").to_string();
    Ok(Listed { id: r.try_get("id")?, service: r.try_get("service")?, revision: r.try_get("revision")?, sent: r.try_get::<i64, _>("sent")? != 0, name })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::sqlite_url;

    #[tokio::test]
    async fn a_file_opens_through_its_address_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("папка с пробелом #1").join("z 100%.sqlite3");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        super::Store::file(&path).await.unwrap().ping().await.unwrap();
        assert!(path.exists(), "the file is where the path says");
    }

    #[test]
    fn a_files_address_takes_any_path_a_user_has() {
        assert_eq!(sqlite_url(Path::new("/tmp/a b/z#1.sqlite3")), "sqlite:///tmp/a%20b/z%231.sqlite3");
        assert_eq!(sqlite_url(Path::new(r"C:\Users\Анна\zayava.sqlite3")), "sqlite:C:/Users/Анна/zayava.sqlite3");
    }
}
