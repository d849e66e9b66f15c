//! What is wrong with a deadline query, with a stable code and a sentence in each language
//! that names the offending part.

use chrono::NaiveDate;

use crate::date_format::human_date;
use crate::error_code::ErrorCode;
use crate::i18n::{fill, Lang, Text};

/// What a fact's value should have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    PositiveInteger,
    OneOf(Vec<String>),
    /// A value some band of the rule covers.
    CoveredByBands,
}

impl Expected {
    fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Expected::PositiveInteger, Lang::Ru) => "целое положительное число".into(),
            (Expected::PositiveInteger, Lang::En) => "a positive whole number".into(),
            (Expected::OneOf(o), Lang::Ru) => format!("одно из: {}", o.join(", ")),
            (Expected::OneOf(o), Lang::En) => format!("one of: {}", o.join(", ")),
            (Expected::CoveredByBands, Lang::Ru) => "значение, для которого правило задаёт срок".into(),
            (Expected::CoveredByBands, Lang::En) => "a value the rule has a period for".into(),
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

    /// The sentence a person reads.
    pub fn message(&self, lang: Lang) -> String {
        let (text, args): (Text, Vec<(&str, String)>) = match self {
            QueryError::UnknownService { service, known } => (
                Text::new("Неизвестная услуга «{service}». Известны: {known}.", "Unknown service “{service}”. Known: {known}."),
                vec![("service", service.clone()), ("known", known.join(", "))],
            ),
            QueryError::UnknownEvent { service, event, known } => (
                Text::new(
                    "Неизвестное событие «{event}» для услуги {service}. Известны: {known}.",
                    "Unknown event “{event}” for service {service}. Known: {known}.",
                ),
                vec![("service", service.clone()), ("event", event.clone()), ("known", known.join(", "))],
            ),
            QueryError::UnknownFact { fact, known } => (
                Text::new("Неизвестный факт «{fact}». Известны: {known}.", "Unknown fact “{fact}”. Known: {known}."),
                vec![("fact", fact.clone()), ("known", known.join(", "))],
            ),
            QueryError::UnknownRule { service, rule } => (
                Text::new("Неизвестное правило «{rule}» для услуги {service}.", "Unknown rule “{rule}” for service {service}."),
                vec![("service", service.clone()), ("rule", rule.clone())],
            ),
            QueryError::MalformedMoment { event, value } => (
                Text::new(
                    "Событие «{event}»: «{value}» — не дата. Ожидается ГГГГ-ММ-ДД или ГГГГ-ММ-ДДTЧЧ:ММ.",
                    "Event “{event}”: “{value}” is not a date. Expected YYYY-MM-DD or YYYY-MM-DDTHH:MM.",
                ),
                vec![("event", event.clone()), ("value", value.clone())],
            ),
            QueryError::ImpossibleDate { event, value } => (
                Text::new("Событие «{event}»: даты {value} не существует.", "Event “{event}”: the date {value} does not exist."),
                vec![("event", event.clone()), ("value", value.clone())],
            ),
            QueryError::NeedsTime { event, value } => (
                Text::new(
                    "Событие «{event}» считается в минутах или часах: укажите время, например {value}T09:30.",
                    "Event “{event}” is counted in minutes or hours: give a time, e.g. {value}T09:30.",
                ),
                vec![("event", event.clone()), ("value", value.clone())],
            ),
            QueryError::DuplicateEvent { event } => (
                Text::new("Событие «{event}» указано дважды.", "Event “{event}” is given twice."),
                vec![("event", event.clone())],
            ),
            QueryError::InvalidFact { fact, value, expected } => (
                Text::new("Факт «{fact}»: значение «{value}» не подходит; нужно {expected}.", "Fact “{fact}”: “{value}” is not {expected}."),
                vec![("fact", fact.clone()), ("value", value.clone()), ("expected", expected.describe(lang))],
            ),
            QueryError::OutOfRange { date } => (
                Text::new(
                    "Дата {date} вне поддерживаемого периода ({first}–{last}).",
                    "The date {date} is outside the supported range ({first}–{last}).",
                ),
                vec![
                    ("date", human_date(*date)),
                    ("first", crate::calendar::FIRST_YEAR.to_string()),
                    ("last", crate::calendar::LAST_YEAR.to_string()),
                ],
            ),
            QueryError::MalformedInput { detail } => (
                Text::new("Неверный формат входных данных: {detail}", "Malformed input: {detail}"),
                vec![("detail", detail.clone())],
            ),
        };
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        fill(text.get(lang), &args)
    }
}
