//! Applications in the window: each command is `zayava_app::applications`, plus the file
//! dialog for attaching.

use serde_json::Value;
use tauri::State;
use zayava_app::applications::{self, ApplicationPage, ApplicationView, Page};
use zayava_app::{Now, Problem};
use zayava_core::forms::{self, preflight::Preflight, FormSchema};
use zayava_store::applications::ApplicationFilter;
use zayava_store::attachments::AttachmentRef;

use super::{database, guarded, language};
use crate::AppState;

/// Every form: the organisation profile's and each service's (current versions).
#[tauri::command]
pub fn form_schemas() -> Vec<FormSchema> {
    forms::schemas().to_vec()
}

/// The part of the list the window shows (the list is filtered and paged in Rust).
#[tauri::command]
pub async fn list_applications(state: State<'_, AppState>, filter: ApplicationFilter, page: Page) -> Result<ApplicationPage, Problem> {
    guarded(state.inner(), async move { applications::page(database(&state)?, &filter, page, Now::read()).await }).await
}

#[tauri::command]
pub async fn create_application(state: State<'_, AppState>, service: String, organisation_id: Option<i64>) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::create(db, &service, organisation_id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn get_application(state: State<'_, AppState>, id: String) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::show(db, &id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn save_application(state: State<'_, AppState>, id: String, organisation_id: Option<i64>, values: Value) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::save(db, &id, organisation_id, &values, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn preflight_application(state: State<'_, AppState>, id: String) -> Result<Preflight, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::preflight(db, &id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn mark_application_ready(state: State<'_, AppState>, id: String) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::mark_ready(db, &id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn duplicate_application(state: State<'_, AppState>, id: String) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::duplicate(db, &id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn amend_application(state: State<'_, AppState>, id: String) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::amend(db, &id, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn set_operator_number(state: State<'_, AppState>, id: String, field: String, value: String) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::set_operator_number(db, &id, &field, &value, language(db).await, Now::read()).await
    }).await
}

#[tauri::command]
pub async fn archive_application(state: State<'_, AppState>, id: String, archived: bool) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        applications::archive(db, &id, archived, language(db).await, Now::read()).await
    }).await
}

/// Copies a file the user picked in the system dialog into the data directory.
#[tauri::command]
pub async fn attach_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<Option<AttachmentRef>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let Some(path) = crate::dialogs::choose_file(&app, None).await else { return Ok(None) };
        applications::attach(db, &path, Now::read()).await.map(Some)
    }).await
}

/// Gives the application's letters an outgoing number: `number` as typed, or the next of its
/// organisation's count when `number` is null; dated `date` (YYYY-MM-DD) or today.
#[tauri::command]
pub async fn set_outgoing(state: State<'_, AppState>, id: String, number: Option<String>, date: Option<String>) -> Result<ApplicationView, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let date = applications::outgoing_date(date.as_deref())?;
        applications::set_outgoing(db, &id, number.as_deref(), date, language(db).await, Now::read()).await
    }).await
}
