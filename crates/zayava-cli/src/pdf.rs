//! `zayava pdf`: an application, its contract package or its deadline schedule as a PDF,
//! from a stored application (by id) or an application file
//! (`{"service", "organisation", "values", "events"?}`).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use zayava_core::calendar::Calendar;
use zayava_core::deadlines::WorkingWindow;
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, NoticeContext, RecordedEvent, Recorder, Timeline};
use zayava_core::rules::Rulebook;
use zayava_pdf::{Kind, Listed, Subject};
use zayava_store::{location, Database};

use crate::Failure;

fn usage(message: String) -> Failure {
    Failure { message, exit: 2 }
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

/// An application as printed or shown: stored, or read from an application file.
pub(crate) struct Loaded {
    pub id: String,
    pub service: String,
    pub schema_version: String,
    pub values: Value,
    pub organisation: Option<Value>,
    pub timeline: Timeline,
    pub ready: bool,
}

/// Loads `application`: a file when it names one (or ends in .json), else a stored id.
pub(crate) async fn load(db: Option<PathBuf>, application: &str, lang: Lang) -> Result<Loaded, Failure> {
    let as_path = Path::new(application);
    if application.ends_with(".json") || as_path.is_file() {
        from_file(as_path, lang)
    } else {
        from_database(db, application, lang).await
    }
}

async fn from_database(db: Option<PathBuf>, id: &str, lang: Lang) -> Result<Loaded, Failure> {
    let path = location::database_path(db).filter(|p| p.exists()).ok_or_else(|| usage(format!("{id}: no database to look it up in (pass --db, or give an application file)")))?;
    let db = Database::open(&path).await?;
    let loaded = stored(&db, id, lang).await;
    db.close().await; // checkpoints the log before the process ends
    loaded
}

async fn stored(db: &Database, id: &str, lang: Lang) -> Result<Loaded, Failure> {
    let app = db.application(id).await.map_err(|e| usage(format!("{id}: {e}")))?;
    let organisation = match app.organisation_id {
        Some(o) => Some(db.organisation(o).await?.values),
        None => None,
    };
    let timeline = db.timeline(id, chrono::Local::now().naive_local(), lang).await?;
    Ok(Loaded { id: app.id, service: app.service, schema_version: app.schema_version, values: app.values, organisation, timeline, ready: app.status == zayava_store::applications::ApplicationStatus::Ready })
}

fn from_file(path: &Path, lang: Lang) -> Result<Loaded, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| usage(format!("{}: {e}", path.display())))?;
    let file: ApplicationFile = serde_json::from_str(&text).map_err(|e| usage(format!("{}: {e}", path.display())))?;
    let schema = forms::current_application(&file.service).ok_or_else(|| usage(format!("unknown service {}", file.service)))?;
    let events: Vec<RecordedEvent> = file
        .events
        .into_iter()
        .enumerate()
        .map(|(i, e)| RecordedEvent { id: i as i64 + 1, event: e.event, at: e.at, recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() })
        .collect();
    let facts = lifecycle::facts(Some(schema), &file.values, file.organisation.as_ref());
    let timeline = lifecycle::timeline(Rulebook::shared(), &Calendar::embedded(), WorkingWindow::default(), &file.service, true, &events, facts, chrono::Local::now().naive_local(), &NoticeContext::default(), lang)
        .map_err(|e| usage(format!("{}: {}", path.display(), e.message(lang))))?;
    Ok(Loaded { id: file.id.unwrap_or_else(|| "—".into()), service: file.service, schema_version: schema.version.clone(), values: file.values, organisation: file.organisation, timeline, ready: false })
}

async fn schedule_of_all(db: Option<PathBuf>, lang: Lang) -> Result<zayava_pdf::Pdf, Failure> {
    let path = location::database_path(db).filter(|p| p.exists()).ok_or_else(|| usage("no database to read the applications from (pass --db)".into()))?;
    let db = Database::open(&path).await?;
    let all = db.timelines(&Default::default(), chrono::Local::now().naive_local(), lang).await;
    db.close().await;
    let all = all?;
    let listed: Vec<Listed> = all.iter().map(|(s, t)| Listed { organisation: s.organisation_name.as_deref(), service: &s.service, timeline: t }).collect();
    Ok(zayava_pdf::schedule_of_all(&listed, lang))
}

pub async fn run(db: Option<PathBuf>, application: &str, kind: &str, output: &Path, lang: Lang) -> Result<(), Failure> {
    let kind = Kind::parse(kind).ok_or_else(|| usage(format!("--kind {kind:?}: expected application, package or schedule")))?;
    if application == "all" {
        if kind != Kind::Schedule {
            return Err(usage("--application all is for --kind schedule".into()));
        }
        let pdf = schedule_of_all(db, lang).await?;
        return write(output, &pdf, "all");
    }
    let loaded = load(db, application, lang).await?;
    let schema = forms::by_version(&loaded.schema_version).ok_or_else(|| usage(format!("unknown form version {}", loaded.schema_version)))?;
    let subject = Subject { id: &loaded.id, schema, values: &loaded.values, organisation: loaded.organisation.as_ref(), timeline: &loaded.timeline, ready: loaded.ready };
    let pdf = zayava_pdf::render(kind, &subject, lang);
    write(output, &pdf, &loaded.service)
}

fn write(output: &Path, pdf: &zayava_pdf::Pdf, what: &str) -> Result<(), Failure> {
    let tmp = output.with_extension("pdf.partial");
    std::fs::write(&tmp, &pdf.bytes).and_then(|_| std::fs::rename(&tmp, output)).map_err(|e| Failure { message: format!("{}: {e}", output.display()), exit: 1 })?;
    eprintln!("{}: {} page(s), {} bytes ({what})", output.display(), pdf.pages, pdf.bytes.len());
    if !pdf.replaced.is_empty() {
        let chars: String = pdf.replaced.iter().collect();
        eprintln!("note: the font cannot show {chars:?}; they are printed as □");
    }
    Ok(())
}
