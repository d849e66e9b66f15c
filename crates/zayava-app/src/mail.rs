//! E-mail drafts to the Operator's inboxes, made offline: an `.eml` file (RFC 5322, MIME
//! multipart, Cyrillic subjects in RFC 2047) marked `X-Unsent: 1`, which Outlook opens as a
//! draft to send, and Thunderbird and other mail programs open as a message to forward.
//! Nothing is sent from here; once the user has sent it, the face offers to record the
//! event it fulfils (`record`), dated today.
//!
//! Where a letter may go is the seeds' word, kept as data: an application by e-mail only
//! where its procedure allows it (the constructor: info@nces.by, seed 002 cl. 3.3), a
//! notice to the address its rule names (ds@nces.by, seed 001 cl. 3.1–3.4).

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use zayava_core::correspondence::Correspondence;
use zayava_core::forms::{FieldRole, FieldType};
use zayava_core::i18n::{Lang, Text};
use zayava_core::organisation;
use zayava_core::rules::Rulebook;
use zayava_core::validation::identifiers;
use zayava_pdf::Kind;
use zayava_store::Database;

use crate::printing::{self, Target};
use crate::subject::{self, Source};
use crate::{files, AppError, Now};

/// The most a draft's attachments may weigh: what common mail servers take (about 25 MB
/// once base64 has grown them by a third).
pub const MAX_ATTACHMENTS_BYTES: usize = 20 * 1024 * 1024;

/// Which letter to draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Letter {
    /// The application with its PDF and attached files, to the inbox its seed names.
    Application,
    /// The notice a deadline calls for (its rule and round, as the timeline lists them).
    Notice { rule: String, round: u32 },
}

/// A draft, ready to write.
pub struct Draft {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// File name and bytes of each attachment.
    pub attachments: Vec<(String, Vec<u8>)>,
    /// The `.eml` file's name, in the user's language.
    pub file_name: String,
    pub record: MailRecord,
    from: Option<(String, String)>,
    message_id: String,
    date: i64,
}

/// The event that sending the letter fulfils, for the face to offer to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MailRecord {
    pub event: String,
    /// The event in words: «Заявка направлена Оператору».
    pub label: String,
    /// Today (YYYY-MM-DD), or now (YYYY-MM-DDTHH:MM) for an event recorded to the minute.
    pub at: String,
}

/// What was written, for the face to report.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PreparedMail {
    pub path: String,
    pub to: String,
    pub subject: String,
    pub bytes: u32,
    pub record: MailRecord,
}

const APPLICATION_SUBJECT: Text = Text::id("app-mail-application-subject");
const APPLICATION_BODY: Text = Text::id("app-mail-application-body");
const NOTICE_SUBJECT: Text = Text::id("app-mail-notice-subject");
const CONTACT: Text = Text::id("app-mail-contact");
const FILE_NAME: Text = Text::id("app-mail-file-name");

