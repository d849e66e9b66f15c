//! A contract's life (DOMAIN.md §5): each service's states and the dated events that move
//! an application between them, as data (`lifecycle.json`); the check of a new event
//! against those already recorded; and the timeline — events, deadlines with their status,
//! and the state the dates imply (a missed signing window leaves the contract not concluded).

pub mod batch;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod verdicts;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::calendar::Calendar;
use crate::error_code::ErrorCode;
use crate::deadlines::report::{report, report_dates, Item};
use crate::deadlines::{evaluate, Query, QueryError, WorkingWindow};
use crate::date_format::human_date;
use crate::forms::FormSchema;
use crate::i18n::{Lang, Text, Words};
use crate::rules::{RuleKind, Rulebook};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StateSpec {
    pub id: String,
    pub label: Words,
}

/// An event moves an application from one of `from` to `to`; with no `to` it is recorded
/// without changing the state. `*` in `from` allows any state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Transition {
    pub event: String,
    pub from: Vec<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// A precondition of the seed: one of these events must already be in the trail.
    #[serde(default)]
    pub requires: Option<Requirement>,
}

/// What must have happened before an event may (e.g. the constructor's access only after
/// the users' training, clause 4.2), and the reason told to the user when it has not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Requirement {
    pub any_of: Vec<String>,
    pub clause: String,
    pub reason: Words,
}

/// A stage of the applications list: states grouped as a manager thinks of them (waiting
/// for the Operator, awaiting signature, concluded, active, not concluded…), with one colour
/// each everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Stage {
    pub id: String,
    pub label: Words,
    pub states: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Lifecycle {
    pub states: Vec<StateSpec>,
    pub stages: Vec<Stage>,
    /// What may still be recorded once a missed window has voided the contract: the late
    /// receipt itself (facts are facts), the signature and posting before it, the
    /// Operator's annulment, and amendments of the procedure.
    #[serde(default)]
    pub after_void: Vec<String>,
    pub services: BTreeMap<String, Vec<Transition>>,
}

/// The lifecycle shipped with Zayava.
pub fn lifecycle() -> &'static Lifecycle {
    static L: std::sync::OnceLock<Lifecycle> = std::sync::OnceLock::new();
    L.get_or_init(|| serde_json::from_str(include_str!("lifecycle.json")).expect("embedded lifecycle.json is valid"))
}

impl Lifecycle {
    pub fn state_label(&self, id: &str, lang: Lang) -> String {
        self.states.iter().find(|s| s.id == id).map(|s| s.label.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    }

    /// The stage a state belongs to.
    pub fn stage_of(&self, state: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.states.iter().any(|x| x == state))
    }

    /// The precondition of `event`, if the seed gives one.
    pub fn requirement(&self, service: &str, event: &str) -> Option<&Requirement> {
        self.transitions(service).iter().filter(|t| t.event == event).find_map(|t| t.requires.as_ref())
    }

    pub fn transitions(&self, service: &str) -> &[Transition] {
        self.services.get(service).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The events that may be recorded in `state`, each once, in lifecycle order. An event
    /// may have several transitions (from different states); the first that fits is taken.
    pub fn allowed(&self, service: &str, state: &str) -> Vec<&Transition> {
        let mut out: Vec<&Transition> = Vec::new();
        for t in self.transitions(service).iter().filter(|t| t.from.iter().any(|f| f == "*" || f == state)) {
            if !out.iter().any(|o| o.event == t.event) {
                out.push(t);
            }
        }
        out
    }
}

/// Who recorded an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Recorder {
    User,
    Sync,
}

/// An event as kept in the audit trail. Never changed: a correction is a new event that
/// names the one it corrects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordedEvent {
    pub id: i64,
    pub event: String,
    /// When it happened: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` for timed events.
    pub at: String,
    /// When it was recorded (RFC 3339 UTC).
    pub recorded_at: String,
    pub recorded_by: Recorder,
    /// The earlier event this one corrects.
    pub corrects: Option<i64>,
    pub note: String,
}

impl RecordedEvent {
    pub fn date(&self) -> Option<NaiveDate> {
        day_of(&self.at)
    }
}

/// A new event the user (or sync) wants to record.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct NewEvent {
    pub event: String,
    pub at: String,
    #[serde(default)]
    pub corrects: Option<i64>,
    #[serde(default)]
    pub note: String,
}

/// Why an event was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("unknown event {event} for {service}")]
    UnknownEvent { service: String, event: String },
    #[error("{event} cannot follow state {state}")]
    Impossible { event: String, state: String, allowed: Vec<String> },
    #[error("{event} on {date} is before {previous} on {previous_date}")]
    BeforePrevious { event: String, date: NaiveDate, previous: String, previous_date: NaiveDate },
    #[error("{event} on {date} is in the future")]
    InFuture { event: String, date: NaiveDate },
    #[error("{0}")]
    Date(QueryError),
    #[error("event {0} to correct is not recorded for this application")]
    NothingToCorrect(i64),
    #[error("a correction must be of the same event ({expected}), not {given}")]
    CorrectionOfOtherEvent { expected: String, given: String },
    #[error("{event} needs one of {missing:?} first (clause {clause})")]
    Precondition { event: String, missing: Vec<String>, clause: String, reason: Words },
}

