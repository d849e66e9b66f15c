//! What is wrong with a deadline query, with a stable code and a sentence in each language
//! that names the offending part.

use chrono::NaiveDate;

use crate::date_format::human_date;
use crate::error_code::ErrorCode;
use crate::i18n::{Lang, Text};

/// What a fact's value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    PositiveInteger,
    OneOf(Vec<String>),
    /// A value some band of the rule covers.
    CoveredByBands,
}

impl Expected {
    /// What is expected, in words: a choice's values by their labels (`fact` names whose).
    fn describe(&self, fact: &str, lang: Lang) -> String {
        match self {
            Expected::PositiveInteger => Text::id("core-deadlines-expected-positive").get(lang).to_string(),
            Expected::OneOf(o) => {
                let options = crate::rules::Rulebook::shared().fact(fact).and_then(|f| match &f.fact_type {
                    crate::rules::FactType::OneOf(options) => Some(options.clone()),
                    _ => None,
                });
                let label = |v: &String| options.iter().flatten().find(|x| &x.value == v).map(|x| format!("«{}»", x.label.get(lang))).unwrap_or_else(|| v.clone());
                Text::id("core-deadlines-expected-one-of").fill(lang, &[("values", &o.iter().map(label).collect::<Vec<_>>().join(", "))])
            }
            Expected::CoveredByBands => Text::id("core-deadlines-expected-covered").get(lang).to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("unknown service {service}")]
    UnknownService { service: String, known: Vec<String> },
    #[error("unknown event {event} for service {service}")]
    UnknownEvent { service: String, event: String, known: Vec<String> },
    #[error("unknown fact {fact}")]
    UnknownFact { fact: String, known: Vec<String> },
    #[error("unknown rule {rule} for service {service}")]
    UnknownRule { service: String, rule: String },
    #[error("event {event}: malformed date {value}")]
    MalformedMoment { event: String, value: String },
    #[error("event {event}: impossible date {value}")]
    ImpossibleDate { event: String, value: String },
    #[error("event {event} needs a time")]
    NeedsTime { event: String, value: String },
    #[error("event {event} given twice")]
    DuplicateEvent { event: String },
    #[error("fact {fact}: {value} is not {expected:?}")]
    InvalidFact { fact: String, value: String, expected: Expected },
    #[error("{date} is outside the supported range")]
    OutOfRange { date: NaiveDate },
    #[error("malformed input: {detail}")]
    MalformedInput { detail: String },
}

impl QueryError {
    /// A stable code for scripts and the UI.
    pub fn code(&self) -> ErrorCode {
        match self {
            QueryError::UnknownService { .. } => ErrorCode::DeadlinesUnknownService,
            QueryError::UnknownEvent { .. } => ErrorCode::DeadlinesUnknownEvent,
            QueryError::UnknownFact { .. } => ErrorCode::DeadlinesUnknownFact,
            QueryError::UnknownRule { .. } => ErrorCode::DeadlinesUnknownRule,
            QueryError::MalformedMoment { .. } => ErrorCode::DeadlinesMalformedDate,
            QueryError::ImpossibleDate { .. } => ErrorCode::DeadlinesImpossibleDate,
            QueryError::NeedsTime { .. } => ErrorCode::DeadlinesNeedsTime,
            QueryError::DuplicateEvent { .. } => ErrorCode::DeadlinesDuplicateEvent,
            QueryError::InvalidFact { .. } => ErrorCode::DeadlinesInvalidFact,
            QueryError::OutOfRange { .. } => ErrorCode::DeadlinesDateOutOfRange,
            QueryError::MalformedInput { .. } => ErrorCode::DeadlinesMalformedInput,
        }
    }

    /// The sentence a person reads: events and facts by their labels (the id only when the
    /// rulebook does not know it), dates as dd.mm.yyyy.
    pub fn message(&self, lang: Lang) -> String {
        let book = crate::rules::Rulebook::shared();
        let event_name = |event: &String| {
            book.services.iter().flat_map(|s| &s.events).find(|e| &e.id == event).map(|e| e.label.get(lang).to_string()).unwrap_or_else(|| event.clone())
        };
        let fact_name = |fact: &String| book.fact(fact).map(|f| f.label.get(lang).to_string()).unwrap_or_else(|| fact.clone());
        // «2025-02-30» → «30.02.2025», by the text: an impossible date does not parse.
        let as_typed = |value: &String| match (value.get(0..4), value.get(5..7), value.get(8..10)) {
            (Some(y), Some(m), Some(d)) if value.len() == 10 && value.is_char_boundary(10) && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-' => format!("{d}.{m}.{y}"),
            _ => value.clone(),
        };
        let (text, args): (Text, Vec<(&str, String)>) = match self {
            QueryError::UnknownService { service, known } => (
                Text::id("core-deadlines-error-unknown-service-service-known-known"),
                vec![("service", service.clone()), ("known", known.join(", "))],
            ),
            QueryError::UnknownEvent { service, event, known } => (
                Text::id("core-deadlines-error-unknown-event-event-for-service"),
                vec![("service", service.clone()), ("event", event.clone()), ("known", known.join(", "))],
            ),
            QueryError::UnknownFact { fact, known } => (
                Text::id("core-deadlines-error-unknown-fact-fact-known-known"),
                vec![("fact", fact.clone()), ("known", known.join(", "))],
            ),
            QueryError::UnknownRule { service, rule } => (
                Text::id("core-deadlines-error-unknown-rule-rule-for-service"),
                vec![("service", service.clone()), ("rule", rule.clone())],
            ),
            QueryError::MalformedMoment { event, value } => (
                Text::id("core-deadlines-error-event-event-value-is-not"),
                vec![("event", event_name(event)), ("value", value.clone())],
            ),
            QueryError::ImpossibleDate { event, value } => (
                Text::id("core-deadlines-error-event-event-the-date-value"),
                vec![("event", event_name(event)), ("value", as_typed(value))],
            ),
            QueryError::NeedsTime { event, value } => (
                Text::id("core-deadlines-error-event-event-is-counted-in"),
                vec![("event", event_name(event)), ("value", as_typed(value))],
            ),
            QueryError::DuplicateEvent { event } => (
                Text::id("core-deadlines-error-event-event-is-given-twice"),
                vec![("event", event_name(event))],
            ),
            QueryError::InvalidFact { fact, value, expected } => (
                Text::id("core-deadlines-error-fact-fact-value-is-not"),
                vec![("fact", fact_name(fact)), ("value", value.clone()), ("expected", expected.describe(fact, lang))],
            ),
            QueryError::OutOfRange { date } => (
                Text::id("core-deadlines-error-the-date-date-is-outside"),
                vec![
                    ("date", human_date(*date)),
                    ("first", crate::calendar::FIRST_YEAR.to_string()),
                    ("last", crate::calendar::LAST_YEAR.to_string()),
                ],
            ),
            QueryError::MalformedInput { detail } => (
                Text::id("core-deadlines-error-malformed-input-detail"),
                vec![("detail", detail.clone())],
            ),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        text.fill(lang, &args)
    }
}
