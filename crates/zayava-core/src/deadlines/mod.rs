//! The deadline engine: given a service, the dated events that happened and the facts of
//! the application, which rules apply, when each falls due, and what each still waits for.
//! Pure: the calendar, the rulebook and every date come in as arguments.

pub mod batch;
mod error;
pub mod explain;
pub mod facts;
mod moment;
pub mod period;
pub mod plan;
pub mod query;
pub mod report;

#[cfg(test)]
mod tests;

pub use error::{Expected, QueryError};
pub use facts::{FactValue, Facts};
pub use moment::{Due, Moment};
pub use period::{Landing, Stop, WorkingWindow};
pub use query::Query;

use crate::calendar::Calendar;
use crate::rules::{Base, EventSpec, Period, Rule};

/// Where a rule's count starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BaseSource<'b> {
    Event(&'b EventSpec),
    Rule(&'b Rule),
}

/// A base that was given, with its moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GivenBase<'b> {
    pub source: BaseSource<'b>,
    pub at: Moment,
}

/// A rule's state for this query.
#[derive(Debug, Clone, PartialEq)]
pub enum State<'b> {
    /// Every base is known: the rule falls due at `landing.due`, counted from `base` (the
    /// latest of `given`).
    Due { base: GivenBase<'b>, given: Vec<GivenBase<'b>>, landing: Landing<'b>, provisional_years: Vec<i32> },
    /// Some of its bases are known, others not yet.
    Waiting { given: Vec<GivenBase<'b>>, events: Vec<String>, facts: Vec<String> },
}

/// One rule's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'b> {
    pub rule: &'b Rule,
    pub state: State<'b>,
}

/// Does this period read the working-day calendar (and so can be provisional)?
fn uses_calendar(period: &Period) -> bool {
    matches!(
        period,
        Period::WorkingDays(_) | Period::WorkingDaysBefore(_) | Period::CalendarDays(_) | Period::CalendarMonths(_) | Period::WorkingHours(_)
    )
}

/// Evaluates every rule of the query's service whose bases were given (all of them, or
/// only the rules the query names). Rules are visited in rulebook order, so a rule that
/// counts from another rule finds that rule's result already there.
pub fn evaluate<'b>(query: &Query<'b>, cal: &Calendar, window: WorkingWindow) -> Result<Vec<Outcome<'b>>, QueryError> {
    let mut outcomes: Vec<Outcome<'b>> = Vec::with_capacity(query.service.rules.len());
    for rule in &query.service.rules {
        // A rule is touched when one of its bases is known (or waits itself); untouched
        // rules do not appear. A touched rule with anything still unknown waits for it.
        let mut touched = false;
        let mut given = Vec::new();
        let mut missing_events = Vec::new();
        let mut missing_facts = Vec::new();
        for base in &rule.from {
            match base {
                Base::Event { event, when } => {
                    if let Some(cond) = when {
                        match query.facts.get(&cond.fact) {
                            None => {
                                missing_facts.push(cond.fact.clone());
                                continue;
                            }
                            Some(v) if v.as_text() != cond.equals => continue, // the base does not apply
                            Some(_) => {}
                        }
                    }
                    let spec = query.service.events.iter().find(|e| &e.id == event).expect("rulebook checked");
                    match query.events.get(event) {
                        Some(at) => {
                            touched = true;
                            given.push(GivenBase { source: BaseSource::Event(spec), at: *at });
                        }
                        None => missing_events.push(event.clone()),
                    }
                }
                Base::Rule { rule: id } => match outcomes.iter().find(|o| &o.rule.id == id) {
                    Some(Outcome { rule: r, state: State::Due { landing, .. } }) => {
                        touched = true;
                        given.push(GivenBase { source: BaseSource::Rule(r), at: landing.due.as_moment() });
                    }
                    Some(Outcome { state: State::Waiting { events, facts, .. }, .. }) => {
                        touched = true;
                        missing_events.extend(events.iter().cloned());
                        missing_facts.extend(facts.iter().cloned());
                    }
                    None => {}
                },
            }
        }
        if !touched {
            continue;
        }
        if !missing_events.is_empty() || !missing_facts.is_empty() {
            outcomes.push(Outcome { rule, state: State::Waiting { given, events: missing_events, facts: missing_facts } });
            continue;
        }
        let base = *given.iter().max_by_key(|g| g.at.instant()).expect("given is not empty");
        match period::land(&rule.period, base.at, &query.facts, cal, window) {
            Ok(landing) => {
                let provisional_years = if uses_calendar(landing.period) {
                    let mut years = cal.provisional_years(base.at.date(), landing.due.date());
                    if let Some(u) = landing.unmoved {
                        years.extend(cal.provisional_years(base.at.date(), u));
                        years.sort_unstable();
                        years.dedup();
                    }
                    years
                } else {
                    Vec::new()
                };
                outcomes.push(Outcome { rule, state: State::Due { base, given, landing, provisional_years } });
            }
            Err(Stop::MissingFact(fact)) => {
                outcomes.push(Outcome { rule, state: State::Waiting { given, events: vec![], facts: vec![fact] } })
            }
            Err(Stop::NoBand { fact, value }) => {
                return Err(QueryError::InvalidFact { fact, value: value.to_string(), expected: error::Expected::CoveredByBands })
            }
            Err(Stop::OutOfRange(date)) => return Err(QueryError::OutOfRange { date }),
        }
    }
    if let Some(only) = &query.only_rules {
        outcomes.retain(|o| only.contains(&o.rule.id));
    }
    Ok(outcomes)
}
