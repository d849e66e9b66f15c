//! Validation of form values against a schema: every field, every list item, each with the
//! path of the field at fault (`users[1].email`).

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::i18n::Text;
use crate::validation::identifiers::{self, Problem};
use crate::validation::{FieldIssue, IssueCode};

use super::{Field, FieldType, FormSchema};

/// The default longest text, where a field names none.
const DEFAULT_MAX_LEN: usize = 1000;

pub(crate) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}

/// Does the field apply, given its siblings?
pub(crate) fn applies(field: &Field, siblings: &Map<String, Value>) -> bool {
    field.when.as_ref().is_none_or(|w| siblings.get(&w.field).unwrap_or(&Value::Null) == &w.equals)
}

pub(crate) fn path(prefix: &str, id: &str) -> String {
    if prefix.is_empty() {
        id.to_string()
    } else {
        format!("{prefix}.{id}")
    }
}

fn identifier_type(t: FieldType) -> Option<&'static str> {
    Some(match t {
        FieldType::Email => "email",
        FieldType::Phone => "phone",
        FieldType::Postcode => "postcode",
        FieldType::Unp => "unp",
        FieldType::Iban => "iban",
        FieldType::Bic => "bic",
        FieldType::ApCode => "ap_code",
        _ => return None,
    })
}

fn problem(at: String, field: &Field, p: Problem) -> FieldIssue {
    FieldIssue::new(at, field.label.clone(), p.code).with_detail(p.hint)
}

const NOT_TEXT: Text = Text::id("core-forms-check-not-text");
const NOT_DATE: Text = Text::id("core-forms-check-not-date");
const NOT_INTEGER: Text = Text::id("core-forms-check-not-integer");
const OUT_OF_RANGE: Text = Text::id("core-forms-check-out-of-range");
const NOT_CHOICE: Text = Text::id("core-forms-check-not-choice");
const NOT_FLAG: Text = Text::id("core-forms-check-not-flag");
const NOT_ATTACHMENT: Text = Text::id("core-forms-check-not-attachment");
const NOT_LIST: Text = Text::id("core-forms-check-not-list");

fn check_value(at: String, field: &Field, value: &Value, today: NaiveDate, issues: &mut Vec<FieldIssue>) {
    let bad = |detail: Text| FieldIssue::new(at.clone(), field.label.clone(), IssueCode::Malformed).with_detail(detail);
    match field.field_type {
        FieldType::Text | FieldType::Multiline => match value.as_str() {
            Some(s) => {
                let max = field.max_len.unwrap_or(DEFAULT_MAX_LEN);
                if s.trim().chars().count() > max {
                    issues.push(FieldIssue::new(at, field.label.clone(), IssueCode::TooLong).with_limit(max));
                }
            }
            None => issues.push(bad(NOT_TEXT)),
        },
        t if identifier_type(t).is_some() => match value.as_str() {
            Some(s) => {
                let kind = identifiers::kind(identifier_type(t).unwrap()).expect("every identifier type has a check");
                if let Err(p) = (kind.check)(s) {
                    issues.push(problem(at, field, p));
                }
            }
            None => issues.push(bad(NOT_TEXT)),
        },
        FieldType::Date => match value.as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()) {
            None => issues.push(bad(NOT_DATE)),
            Some(date) if field.past && date > today => issues.push(FieldIssue::new(at, field.label.clone(), IssueCode::InFuture)),
            Some(_) => {}
        },
        FieldType::Integer => {
            let n = value.as_i64().or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()));
            match n {
                None => issues.push(bad(NOT_INTEGER)),
                Some(n) if field.min.is_some_and(|m| n < m) || field.max.is_some_and(|m| n > m) => issues.push(bad(OUT_OF_RANGE)),
                Some(_) => {}
            }
        }
        FieldType::Choice => {
            if !value.as_str().is_some_and(|s| field.options.iter().any(|o| o.value == s)) {
                issues.push(bad(NOT_CHOICE));
            }
        }
        FieldType::Flag | FieldType::Prerequisite | FieldType::Confirm => {
            if !value.is_boolean() {
                issues.push(bad(NOT_FLAG));
            }
        }
        FieldType::Attachment => {
            let ok = value.get("sha256").and_then(Value::as_str).is_some_and(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()));
            if !ok {
                issues.push(bad(NOT_ATTACHMENT));
            }
        }
        FieldType::List => match value.as_array() {
            Some(items) => {
                if let Some(min) = field.min_items.filter(|m| items.len() < *m) {
                    issues.push(FieldIssue::new(at.clone(), field.label.clone(), IssueCode::TooFew).with_limit(min));
                }
                if let Some(max) = field.max_items.filter(|m| items.len() > *m) {
                    issues.push(FieldIssue::new(at.clone(), field.label.clone(), IssueCode::TooMany).with_limit(max));
                }
                for (i, item) in items.iter().enumerate() {
                    let item_at = format!("{at}[{i}]");
                    match item.as_object() {
                        Some(obj) => check_fields(&item_at, &field.fields, obj, today, issues),
                        None => issues.push(FieldIssue::new(item_at, field.label.clone(), IssueCode::Malformed).with_detail(NOT_LIST)),
                    }
                }
            }
            None => issues.push(bad(NOT_LIST)),
        },
        _ => unreachable!("identifier types are matched above"),
    }
}

