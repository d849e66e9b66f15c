//! Fuzzing the PDF layout's text input: any text in any field of an application (control
//! characters, bidi marks, 12,000-character runs, characters the font lacks) lays out into a
//! PDF that starts and ends like one — never a panic, never an endless page.

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::json;
use zayava_core::deadlines::WorkingWindow;
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{self, NoticeContext};
use zayava_core::rules::Rulebook;
use zayava_pdf::{render, Kind, Subject};

fn check(text: &str) -> Result<(), TestCaseError> {
    let schema = forms::current("hosting").unwrap();
    let values = json!({ "contact": text, "body_name": text, "system_name": text, "notes": text });
    let org = json!({ "full_name": text, "short_name": text });
    let facts = lifecycle::facts(Some(schema), &values, Some(&org));
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap().and_hms_opt(12, 0, 0).unwrap();
    let timeline = lifecycle::timeline(Rulebook::shared(), calendar(), WorkingWindow::default(), "hosting", true, &[], facts, now, &NoticeContext::default(), Lang::Ru).unwrap();
    for kind in [Kind::Application, Kind::Package] {
        let pdf = render(kind, &Subject { id: "fuzz", number: Some("З-0001"), operator_numbers: Vec::new(), schema, values: &values, organisation: Some(&org), timeline: &timeline, outgoing: Some(("17".into(), "04.12.2026".into())), created: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap() }, Lang::Ru);
        prop_assert!(pdf.bytes.starts_with(b"%PDF-"));
        prop_assert!(pdf.bytes.windows(5).rev().take(64).any(|w| w == b"%%EOF"));
        prop_assert!(pdf.pages >= 1 && pdf.pages < 200, "{} pages", pdf.pages);
    }
    Ok(())
}

#[test]
fn the_corpus_lays_out() {
    for (name, text) in corpus("pdf_text") {
        check(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: config().cases.min(64).max(if config().cases > 256 { config().cases / 4 } else { 16 }), ..config() })]

    #[test]
    fn any_text(text in hostile_text()) {
        check(&text)?;
    }
}
