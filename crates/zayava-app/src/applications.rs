//! Applications: create, open, save as the user types (with what is wrong so far), the
//! pre-flight, ready, duplicate, amend after sending, the Operator's numbers typed by hand,
//! archive, list and search, attach a file. Each returns the application as it is shown.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use zayava_core::forms::{self, preflight::Preflight};
use chrono::NaiveDate;
use zayava_core::i18n::{Lang, Text};
use zayava_core::validation::{localize_all, FieldError, FieldIssue, IssueCode};
use zayava_store::applications::{number_text, Application, ApplicationFilter, ApplicationSummary};
use zayava_store::attachments::AttachmentRef;
use zayava_core::operator_number::OperatorNumber;
use zayava_store::{Database, StoreError};

use crate::{AppError, Now};

/// A stored application with what is wrong with it so far.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApplicationView {
    pub application: Application,
    pub issues: Vec<FieldError>,
    /// What the operator set (registration number, contract number, remarks), as last synced.
    #[ts(type = "Record<string, unknown>")]
    pub operator_fields: serde_json::Map<String, Value>,
    /// «З-0042».
    pub number: String,
    /// Sent to the Operator and not being amended: the form is read-only.
    pub locked: bool,
    /// Sent to the Operator: the pre-flight and "ready" no longer apply.
    pub sent: bool,
    /// The stage (as in the list) and its label, as of today.
    pub stage: String,
    pub stage_label: String,
    /// The inbox its seed lets the application be e-mailed to («Подготовить письмо»), if any.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inbox: Option<String>,
}

/// An application as shown, checked against the form version it was saved under.
pub async fn view(db: &Database, application: Application, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    let issues = match forms::by_version(&application.schema_version) {
        Some(schema) => localize_all(&forms::validate(schema, &application.values, now.today()), lang),
        None => vec![],
    };
    let operator_fields = db.operator_fields(&application.id).await?;
    let locked = db.form_locked(&application.id).await?;
    let sent = db.was_sent(&application.id).await?;
    let stage = db.stage_on(&application.id, now.today()).await?;
    let application_service = application.service.clone();
    Ok(ApplicationView {
        number: number_text(application.number),
        application,
        issues,
        operator_fields,
        locked,
        sent,
        stage: stage.id.clone(),
        stage_label: stage.label.get(lang).to_string(),
        inbox: zayava_core::correspondence::Correspondence::shared().application_inbox(&application_service).map(|(inbox, _)| inbox.to_string()),
    })
}

/// The applications the filter finds, with their stage as of today.
pub async fn list(db: &Database, filter: &ApplicationFilter, now: Now) -> Result<Vec<ApplicationSummary>, AppError> {
    Ok(db.applications_on(filter, now.today()).await?)
}

/// Which part of a list to show: `limit` lines from `offset`.
#[derive(Debug, Clone, Copy, serde::Deserialize, TS)]
pub struct Page {
    pub offset: u32,
    pub limit: u32,
}

/// One part of a list, and how long the whole list is.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ApplicationPage {
    pub items: Vec<ApplicationSummary>,
    pub total: u32,
}

/// The part of the list a window shows: only it crosses to the page, however long the list.
pub async fn page(db: &Database, filter: &ApplicationFilter, page: Page, now: Now) -> Result<ApplicationPage, AppError> {
    let (items, total) = db.applications_page(filter, now.today(), page.offset, page.limit.clamp(1, 1000)).await?;
    Ok(ApplicationPage { items, total })
}

pub async fn show(db: &Database, id: &str, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    let app = db.application(id).await?;
    view(db, app, lang, now).await
}

/// A new draft of `service`'s current form, for an organisation (one is required), filled
/// with what that organisation's profile already says.
pub async fn create(db: &Database, service: &str, organisation_id: Option<i64>, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let organisation_id = organisation_id.ok_or(AppError::NoOrganisation)?;
    let app = db.create_application(service, Some(organisation_id), now.utc).await?;
    view(db, app, lang, now).await
}

/// Saves a draft as typed; the answer carries what is wrong so far.
pub async fn save(db: &Database, id: &str, organisation_id: Option<i64>, values: &Value, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let app = db.save_application(id, organisation_id, values, now.utc).await?;
    view(db, app, lang, now).await
}

pub async fn preflight(db: &Database, id: &str, lang: Lang, now: Now) -> Result<Preflight, AppError> {
    Ok(db.preflight(id, now.today(), lang).await?)
}

/// Marks a draft ready (refused while the pre-flight finds grounds for annulment).
pub async fn mark_ready(db: &Database, id: &str, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let app = db.mark_ready(id, now.utc, now.today(), lang).await?;
    view(db, app, lang, now).await
}

/// A new draft with the same values, under the current form.
pub async fn duplicate(db: &Database, id: &str, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let app = db.duplicate_application(id, now.utc).await?;
    view(db, app, lang, now).await
}

/// Unlocks a sent application's form after the user confirmed; the change after sending
/// is recorded in its trail.
pub async fn amend(db: &Database, id: &str, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    db.amend_sent_application(id, now.utc, now.local).await?;
    show(db, id, lang, now).await
}

/// The Operator's registration or contract number typed by hand (sync later brings the
/// Operator's own value, which takes its place).
pub async fn set_operator_number(db: &Database, id: &str, field: &str, value: &str, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let (number, value) = OperatorNumber::checked(field, value).map_err(|issue| AppError::Store(StoreError::Invalid(vec![issue])))?;
    db.set_operator_number(id, number, &value, now.utc).await?;
    show(db, id, lang, now).await
}

/// Gives the application's letters an outgoing number: the one typed (`number`), or the
/// next of its organisation's count (`None`), dated `date` or today. A letter is not dated
/// ahead: a date after today is refused, naming the field.
pub async fn set_outgoing(db: &Database, id: &str, number: Option<&str>, date: Option<NaiveDate>, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let today = now.local.date();
    let date = date.unwrap_or(today);
    if date > today {
        let issue = FieldIssue::new("outgoing_date", Text::id("app-outgoing-date"), IssueCode::Malformed).with_detail(Text::id("app-outgoing-date-ahead"));
        return Err(AppError::Store(StoreError::Invalid(vec![issue])));
    }
    let app = db.set_outgoing(id, number, date, now.utc).await?;
    view(db, app, lang, now).await
}

/// A date as the window sends it (YYYY-MM-DD) or as typed in a terminal (dd.mm.yyyy);
/// none means today.
pub fn outgoing_date(text: Option<&str>) -> Result<Option<NaiveDate>, AppError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map(Some)
        .map_err(|_| AppError::Store(StoreError::Invalid(vec![FieldIssue::new("outgoing_date", Text::id("app-outgoing-date"), IssueCode::Malformed).with_detail(Text::id("app-outgoing-date-format"))])))
}

pub async fn archive(db: &Database, id: &str, archived: bool, lang: Lang, now: Now) -> Result<ApplicationView, AppError> {
    crate::sync::may_change(db).await?;
    let app = db.set_archived(id, archived, now.utc).await?;
    view(db, app, lang, now).await
}

/// Copies a file the user picked into the data directory.
pub async fn attach(db: &Database, file: &Path, now: Now) -> Result<AttachmentRef, AppError> {
    crate::sync::may_change(db).await?;
    Ok(db.attach_file(file, now.utc).await?)
}
