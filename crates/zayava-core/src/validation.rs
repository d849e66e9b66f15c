//! Field-level findings: what is wrong with which field, as a stable code plus a sentence
//! in the user's language. Every form and import reports problems through this one type.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{fill, Lang, Text};

/// Why a field was refused. The code is stable: the UI and scripts may match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    Required,
    TooLong,
    Malformed,
}

impl IssueCode {
    pub fn code(self) -> &'static str {
        match self {
            IssueCode::Required => "required",
            IssueCode::TooLong => "too_long",
            IssueCode::Malformed => "malformed",
        }
    }

    fn text(self) -> Text {
        match self {
            IssueCode::Required => Text::new(
                "Поле «{field}» обязательно для заполнения.",
                "The field “{field}” is required.",
            ),
            IssueCode::TooLong => Text::new(
                "Поле «{field}» длиннее {max} символов.",
                "The field “{field}” is longer than {max} characters.",
            ),
            IssueCode::Malformed => Text::new(
                "Поле «{field}» заполнено неверно: {hint}",
                "The field “{field}” is malformed: {hint}",
            ),
        }
    }
}

/// One problem with one field, before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The field's key in the form, e.g. `unp`.
    pub field: &'static str,
    /// The field's label, for the sentence.
    pub label: Text,
    pub code: IssueCode,
    /// Extra words for the sentence: `max` for `TooLong`, `hint` for `Malformed`.
    pub detail: Option<Text>,
    pub max: Option<usize>,
}

/// A finding as it crosses to the UI or the CLI: field, stable code, and the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub code: IssueCode,
    pub message: String,
}

impl FieldIssue {
    pub fn localize(&self, lang: Lang) -> FieldError {
        let max = self.max.map(|m| m.to_string()).unwrap_or_default();
        let hint = self.detail.map(|t| t.get(lang)).unwrap_or("");
        let message = fill(
            self.code.text().get(lang),
            &[("field", self.label.get(lang)), ("max", &max), ("hint", hint)],
        );
        FieldError { field: self.field.to_string(), code: self.code, message }
    }
}

/// Puts a list of findings into words.
pub fn localize_all(issues: &[FieldIssue], lang: Lang) -> Vec<FieldError> {
    issues.iter().map(|i| i.localize(lang)).collect()
}
