//! One line of `zayava validate --batch`: `{"field": "unp"|"iban"|…, "value": "…"}` in,
//! `{"valid": bool, "code": "…", "message": "…"}` out. Pure, so it can be fuzzed.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};

use super::identifiers::{self, KINDS};

/// The longest line accepted.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    field: String,
    value: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub valid: bool,
    pub code: String,
    pub message: String,
    /// The value in its normal form, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
}

fn refuse(code: &str, message: String) -> Verdict {
    Verdict { valid: false, code: code.into(), message, normalized: None }
}

/// Checks one input line.
pub fn verdict(text: &str, lang: Lang) -> Verdict {
    if text.len() > MAX_LINE_BYTES {
        return refuse("malformed_input", Text::id("core-validation-batch-the-line-is-longer-than").fill(lang, &[("n", &MAX_LINE_BYTES.to_string())]));
    }
    let line: Line = match serde_json::from_str(text) {
        Ok(l) => l,
        Err(e) => {
            let t = Text::id("core-validation-batch-malformed-line-e-expected-field");
            return refuse("malformed_input", t.fill(lang, &[("e", &e.to_string())]));
        }
    };
    let Some(kind) = identifiers::kind(&line.field) else {
        let known: Vec<&str> = KINDS.iter().map(|k| k.id).collect();
        let t = Text::id("core-validation-batch-unknown-field-f-known-k");
        return refuse("unknown_field", t.fill(lang, &[("f", &line.field), ("k", &known.join(", "))]));
    };
    let label = kind.label.get(lang);
    let value = match &line.value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => {
            let t = Text::id("core-validation-batch-label-the-value-must-be");
            return refuse("malformed", t.fill(lang, &[("label", label)]));
        }
    };
    if value.trim().is_empty() {
        let t = Text::id("core-validation-batch-label-no-value-given");
        return refuse("required", t.fill(lang, &[("label", label)]));
    }
    match (kind.check)(&value) {
        Ok(normal) => Verdict {
            valid: true,
            code: "ok".into(),
            message: Text::id("core-validation-batch-label-valid").fill(lang, &[("label", label)]),
            normalized: Some(normal),
        },
        Err(p) => refuse(p.code.code(), format!("{label}: {}", p.hint.get(lang))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(text: &str) -> Verdict {
        verdict(text, Lang::En)
    }

    #[test]
    fn each_field_kind_answers_valid_or_why_not() {
        assert!(v(r#"{"field":"unp","value":"100217336"}"#).valid);
        let bad = v(r#"{"field":"unp","value":"100217337"}"#);
        assert_eq!((bad.valid, bad.code.as_str()), (false, "checksum"));
        assert!(bad.message.starts_with("UNP: "));
        assert!(v(r#"{"field":"iban","value":"BY13NBRB3600900000002Z00AB00"}"#).valid);
        assert_eq!(v(r#"{"field":"iban","value":"BY13NBRB3600900000002Z00AB01"}"#).code, "checksum");
        assert!(v(r#"{"field":"bic","value":"AKBBBY2X"}"#).valid);
        assert!(v(r#"{"field":"email","value":"ds@nces.by"}"#).valid);
        assert_eq!(v(r#"{"field":"phone","value":"+375 17 311-30-00"}"#).normalized.as_deref(), Some("+375173113000"));
        assert!(v(r#"{"field":"postcode","value":"220140"}"#).valid);
        assert!(v(r#"{"field":"ap_code","value":"1.1.5"}"#).valid);
        assert_eq!(v(r#"{"field":"ap_code","value":"1.1."}"#).code, "malformed");
    }

    #[test]
    fn bad_lines_are_answered_not_dropped() {
        assert_eq!(v("nonsense").code, "malformed_input");
        assert_eq!(v(r#"{"field":"unp"}"#).code, "malformed_input");
        assert_eq!(v(r#"{"field":"inn","value":"1"}"#).code, "unknown_field");
        assert_eq!(v(r#"{"field":"unp","value":""}"#).code, "required");
        assert_eq!(v(r#"{"field":"unp","value":null}"#).code, "malformed");
        assert_eq!(v(r#"{"field":"postcode","value":220140}"#).code, "ok", "a number is read as its digits");
        assert_eq!(v(&format!(r#"{{"field":"unp","value":"{}"}}"#, "1".repeat(MAX_LINE_BYTES))).code, "malformed_input");
    }
}
