//! Form values from a terminal: `--from FILE.json` (an object of field values) with
//! `--set FIELD=VALUE` over it, each value read as its field's type; and values shown back
//! as a two-column table of the form's labels.

use std::path::Path;

use serde_json::{Map, Value};
use zayava_core::forms::{Field, FieldType, FormSchema};
use zayava_core::i18n::Lang;

use crate::table::Table;
use crate::Failure;

/// The values a command was given: the file's (an object of field values, or an
/// application file's `values`), then each `--set` over them.
pub fn gather(schema: &FormSchema, from: Option<&Path>, sets: &[String]) -> Result<Value, Failure> {
    let mut values = match from {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))?;
            match serde_json::from_str(&text).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))? {
                Value::Object(map) => match (map.contains_key("service"), map.get("values")) {
                    // An application file ({"service", "values", …}) gives its values.
                    (true, Some(Value::Object(values))) => values.clone(),
                    _ => map,
                },
                _ => return Err(Failure::usage(format!("{}: expected a JSON object of field values", path.display()))),
            }
        }
        None => Map::new(),
    };
    for raw in sets {
        let Some((name, text)) = raw.split_once('=') else {
            return Err(Failure::usage(format!("--set {raw:?}: expected FIELD=VALUE")));
        };
        let name = name.trim();
        let field = schema.fields.iter().find(|f| f.id == name).ok_or_else(|| {
            let known: Vec<&str> = schema.fields.iter().map(|f| f.id.as_str()).collect();
            Failure::usage(format!("--set {name}: this form has no such field; its fields are {}", known.join(", ")))
        })?;
        values.insert(name.to_string(), typed(field, text.trim()).ok_or_else(|| Failure::usage(format!("--set {name}={text}: {}", expected(field))))?);
    }
    Ok(Value::Object(values))
}

fn typed(field: &Field, text: &str) -> Option<Value> {
    match field.field_type {
        FieldType::Integer => text.parse::<i64>().ok().map(Value::from),
        FieldType::Flag | FieldType::Prerequisite | FieldType::Confirm => match text.to_lowercase().as_str() {
            "true" | "yes" | "да" | "1" => Some(Value::Bool(true)),
            "false" | "no" | "нет" | "0" => Some(Value::Bool(false)),
            _ => None,
        },
        FieldType::List | FieldType::Attachment => serde_json::from_str(text).ok(),
        _ => Some(Value::String(text.to_string())),
    }
}

fn expected(field: &Field) -> &'static str {
    match field.field_type {
        FieldType::Integer => "expected a whole number",
        FieldType::Flag | FieldType::Prerequisite | FieldType::Confirm => "expected yes or no (true/false)",
        _ => "expected JSON (a list or a file reference)",
    }
}

/// A value as a person reads it: a choice by its label, yes/no in words, lists as JSON.
fn shown(field: &Field, value: &Value, lang: Lang) -> String {
    match value {
        Value::String(s) => field.options.iter().find(|c| &c.value == s).map(|c| c.label.get(lang).to_string()).unwrap_or_else(|| s.clone()),
        Value::Bool(b) => crate::table::say(lang, if *b { "cli-yes" } else { "cli-no" }).into(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The form's fields that hold a value, as «label  value» lines.
pub fn table(schema: &FormSchema, values: &Value, lang: Lang) -> Table {
    let [h_field, h_value] = ["cli-col-field", "cli-col-value"].map(|id| crate::table::say(lang, id));
    let mut t = Table::new(&[h_field, h_value]);
    for field in &schema.fields {
        let Some(value) = values.get(&field.id) else { continue };
        let text = shown(field, value, lang);
        if !text.is_empty() {
            t.row(vec![field.label.get(lang).to_string(), text.replace('\n', " ")]);
        }
    }
    t
}
