//! An application as printed or shown on a timeline: a stored one, or one read from an
//! application file (`{"service", "id"?, "organisation"?, "values", "events"?}`), which lets
//! an office print or check an application it has not stored.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use zayava_core::calendar::Calendar;
use zayava_core::deadlines::WorkingWindow;
use zayava_core::forms::{self, FormSchema};
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, NoticeContext, RecordedEvent, Recorder, Timeline};
use zayava_core::operator_number::OperatorNumber;
use zayava_core::rules::Rulebook;
use zayava_store::{Database, StoreError};

use crate::{AppError, Now};

/// Where an application comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Stored(String),
    File(PathBuf),
}

impl Source {
    /// What a user typed: a file when it names one (or ends in `.json`), else a stored id.
    pub fn from_argument(text: &str) -> Source {
        let path = Path::new(text);
        if text.ends_with(".json") || path.is_file() {
            Source::File(path.to_path_buf())
        } else {
            Source::Stored(text.to_string())
        }
    }
}

/// An application with everything printing and the timeline need.
pub struct Loaded {
    pub id: String,
    /// The short number («З-0042») of a stored application.
    pub number: Option<String>,
    /// The Operator's registration and contract numbers, when known.
    pub operator_numbers: Vec<(OperatorNumber, String)>,
    pub service: String,
    pub schema: &'static FormSchema,
    pub values: Value,
    pub organisation: Option<Value>,
    pub timeline: Timeline,
    /// The letters' outgoing number and date, once given.
    pub outgoing: Option<zayava_store::applications::Outgoing>,
    /// When it was loaded, in local time: a document printed from it is dated so.
    pub loaded_at: chrono::NaiveDateTime,
}

impl Loaded {
    pub fn subject(&self) -> zayava_pdf::Subject<'_> {
        zayava_pdf::Subject {
            id: &self.id,
            number: self.number.as_deref(),
            operator_numbers: self.operator_numbers.clone(),
            schema: self.schema, values: &self.values, organisation: self.organisation.as_ref(), timeline: &self.timeline,
            outgoing: self.outgoing.as_ref().map(|o| (o.number.clone(), zayava_core::date_format::human_date(o.date))),
            created: self.loaded_at,
        }
    }
}

/// Loads from `source`; a stored application needs `db`.
pub async fn load(db: Option<&Database>, source: &Source, lang: Lang, now: Now) -> Result<Loaded, AppError> {
    match source {
        Source::File(path) => from_file(path, lang, now),
        Source::Stored(id) => match db {
            Some(db) => stored(db, id, lang, now).await,
            None => Err(AppError::Store(StoreError::NotFound { entity: "application", id: id.clone() })),
        },
    }
}

/// A stored application, under the form version it was saved with.
pub async fn stored(db: &Database, id: &str, lang: Lang, now: Now) -> Result<Loaded, AppError> {
    let app = db.application(id).await?;
    let organisation = match app.organisation_id {
        Some(o) => Some(db.organisation(o).await?.values),
        None => None,
    };
    let timeline = db.timeline(id, now.local, lang).await?;
    let schema = forms::by_version(&app.schema_version).ok_or_else(|| AppError::UnknownForm(app.schema_version.clone()))?;
    let fields = db.operator_fields(id).await?;
    let operator_numbers = [OperatorNumber::Registration, OperatorNumber::Contract]
        .into_iter()
        .filter_map(|n| fields.get(n.field()).and_then(Value::as_str).filter(|v| !v.trim().is_empty()).map(|v| (n, v.to_string())))
        .collect();
    Ok(Loaded {
        number: Some(zayava_store::applications::number_text(app.number)),
        operator_numbers,
        id: app.id,
        service: app.service,
        schema,
        values: app.values,
        organisation,
        timeline,
        outgoing: app.outgoing,
        loaded_at: now.local,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEvent {
    event: String,
    at: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplicationFile {
    service: String,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    organisation: Option<Value>,
    values: Value,
    #[serde(default)]
    events: Vec<FileEvent>,
}

/// The most an application file may hold: a form and its history, not a database.
const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

fn bad_file(path: &Path, detail: impl std::fmt::Display) -> AppError {
    AppError::BadApplicationFile(format!("{}: {detail}", path.display()))
}

/// An application file, counted with the embedded calendar and the default support hours.
pub fn from_file(path: &Path, lang: Lang, now: Now) -> Result<Loaded, AppError> {
    let size = std::fs::metadata(path).map_err(|e| bad_file(path, e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(AppError::Store(StoreError::TooLarge { limit: MAX_FILE_BYTES as usize }));
    }
    let text = std::fs::read_to_string(path).map_err(|e| bad_file(path, e))?;
    let file: ApplicationFile = serde_json::from_str(&text).map_err(|e| bad_file(path, e))?;
    let schema = forms::current_application(&file.service).ok_or_else(|| AppError::Store(StoreError::UnknownService(file.service.clone())))?;
    let events: Vec<RecordedEvent> = file
        .events
        .into_iter()
        .enumerate()
        .map(|(i, e)| RecordedEvent { id: i as i64 + 1, event: e.event, at: e.at, recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() })
        .collect();
    let facts = lifecycle::facts(Some(schema), &file.values, file.organisation.as_ref());
    let timeline = lifecycle::timeline(Rulebook::shared(), &Calendar::embedded(), WorkingWindow::default(), &file.service, true, &events, facts, now.local, &NoticeContext::default(), lang)
        .map_err(AppError::Query)?;
    Ok(Loaded { id: file.id.unwrap_or_else(|| "—".into()), number: None, operator_numbers: Vec::new(), service: file.service, schema, values: file.values, organisation: file.organisation, timeline, outgoing: None, loaded_at: now.local })
}