impl LifecycleError {
    pub fn code(&self) -> ErrorCode {
        match self {
            LifecycleError::UnknownEvent { .. } => ErrorCode::LifecycleUnknownEvent,
            LifecycleError::Impossible { .. } => ErrorCode::LifecycleImpossible,
            LifecycleError::BeforePrevious { .. } => ErrorCode::LifecycleBeforePrevious,
            LifecycleError::InFuture { .. } => ErrorCode::LifecycleInFuture,
            LifecycleError::Date(_) => ErrorCode::LifecycleBadDate,
            LifecycleError::NothingToCorrect(_) => ErrorCode::LifecycleNothingToCorrect,
            LifecycleError::CorrectionOfOtherEvent { .. } => ErrorCode::LifecycleCorrectionMismatch,
            LifecycleError::Precondition { .. } => ErrorCode::LifecyclePrecondition,
        }
    }

    pub fn message(&self, book: &Rulebook, service: &str, lang: Lang) -> String {
        let label = |e: &str| event_label(book, service, e, lang);
        let l = lifecycle();
        // An event named in a list, quoted as the language quotes.
        let quoted = |e: &str| Text::id("core-quoted").fill(lang, &[("text", &label(e))]);
        match self {
            LifecycleError::UnknownEvent { event, .. } => Text::id("core-lifecycle-error-unknown-event").fill(lang, &[("event", event)]),
            LifecycleError::Impossible { event, state, allowed } => Text::id("core-lifecycle-error-impossible")
                .fill(lang, &[("event", &label(event)), ("state", &l.state_label(state, lang)), ("allowed", &allowed.iter().map(|a| quoted(a)).collect::<Vec<_>>().join(", "))]),
            LifecycleError::BeforePrevious { event, date, previous, previous_date } => Text::id("core-lifecycle-error-before-previous")
                .fill(lang, &[("event", &label(event)), ("date", &human_date(*date)), ("previous", &label(previous)), ("previous_date", &human_date(*previous_date))]),
            LifecycleError::InFuture { event, date } => Text::id("core-lifecycle-error-in-future").fill(lang, &[("event", &label(event)), ("date", &human_date(*date))]),
            LifecycleError::Date(e) => e.message(lang),
            LifecycleError::NothingToCorrect(_) => Text::id("core-lifecycle-error-nothing-to-correct").get(lang).to_string(),
            LifecycleError::CorrectionOfOtherEvent { expected, .. } => Text::id("core-lifecycle-error-correction-of-other").fill(lang, &[("event", &label(expected))]),
            LifecycleError::Precondition { event, missing, clause, reason } => {
                let or = format!(" {} ", Text::id("core-or").get(lang));
                Text::id("core-lifecycle-error-precondition")
                    .fill(lang, &[("event", &label(event)), ("reason", reason.get(lang)), ("clause", clause), ("missing", &missing.iter().map(|m| quoted(m)).collect::<Vec<_>>().join(&or))])
            }
        }
    }
}

/// The events in force: each correction replaces the event it corrects, keeping its place
/// in the order the events were recorded.
pub fn effective(events: &[RecordedEvent]) -> Vec<RecordedEvent> {
    let mut out: Vec<RecordedEvent> = Vec::new();
    for e in events {
        match e.corrects {
            Some(target) => {
                // A correction of a correction corrects the original: its place is the
                // original's, under the original's id.
                let root = original_of(events, target);
                if let Some(slot) = out.iter_mut().find(|x| x.id == root) {
                    *slot = RecordedEvent { id: root, corrects: Some(root), ..e.clone() };
                }
            }
            None => out.push(e.clone()),
        }
    }
    out
}

/// The event a record (or a chain of corrections of it) first recorded: the one whose
/// place the corrections take. Bounded by the trail's length, so a damaged loop ends.
pub fn original_of(events: &[RecordedEvent], id: i64) -> i64 {
    let mut current = id;
    for _ in 0..events.len() {
        match events.iter().find(|e| e.id == current).and_then(|e| e.corrects) {
            Some(earlier) if earlier != current => current = earlier,
            _ => break,
        }
    }
    current
}

/// Where the events lead: the state, and the state-moving event that led there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub state: String,
    pub last_move: Option<(String, NaiveDate)>,
}

/// The events in the order they happened: by date, and in the order recorded within a day.
/// Verdicts follow the facts, never the order they were typed in (DOMAIN.md §6).
pub fn in_date_order(events: &[RecordedEvent]) -> Vec<RecordedEvent> {
    let mut out = events.to_vec();
    out.sort_by_key(|e| e.date().unwrap_or(NaiveDate::MIN));
    out
}

/// Replays `events` (in force) in the order they happened from `initial`, checking each step.
pub fn replay(service: &str, initial: &str, events: &[RecordedEvent]) -> Result<Position, LifecycleError> {
    let l = lifecycle();
    let mut pos = Position { state: initial.to_string(), last_move: None };
    for e in in_date_order(events) {
        step(l, service, &mut pos, &e.event, e.date().unwrap_or(NaiveDate::MIN))?;
    }
    Ok(pos)
}

