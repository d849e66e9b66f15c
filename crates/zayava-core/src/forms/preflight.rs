//! The pre-flight check (DOMAIN.md §4, last paragraph): every annulment ground of the seed
//! that the data shows, each finding naming its field and its clause. An application may be
//! marked ready only when this comes back clean.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::i18n::{Lang, Text};

use super::check::{applies, is_empty, path};
use super::{organisation, validate, Field, FieldType, FormSchema, GroundCheck};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    /// The ground's id, e.g. `hosting.no_aer`.
    pub ground: String,
    pub clause: String,
    /// The field at fault (`procedures[0].aer_agreed`, `organisation.unp`), if one is.
    pub field: Option<String>,
    /// The seed's ground, as the seed words it (shown once over its findings).
    pub ground_text: String,
    /// What is wrong, without the ground or the clause: «Поле «E-mail» обязательно.»,
    /// «не отмечено: «Ключи ЭЦП получены»».
    pub detail: String,
    /// The ground and the detail in one sentence, for a line of its own (the terminal).
    pub message: String,
    /// The user must confirm something the app cannot see (debts to the Operator).
    pub needs_confirmation: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preflight {
    pub clean: bool,
    pub findings: Vec<Finding>,
}

/// Calls `visit(path, field, value)` for every applicable field, into list items too.
fn walk<'a>(prefix: &str, fields: &'a [Field], values: &'a Map<String, Value>, visit: &mut dyn FnMut(String, &'a Field, Option<&'a Value>)) {
    for field in fields {
        if !applies(field, values) {
            continue;
        }
        let at = path(prefix, &field.id);
        let value = values.get(&field.id);
        if field.field_type == FieldType::List {
            for (i, item) in value.and_then(Value::as_array).into_iter().flatten().enumerate() {
                if let Some(obj) = item.as_object() {
                    walk(&format!("{at}[{i}]"), &field.fields, obj, visit);
                }
            }
        }
        visit(at, field, value);
    }
}


/// The field's own clause, when it is not the ground's (said once, over the findings):
/// « (п. 3.1)».
fn own_clause(field: &Field, ground_clause: &str, lang: Lang) -> String {
    match &field.clause {
        Some(c) if c != ground_clause => format!(" ({})", Text::id("core-preflight-clause").fill(lang, &[("clause", c)])),
        _ => String::new(),
    }
}

/// Runs every ground of `schema` over an application's `values` and its organisation's.
pub fn check(schema: &FormSchema, values: &Value, organisation_values: Option<&Value>, today: NaiveDate, lang: Lang) -> Preflight {
    let empty = Map::new();
    let map = values.as_object().unwrap_or(&empty);
    let mut findings = Vec::new();
    for ground in &schema.preflight {
        let mut push = |field: Option<String>, detail: String, needs_confirmation: bool| {
            findings.push(Finding {
                ground: ground.id.clone(),
                clause: ground.clause.clone(),
                field,
                ground_text: ground.text.get(lang).to_string(),
                message: format!("{}: {detail}", ground.text.get(lang)),
                detail,
                needs_confirmation,
            })
        };
        match &ground.check {
            GroundCheck::InvalidFields => {
                match organisation_values {
                    Some(org) => {
                        for issue in validate(organisation(), org, today) {
                            push(Some(format!("organisation.{}", issue.field)), issue.message(lang), false);
                        }
                    }
                    None => push(
                        Some("organisation".into()),
                        Text::id("core-preflight-no-organisation").get(lang).to_string(),
                        false,
                    ),
                }
                for issue in validate(schema, values, today) {
                    push(Some(issue.field.clone()), issue.message(lang), false);
                }
            }
            GroundCheck::UnmetPrerequisites => walk("", &schema.fields, map, &mut |at, field, value| {
                if field.field_type == FieldType::Prerequisite && value != Some(&Value::Bool(true)) {
                    let said = Text::id("core-preflight-not-ticked").fill(lang, &[("label", field.label.get(lang))]);
                    push(Some(at), format!("{said}{}", own_clause(field, &ground.clause, lang)), false);
                }
            }),
            GroundCheck::MissingAttachments => walk("", &schema.fields, map, &mut |at, field, value| {
                if field.field_type == FieldType::Attachment && field.required && is_empty(value) {
                    let said = Text::id("core-preflight-not-attached").fill(lang, &[("label", field.label.get(lang))]);
                    push(Some(at), format!("{said}{}", own_clause(field, &ground.clause, lang)), false);
                }
            }),
            GroundCheck::AllTrue { list, field } => {
                let spec = schema.fields.iter().find(|f| &f.id == list).and_then(|l| l.fields.iter().find(|f| &f.id == field));
                let label = spec.map(|f| f.label.get(lang).to_string()).unwrap_or_else(|| field.clone());
                for (i, item) in map.get(list).and_then(Value::as_array).into_iter().flatten().enumerate() {
                    if item.get(field) != Some(&Value::Bool(true)) {
                        let what = item.get("code").and_then(Value::as_str).unwrap_or("");
                        push(Some(format!("{list}[{i}].{field}")), format!("«{label}» — {what}").trim_end_matches(" — ").to_string(), false);
                    }
                }
            }
            GroundCheck::OneOf { when, any_of } => {
                let set = |f: &String| map.get(f) == Some(&Value::Bool(true));
                if set(when) && !any_of.iter().any(set) {
                    let label = |id: &String| schema.fields.iter().find(|f| &f.id == id).map(|f| format!("«{}»", f.label.get(lang))).unwrap_or_else(|| id.clone());
                    let or = Text::id("core-or").get(lang);
                    let options = any_of.iter().map(label).collect::<Vec<_>>().join(&format!(" {or} "));
                    let detail = Text::id("core-preflight-tick-one").fill(lang, &[("when", &label(when)), ("options", &options)]);
                    push(any_of.first().cloned(), detail, false);
                }
            }
            GroundCheck::Confirmed(field) => {
                if map.get(field) != Some(&Value::Bool(true)) {
                    let label = schema.fields.iter().find(|f| &f.id == field).map(|f| f.label.get(lang).to_string()).unwrap_or_default();
                    let ask = Text::id("core-preflight-confirm").fill(lang, &[("label", &label)]);
                    push(Some(field.clone()), ask, true);
                }
            }
        }
    }
    Preflight { clean: findings.is_empty(), findings }
}
