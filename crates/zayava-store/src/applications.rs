//! Applications: drafts that save whatever the user typed, ready ones that passed the
//! pre-flight, duplicates, the archive, and search by organisation, service, status, text.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::Row;
use ts_rs::TS;
use zayava_core::forms::{self, preflight};
use zayava_core::i18n::Lang;

use zayava_core::lifecycle;
use zayava_core::validation::{FieldIssue, IssueCode};

use crate::organisations::timestamp;

/// The event that records a sent application's form was changed (`rulebook.json`).
const AMENDED: &str = "application_amended";
/// The event that sends an application: from then on its form is the Operator's copy.
const SENT: &str = "application_sent";
use crate::{Database, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Draft,
    Ready,
}

impl ApplicationStatus {
    fn code(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Ready => "ready",
        }
    }

    fn parse(s: &str) -> ApplicationStatus {
        if s == "ready" { ApplicationStatus::Ready } else { ApplicationStatus::Draft }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Application {
    pub id: String,
    pub organisation_id: Option<i64>,
    pub service: String,
    /// The form schema it was made under, e.g. `one-window@2025-03-04`.
    pub schema_version: String,
    #[ts(type = "Record<string, unknown>")]
    pub values: Value,
    pub status: ApplicationStatus,
    pub archived: bool,
    pub created_at: String,
    pub updated_at: String,
    /// The short number people say on the phone (shown as «З-0042»).
    pub number: i64,
    /// The covering letter's outgoing number and date, once given.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outgoing: Option<Outgoing>,
}

/// A letter's outgoing number and date («Исх. № 17 от 04.12.2026»).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Outgoing {
    pub number: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
}

/// The longest outgoing number a user may type (an office registry's «01-12/345-к»).
pub const MAX_OUTGOING_LEN: usize = 40;

/// How an application's short number is written: «З-0042».
pub fn number_text(number: i64) -> String {
    format!("З-{number:04}")
}

/// A line in the applications list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ApplicationSummary {
    pub id: String,
    /// «З-0042».
    pub number: String,
    pub organisation_id: Option<i64>,
    pub organisation_name: Option<String>,
    pub service: String,
    pub status: ApplicationStatus,
    /// The stage of the list (`lifecycle.json`'s stages) and its label.
    pub stage: String,
    pub stage_label: String,
    pub archived: bool,
    pub updated_at: String,
}

/// What to list. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
pub struct ApplicationFilter {
    #[serde(default)]
    pub organisation_id: Option<i64>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub status: Option<ApplicationStatus>,
    /// Only this stage of the list (draft, awaiting_signature, not_concluded…).
    #[serde(default)]
    pub stage: Option<String>,
    /// Words to find in the application's values or its organisation's name.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub archived: bool,
}

/// The lower-cased text of every string in the values, for search.
pub(crate) fn search_text_of(values: &Value) -> String {
    search_text(values)
}

fn search_text(values: &Value) -> String {
    fn collect(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(&s.to_lowercase());
                out.push(' ');
            }
            Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            Value::Object(o) => o.values().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    collect(values, &mut out);
    out
}

pub(crate) fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Application, StoreError> {
    let values: String = row.try_get("form_values")?;
    Ok(Application {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        service: row.try_get("service")?,
        schema_version: row.try_get("schema_version")?,
        values: serde_json::from_str(&values).map_err(|e| StoreError::Corrupt(format!("application values: {e}")))?,
        status: ApplicationStatus::parse(&row.try_get::<String, _>("status")?),
        archived: row.try_get::<i64, _>("archived")? != 0,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        number: row.try_get::<Option<i64>, _>("number")?.unwrap_or_default(),
        outgoing: match (row.try_get::<Option<String>, _>("outgoing_number")?, row.try_get::<Option<String>, _>("outgoing_date")?) {
            (Some(number), Some(date)) => Some(Outgoing {
                number,
                date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("outgoing date: {e}")))?,
            }),
            _ => None,
        },
    })
}

