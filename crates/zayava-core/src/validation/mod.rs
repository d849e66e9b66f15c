//! Field-level findings: what is wrong with which field, as a stable code plus a sentence
//! in the user's language. Every form, import and CLI check reports problems through these
//! types; the checks of single identifiers live in `identifiers`.

pub mod batch;
pub mod identifiers;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{Lang, Text, Words};

/// Why a field was refused. The code is stable: the UI and scripts may match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    Required,
    TooLong,
    Malformed,
    /// The shape is right but a check digit does not match.
    Checksum,
    TooFew,
    TooMany,
    /// A count that must equal the number of items of a list does not (`limit` holds it).
    CountMismatch,
    /// A date of a document that already exists lies after today.
    InFuture,
}

impl IssueCode {
    pub fn code(self) -> &'static str {
        match self {
            IssueCode::Required => "required",
            IssueCode::TooLong => "too_long",
            IssueCode::Malformed => "malformed",
            IssueCode::Checksum => "checksum",
            IssueCode::TooFew => "too_few",
            IssueCode::TooMany => "too_many",
            IssueCode::CountMismatch => "count_mismatch",
            IssueCode::InFuture => "in_future",
        }
    }

    fn text(self) -> Text {
        match self {
            IssueCode::Required => Text::id("core-validation-the-field-field-is-required"),
            IssueCode::TooLong => Text::id("core-validation-the-field-field-is-longer"),
            IssueCode::Malformed => Text::id("core-validation-the-field-field-is-malformed"),
            IssueCode::Checksum => Text::id("core-validation-the-field-field-hint"),
            IssueCode::TooFew => Text::id("core-validation-the-list-field-needs-at"),
            IssueCode::TooMany => Text::id("core-validation-the-list-field-may-hold"),
            IssueCode::CountMismatch => Text::id("core-validation-the-field-field-must-equal"),
            IssueCode::InFuture => Text::id("core-validation-the-date-field-is-in-future"),
        }
    }
}

/// One problem with one field, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field's path in the form, e.g. `unp` or `users[1].email`.
    pub field: String,
    /// The field's label, for the sentence.
    pub label: Words,
    pub code: IssueCode,
    /// Extra words for `Malformed` and `Checksum`.
    pub detail: Option<Text>,
    /// The limit for `TooLong`, `TooFew`, `TooMany`.
    pub limit: Option<usize>,
}

impl FieldIssue {
    pub fn new(field: impl Into<String>, label: impl Into<Words>, code: IssueCode) -> FieldIssue {
        FieldIssue { field: field.into(), label: label.into(), code, detail: None, limit: None }
    }

    pub fn with_detail(mut self, detail: Text) -> FieldIssue {
        self.detail = Some(detail);
        self
    }

    pub fn with_limit(mut self, limit: usize) -> FieldIssue {
        self.limit = Some(limit);
        self
    }

    pub fn localize(&self, lang: Lang) -> FieldError {
        FieldError { field: self.field.clone(), code: self.code, message: self.message(lang) }
    }

    pub fn message(&self, lang: Lang) -> String {
        let limit = self.limit.map(|m| m.to_string()).unwrap_or_default();
        let hint = self.detail.map(|t| t.get(lang)).unwrap_or("");
        self.code.text().fill(lang, &[("field", self.label.get(lang)), ("limit", &limit), ("hint", hint)])
    }
}

/// A finding as it crosses to the UI or the CLI: field, stable code, and the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub code: IssueCode,
    pub message: String,
}

/// Puts a list of findings into words.
pub fn localize_all(issues: &[FieldIssue], lang: Lang) -> Vec<FieldError> {
    issues.iter().map(|i| i.localize(lang)).collect()
}