/// Drafts `letter` for stored application `id`.
pub async fn draft(db: &Database, id: &str, letter: &Letter, lang: Lang, now: Now) -> Result<Draft, AppError> {
    let loaded = subject::stored(db, id, lang, now).await?;
    let number = loaded.number.clone().unwrap_or_default();
    let values = loaded.organisation.clone().unwrap_or(Value::Null);
    let org = |role: FieldRole| if values.is_null() { String::new() } else { organisation::text_of(&values, role).to_string() };
    let org_name = if values.is_null() { String::new() } else { organisation::display_name(&values) };
    let email = org(FieldRole::Email);
    let from = (!email.is_empty()).then(|| (org_name.clone(), email.clone()));
    let service = &loaded.service;
    let book = Rulebook::shared();
    let spec = book.service(service);
    let event_label = |event: &str| spec.and_then(|s| s.events.iter().find(|e| e.id == event)).map(|e| e.label.get(lang).to_string()).unwrap_or_else(|| event.to_string());
    let (to, subject, body, attachments, event) = match letter {
        Letter::Application => {
            let (inbox, clause) = Correspondence::shared().application_inbox(service).ok_or(AppError::NoInbox)?;
            let document = printing::render(Some(db), &Target::One(Source::Stored(id.to_string())), Kind::Application, lang, now).await?;
            let mut attachments = vec![(document.file_name.clone(), document.pdf.bytes)];
            // The files attached to the form go with it, by the names the user gave them.
            for field in loaded.schema.fields.iter().filter(|f| f.field_type == FieldType::Attachment) {
                let Some(file) = loaded.values.get(&field.id) else { continue };
                let (Some(sha), Some(name)) = (file.get("sha256").and_then(Value::as_str), file.get("name").and_then(Value::as_str)) else { continue };
                let path = db.attachment_path(sha)?;
                let bytes = std::fs::read(&path).map_err(|e| AppError::Store(zayava_store::StoreError::File(format!("{}: {e}", path.display()))))?;
                attachments.push((name.to_string(), bytes));
            }
            let service_name = book.service_name(service, lang);
            let source = spec.map(|s| s.source.get(lang).to_string()).unwrap_or_default();
            let subject = APPLICATION_SUBJECT.fill(lang, &[("number", &number), ("service", &service_name), ("organisation", &org_name)]);
            let contact = [org(FieldRole::Contact), identifiers::phone_display(&org(FieldRole::Phone)), email.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
            let mut body = APPLICATION_BODY.fill(
                lang,
                &[("organisation", &org_name), ("number", &number), ("service", &service_name), ("clause", clause), ("source", &source), ("file", &document.file_name)],
            );
            if !contact.is_empty() {
                body.push_str("\n\n");
                body.push_str(&CONTACT.fill(lang, &[("contact", &contact)]));
            }
            (inbox.to_string(), subject, body, attachments, "application_sent".to_string())
        }
        Letter::Notice { rule, round } => {
            let deadline = loaded.timeline.deadlines.iter().find(|d| &d.item.rule == rule && d.round == *round).ok_or_else(|| {
                AppError::Store(zayava_store::StoreError::NotFound { entity: "notice", id: format!("{rule}/{round}") })
            })?;
            let notice = deadline.notice.as_ref().filter(|n| !n.to.is_empty()).ok_or(AppError::NoInbox)?;
            let met_by = spec.and_then(|s| s.rules.iter().find(|r| &r.id == rule)).and_then(|r| r.met_by.first().cloned()).ok_or(AppError::NoInbox)?;
            let subject = NOTICE_SUBJECT.fill(lang, &[("subject", &notice.subject), ("number", &number)]);
            (notice.to.clone(), subject, notice.text.clone(), Vec::new(), met_by)
        }
    };
    within_limit(&attachments)?;
    let timed = spec.and_then(|s| s.events.iter().find(|e| e.id == event)).is_some_and(|e| e.kind == zayava_core::rules::EventKind::Time);
    let at = if timed { now.local.format("%Y-%m-%dT%H:%M").to_string() } else { now.local.date().format("%Y-%m-%d").to_string() };
    let what = match letter {
        Letter::Application => Text::id("app-mail-kind-application"),
        Letter::Notice { .. } => Text::id("app-mail-kind-notice"),
    };
    let file_name = printing::file_safe(FILE_NAME.fill(lang, &[("number", &number), ("kind", what.get(lang))]));
    Ok(Draft {
        to,
        subject,
        body,
        attachments,
        file_name,
        record: MailRecord { label: event_label(&event), event, at },
        from,
        message_id: format!("{}.{}@zayava.invalid", id, now.utc.timestamp_millis()),
        date: now.utc.timestamp(),
    })
}

impl Draft {
    /// The message as RFC 5322 bytes: an unsent draft, UTF-8 text, base64 attachments.
    pub fn to_eml(&self) -> Vec<u8> {
        let mut message = mail_builder::MessageBuilder::new()
            .to(self.to.as_str())
            .subject(self.subject.as_str())
            .date(mail_builder::headers::date::Date::new(self.date))
            .message_id(self.message_id.as_str())
            .header("X-Unsent", mail_builder::headers::raw::Raw::new("1"))
            .text_body(self.body.replace('\n', "\r\n"));
        if let Some((name, address)) = &self.from {
            message = message.from((name.as_str(), address.as_str()));
        }
        for (name, bytes) in &self.attachments {
            let mime = if name.to_lowercase().ends_with(".pdf") { "application/pdf" } else { "application/octet-stream" };
            message = message.attachment(mime, name.as_str(), bytes.as_slice());
        }
        message.write_to_vec().expect("writing to memory cannot fail")
    }
}

/// Refuses attachments heavier than a mail server takes, before anything is written.
fn within_limit(attachments: &[(String, Vec<u8>)]) -> Result<(), AppError> {
    let weight: usize = attachments.iter().map(|(_, b)| b.len()).sum();
    if weight > MAX_ATTACHMENTS_BYTES {
        return Err(AppError::MailTooLarge { mb: MAX_ATTACHMENTS_BYTES / (1024 * 1024) });
    }
    Ok(())
}

/// Writes the draft to `target`, whole or not at all; a draft over the limit is refused and
/// nothing is written.
pub fn write(draft: &Draft, target: &Path) -> Result<PreparedMail, AppError> {
    within_limit(&draft.attachments)?;
    let bytes = draft.to_eml();
    files::write_atomically(target, &bytes)?;
    Ok(PreparedMail { path: target.display().to_string(), to: draft.to.clone(), subject: draft.subject.clone(), bytes: bytes.len() as u32, record: draft.record.clone() })
}