/// `COLUMNS` as one JSON array per application (form values as an object), for reading
/// many in one row of JSON (see `from_json`).
pub(crate) const JSON_COLUMNS: &str = "json_array(id, organisation_id, service, schema_version, json(form_values), status, archived, created_at, updated_at, number, outgoing_number, outgoing_date)";

/// One application as `JSON_COLUMNS` gives it.
pub(crate) type JsonRow = (String, Option<i64>, String, String, Value, String, i64, String, String, Option<i64>, Option<String>, Option<String>);

/// An application from its `JSON_COLUMNS` array: what `from_row` reads from a row.
pub(crate) fn from_json((id, organisation_id, service, schema_version, values, status, archived, created_at, updated_at, number, outgoing_number, outgoing_date): JsonRow) -> Result<Application, StoreError> {
    Ok(Application {
        id,
        organisation_id,
        service,
        schema_version,
        values,
        status: ApplicationStatus::parse(&status),
        archived: archived != 0,
        created_at,
        updated_at,
        number: number.unwrap_or_default(),
        outgoing: match (outgoing_number, outgoing_date) {
            (Some(number), Some(date)) => Some(Outgoing {
                number,
                date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|e| StoreError::Corrupt(format!("outgoing date: {e}")))?,
            }),
            _ => None,
        },
    })
}

pub(crate) const COLUMNS: &str = "id, organisation_id, service, schema_version, form_values, status, archived, created_at, updated_at, number, outgoing_number, outgoing_date";

/// The next free short number, inside the statement that inserts (one statement: no two
/// applications get the same number, and a crash leaves no half-made draft).
pub(crate) const NEXT_NUMBER: &str = "(SELECT COALESCE(MAX(number), 0) + 1 FROM application)";

/// How close a contract's end must be for an active application to show as «expiring».
pub const EXPIRING_WITHIN_DAYS: u32 = 30;

/// The state an application's list stage is read from, with two `?` both bound to today:
/// the stored one; not concluded once a signing window (`voids`) has passed unmet; expiring
/// while active and its latest contract term ends within `EXPIRING_WITHIN_DAYS`.
fn effective_state() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        // Rule ids come from the embedded rulebook (letters, dots, dashes, underscores), so
        // they are safe to inline; checked all the same.
        let terms: Vec<String> = zayava_core::rules::Rulebook::shared()
            .services
            .iter()
            .flat_map(|s| s.rules.iter())
            .filter(|r| r.term_end)
            .map(|r| {
                assert!(r.id.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)), "rule id {}", r.id);
                format!("'{}'", r.id)
            })
            .collect();
        let terms = terms.join(", ");
        // `+` keeps the planner on the application's own due items (the primary key): by the
        // open-by-day index it would read every open item before today for each line shown
        // (150 ms for a page of 13 contracts among 100k applications).
        format!(
            "CASE WHEN a.stage IN ('draft_contract', 'signed') AND EXISTS (SELECT 1 FROM due_item d WHERE d.application_id = a.id AND d.voids = 1 AND +d.open = 1 AND +d.due_day < ?) THEN 'not_concluded'
                  WHEN a.stage = 'active' AND (SELECT julianday(MAX(t.due_day)) - julianday(?) FROM due_item t WHERE t.application_id = a.id AND t.rule IN ({terms})) BETWEEN 0 AND {EXPIRING_WITHIN_DAYS} THEN 'expiring'
                  ELSE a.stage END"
        )
    })
}

/// Below this many finds, a page of a search is found from the index's finds (sorted by
/// recency); from this many, by walking the list from the newest down until the page is
/// full, which then stops early.
const RARE: i64 = 1000;

/// A value bound to a list query's condition.
enum Arg {
    Text(String),
    Int(i64),
}

/// The WHERE part of a list query and its values, in order: the same for a page and for
/// the count of the whole list.
struct Conditions {
    sql: String,
    args: Vec<Arg>,
    /// The search, as an FTS5 query: people's words in the `words` column and the filters
    /// that are tags (archived, service, status, organisation) in the `tags` column. None
    /// without words.
    search: Option<String>,
}