fn check_fields(prefix: &str, fields: &[Field], values: &Map<String, Value>, today: NaiveDate, issues: &mut Vec<FieldIssue>) {
    for field in fields {
        if !applies(field, values) {
            continue;
        }
        let at = path(prefix, &field.id);
        let value = values.get(&field.id);
        if is_empty(value) {
            let unanswered_list = field.field_type == FieldType::List && field.min_items.unwrap_or(0) > 0;
            if field.required && !matches!(field.field_type, FieldType::Attachment) {
                issues.push(FieldIssue::new(at, field.label.clone(), IssueCode::Required));
            } else if unanswered_list {
                issues.push(FieldIssue::new(at, field.label.clone(), IssueCode::TooFew).with_limit(field.min_items.unwrap_or(1)));
            }
            continue;
        }
        let value = value.expect("not empty");
        let before = issues.len();
        check_value(at.clone(), field, value, today, issues);
        if let (Some(list), true) = (&field.count_of, issues.len() == before) {
            let listed = values.get(list).and_then(Value::as_array).map_or(0, Vec::len);
            let n = value.as_i64().or_else(|| value.as_str().and_then(|s| s.trim().parse().ok()));
            if n != Some(listed as i64) {
                issues.push(FieldIssue::new(at, field.label.clone(), IssueCode::CountMismatch).with_limit(listed));
            }
        }
    }
}

/// Every problem with `values` under `schema`: empty required fields, malformed values,
/// list limits, a document's date after `today`. Required attachments and unticked
/// prerequisites are the pre-flight's to report, since a draft may lack them.
pub fn validate(schema: &FormSchema, values: &Value, today: NaiveDate) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    match values.as_object() {
        Some(map) => check_fields("", &schema.fields, map, today, &mut issues),
        None => check_fields("", &schema.fields, &Map::new(), today, &mut issues),
    }
    issues
}

/// The values as stored: strings trimmed, identifiers in their normal form (`+375…`,
/// upper-case IBAN). Values that do not pass their check are left as typed.
pub fn normalise(schema: &FormSchema, values: &Value) -> Value {
    fn fields(defs: &[Field], values: &Map<String, Value>) -> Map<String, Value> {
        let mut out = values.clone();
        for field in defs {
            let Some(v) = out.get_mut(&field.id) else { continue };
            match (field.field_type, &*v) {
                (FieldType::List, Value::Array(items)) => {
                    let items = items.iter().map(|i| match i.as_object() {
                        Some(o) => Value::Object(fields(&field.fields, o)),
                        None => i.clone(),
                    });
                    *v = Value::Array(items.collect());
                }
                (t, Value::String(s)) => {
                    let trimmed = s.trim().to_string();
                    *v = Value::String(match identifier_type(t).and_then(identifiers::kind) {
                        Some(kind) => (kind.check)(&trimmed).unwrap_or(trimmed),
                        None => trimmed,
                    });
                }
                _ => {}
            }
        }
        out
    }
    match values.as_object() {
        Some(map) => Value::Object(fields(&schema.fields, map)),
        None => values.clone(),
    }
}