/// Replays in the order recorded, refusing a step dated before the move it follows: only
/// used to tell the user *why* a new event does not fit.
fn replay_as_typed(service: &str, initial: &str, events: &[RecordedEvent]) -> Result<Position, LifecycleError> {
    let l = lifecycle();
    let mut pos = Position { state: initial.to_string(), last_move: None };
    for e in events {
        let date = e.date().unwrap_or(NaiveDate::MIN);
        if let Some((previous, previous_date)) = &pos.last_move {
            if date < *previous_date {
                return Err(LifecycleError::BeforePrevious { event: e.event.clone(), date, previous: previous.clone(), previous_date: *previous_date });
            }
        }
        step(l, service, &mut pos, &e.event, date)?;
    }
    Ok(pos)
}

/// A stored trail walked leniently: the events that fit, in date order, and those that no
/// longer fit the procedure (a trail recorded under older rules). None is dropped.
struct Walk {
    position: Position,
    placed: Vec<RecordedEvent>,
    unplaced: Vec<(RecordedEvent, LifecycleError)>,
}

fn walk(service: &str, initial: &str, events: &[RecordedEvent]) -> Walk {
    let l = lifecycle();
    let mut w = Walk { position: Position { state: initial.to_string(), last_move: None }, placed: Vec::new(), unplaced: Vec::new() };
    for e in in_date_order(events) {
        let mut next = w.position.clone();
        match step(l, service, &mut next, &e.event, e.date().unwrap_or(NaiveDate::MIN)) {
            Ok(()) => {
                w.position = next;
                w.placed.push(e);
            }
            Err(why) => w.unplaced.push((e, why)),
        }
    }
    w
}

fn step(l: &Lifecycle, service: &str, pos: &mut Position, event: &str, date: NaiveDate) -> Result<(), LifecycleError> {
    let transitions = l.transitions(service);
    if !transitions.iter().any(|t| t.event == event) {
        return Err(LifecycleError::UnknownEvent { service: service.into(), event: event.into() });
    }
    let Some(t) = transitions.iter().find(|t| t.event == event && t.from.iter().any(|f| f == "*" || *f == pos.state)) else {
        let allowed = l.allowed(service, &pos.state).iter().map(|t| t.event.clone()).collect();
        return Err(LifecycleError::Impossible { event: event.into(), state: pos.state.clone(), allowed });
    };
    if let Some(to) = &t.to {
        pos.state = to.clone();
        pos.last_move = Some((event.to_string(), date));
    }
    Ok(())
}

/// The precondition of `event` on `date` that `others` (the trail without it) leave unmet:
/// none of the required events happened on or before that day.
fn unmet<'a>(l: &'a Lifecycle, service: &str, event: &str, date: NaiveDate, others: &[RecordedEvent]) -> Option<&'a Requirement> {
    let req = l.requirement(service, event)?;
    let met = others.iter().any(|e| req.any_of.contains(&e.event) && e.date().is_some_and(|d| d <= date));
    (!met).then_some(req)
}

/// Whether an event's date lies where the calendar can count from it, with room for the
/// longest periods after it (a typo like «01.01.0202» is refused, never stored).
fn in_reach(date: NaiveDate) -> bool {
    (crate::calendar::FIRST_YEAR..=crate::calendar::LAST_YEAR - 5).contains(&date.year())
}

/// The state a replay starts from: the form's status before anything was sent.
pub fn initial_state(form_ready: bool, events: &[RecordedEvent]) -> &'static str {
    if form_ready || !events.is_empty() { "ready" } else { "draft" }
}

/// Checks `new` against the recorded events as of `today`. Nothing is stored here. An event
/// fits if the whole trail, with it in its place by date, follows the procedure; planned
/// events may lie ahead of `today`, nothing else may.
pub fn check_new(book: &Rulebook, service: &str, form_ready: bool, recorded: &[RecordedEvent], new: &NewEvent, today: NaiveDate) -> Result<(), LifecycleError> {
    let spec = book.service(service).ok_or_else(|| LifecycleError::UnknownEvent { service: service.into(), event: new.event.clone() })?;
    // The date's shape is checked by the deadline engine's own parser, so both agree.
    let query = Query::build(book, service, [(new.event.clone(), new.at.clone())], Vec::<(String, Value)>::new(), None).map_err(|e| match e {
        QueryError::UnknownEvent { .. } => LifecycleError::UnknownEvent { service: service.into(), event: new.event.clone() },
        other => LifecycleError::Date(other),
    })?;
    let date = match query.events.get(&new.event) {
        Some(moment) => moment.date(),
        None => return Err(LifecycleError::UnknownEvent { service: service.into(), event: new.event.clone() }),
    };
    if !in_reach(date) {
        return Err(LifecycleError::Date(QueryError::OutOfRange { date }));
    }
    let planned = spec.events.iter().any(|e| e.id == new.event && e.planned);
    if date > today && !planned {
        return Err(LifecycleError::InFuture { event: new.event.clone(), date });
    }
    // A correction may correct a correction: it takes the place of the event first recorded.
    let corrected = new.corrects.map(|target| original_of(recorded, target));
    if let (Some(target), Some(root)) = (new.corrects, corrected) {
        let original = effective(recorded).into_iter().find(|e| e.id == root).ok_or(LifecycleError::NothingToCorrect(target))?;
        if original.event != new.event {
            return Err(LifecycleError::CorrectionOfOtherEvent { expected: original.event, given: new.event.clone() });
        }
    }
    // A precondition is checked for the event being recorded only: a stored trail from before
    // the rule keeps its place and shows the gap instead (`Timeline::gaps`).
    let others: Vec<RecordedEvent> = effective(recorded).into_iter().filter(|e| Some(e.id) != corrected).collect();
    if let Some(req) = unmet(lifecycle(), service, &new.event, date, &others) {
        return Err(LifecycleError::Precondition { event: new.event.clone(), missing: req.any_of.clone(), clause: req.clause.clone(), reason: req.reason.clone() });
    }
    let mut all = recorded.to_vec();
    all.push(RecordedEvent { id: i64::MAX, event: new.event.clone(), at: new.at.trim().to_string(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: new.corrects, note: String::new() });
    let candidate = effective(&all);
    let initial = initial_state(form_ready, recorded);
    let Err(why) = replay(service, initial, &candidate) else { return Ok(()) };
    // Say why in the terms the user thinks in: the state the trail is in, or the event the
    // new one would come before.
    if new.corrects.is_none() {
        if let Ok(pos) = replay(service, initial, &effective(recorded)) {
            let mut probe = pos.clone();
            if let Err(impossible @ LifecycleError::Impossible { .. }) = step(lifecycle(), service, &mut probe, &new.event, date) {
                return Err(impossible);
            }
        }
    }
    match replay_as_typed(service, initial, &candidate) {
        Err(before @ LifecycleError::BeforePrevious { .. }) => Err(before),
        _ => Err(why),
    }
}

/// Where a deadline stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStatus {
    Upcoming,
    DueToday,
    Overdue,
    Met,
    /// Met, but after the due date.
    MetLate,
    /// A derived date that has come.
    Passed,
    /// Not yet computable: waiting for an event or a fact.
    Waiting,
    /// Passed without its completion recorded, though a later step shows it happened (a
    /// trail kept from before the completion was asked for): not guessed either way.
    Unknown,
}

