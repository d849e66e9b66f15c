//! What an application takes from its organisation: the fields its schema marks
//! `from_organisation` (the consumer's full name, a contact and phone), filled when the
//! application is created and again when its organisation is changed.

use serde_json::{Map, Value};

use super::{organisation, FieldRole, FormSchema};
use crate::validation::identifiers::phone_display;

/// What `org` gives a field taking `roles`: those fields of the profile, joined by commas
/// (a phone as people write it).
fn text_from(org: &Value, roles: &[FieldRole]) -> String {
    let parts = roles.iter().map(|&role| {
        let text = organisation().text_of(role, org);
        if role == FieldRole::Phone { phone_display(text) } else { text.to_string() }
    });
    parts.filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ")
}

/// `values` with each `from_organisation` field set from `new`, where the user left it
/// blank or it still reads what `old` (the organisation before) gave it: a text the user
/// typed themselves is never overwritten.
pub fn refill(schema: &FormSchema, values: &Value, old: Option<&Value>, new: Option<&Value>) -> Value {
    let mut out = values.as_object().cloned().unwrap_or_else(Map::new);
    for field in schema.fields.iter().filter(|f| !f.from_organisation.is_empty()) {
        let current = out.get(&field.id).and_then(Value::as_str).map(str::trim).unwrap_or("");
        let given_before = old.map(|o| text_from(o, &field.from_organisation)).unwrap_or_default();
        if !(current.is_empty() || current == given_before) {
            continue;
        }
        match new.map(|o| text_from(o, &field.from_organisation)).filter(|t| !t.is_empty()) {
            Some(text) => out.insert(field.id.clone(), Value::String(text)),
            None => out.remove(&field.id),
        };
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::forms::current_application;

    fn org(full: &str) -> Value {
        json!({ "full_name": full, "contact_name": "Петрова Анна", "phone": "+375291234567" })
    }

    #[test]
    fn a_new_application_takes_the_consumers_name_and_the_contact_with_phone() {
        let one_window = current_application("one-window").unwrap();
        let filled = refill(one_window, &json!({}), None, Some(&org("ОАО «Пример»")));
        assert_eq!(filled["contracting_name"], "ОАО «Пример»");
        let interaction = current_application("interaction").unwrap();
        let filled = refill(interaction, &json!({}), None, Some(&org("ОАО «Пример»")));
        assert_eq!(filled["contact"], "Петрова Анна, +375\u{a0}29\u{a0}123-45-67");
    }

    #[test]
    fn another_organisation_replaces_only_what_the_first_one_gave() {
        let schema = current_application("one-window").unwrap();
        let (a, b) = (org("ОАО «А»"), org("ОАО «Б»"));
        let given = refill(schema, &json!({ "tariff_users": 3 }), None, Some(&a));
        let moved = refill(schema, &given, Some(&a), Some(&b));
        assert_eq!(moved, json!({ "contracting_name": "ОАО «Б»", "tariff_users": 3 }));
        let typed = refill(schema, &json!({ "contracting_name": "Филиал №2 ОАО «А»" }), Some(&a), Some(&b));
        assert_eq!(typed["contracting_name"], "Филиал №2 ОАО «А»");
        assert_eq!(refill(schema, &given, Some(&a), None), json!({ "tariff_users": 3 }));
    }
}
