//! "Print" and "Save as…": an application, its contract package or its schedule as a PDF,
//! opened in the system's viewer or written where the user chose.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use ts_rs::TS;
use zayava_core::forms;
use zayava_pdf::{Kind, Listed, Subject};
use zayava_store::applications::ApplicationStatus;

use super::{database, guarded, language};
use crate::error::Failure;
use crate::{AppState, IpcError};

/// What was printed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PrintedPdf {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    /// Characters the font cannot show, printed as □ (empty when all is well).
    pub replaced: String,
}

/// Renders `kind` for application `id`. With `save`, asks where to write it (the system's
/// save dialog; `None` if cancelled); otherwise writes a temporary file and opens it in the
/// system's PDF viewer.
#[tauri::command]
pub async fn print_pdf(app: AppHandle, state: State<'_, AppState>, id: String, kind: String, save: bool) -> Result<Option<PrintedPdf>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        let kind_name = kind.clone();
        let kind = Kind::parse(&kind).ok_or_else(|| Failure::UnknownPdfKind(kind.clone()))?;
        let path = if save {
            match crate::dialogs::choose_target(&app, &format!("zayava-{kind_name}.pdf"), ("PDF", &["pdf"])).await {
                Some(p) => Some(p),
                None => return Ok(None),
            }
        } else {
            None
        };
        if id == "all" {
            // The deadline schedule of every application, each line naming its application.
            let all = db.timelines(&Default::default(), chrono::Local::now().naive_local(), lang).await?;
            let listed: Vec<Listed> = all.iter().map(|(s, t)| Listed { organisation: s.organisation_name.as_deref(), service: &s.service, timeline: t }).collect();
            let pdf = zayava_pdf::schedule_of_all(&listed, lang);
            return deliver(&app, &pdf, path, "all", "schedule").await.map(Some);
        }
        let application = db.application(&id).await?;
        let organisation = match application.organisation_id {
            Some(o) => Some(db.organisation(o).await?.values),
            None => None,
        };
        let timeline = db.timeline(&id, chrono::Local::now().naive_local(), lang).await?;
        let schema = forms::by_version(&application.schema_version).ok_or_else(|| Failure::UnknownForm(application.schema_version.clone()))?;
        let subject = Subject { id: &id, schema, values: &application.values, organisation: organisation.as_ref(), timeline: &timeline, ready: application.status == ApplicationStatus::Ready };
        // A few milliseconds even for a long package (see the README's benchmark).
        let pdf = zayava_pdf::render(kind, &subject, lang);
        deliver(&app, &pdf, path, &id.chars().take(8).collect::<String>(), &format!("{kind:?}").to_lowercase()).await.map(Some)
    }).await
}

/// Writes the PDF where the user chose, or to a temporary file opened in the system viewer.
async fn deliver(app: &AppHandle, pdf: &zayava_pdf::Pdf, path: Option<PathBuf>, name: &str, kind: &str) -> Result<PrintedPdf, Failure> {
    let target = match &path {
        Some(p) => p.clone(),
        None => std::env::temp_dir().join(format!("zayava-{name}-{kind}.pdf")),
    };
    let tmp = target.with_extension("pdf.partial");
    let written = std::fs::write(&tmp, &pdf.bytes).and_then(|_| std::fs::rename(&tmp, &target));
    written.map_err(|e| zayava_store::StoreError::File(format!("{}: {e}", target.display())))?;
    if path.is_none() {
        app.opener().open_path(target.display().to_string(), None::<&str>).map_err(|e| Failure::CannotOpen(e.to_string()))?;
    }
    Ok(PrintedPdf { path: target.display().to_string(), pages: pdf.pages as u32, bytes: pdf.bytes.len() as u32, replaced: pdf.replaced.iter().collect() })
}