impl DeadlineStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        let id = match self {
            DeadlineStatus::Upcoming => "core-status-upcoming",
            DeadlineStatus::DueToday => "core-status-due-today",
            DeadlineStatus::Overdue => "core-status-overdue",
            DeadlineStatus::Met => "core-status-met",
            DeadlineStatus::MetLate => "core-status-met-late",
            DeadlineStatus::Passed => "core-status-passed",
            DeadlineStatus::Waiting => "core-status-waiting",
            DeadlineStatus::Unknown => "core-status-unknown",
        };
        Text::id(id).get(lang)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TimelineDeadline {
    pub item: Item,
    /// Which round of this deadline (1 and up): a base event that happens again opens a new
    /// round with its own date and verdict (DOMAIN.md §6.2).
    pub round: u32,
    /// «2-й круг» when the deadline has more than one round, for people.
    pub round_label: Option<String>,
    pub status: DeadlineStatus,
    /// The event that met it, and when.
    pub met_by: Option<String>,
    pub met_on: Option<String>,
    /// Whole days after the due day that it was met (only when met late).
    pub days_late: Option<i64>,
    /// Nothing is left to do: met, met late, or shown done by a later step. An unsettled
    /// deadline stays on the to-do list and keeps reminding; a settled one never does.
    pub settled: bool,
    /// What a miss means and what to do now, once the deadline is missed (or why its
    /// verdict cannot be told).
    pub consequence: Option<String>,
    /// A drafted notice, ready to copy, for rules that call for one.
    pub notice: Option<Notice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Notice {
    pub to: String,
    /// The e-mail's subject line.
    pub subject: String,
    pub text: String,
}

/// What a drafted notice names besides the dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoticeContext {
    pub organisation: String,
    pub contact: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TimelineEvent {
    pub event: RecordedEvent,
    pub label: String,
    /// Superseded by a later correction.
    pub corrected: bool,
    /// Who recorded it on another desktop of the account, by name (the store fills it in);
    /// none: recorded here, or brought from the Operator.
    pub author: Option<String>,
}

/// A missed window that voided the contract (DOMAIN.md §6.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Void {
    pub rule: String,
    pub clause: String,
    /// What happened and what to do now, as one sentence or two.
    pub message: String,
}

/// A recorded event that does not fit the procedure as it stands (kept, shown, not used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Unplaced {
    pub id: i64,
    pub label: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Timeline {
    pub state: String,
    pub state_label: String,
    /// Set when a missed signing window has voided the contract.
    pub void: Option<Void>,
    /// Recorded events the procedure cannot place (none is dropped).
    pub unplaced: Vec<Unplaced>,
    /// What the trail cannot tell: an event whose precondition is not recorded (access
    /// given with no training recorded). Said, never guessed.
    pub gaps: Vec<String>,
    /// The audit trail, in the order recorded (corrections included).
    pub events: Vec<TimelineEvent>,
    pub deadlines: Vec<TimelineDeadline>,
    /// The events that may be recorded now.
    pub next_events: Vec<String>,
}

