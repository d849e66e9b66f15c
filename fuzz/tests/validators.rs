//! Fuzzing the identifier validators through `zayava validate --batch`'s line checker: any
//! text gets a verdict (never a panic); a valid value's normal form is itself valid and
//! unchanged by checking again.

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::json;
use zayava_core::i18n::Lang;
use zayava_core::validation::batch::verdict;

const FIELDS: [&str; 7] = ["unp", "iban", "bic", "email", "phone", "postcode", "ap_code"];

#[test]
fn the_corpus_gets_a_verdict_for_every_line() {
    for (name, text) in corpus("validators") {
        for line in text.lines() {
            let v = verdict(line, Lang::Ru);
            assert!(v.valid || !v.message.is_empty(), "{name}: {line}");
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_value_of_any_field(field in prop::sample::select(FIELDS.to_vec()), value in hostile_text()) {
        let v = verdict(&json!({ "field": field, "value": value }).to_string(), Lang::Ru);
        if v.valid {
            let normal = v.normalized.clone().expect("a valid value has a normal form");
            let again = verdict(&json!({ "field": field, "value": normal }).to_string(), Lang::En);
            prop_assert!(again.valid, "{field}: normal form {normal:?} refused");
            prop_assert_eq!(again.normalized, Some(normal));
        } else {
            prop_assert!(!v.message.is_empty() && !v.code.is_empty());
        }
    }

    #[test]
    fn any_line(line in hostile_text()) {
        let v = verdict(&line, Lang::En);
        prop_assert!(v.valid || !v.message.is_empty());
    }

    #[test]
    fn mutated_corpus_lines(line in mutated(corpus("validators").into_iter().flat_map(|(_, t)| t.lines().map(str::to_string).collect::<Vec<_>>()).collect())) {
        let v = verdict(&line, Lang::Ru);
        prop_assert!(v.valid || !v.message.is_empty());
    }
}