impl Conditions {
    /// None when the filter can find nothing (words with no letter or digit in them). The text
    /// is the last condition: what comes after it would be skipped when only «З» is typed.
    fn of(filter: &ApplicationFilter, today: NaiveDate) -> Result<Option<Conditions>, StoreError> {
        let mut c = Conditions { sql: "a.archived = ?".into(), args: vec![Arg::Int(filter.archived as i64)], search: None };
        if let Some(o) = filter.organisation_id {
            c.and("a.organisation_id = ?", [Arg::Int(o)]);
        }
        if let Some(s) = &filter.service {
            c.and("a.service = ?", [Arg::Text(s.clone())]);
        }
        if let Some(s) = filter.status {
            c.and("a.status = ?", [Arg::Text(s.code().to_string())]);
        }
        if let Some(id) = &filter.stage {
            let states = lifecycle::lifecycle().stages.iter().find(|s| &s.id == id).map(|s| s.states.clone()).ok_or_else(|| StoreError::BadInput { field: "stage".into(), detail: format!("unknown stage {id}") })?;
            let today = today.format("%Y-%m-%d").to_string();
            c.and(&format!("({}) IN (SELECT value FROM json_each(?))", effective_state()), [Arg::Text(today.clone()), Arg::Text(today), Arg::Text(serde_json::to_string(&states).expect("strings"))]);
        }
        if let Some(text) = filter.text.as_deref().filter(|t| !t.trim().is_empty()) {
            let words = match match_words(text) {
                Typed::Nothing => return Ok(None),
                Typed::Anything => return Ok(Some(c)),
                Typed::Words(words) => words,
            };
            // The tags are the filters above in the index's words (see migration 0011).
            let mut tags = vec![format!("a{}", filter.archived as i64)];
            if let Some(s) = &filter.service {
                tags.push(format!("s{}", s.replace('-', "")));
            }
            if let Some(s) = filter.status {
                tags.push(format!("t{}", s.code()));
            }
            if let Some(o) = filter.organisation_id {
                tags.push(format!("o{o}"));
            }
            let tags: Vec<String> = tags.into_iter().filter(|t| t.chars().all(char::is_alphanumeric)).map(|t| format!("tags : \"{t}\"")).collect();
            c.search = Some(format!("{words} AND {}", tags.join(" AND ")));
        }
        Ok(Some(c))
    }

    /// The condition with the search as a subquery (when the list, not the index, leads).
    fn with_search(&self) -> String {
        match self.search {
            Some(_) => format!("{} AND a.number IN (SELECT rowid FROM application_search WHERE application_search MATCH ?)", self.sql),
            None => self.sql.clone(),
        }
    }

    fn and<const N: usize>(&mut self, sql: &str, args: [Arg; N]) {
        self.sql.push_str(" AND ");
        self.sql.push_str(sql);
        self.args.extend(args);
    }
}

/// Binds a condition's values to a query (a page's or a count's), in order.
macro_rules! bind_conditions {
    ($query:expr, $cond:expr) => {{
        let mut q = $query;
        for a in &$cond.args {
            q = match a {
                Arg::Text(t) => q.bind(t.as_str()),
                Arg::Int(i) => q.bind(*i),
            };
        }
        q
    }};
}

/// What a person typed in the search box, for the index.
#[derive(Debug, PartialEq)]
enum Typed {
    /// No letter or digit: nothing can match.
    Nothing,
    /// Only the «З» every number starts with: every application matches.
    Anything,
    /// An FTS5 query on the words column.
    Words(String),
}

/// What a person typed in the search box as an FTS5 query: every run of letters and digits
/// a word that must be there, matched as a prefix in the words column («з-0042» →
/// `words : "0042"*`), «ё» read as «е» as the index has it. Quoted, so no word is read as an
/// FTS5 operator.
fn match_words(text: &str) -> Typed {
    let folded: String = text
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            'Ё' => 'Е',
            c => c,
        })
        .collect();
    let typed: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // Every application's words hold its number «З-NNNN», so the letter «з» alone is in every
    // row: as a prefix it would merge the lists of every word starting with «з» to filter
    // nothing (a search for «З-4217» took 130 ms over 100k applications for that alone).
    let words: Vec<String> = typed.iter().filter(|w| !matches!(**w, "з" | "З")).map(|w| format!("words : \"{w}\"*")).collect();
    match (typed.is_empty(), words.is_empty()) {
        (true, _) => Typed::Nothing,
        (false, true) => Typed::Anything,
        (false, false) => Typed::Words(words.join(" AND ")),
    }
}

