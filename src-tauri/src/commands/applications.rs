//! Applications: forms from their schemas, drafts saved as the user types (with Rust's
//! findings returned each time), the pre-flight, ready, duplicate, archive, search, and
//! attaching a file the user picked.


use serde::Serialize;
use serde_json::Value;
use tauri::State;
use ts_rs::TS;
use zayava_core::forms::{self, preflight::Preflight, FormSchema};
use zayava_core::validation::{localize_all, FieldError};
use zayava_store::applications::{Application, ApplicationFilter, ApplicationSummary};
use zayava_store::attachments::AttachmentRef;

use super::{database, guarded, language};
use crate::error::Failure;
use crate::{AppState, IpcError};

/// A stored application with what is wrong with it so far.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApplicationView {
    pub application: Application,
    pub issues: Vec<FieldError>,
    /// What the operator set (registration number, contract number, remarks), as last synced.
    #[ts(type = "Record<string, unknown>")]
    pub operator_fields: serde_json::Map<String, serde_json::Value>,
    /// «З-0042».
    pub number: String,
    /// Sent to the Operator and not being amended: the form is read-only.
    pub locked: bool,
    /// Sent to the Operator: the pre-flight and "ready" no longer apply.
    pub sent: bool,
    /// The stage (as in the list) and its label, as of today.
    pub stage: String,
    pub stage_label: String,
}

async fn view(state: &AppState, application: Application) -> Result<ApplicationView, Failure> {
    let db = database(state)?;
    let lang = language(db).await;
    let issues = match forms::by_version(&application.schema_version) {
        Some(schema) => localize_all(&forms::validate(schema, &application.values), lang),
        None => vec![],
    };
    let operator_fields = db.operator_fields(&application.id).await?;
    let locked = db.form_locked(&application.id).await?;
    let sent = db.was_sent(&application.id).await?;
    let stage = db.stage_on(&application.id, chrono::Local::now().date_naive()).await?;
    Ok(ApplicationView {
        number: zayava_store::applications::number_text(application.number),
        application,
        issues,
        operator_fields,
        locked,
        sent,
        stage: stage.id.clone(),
        stage_label: stage.label.get(lang).to_string(),
    })
}

/// Every form: the organisation profile's and each service's (current versions).
#[tauri::command]
pub fn form_schemas() -> Vec<FormSchema> {
    forms::schemas().to_vec()
}

#[tauri::command]
pub async fn list_applications(state: State<'_, AppState>, filter: ApplicationFilter) -> Result<Vec<ApplicationSummary>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        Ok(db.applications_on(&filter, chrono::Local::now().date_naive()).await?)
    }).await
}

#[tauri::command]
pub async fn create_application(state: State<'_, AppState>, service: String, organisation_id: Option<i64>) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let app = db.create_application(&service, organisation_id, chrono::Utc::now()).await?;
        view(&state, app).await
    }).await
}

#[tauri::command]
pub async fn get_application(state: State<'_, AppState>, id: String) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let app = db.application(&id).await?;
        view(&state, app).await
    }).await
}

#[tauri::command]
pub async fn save_application(state: State<'_, AppState>, id: String, organisation_id: Option<i64>, values: Value) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let app = db.save_application(&id, organisation_id, &values, chrono::Utc::now()).await?;
        view(&state, app).await
    }).await
}

#[tauri::command]
pub async fn preflight_application(state: State<'_, AppState>, id: String) -> Result<Preflight, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        Ok(db.preflight(&id, lang).await?)
    }).await
}

#[tauri::command]
pub async fn mark_application_ready(state: State<'_, AppState>, id: String) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let lang = language(db).await;
        let app = db.mark_ready(&id, chrono::Utc::now(), lang).await?;
        view(&state, app).await
    }).await
}

#[tauri::command]
pub async fn duplicate_application(state: State<'_, AppState>, id: String) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let app = db.duplicate_application(&id, chrono::Utc::now()).await?;
        view(&state, app).await
    }).await
}

/// Unlocks a sent application's form after the user confirmed; the change after sending
/// is recorded in its trail.
#[tauri::command]
pub async fn amend_application(state: State<'_, AppState>, id: String) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        db.amend_sent_application(&id, chrono::Utc::now(), chrono::Local::now().naive_local()).await?;
        let app = db.application(&id).await?;
        view(&state, app).await
    }).await
}

/// The Operator's registration or contract number, typed by hand (sync later brings the
/// Operator's own value, which takes its place).
#[tauri::command]
pub async fn set_operator_number(state: State<'_, AppState>, id: String, field: String, value: String) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        db.set_operator_number(&id, &field, &value, chrono::Utc::now()).await?;
        let app = db.application(&id).await?;
        view(&state, app).await
    }).await
}

#[tauri::command]
pub async fn archive_application(state: State<'_, AppState>, id: String, archived: bool) -> Result<ApplicationView, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let app = db.set_archived(&id, archived, chrono::Utc::now()).await?;
        view(&state, app).await
    }).await
}

/// Copies a file the user picked in the system dialog into the data directory.
#[tauri::command]
pub async fn attach_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<Option<AttachmentRef>, IpcError> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let Some(path) = crate::dialogs::choose_file(&app, None).await else { return Ok(None) };
        Ok(Some(db.attach_file(&path, chrono::Utc::now()).await?))
    }).await
}
