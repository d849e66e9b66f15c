//! Fuzzing the deadline CLI's batch parser (`zayava deadlines --batch`): any line, and any
//! mutation of a real one, gets an answer — a report or an error with a code — never a panic.

mod common;

use common::*;
use proptest::prelude::*;
use zayava_core::deadlines::batch::{Answer, Batch};
use zayava_core::deadlines::WorkingWindow;
use zayava_core::i18n::Lang;
use zayava_core::rules::Rulebook;

fn check(line: &str) -> Result<(), TestCaseError> {
    // Both answers: the plain one a script reads, and the one with explanations; and the
    // plain one as the CLI writes it (the fast way where it can) is the general answer's JSON.
    let batch = Batch::new(Rulebook::shared());
    for explain in [false, true] {
        let answer = batch.answer(calendar(), WorkingWindow::default(), line, Lang::Ru, explain);
        if let Answer::Error { error } = &answer {
            prop_assert!(!error.code.is_empty() && !error.message.is_empty());
        }
        let (mut written, mut rows) = (Vec::new(), Vec::new());
        batch.write(&mut written, calendar(), WorkingWindow::default(), line, Lang::Ru, explain, &mut rows);
        let mut general = serde_json::to_vec(&answer).unwrap();
        general.push(b'\n');
        prop_assert_eq!(written, general);
    }
    Ok(())
}

#[test]
fn the_corpus_is_answered() {
    for (name, text) in corpus("deadline_batch") {
        for line in text.lines() {
            check(line).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_line(line in hostile_text()) {
        check(&line)?;
    }

    #[test]
    fn mutated_real_lines(line in mutated(corpus("deadline_batch").into_iter().flat_map(|(_, t)| t.lines().map(str::to_string).collect::<Vec<_>>()).collect())) {
        check(&line)?;
    }

    #[test]
    fn any_dates_and_facts(service in prop::sample::select(vec!["hosting", "constructor", "one-window", "kvp", "interaction"]),
                           event in "[a-z_]{1,30}", at in "[0-9T:-]{0,20}", fact in "[a-z_]{1,20}", value in hostile_text()) {
        let line = serde_json::json!({ "service": service, "events": { event: at }, "facts": { fact: value } }).to_string();
        check(&line)?;
    }
}
