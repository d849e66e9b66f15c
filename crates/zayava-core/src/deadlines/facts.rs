//! Facts about an application that rules depend on (`software_count`, `org_kind`), checked
//! against the rulebook's fact catalogue when a query is built.

use std::collections::BTreeMap;

use crate::rules::{FactSpec, FactType};

use super::error::{Expected, QueryError};

/// A checked fact value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactValue {
    Count(u64),
    Word(String),
}

impl FactValue {
    pub fn as_text(&self) -> String {
        match self {
            FactValue::Count(n) => n.to_string(),
            FactValue::Word(w) => w.clone(),
        }
    }
}

/// The facts of one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts(BTreeMap<String, FactValue>);

impl Facts {
    pub fn count(&self, fact: &str) -> Option<u64> {
        match self.0.get(fact) {
            Some(FactValue::Count(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn get(&self, fact: &str) -> Option<&FactValue> {
        self.0.get(fact)
    }

    pub fn insert(&mut self, fact: &str, value: FactValue) {
        self.0.insert(fact.to_string(), value);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &FactValue)> {
        self.0.iter()
    }
}

/// A raw fact value as given: JSON numbers and strings are both accepted (`5` or `"5"`).
pub fn check_fact(spec: &FactSpec, raw: &serde_json::Value) -> Result<FactValue, QueryError> {
    let text = match raw {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        other => other.to_string(),
    };
    let invalid = |expected: Expected| QueryError::InvalidFact { fact: spec.id.clone(), value: text.clone(), expected };
    match &spec.fact_type {
        FactType::PositiveInteger => {
            let n = match raw {
                serde_json::Value::Number(n) => n.as_u64().or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && *f >= 1.0 && *f < 9e15).map(|f| f as u64)),
                serde_json::Value::String(_) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
                _ => None,
            };
            match n {
                Some(n) if n >= 1 => Ok(FactValue::Count(n)),
                _ => Err(invalid(Expected::PositiveInteger)),
            }
        }
        FactType::OneOf(options) => {
            if options.iter().any(|o| o.value == text) {
                Ok(FactValue::Word(text))
            } else {
                Err(invalid(Expected::OneOf(options.iter().map(|o| o.value.clone()).collect())))
            }
        }
    }
}