/// The deadline engine's facts for an application: the fields of its form and of its
/// organisation's profile that supply one (`fact` in the schema; a choice maps onto the
/// fact's values through its options' `fact_value`, as the profile's kind gives `org_kind`).
pub fn facts(schema: Option<&FormSchema>, values: &Value, organisation: Option<&Value>) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let sources = schema.map(|s| (s, values)).into_iter().chain(organisation.map(|o| (crate::forms::organisation(), o)));
    for (schema, values) in sources {
        for f in &schema.fields {
            let Some((fact, v)) = values.get(&f.id).and_then(|v| f.fact_value(v)) else { continue };
            // A value the fact cannot take (a draft's «-3» or «5ю») counts as not given:
            // the form says what is wrong with it, and the rules that need it wait, so
            // one mistyped field never stops an application's dates or a sync page.
            let valid = crate::rules::Rulebook::shared().fact(&fact).is_none_or(|spec| crate::deadlines::facts::check_fact(spec, &v).is_ok());
            if !v.is_null() && v != "" && valid {
                out.push((fact, v));
            }
        }
    }
    out
}

/// The day a moment's text starts with (its first ten bytes), as chrono reads it. Written
/// `YYYY-MM-DD` it is read by hand (chrono's parser was a tenth of recomputing a trail's
/// dates); anything else goes to chrono, so both ways give the same answer.
pub(crate) fn day_of(text: &str) -> Option<NaiveDate> {
    let day = text.get(..10)?;
    match day.as_bytes() {
        [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] if [y0, y1, y2, y3, m0, m1, d0, d1].iter().all(|b| b.is_ascii_digit()) => {
            let n = |bytes: &[&u8]| bytes.iter().fold(0u32, |acc, b| acc * 10 + (**b - b'0') as u32);
            NaiveDate::from_ymd_opt(n(&[y0, y1, y2, y3]) as i32, n(&[m0, m1]), n(&[d0, d1]))
        }
        _ => day.parse().ok(),
    }
}

/// `YYYY-MM-DDTHH:MM` as chrono's `parse_from_str` with that format reads it: the digits by
/// hand when every field is two (four) ASCII digits, anything else through chrono.
fn minute_of(text: &str) -> Option<NaiveDateTime> {
    match text.as_bytes() {
        [_, _, _, _, b'-', _, _, b'-', _, _, b'T', h0, h1, b':', n0, n1] if [h0, h1, n0, n1].iter().all(|b| b.is_ascii_digit()) && text.is_char_boundary(10) => {
            let two = |a: &u8, b: &u8| ((a - b'0') * 10 + (b - b'0')) as u32;
            match day_of(text) {
                Some(day) if text[..10].bytes().filter(|b| b.is_ascii_digit()).count() == 8 => day.and_hms_opt(two(h0, h1), two(n0, n1), 0),
                _ => NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok(),
            }
        }
        _ => NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").ok(),
    }
}

/// A moment as text (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, `YYYY-MM`) → the last instant it
/// covers: a day lasts until its end (art. 193), a month until its last day's end.
fn end_of(text: &str) -> Option<NaiveDateTime> {
    let end_of_day = |d: NaiveDate| d.and_hms_opt(23, 59, 59);
    match text.len() {
        16 => minute_of(text),
        10 => day_of(text).and_then(end_of_day),
        7 => {
            let first: NaiveDate = format!("{text}-01").parse().ok()?;
            let next = first.checked_add_months(chrono::Months::new(1))?;
            end_of_day(next.pred_opt()?)
        }
        _ => None,
    }
}

/// Where a deadline (or a derived date) stands at `now`, given when it was met, if it was.
pub fn deadline_status(due: Option<&str>, kind: RuleKind, met_at: Option<&str>, now: NaiveDateTime) -> DeadlineStatus {
    let Some(due_end) = due.and_then(end_of) else { return DeadlineStatus::Waiting };
    let due_timed = due.is_some_and(|d| d.len() == 16);
    // Met on time: by the due minute for a timed deadline recorded with its time, otherwise
    // by the end of the due day.
    let on_time = |met: &str| match end_of(met) {
        Some(m) if due_timed && met.len() == 16 => m <= due_end,
        Some(m) => m.date() <= due_end.date(),
        None => false,
    };
    match (kind, met_at) {
        (RuleKind::Date, _) if due_end.date() <= now.date() => DeadlineStatus::Passed,
        (RuleKind::Date, _) => DeadlineStatus::Upcoming,
        (RuleKind::Deadline, Some(met)) if on_time(met) => DeadlineStatus::Met,
        (RuleKind::Deadline, Some(_)) => DeadlineStatus::MetLate,
        (RuleKind::Deadline, None) if now > due_end => DeadlineStatus::Overdue,
        (RuleKind::Deadline, None) if due_end.date() == now.date() => DeadlineStatus::DueToday,
        (RuleKind::Deadline, None) => DeadlineStatus::Upcoming,
    }
}

/// Sentences of the verdicts.
mod words {
    use crate::i18n::Text;
    pub const LATE: Text = Text::id("core-lifecycle-late");
    pub const UNKNOWN: Text = Text::id("core-lifecycle-unknown");
    pub const ROUND: Text = Text::id("core-lifecycle-round");
    pub const IN_TIME: Text = Text::id("core-lifecycle-in-time");
    pub const STAKE_OPEN: Text = Text::id("core-lifecycle-stake-open");
    pub const STAKE_TODAY: Text = Text::id("core-lifecycle-stake-today");
    pub const STAKE_SENT: Text = Text::id("core-lifecycle-stake-sent");
}

