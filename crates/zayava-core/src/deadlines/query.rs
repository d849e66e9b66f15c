//! A deadline query, built from what a person or a script typed: a service id, events as
//! `name=YYYY-MM-DD[THH:MM]`, facts as JSON numbers or strings, optionally a rule filter.
//! Everything is checked here, so evaluation never meets bad input.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use crate::rules::{EventKind, EventSpec, Rulebook, ServiceSpec};

use super::error::QueryError;
use super::facts::{check_fact, Facts};
use super::moment::Moment;

/// A checked query against one service of a rulebook.
#[derive(Debug, Clone, PartialEq)]
pub struct Query<'b> {
    pub service: &'b ServiceSpec,
    pub events: BTreeMap<String, Moment>,
    pub facts: Facts,
    /// Only these rules, if given.
    pub only_rules: Option<Vec<String>>,
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, strictly (zero-padded, nothing else around it).
fn parse_moment(event: &EventSpec, raw: &str) -> Result<Moment, QueryError> {
    let value = raw.trim();
    let malformed = || QueryError::MalformedMoment { event: event.id.clone(), value: value.to_string() };
    let impossible = || QueryError::ImpossibleDate { event: event.id.clone(), value: value.to_string() };
    let (date_part, time_part) = match value.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t)),
        None => (value, None),
    };
    let fields: Vec<&str> = date_part.split('-').collect();
    let [y, m, d] = fields.as_slice() else { return Err(malformed()) };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 || !digits(y) || !digits(m) || !digits(d) {
        return Err(malformed());
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().map_err(|_| malformed())?, m.parse().map_err(|_| malformed())?, d.parse().map_err(|_| malformed())?);
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(impossible)?;
    let moment = match time_part {
        None => Moment::Date(date),
        Some(t) => {
            let Some((h, min)) = t.split_once(':') else { return Err(malformed()) };
            if h.len() != 2 || min.len() != 2 || !digits(h) || !digits(min) {
                return Err(malformed());
            }
            let time = NaiveTime::from_hms_opt(h.parse().map_err(|_| malformed())?, min.parse().map_err(|_| malformed())?, 0)
                .ok_or_else(impossible)?;
            Moment::Time(date.and_time(time))
        }
    };
    match (event.kind, moment) {
        (EventKind::Time, Moment::Date(d)) => {
            Err(QueryError::NeedsTime { event: event.id.clone(), value: d.format("%Y-%m-%d").to_string() })
        }
        // A dated event recorded with its time counts by its day.
        (EventKind::Date, Moment::Time(t)) => Ok(Moment::Date(t.date())),
        (_, m) => Ok(m),
    }
}

/// An event of the service and its moment, checked as a query checks it.
fn checked_event(spec: &ServiceSpec, name: &str, raw: &str) -> Result<Moment, QueryError> {
    let event = spec.events.iter().find(|e| e.id == name).ok_or_else(|| QueryError::UnknownEvent {
        service: spec.id.clone(),
        event: name.to_string(),
        known: spec.events.iter().map(|e| e.id.clone()).collect(),
    })?;
    parse_moment(event, raw)
}

impl<'b> Query<'b> {
    /// Whether one event would pass `build` (the service known, the event its, the moment
    /// well written), without building a query: the same checks and the same error.
    pub fn check_event(book: &Rulebook, service: &str, name: &str, raw: &str) -> Result<(), QueryError> {
        let spec = book.service(service).ok_or_else(|| QueryError::UnknownService {
            service: service.to_string(),
            known: book.services.iter().map(|s| s.id.clone()).collect(),
        })?;
        checked_event(spec, name, raw).map(|_| ())
    }

    /// Builds and checks a query. The first problem found is returned, naming the part.
    pub fn build(
        book: &'b Rulebook,
        service: &str,
        events: impl IntoIterator<Item = (String, String)>,
        facts: impl IntoIterator<Item = (String, serde_json::Value)>,
        rules: Option<Vec<String>>,
    ) -> Result<Query<'b>, QueryError> {
        let spec = book.service(service).ok_or_else(|| QueryError::UnknownService {
            service: service.to_string(),
            known: book.services.iter().map(|s| s.id.clone()).collect(),
        })?;
        let mut checked_events = BTreeMap::new();
        for (name, raw) in events {
            let moment = checked_event(spec, &name, &raw)?;
            if checked_events.insert(name.clone(), moment).is_some() {
                return Err(QueryError::DuplicateEvent { event: name });
            }
        }
        let mut checked_facts = Facts::default();
        for (name, raw) in facts {
            let fact = book.fact(&name).ok_or_else(|| QueryError::UnknownFact {
                fact: name.clone(),
                known: book.facts.iter().map(|f| f.id.clone()).collect(),
            })?;
            checked_facts.insert(&fact.id, check_fact(fact, &raw)?);
        }
        if let Some(rules) = &rules {
            for rule in rules {
                if !spec.rules.iter().any(|r| &r.id == rule) {
                    return Err(QueryError::UnknownRule { service: spec.id.clone(), rule: rule.clone() });
                }
            }
        }
        Ok(Query { service: spec, events: checked_events, facts: checked_facts, only_rules: rules })
    }
}
