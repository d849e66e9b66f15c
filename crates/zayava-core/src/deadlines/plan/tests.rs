//! The compiled plan gives exactly the interpreter's answers: the same rules in the same
//! order, the same dates, the same provisional flags, the same awaited events and facts,
//! the same errors, on random scenarios over every service, and on a calendar that holds
//! fewer years (so that more counts are provisional).

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use serde_json::json;

use super::*;
use crate::deadlines::{evaluate, State};
use crate::rules::EventKind;

/// What a result says, in words both engines can be compared by.
#[derive(Debug, PartialEq)]
enum Said {
    Due(String, Due, bool),
    Waiting(String, Vec<String>, Vec<String>),
}

fn interpreted(q: &Query, cal: &Calendar) -> Result<Vec<Said>, QueryError> {
    Ok(evaluate(q, cal, WorkingWindow::default())?
        .into_iter()
        .map(|o| match o.state {
            State::Due { landing, provisional_years, .. } => Said::Due(o.rule.id.clone(), landing.due, !provisional_years.is_empty()),
            State::Waiting { events, facts, .. } => Said::Waiting(o.rule.id.clone(), events, facts),
        })
        .collect())
}

fn compiled(plan: &Plan, q: &Query, cal: &Calendar) -> Result<Vec<Said>, QueryError> {
    let service = plan.service(&q.service.id).expect("every service is compiled");
    let mut rows = Vec::new();
    let input = service.input(plan.book, q).expect("every query of the scenarios fits the plan's input");
    assert!(service.evaluate(plan.book, &input, cal, WorkingWindow::default(), &mut rows)?, "no case of the rulebook needs the interpreter");
    Ok(rows
        .iter()
        .map(|r| match r.outcome {
            Outcome::Due { due, provisional } => Said::Due(r.rule.id.clone(), due, provisional),
            Outcome::Waiting { events, facts } => Said::Waiting(
                r.rule.id.clone(),
                events.as_slice().iter().map(|e| q.service.events[*e as usize].id.clone()).collect(),
                facts.as_slice().iter().map(|f| plan.book.facts[*f as usize].id.clone()).collect(),
            ),
        })
        .collect())
}

fn book() -> &'static Rulebook {
    Rulebook::shared()
}

/// A scenario: a service, some of its events on days from 1989 to 2151 (the calendar's
/// edges included), times for timed events, and facts given or not.
fn scenario() -> impl Strategy<Value = (usize, Vec<(usize, i64, u32)>, Option<u64>, Option<bool>)> {
    (0..book().services.len(), prop::collection::vec((0usize..64, 0i64..(163 * 366), 0u32..(24 * 60)), 0..8), prop::option::of(1u64..80), prop::option::of(any::<bool>()))
}

fn query<'b>(book: &'b Rulebook, (service, events, count, commercial): &(usize, Vec<(usize, i64, u32)>, Option<u64>, Option<bool>)) -> Option<Query<'b>> {
    let spec = &book.services[*service];
    let first = NaiveDate::from_ymd_opt(1989, 1, 1).unwrap();
    let mut given = Vec::new();
    for (e, day, minute) in events {
        let event = &spec.events[e % spec.events.len()];
        if given.iter().any(|(id, _): &(String, String)| id == &event.id) {
            continue;
        }
        let date = first + chrono::Duration::days(*day);
        let at = match event.kind {
            EventKind::Date => date.format("%Y-%m-%d").to_string(),
            EventKind::Time => format!("{}T{:02}:{:02}", date.format("%Y-%m-%d"), minute / 60, minute % 60),
        };
        given.push((event.id.clone(), at));
    }
    let mut facts = Vec::new();
    if let Some(n) = count {
        facts.push(("software_count".to_string(), json!(n)));
    }
    if let Some(c) = commercial {
        facts.push(("org_kind".to_string(), json!(if *c { "commercial" } else { "budget" })));
    }
    Query::build(book, &spec.id, given, facts, None).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn the_plan_answers_as_the_interpreter_does(s in scenario(), fewer_years in any::<bool>()) {
        let book = book();
        let plan = Plan::compile(book).expect("the rulebook fits the plan");
        // With only 2025's transfers, counts into 2024 or 2026 are provisional too.
        let cal = if fewer_years { Calendar::new(crate::calendar::transfers::embedded().into_iter().filter(|y| y.year == 2025)) } else { Calendar::embedded() };
        if let Some(q) = query(book, &s) {
            prop_assert_eq!(compiled(&plan, &q, &cal), interpreted(&q, &cal));
        }
    }
}

/// Every kind of result appears among the scenarios the property runs on, so the
/// comparison above is not comparing empty lists.
#[test]
fn the_scenarios_reach_dates_waits_provisional_counts_and_errors() {
    let book = book();
    let plan = Plan::compile(book).unwrap();
    let cal = Calendar::embedded();
    let (mut due, mut waiting, mut provisional, mut errors) = (0, 0, 0, 0);
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..1000 {
        let s = scenario().new_tree(&mut runner).unwrap().current();
        let Some(q) = query(book, &s) else { continue };
        match compiled(&plan, &q, &cal) {
            Ok(said) => {
                for r in said {
                    match r {
                        Said::Due(_, _, p) => (due, provisional) = (due + 1, provisional + p as u32),
                        Said::Waiting(..) => waiting += 1,
                    }
                }
            }
            Err(_) => errors += 1,
        }
    }
    assert!(due > 100 && waiting > 20 && provisional > 10 && errors > 0, "due {due}, waiting {waiting}, provisional {provisional}, errors {errors}");
}

/// A packed moment unpacks to itself and orders as its instant does; one before 1900 or
/// with seconds is not packed (the interpreter answers it).
#[test]
fn moments_pack_and_unpack() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let moments = [Moment::Date(day(1900, 1, 1)), Moment::Time(day(2025, 3, 7).and_hms_opt(23, 59, 0).unwrap()), Moment::Date(day(2025, 3, 8)), Moment::Date(day(2999, 12, 31))];
    let packed: Vec<u32> = moments.iter().map(|m| pack(*m).unwrap()).collect();
    for (m, k) in moments.iter().zip(&packed) {
        assert_eq!(unpack(*k), *m);
    }
    assert!(packed.windows(2).all(|w| w[0] >> 1 < w[1] >> 1));
    assert_eq!(pack(Moment::Date(day(1899, 12, 31))), None);
    assert_eq!(pack(Moment::Time(day(2025, 3, 7).and_hms_opt(10, 0, 1).unwrap())), None);
}