/// What a missed deadline means: how late it was done (if it was), then the rule's own
/// sentence on the consequence and what to do now.
fn miss_text(book: &Rulebook, service: &str, rule: &crate::rules::Rule, done: Option<(&str, NaiveDate)>, due: Option<NaiveDate>, lang: Lang) -> Option<String> {
    let mut text = String::new();
    if let (Some((by, on)), Some(due)) = (done, due) {
        let days = (on - due).num_days();
        if days > 0 {
            text = words::LATE.fill(lang, &[("event", &event_label(book, service, by, lang)), ("date", &human_date(on)), ("days", &days_text(days, lang)), ("due", &human_date(due))]);
        }
    }
    if let Some(note) = &rule.miss_note {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(note.get(lang));
    }
    (!text.is_empty()).then_some(text)
}

/// The deadline calculator's verdict on one computed date, from the events typed in: done
/// in time, done late (and, for a signing window, the contract not concluded), or nothing
/// to say yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CalculatedVerdict {
    pub rule: String,
    pub status: DeadlineStatus,
    /// Whether this miss voids the contract.
    pub voids: bool,
    pub text: String,
}

pub fn calculator_verdicts(book: &Rulebook, service: &str, items: &[Item], events: &BTreeMap<String, String>, lang: Lang) -> Vec<CalculatedVerdict> {
    let day = |t: &str| t.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
    let mut out = Vec::new();
    for item in items {
        let Some((_, rule)) = book.rule(&item.rule) else { continue };
        let Some(due) = item.due.as_deref() else { continue };
        let done = rule.met_by.iter().filter_map(|e| events.get(e).map(|at| (e.as_str(), at.as_str()))).min_by(|a, b| a.1.cmp(b.1));
        let Some((by, at)) = done else { continue };
        let status = deadline_status(Some(due), rule.kind, Some(at), NaiveDateTime::MAX);
        let text = match status {
            DeadlineStatus::MetLate => miss_text(book, service, rule, day(at).map(|d| (by, d)), day(due), lang).unwrap_or_default(),
            _ => words::IN_TIME.fill(lang, &[("event", &event_label(book, service, by, lang)), ("date", &crate::deadlines::Due::human_text(at))]),
        };
        out.push(CalculatedVerdict { rule: rule.id.clone(), voids: status == DeadlineStatus::MetLate && rule.on_miss.is_some(), status, text });
    }
    out
}

/// «2-й круг»: a deadline's round, for people.
pub fn round_label(round: u32, lang: Lang) -> String {
    words::ROUND.fill(lang, &[("n", &round.to_string())])
}

fn working_days_text(n: u32, lang: Lang) -> String {
    Text::id("core-lifecycle-working-days").fill(lang, &[("n", &n.to_string())])
}

/// What is at stake in an open window whose miss voids the contract, for the to-do list:
/// how long is left and what must happen by when — or, once the contract is posted, that
/// the Operator's receipt is awaited. `None` for other deadlines.
pub fn stake(rule: &crate::rules::Rule, due: NaiveDate, today: NaiveDate, sent_back: bool, cal: &Calendar, lang: Lang) -> Option<String> {
    rule.on_miss.as_ref()?;
    if due < today {
        return None;
    }
    let due_text = human_date(due);
    if sent_back {
        return Some(words::STAKE_SENT.fill(lang, &[("due", &due_text)]));
    }
    if due == today {
        return Some(words::STAKE_TODAY.get(lang).to_string());
    }
    // Working days from tomorrow to the due day, both counted.
    let left = cal.working_days_between(today, due, crate::calendar::Schedule::Official).ok()?;
    Some(words::STAKE_OPEN.fill(lang, &[("left", &working_days_text(left.max(1), lang)), ("due", &due_text)]))
}

fn days_text(n: i64, lang: Lang) -> String {
    Text::id("core-lifecycle-days").fill(lang, &[("n", &n.to_string())])
}

/// The one event a rule's rounds follow: its only base, an event with no condition.
fn round_event(rule: &crate::rules::Rule) -> Option<&str> {
    match rule.from.as_slice() {
        [crate::rules::Base::Event { event, when: None }] => Some(event),
        _ => None,
    }
}

/// Everything about an application's life as of `now`.
#[allow(clippy::too_many_arguments)]
pub fn timeline(
    book: &Rulebook,
    cal: &Calendar,
    window: WorkingWindow,
    service: &str,
    form_ready: bool,
    recorded: &[RecordedEvent],
    facts: Vec<(String, Value)>,
    now: NaiveDateTime,
    notice: &NoticeContext,
    lang: Lang,
) -> Result<Timeline, QueryError> {
    build(book, cal, window, service, form_ready, recorded, facts, now, Some((notice, lang)))
}

/// The timeline's state, void and deadlines (rule, round, due, status, settled) as
/// `timeline` gives them, without any text: no explanations, notices, labels, gaps or
/// reasons, and consequences only where they void the contract. What the store keeps for
/// every application (its due dates and stage), refreshed for thousands at a time.
pub fn dates(book: &Rulebook, cal: &Calendar, window: WorkingWindow, service: &str, form_ready: bool, recorded: &[RecordedEvent], facts: Vec<(String, Value)>) -> Result<Timeline, QueryError> {
    build(book, cal, window, service, form_ready, recorded, facts, NaiveDateTime::MIN, None)
}

