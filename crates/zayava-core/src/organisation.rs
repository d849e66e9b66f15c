//! The organisation profile: the consumer's details, entered once and reused by every
//! application. This is the first slice of DOMAIN.md §4's common block; the full set of
//! fields and validators grows here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Text;
use crate::validation::{FieldIssue, IssueCode};

/// What the user types for an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrganisationDraft {
    pub name: String,
    /// УНП, the taxpayer number (9 characters).
    pub unp: String,
    pub address: String,
    pub email: String,
}

/// A stored organisation profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    pub id: i64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub profile: OrganisationDraft,
    /// When it was last changed, as RFC 3339 UTC.
    pub updated_at: String,
}

/// One field of the profile form, as data: key, label and length limit.
pub struct FieldSpec {
    pub key: &'static str,
    pub label: Text,
    pub required: bool,
    pub max_len: usize,
}

/// The profile's fields in form order. The UI's labels for these keys live in its i18n layer.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec { key: "name", label: Text::new("Наименование", "Name"), required: true, max_len: 500 },
    FieldSpec { key: "unp", label: Text::new("УНП", "UNP (taxpayer number)"), required: true, max_len: 9 },
    FieldSpec { key: "address", label: Text::new("Адрес", "Address"), required: true, max_len: 500 },
    FieldSpec { key: "email", label: Text::new("Электронная почта", "E-mail"), required: true, max_len: 254 },
];

impl OrganisationDraft {
    fn value(&self, key: &str) -> &str {
        match key {
            "name" => &self.name,
            "unp" => &self.unp,
            "address" => &self.address,
            "email" => &self.email,
            _ => "",
        }
    }

    /// The same draft with surrounding whitespace removed, as it is stored.
    pub fn trimmed(&self) -> OrganisationDraft {
        OrganisationDraft {
            name: self.name.trim().to_string(),
            unp: self.unp.trim().to_string(),
            address: self.address.trim().to_string(),
            email: self.email.trim().to_string(),
        }
    }

    /// Every problem with the draft; empty means it may be stored.
    pub fn check(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        for spec in FIELDS {
            let value = self.value(spec.key).trim();
            if spec.required && value.is_empty() {
                issues.push(FieldIssue { field: spec.key, label: spec.label, code: IssueCode::Required, detail: None, max: None });
            } else if value.chars().count() > spec.max_len {
                issues.push(FieldIssue { field: spec.key, label: spec.label, code: IssueCode::TooLong, detail: None, max: Some(spec.max_len) });
            }
        }
        issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::validation::localize_all;

    fn complete() -> OrganisationDraft {
        OrganisationDraft {
            name: "ОАО «Пример»".into(),
            unp: "100000001".into(),
            address: "220140, г. Минск, ул. Притыцкого, 64".into(),
            email: "office@example.by".into(),
        }
    }

    #[test]
    fn a_complete_profile_has_no_issues() {
        assert!(complete().check().is_empty());
    }

    #[test]
    fn each_blank_required_field_is_named_in_both_languages() {
        let draft = OrganisationDraft { name: "  ".into(), ..Default::default() };
        let issues = draft.check();
        let fields: Vec<_> = issues.iter().map(|i| i.field).collect();
        assert_eq!(fields, ["name", "unp", "address", "email"]);
        let ru = localize_all(&issues, Lang::Ru);
        assert_eq!(ru[1].message, "Поле «УНП» обязательно для заполнения.");
        let en = localize_all(&issues, Lang::En);
        assert_eq!(en[0].message, "The field “Name” is required.");
    }

    #[test]
    fn overlong_values_are_refused_with_the_limit() {
        let draft = OrganisationDraft { unp: "1234567890".into(), ..complete() };
        let issues = draft.check();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::TooLong);
        assert_eq!(issues[0].localize(Lang::Ru).message, "Поле «УНП» длиннее 9 символов.");
    }

    #[test]
    fn trimming_keeps_inner_spaces() {
        let draft = OrganisationDraft { name: "  ООО  Ромашка ".into(), ..complete() };
        assert_eq!(draft.trimmed().name, "ООО  Ромашка");
    }
}
