//! Fuzzing every field of every form by its type (issue 14): values an application can hold —
//! dates typed on a Russian layout, padded or impossible, numbers as text, lists of odd items
//! — go through validation, the pre-flight check, all three documents of every service and
//! form version, and the timeline with events on such dates. Never a panic; the PDFs are PDFs.

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use zayava_core::deadlines::WorkingWindow;
use zayava_core::forms::{self, preflight, Field, FieldType, FormSchema};
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, NoticeContext, RecordedEvent, Recorder};
use zayava_core::rules::Rulebook;
use zayava_pdf::{render, Kind, Subject};

/// A value for a field, by its type, hostile where the type allows.
fn value(field: &Field, depth: u32) -> BoxedStrategy<Value> {
    let any_json = prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool), any::<i64>().prop_map(|n| json!(n)), short_hostile_text().prop_map(Value::String)];
    match field.field_type {
        FieldType::Date => prop_oneof![4 => odd_date().prop_map(Value::String), 1 => any_json].boxed(),
        FieldType::Integer => prop_oneof![any::<i64>().prop_map(|n| json!(n)), "[0-9ю -]{0,8}".prop_map(Value::String), any_json].boxed(),
        FieldType::Flag | FieldType::Prerequisite | FieldType::Confirm => prop_oneof![4 => any::<bool>().prop_map(Value::Bool), 1 => any_json].boxed(),
        FieldType::Choice => {
            let options: Vec<String> = field.options.iter().map(|o| o.value.clone()).collect();
            if options.is_empty() { any_json.boxed() } else { prop_oneof![3 => prop::sample::select(options).prop_map(Value::String), 1 => any_json].boxed() }
        }
        FieldType::Attachment => prop_oneof![Just(json!({ "sha256": "0".repeat(64), "name": "письмо.pdf" })), Just(json!({ "sha256": "ю".repeat(32) })), any_json].boxed(),
        FieldType::List if depth < 2 => {
            let item = object(&field.fields, depth + 1);
            prop_oneof![prop::collection::vec(item, 0..4).prop_map(Value::Array), any_json].boxed()
        }
        _ => prop_oneof![4 => short_hostile_text().prop_map(Value::String), 1 => odd_date().prop_map(Value::String), 1 => any_json].boxed(),
    }
}

/// An object with some of `fields` set.
fn object(fields: &[Field], depth: u32) -> BoxedStrategy<Value> {
    let parts: Vec<BoxedStrategy<Option<(String, Value)>>> =
        fields.iter().map(|f| { let id = f.id.clone(); prop::option::of(value(f, depth).prop_map(move |v| (id.clone(), v))).boxed() }).collect();
    parts.prop_map(|kv| Value::Object(kv.into_iter().flatten().collect::<Map<_, _>>())).boxed()
}

fn schemas() -> Vec<&'static FormSchema> {
    forms::schemas().iter().filter(|s| s.kind == forms::FormKind::Application).collect()
}

fn check(schema: &FormSchema, values: &Value, org: &Value, dates: &[String]) -> Result<(), TestCaseError> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let _ = forms::validate(schema, values, today);
    let _ = preflight::check(schema, values, Some(org), today, Lang::Ru);
    let facts = lifecycle::facts(Some(schema), values, Some(org));
    // The events of the service, on the odd dates: kept or refused, never a panic.
    let book = Rulebook::shared();
    let events: Vec<RecordedEvent> = book
        .service(&schema.id)
        .map(|s| s.events.iter().zip(dates.iter().cycle()).enumerate().map(|(i, (e, at))| RecordedEvent { id: i as i64 + 1, event: e.id.clone(), at: at.clone(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() }).collect())
        .unwrap_or_default();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(12, 0, 0).unwrap();
    // Whatever the values, the timeline works: a mistyped fact counts as not given, and
    // events on dates that are no dates are kept aside, not used.
    let timeline = lifecycle::timeline(book, calendar(), WorkingWindow::default(), &schema.id, true, &events, facts, now, &NoticeContext::default(), Lang::Ru);
    let timeline = match timeline {
        Ok(t) => t,
        Err(e) => return Err(TestCaseError::fail(format!("{}: the timeline failed: {e}", schema.version))),
    };
    for kind in [Kind::Application, Kind::Package, Kind::Schedule] {
        let pdf = render(kind, &Subject { id: "fuzz", number: Some("З-0001"), operator_numbers: Vec::new(), schema, values, organisation: Some(org), timeline: &timeline, outgoing: Some(("17".into(), "04.12.2026".into())), created: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap() }, Lang::Ru);
        prop_assert!(pdf.bytes.starts_with(b"%PDF-"), "{}", schema.version);
        prop_assert!(pdf.pages >= 1 && pdf.pages < 400, "{}: {} pages", schema.version, pdf.pages);
    }
    Ok(())
}

#[test]
fn the_inputs_that_once_panicked_are_handled() {
    // The kvp letter date typed on a Russian layout made printing panic (issue 14).
    let kvp = forms::current("kvp").unwrap();
    let org = json!({ "full_name": "ГУ «Архив»", "unp": "100217336" });
    for at in ["1ю2ю2025", " 2026-11-20"] {
        check(kvp, &json!({ "letter_number": "01-12/345", "letter_date": at }), &org, &[at.to_string()]).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: config().cases.min(64).max(if config().cases > 256 { config().cases / 4 } else { 16 }), ..config() })]

    #[test]
    fn any_values_of_any_form(index in 0..schemas().len(), seed in any::<u64>(), dates in prop::collection::vec(odd_date(), 1..4)) {
        let schema = schemas()[index];
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(ProptestConfig::default(), proptest::test_runner::TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &seed.to_le_bytes().repeat(4)));
        let values = object(&schema.fields, 0).new_tree(&mut runner).unwrap().current();
        let org = object(&forms::organisation().fields, 0).new_tree(&mut runner).unwrap().current();
        check(schema, &values, &org, &dates)?;
    }
}