/// The timeline; `words` (the notice's context and the language) None for dates only.
#[allow(clippy::too_many_arguments)]
fn build(
    book: &Rulebook,
    cal: &Calendar,
    window: WorkingWindow,
    service: &str,
    form_ready: bool,
    recorded: &[RecordedEvent],
    facts: Vec<(String, Value)>,
    now: NaiveDateTime,
    words: Option<(&NoticeContext, Lang)>,
) -> Result<Timeline, QueryError> {
    let lang = words.map(|(_, lang)| lang).unwrap_or_default();
    let report = |q: &Query, o: &[crate::deadlines::Outcome], cal: &Calendar| match words {
        Some(_) => report(q, o, cal, lang),
        None => report_dates(q, o),
    };
    let l = lifecycle();
    let in_force = effective(recorded);
    let initial = initial_state(form_ready, recorded);
    // An event whose date the engine cannot read (a trail imported or stored before the
    // checks) is kept aside with why; it never stops the rest of the timeline.
    let mut unreadable: Vec<(RecordedEvent, LifecycleError)> = Vec::new();
    let in_force: Vec<RecordedEvent> = in_force
        .into_iter()
        .filter(|e| match Query::check_event(book, service, &e.event, &e.at) {
            // Unknown to the service: the walk below says so in its own words.
            Err(QueryError::UnknownEvent { .. }) => true,
            Err(err) => {
                unreadable.push((e.clone(), LifecycleError::Date(err)));
                false
            }
            _ => match e.date().filter(|d| !in_reach(*d)) {
                Some(date) => {
                    unreadable.push((e.clone(), LifecycleError::Date(QueryError::OutOfRange { date })));
                    false
                }
                None => true,
            },
        })
        .collect();
    let mut walked = walk(service, initial, &in_force);
    walked.unplaced.extend(unreadable);
    let trail = &walked.placed;
    // The latest date of each event feeds the deadline engine: the last round of each rule.
    let mut latest: BTreeMap<String, String> = BTreeMap::new();
    for e in trail {
        latest.insert(e.event.clone(), e.at.clone());
    }
    let facts: Vec<(String, Value)> = facts.into_iter().filter(|(k, _)| book.fact(k).is_some()).collect();
    let query = Query::build(book, service, latest.clone(), facts.clone(), None)?;
    let outcomes = evaluate(&query, cal, window)?;
    let positions = |event: &str| trail.iter().enumerate().filter(|(_, e)| e.event == event).map(|(i, _)| i).collect::<Vec<_>>();
    // Each rule's rounds: (item, round number, position of its base, position of the next
    // round's base). Earlier rounds are evaluated with their own base in place of the latest.
    let mut rounds: Vec<(Item, u32, Option<usize>, Option<usize>, u32)> = Vec::new();
    for item in report(&query, &outcomes, cal).items {
        let rule = book.rule(&item.rule).map(|(_, r)| r).ok_or_else(|| QueryError::UnknownRule { service: service.into(), rule: item.rule.clone() })?;
        let Some(event) = round_event(rule) else {
            // Several bases (the later counts) or a derived base: one round, from the latest
            // event behind any of its bases (through the rules it counts from).
            fn anchor(book: &Rulebook, rule: &crate::rules::Rule, last: &dyn Fn(&str) -> Option<usize>) -> Option<usize> {
                rule.from
                    .iter()
                    .filter_map(|b| match b {
                        crate::rules::Base::Event { event, .. } => last(event),
                        crate::rules::Base::Rule { rule } => book.rule(rule).and_then(|(_, r)| anchor(book, r, last)),
                    })
                    .max()
            }
            let anchor = anchor(book, rule, &|e| positions(e).last().copied());
            rounds.push((item, 1, anchor, None, 1));
            continue;
        };
        let at = positions(event);
        let count = at.len().max(1) as u32;
        for k in 0..at.len().saturating_sub(1) {
            let mut earlier = latest.clone();
            earlier.insert(event.to_string(), trail[at[k]].at.clone());
            let q = Query::build(book, service, earlier, facts.clone(), Some(vec![rule.id.clone()]))?;
            let o = evaluate(&q, cal, window)?;
            if let Some(first) = report(&q, &o, cal).items.into_iter().next() {
                rounds.push((first, k as u32 + 1, Some(at[k]), Some(at[k + 1]), count));
            }
        }
        rounds.push((item, count, at.last().copied(), None, count));
    }
    let replayed = walked.position.state.clone();
    let mut void: Option<Void> = None;
    let mut state = replayed.clone();
    let mut deadlines = Vec::new();
    for (item, round, anchor, next_anchor, count) in rounds {
        let rule = book.rule(&item.rule).map(|(_, r)| r).ok_or_else(|| QueryError::UnknownRule { service: service.into(), rule: item.rule.clone() })?;
        // A completion counts for the round whose base it follows (DOMAIN.md §6.2).
        let after = |i: usize| anchor.is_some_and(|a| i > a) && next_anchor.is_none_or(|n| i < n);
        let met = trail.iter().enumerate().find(|(i, e)| after(*i) && rule.met_by.contains(&e.event)).map(|(_, e)| (e.event.clone(), e.at.clone()));
        let mut status = deadline_status(item.due.as_deref(), rule.kind, met.as_ref().map(|(_, at)| at.as_str()), now);
        let implied = trail.iter().enumerate().any(|(i, e)| after(i) && rule.implied_by.contains(&e.event));
        if status == DeadlineStatus::Overdue && implied {
            status = DeadlineStatus::Unknown;
        }
        let (met_by, met_on) = match met {
            Some((e, at)) if matches!(status, DeadlineStatus::Met | DeadlineStatus::MetLate) => (Some(e), Some(at)),
            _ => (None, None),
        };
        let due_day = item.due.as_deref().and_then(day_of);
        let met_day = met_on.as_deref().and_then(day_of);
        let days_late = match (status, due_day, met_day) {
            (DeadlineStatus::MetLate, Some(due), Some(met)) => Some((met - due).num_days()),
            _ => None,
        };
        let consequence = match status {
            _ if words.is_none() && rule.on_miss.is_none() => None,
            DeadlineStatus::Unknown => Some(words::UNKNOWN.get(lang).to_string()),
            DeadlineStatus::Overdue | DeadlineStatus::MetLate => miss_text(book, service, rule, met_by.as_deref().zip(met_day), due_day, lang),
            _ => None,
        };
        // A missed window voids the contract, unless the Operator has annulled it already.
        if let (Some(missed), Some(text)) = (&rule.on_miss, &consequence) {
            if void.is_none() && matches!(status, DeadlineStatus::Overdue | DeadlineStatus::MetLate) && replayed != "annulled" {
                void = Some(Void { rule: rule.id.clone(), clause: rule.clause.clone(), message: text.clone() });
                state = missed.clone();
            }
        }
        let drafted = rule.notice.as_ref().zip(words).map(|(template, (notice, _))| {
            let base = item.explanation.base.as_ref();
            let base_note = anchor.map(|a| trail[a].note.clone()).unwrap_or_default();
            let event_date = base.map(|b| crate::deadlines::Due::human_text(&b.at)).unwrap_or_default();
            let due = item.due.as_deref().map(crate::deadlines::Due::human_text).unwrap_or_default();
            let args = [("organisation", notice.organisation.as_str()), ("event_date", &event_date), ("due", &due), ("note", &base_note), ("contact", &notice.contact)];
            let filled = crate::i18n::fill_template(template.text.get(lang), &args);
            // A rulebook from before subjects were data names the notice by its rule's title.
            let subject = match &template.subject {
                Some(subject) => crate::i18n::fill_template(subject.get(lang), &args),
                None => rule.title.get(lang).to_string(),
            };
            Notice { to: template.to.clone(), subject: subject.trim().to_string(), text: filled.replace(" \n", "\n").trim().to_string() }
        });
        let round_label = (count > 1 && words.is_some()).then(|| round_label(round, lang));
        let settled = met_by.is_some() || implied;
        deadlines.push(TimelineDeadline { item, round, round_label, status, met_by, met_on, days_late, settled, consequence, notice: drafted });
    }
    if words.is_none() {
        return Ok(Timeline { state, state_label: String::new(), void, unplaced: vec![], gaps: vec![], events: vec![], deadlines, next_events: vec![] });
    }
    let superseded: Vec<i64> = recorded.iter().filter_map(|e| e.corrects).collect();
    let events = recorded
        .iter()
        .map(|e| TimelineEvent { label: event_label(book, service, &e.event, lang), corrected: superseded.contains(&e.id), event: e.clone(), author: None })
        .collect();
    let unplaced = walked
        .unplaced
        .iter()
        .map(|(e, why)| Unplaced { id: e.id, label: event_label(book, service, &e.event, lang), reason: why.message(book, service, lang) })
        .collect();
    let gaps = trail
        .iter()
        .filter_map(|e| {
            let others: Vec<RecordedEvent> = trail.iter().filter(|o| o.id != e.id).cloned().collect();
            let req = unmet(l, service, &e.event, e.date()?, &others)?;
            let missing = req.any_of.iter().map(|m| event_label(book, service, m, lang)).collect::<Vec<_>>();
            let or = format!(" {} ", Text::id("core-or").get(lang));
            let missing = missing.iter().map(|m| Text::id("core-quoted").fill(lang, &[("text", m)])).collect::<Vec<_>>().join(&or);
            Some(Text::id("core-lifecycle-gap").fill(lang, &[("event", &event_label(book, service, &e.event, lang)), ("missing", &missing), ("reason", req.reason.get(lang)), ("clause", &req.clause)]))
        })
        .collect();
    // Once void, only what can still honestly happen is offered (the late receipt included).
    let next_events = l
        .allowed(service, &replayed)
        .iter()
        .map(|t| t.event.clone())
        .filter(|e| void.is_none() || l.after_void.contains(e))
        .collect();
    Ok(Timeline { state_label: l.state_label(&state, lang), state, void, unplaced, gaps, events, deadlines, next_events })
}

/// An event's label in the user's language (its id only if the rulebook does not know it).
pub fn event_label(book: &Rulebook, service: &str, event: &str, lang: Lang) -> String {
    book.service(service)
        .and_then(|s| s.events.iter().find(|x| x.id == event))
        .map(|x| x.label.get(lang).to_string())
        .unwrap_or_else(|| event.to_string())
}