/// The most a draft's values may weigh, so a runaway paste cannot bloat the database.
pub const MAX_VALUES_BYTES: usize = 2 * 1024 * 1024;

impl Database {
    /// Starts an empty draft for a service under its current form.
    pub async fn create_application(&self, service: &str, organisation_id: Option<i64>, now: DateTime<Utc>) -> Result<Application, StoreError> {
        let schema = forms::current_application(service).ok_or_else(|| StoreError::UnknownService(service.to_string()))?;
        let org = match organisation_id {
            Some(org) => Some(self.organisation(org).await?.values),
            None => None,
        };
        // The draft starts with what its organisation already says (the consumer's name…).
        let values = forms::refill(schema, &Value::Object(Default::default()), None, org.as_ref());
        let id = self.insert_application(service, organisation_id, &schema.version, &values, now).await?;
        self.application(&id).await
    }

    /// One INSERT with its number: the draft exists whole or not at all.
    async fn insert_application(&self, service: &str, organisation_id: Option<i64>, schema_version: &str, values: &Value, now: DateTime<Utc>) -> Result<String, StoreError> {
        let id = uuid::Uuid::new_v4().to_string();
        let at = timestamp(now);
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "INSERT INTO application (id, organisation_id, service, schema_version, form_values, search_text, status, stage, created_at, updated_at, number)
             VALUES (?, ?, ?, ?, ?, ?, 'draft', 'draft', ?, ?, {NEXT_NUMBER})"
        )))
        .bind(&id)
        .bind(organisation_id)
        .bind(service)
        .bind(schema_version)
        .bind(values.to_string())
        .bind(search_text(values))
        .bind(&at)
        .bind(&at)
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    pub async fn application(&self, id: &str) -> Result<Application, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM application WHERE id = ?")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| StoreError::NotFound { entity: "application", id: id.to_string() })?;
        from_row(&row)
    }

    /// Gives the application's letters an outgoing number dated `date`: the one typed, or
    /// (`None`) the next of its organisation's count, in one transaction, so two letters
    /// never get the same number. A typed whole number moves the count on past it. The
    /// number stays with the application: every reprint carries it.
    pub async fn set_outgoing(&self, id: &str, typed: Option<&str>, date: NaiveDate, now: DateTime<Utc>) -> Result<Application, StoreError> {
        let app = self.application(id).await?;
        let label = || zayava_core::i18n::Text::id("store-outgoing-number");
        let typed = typed.map(str::trim);
        match typed {
            Some("") => return Err(StoreError::Invalid(vec![FieldIssue::new("outgoing_number", label(), IssueCode::Required)])),
            Some(t) if t.chars().count() > MAX_OUTGOING_LEN || t.chars().any(char::is_control) => {
                return Err(StoreError::Invalid(vec![FieldIssue::new("outgoing_number", label(), IssueCode::TooLong).with_limit(MAX_OUTGOING_LEN)]));
            }
            _ => {}
        }
        let mut tx = self.pool.begin().await?;
        let number = match (typed, app.organisation_id) {
            (Some(t), org) => {
                if let (Ok(n), Some(org)) = (t.parse::<i64>(), org) {
                    sqlx::query("UPDATE organisation SET outgoing_last = MAX(outgoing_last, ?) WHERE id = ?").bind(n).bind(org).execute(&mut *tx).await?;
                }
                t.to_string()
            }
            (None, Some(org)) => {
                let n: i64 = sqlx::query_scalar("UPDATE organisation SET outgoing_last = outgoing_last + 1 WHERE id = ? RETURNING outgoing_last").bind(org).fetch_one(&mut *tx).await?;
                n.to_string()
            }
            // The count is the organisation's: without one there is nothing to count on.
            (None, None) => return Err(StoreError::Invalid(vec![FieldIssue::new("organisation_id", zayava_core::i18n::Text::id("store-organisation"), IssueCode::Required)])),
        };
        sqlx::query("UPDATE application SET outgoing_number = ?, outgoing_date = ?, updated_at = ? WHERE id = ?")
            .bind(&number)
            .bind(date.format("%Y-%m-%d").to_string())
            .bind(timestamp(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        self.application(id).await
    }

    /// Saves what the user has typed so far. Any change to a ready application makes it a
    /// draft again: it must pass the pre-flight anew. Once sent, the form is locked: it can be
    /// changed only after the user chose to amend it (`amend_sent_application`, which records
    /// the amendment in the trail), and it never turns back into a draft.
    pub async fn save_application(&self, id: &str, organisation_id: Option<i64>, values: &Value, now: DateTime<Utc>) -> Result<Application, StoreError> {
        if !values.is_object() {
            return Err(StoreError::BadInput { field: "values".into(), detail: "the form's values must be an object".into() });
        }
        let text = values.to_string();
        if text.len() > MAX_VALUES_BYTES {
            return Err(StoreError::TooLarge { limit: MAX_VALUES_BYTES });
        }
        let new_org = match organisation_id {
            Some(org) => Some(self.organisation(org).await?.values),
            None => None,
        };
        let current = self.application(id).await?;
        // Another organisation: what the old one filled in is replaced by the new one's.
        let refilled;
        let values = if current.organisation_id != organisation_id {
            let old_org = match current.organisation_id {
                Some(org) => self.organisation(org).await.ok().map(|o| o.values),
                None => None,
            };
            let schema = forms::by_version(&current.schema_version).ok_or_else(|| StoreError::UnknownSchema(current.schema_version.clone()))?;
            refilled = forms::refill(schema, values, old_org.as_ref(), new_org.as_ref());
            &refilled
        } else {
            values
        };
        let text = values.to_string();
        if current.values == *values && current.organisation_id == organisation_id {
            return Ok(current);
        }
        let sent = self.events(id).await?.iter().any(|e| e.event == SENT);
        if self.form_locked(id).await? {
            return Err(StoreError::SentLocked);
        }
        let status = if sent { current.status.code() } else { "draft" };
        // The dates' inputs change with the form: marked stale in the same transaction (see
        // `lifecycle::mark_stale`).
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("UPDATE application SET organisation_id = ?, form_values = ?, search_text = ?, status = ?, updated_at = ? WHERE id = ?")
            .bind(organisation_id)
            .bind(text)
            .bind(search_text(values))
            .bind(status)
            .bind(timestamp(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        crate::lifecycle::mark_stale(&mut tx, &[id.to_string()]).await?;
        tx.commit().await?;
        // The form supplies facts (software_count, the organisation's kind) to the dates.
        self.refresh_due(id).await?;
        self.application(id).await
    }

    /// Whether the form is read-only: sent to the Operator and not being amended (the event
    /// recorded last is not the amendment). The interaction log is never sent, never locked.
    pub async fn form_locked(&self, id: &str) -> Result<bool, StoreError> {
        let trail = self.events(id).await?;
        let sent = trail.iter().any(|e| e.event == SENT);
        Ok(sent && trail.last().is_none_or(|e| e.event != AMENDED))
    }

    /// Whether the application was sent to the Operator (its form is then the Operator's copy).
    pub async fn was_sent(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.events(id).await?.iter().any(|e| e.event == SENT))
    }

    /// The list stage of one application as of `today` (see [`Database::applications_on`]).
    pub async fn stage_on(&self, id: &str, today: NaiveDate) -> Result<&'static lifecycle::Stage, StoreError> {
        let state: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT {} FROM application a WHERE a.id = ?", effective_state())))
            .bind(today.format("%Y-%m-%d").to_string())
            .bind(today.format("%Y-%m-%d").to_string())
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let state = state.ok_or_else(|| StoreError::NotFound { entity: "application", id: id.to_string() })?;
        lifecycle::lifecycle().stage_of(&state).ok_or_else(|| StoreError::Corrupt(format!("application {id}: unknown state {state}")))
    }

    /// Unlocks a sent application's form after the user confirmed it: the amendment is
    /// recorded in the trail (dated `today`, local), and saves are accepted until the next
    /// event is recorded.
    pub async fn amend_sent_application(&self, id: &str, recorded: DateTime<Utc>, now: chrono::NaiveDateTime) -> Result<(), StoreError> {
        if !self.form_locked(id).await? {
            return Ok(()); // not sent, or already being amended
        }
        let event = lifecycle::NewEvent { event: AMENDED.into(), at: now.format("%Y-%m-%d").to_string(), corrects: None, note: String::new() };
        self.record_event(id, &event, lifecycle::Recorder::User, recorded, now).await?;
        Ok(())
    }

    /// The pre-flight check of a stored application, with its organisation's profile.
    /// `today` is the day a document's date may not pass.
    pub async fn preflight(&self, id: &str, today: NaiveDate, lang: Lang) -> Result<preflight::Preflight, StoreError> {
        let app = self.application(id).await?;
        let schema = forms::by_version(&app.schema_version).ok_or_else(|| StoreError::UnknownSchema(app.schema_version.clone()))?;
        let org = match app.organisation_id {
            Some(org) => Some(self.organisation(org).await?.values),
            None => None,
        };
        Ok(preflight::check(schema, &app.values, org.as_ref(), today, lang))
    }

    /// Marks an application ready; refused, changing nothing, unless the pre-flight is clean.
    pub async fn mark_ready(&self, id: &str, now: DateTime<Utc>, today: NaiveDate, lang: Lang) -> Result<Application, StoreError> {
        // `today` is the day the user's pre-flight check ran on, so marking agrees with it.
        let check = self.preflight(id, today, lang).await?;
        if !check.clean {
            return Err(StoreError::NotReady(check.findings));
        }
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("UPDATE application SET status = 'ready', updated_at = ? WHERE id = ?").bind(timestamp(now)).bind(id).execute(&mut *tx).await?;
        crate::lifecycle::mark_stale(&mut tx, &[id.to_string()]).await?;
        tx.commit().await?;
        self.refresh_due(id).await?;
        self.application(id).await
    }

    /// A new draft with the same organisation and values (attachments are shared by hash),
    /// written in one statement.
    pub async fn duplicate_application(&self, id: &str, now: DateTime<Utc>) -> Result<Application, StoreError> {
        let source = self.application(id).await?;
        // The copy is a new application: it takes the current form (the values carry over;
        // questions the newer form adds are asked).
        let version = forms::current(&source.service).map_or(source.schema_version.clone(), |s| s.version.clone());
        let copy = self.insert_application(&source.service, source.organisation_id, &version, &source.values, now).await?;
        self.application(&copy).await
    }

    pub async fn set_archived(&self, id: &str, archived: bool, now: DateTime<Utc>) -> Result<Application, StoreError> {
        crate::error::one_changed(sqlx::query("UPDATE application SET archived = ?, updated_at = ? WHERE id = ?")
            .bind(archived as i64)
            .bind(timestamp(now))
            .bind(id)
            .execute(&self.pool)
            .await?, "application", id)?;
        self.application(id).await
    }

    /// Applications matching the filter, newest first, each with its stage as its events
    /// leave it (a signing window that passed with nothing recorded is not applied: that
    /// needs a date, see [`Database::applications_on`]).
    pub async fn applications(&self, filter: &ApplicationFilter) -> Result<Vec<ApplicationSummary>, StoreError> {
        self.applications_on(filter, NaiveDate::MIN).await
    }

    /// Applications matching the filter, newest first, each with its stage as of `today`.
    pub async fn applications_on(&self, filter: &ApplicationFilter, today: NaiveDate) -> Result<Vec<ApplicationSummary>, StoreError> {
        let Some(cond) = Conditions::of(filter, today)? else { return Ok(Vec::new()) };
        self.list(&cond, today, 0, -1, false).await
    }

    /// One page of the list (`limit` lines from `offset`, newest first) and how many lines
    /// the whole list has, both found in SQL. With words, the index counts what it finds
    /// (its tags carry every filter but the stage); then a page is found from the newest
    /// line down when the words are common, from what the index found when they are rare,
    /// so neither way reads much more than the page.
    pub async fn applications_page(&self, filter: &ApplicationFilter, today: NaiveDate, offset: u32, limit: u32) -> Result<(Vec<ApplicationSummary>, u32), StoreError> {
        let Some(cond) = Conditions::of(filter, today)? else { return Ok((Vec::new(), 0)) };
        let total: i64 = match (&cond.search, &filter.stage) {
            (Some(search), None) => sqlx::query_scalar("SELECT COUNT(*) FROM application_search WHERE application_search MATCH ?").bind(search).fetch_one(&self.pool).await?,
            _ => {
                let mut q = bind_conditions!(sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM application a WHERE {}", cond.with_search()))), cond);
                if let Some(search) = &cond.search {
                    q = q.bind(search.as_str());
                }
                q.fetch_one(&self.pool).await?
            }
        };
        let by_search = cond.search.is_some() && total < RARE;
        let items = self.list(&cond, today, offset as i64, limit as i64, by_search).await?;
        Ok((items, total as u32))
    }

    /// `limit` lines from `offset` (-1: all); `by_search`: from the index's finds rather
    /// than down the list. The page's ids are found first, so the stage (subqueries per
    /// line) is worked out for the lines shown only.
    async fn list(&self, cond: &Conditions, today: NaiveDate, offset: i64, limit: i64, by_search: bool) -> Result<Vec<ApplicationSummary>, StoreError> {
        let l = lifecycle::lifecycle();
        let today_text = today.format("%Y-%m-%d").to_string();
        let page = match (by_search, &cond.search) {
            (true, Some(_)) => format!(
                "SELECT a.rowid FROM application_search s CROSS JOIN application a ON a.number = s.rowid WHERE application_search MATCH ? AND {} ORDER BY a.updated_at DESC, a.id LIMIT ? OFFSET ?",
                cond.sql
            ),
            _ => format!("SELECT a.rowid FROM application a WHERE {} ORDER BY a.updated_at DESC, a.id LIMIT ? OFFSET ?", cond.with_search()),
        };
        let sql = format!(
            "SELECT a.id, a.number, a.organisation_id, o.name AS organisation_name, a.service, a.status, a.archived, a.updated_at,
                    {} AS state
             FROM application a LEFT JOIN organisation o ON o.id = a.organisation_id
             WHERE a.rowid IN ({page})
             ORDER BY a.updated_at DESC, a.id",
            effective_state(),
        );
        // The values in the order of the `?`s: the stage's dates, then the page's condition
        // (the search first when the index leads, last when the list does).
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(&today_text).bind(&today_text);
        if by_search {
            q = q.bind(cond.search.as_deref());
        }
        let mut q = bind_conditions!(q, cond);
        if !by_search {
            if let Some(search) = &cond.search {
                q = q.bind(search.as_str());
            }
        }
        let rows = q.bind(limit).bind(offset).fetch_all(&self.pool).await?;
        let lang = self.language().await.unwrap_or_default();
        rows.iter()
            .map(|r| {
                let state: String = r.try_get("state")?;
                let stage = l.stage_of(&state);
                Ok(ApplicationSummary {
                    id: r.try_get("id")?,
                    number: number_text(r.try_get::<Option<i64>, _>("number")?.unwrap_or_default()),
                    organisation_id: r.try_get("organisation_id")?,
                    organisation_name: r.try_get("organisation_name")?,
                    service: r.try_get("service")?,
                    status: ApplicationStatus::parse(&r.try_get::<String, _>("status")?),
                    stage: stage.map(|s| s.id.clone()).unwrap_or_else(|| state.clone()),
                    stage_label: stage.map(|s| s.label.get(lang).to_string()).unwrap_or_else(|| state.clone()),
                    archived: r.try_get::<i64, _>("archived")? != 0,
                    updated_at: r.try_get("updated_at")?,
                })
            })
            .collect()
    }
}
