//! The organisation profile: the consumer's details (DOMAIN.md §4, the common block),
//! entered once and reused by every application. Its fields are the `organisation` form
//! schema; this module adds what the rest of the domain reads from a profile.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::forms::{self, FieldRole};
use crate::validation::FieldIssue;

/// A stored organisation profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Organisation {
    pub id: i64,
    /// The profile's fields, keyed as in the `organisation` schema.
    #[ts(type = "Record<string, unknown>")]
    pub values: Value,
    /// The short name (or the full one), for lists.
    pub name: String,
    pub unp: String,
    /// When it was last changed, as RFC 3339 UTC.
    pub updated_at: String,
    /// No longer worked with: out of the lists and of the choice for a new application.
    pub archived: bool,
    /// How many applications name it (one with none may be deleted).
    pub applications: u32,
}

/// The profile's field playing `role` (the organisation form says which field that is).
pub fn text_of(values: &Value, role: FieldRole) -> &str {
    forms::organisation().text_of(role, values)
}

/// The name to list a profile under: its short name, or else its full name.
pub fn display_name(values: &Value) -> String {
    let short = text_of(values, FieldRole::Name);
    if short.is_empty() { text_of(values, FieldRole::FullName) } else { short }.to_string()
}

pub fn unp(values: &Value) -> String {
    text_of(values, FieldRole::Unp).to_string()
}

/// The profile checked and normalised for storing, or every problem with it. A profile is
/// stored only whole: every required field filled and every value well-formed.
pub fn checked(values: &Value) -> Result<Value, Vec<FieldIssue>> {
    let schema = forms::organisation();
    // The profile holds no document's date (no field of it is `past`: a test pins this), so
    // no day is needed to check it.
    let issues = forms::validate(schema, values, chrono::NaiveDate::MAX);
    if issues.is_empty() {
        Ok(forms::normalise(schema, values))
    } else {
        Err(issues)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    pub(crate) fn complete() -> Value {
        json!({
            "full_name": "Открытое акционерное общество «Пример»", "short_name": "ОАО «Пример»",
            "legal_form": "открытое акционерное общество", "kind": "commercial", "unp": "100217336",
            "legal_postcode": "220140", "legal_address": "г. Минск, ул. Притыцкого, 64",
            "postal_postcode": "220140", "postal_address": "г. Минск, ул. Притыцкого, 64",
            "iban": "BY86 AKBB 1010 0000 0029 6600 0000", "bank_name": "ОАО «АСБ Беларусбанк»", "bic": "AKBBBY2X",
            "head_position": "Директор", "head_name": "Иванов Иван Иванович", "head_basis": "Устава",
            "contact_name": "Петрова Анна", "phone": "+375 29 123-45-67", "email": "office@example.by"
        })
    }

    #[test]
    fn a_complete_profile_is_stored_normalised() {
        let stored = checked(&complete()).unwrap();
        assert_eq!(stored["iban"], "BY86AKBB10100000002966000000");
        assert_eq!(stored["phone"], "+375291234567");
        assert_eq!(display_name(&stored), "ОАО «Пример»");
    }

    #[test]
    fn the_profile_has_no_document_date_so_it_is_checked_without_a_day() {
        assert!(forms::organisation().fields.iter().all(|f| !f.past));
    }

    #[test]
    fn every_blank_or_malformed_field_is_named() {
        let mut v = complete();
        v["unp"] = json!("100217337");
        v["email"] = json!("");
        v["postal_postcode"] = json!("22014");
        let issues = checked(&v).unwrap_err();
        let fields: Vec<&str> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, ["unp", "postal_postcode", "email"]);
        assert!(issues[0].message(crate::i18n::Lang::Ru).contains("контрольная цифра"));
        assert_eq!(issues[2].message(crate::i18n::Lang::En), "The field “E-mail” is required.");
    }

    #[test]
    fn state_bodies_and_budget_organisations_count_as_budget_through_the_form() {
        for (kind, fact) in [("state_body", "budget"), ("budget_funded", "budget"), ("commercial", "commercial"), ("individual_entrepreneur", "commercial")] {
            let facts = crate::lifecycle::facts(None, &json!({}), Some(&json!({ "kind": kind })));
            assert_eq!(facts, vec![("org_kind".to_string(), json!(fact))], "{kind}");
        }
        assert!(crate::lifecycle::facts(None, &json!({}), Some(&json!({}))).is_empty());
    }
}
