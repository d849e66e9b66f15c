//! The rulebook compiled for speed (issue 19): each service becomes a flat plan, with events
//! and facts resolved to indices, bases to slots, and fact conditions and bands to numbers,
//! so an evaluation reads arrays and allocates nothing. It computes what `evaluate` computes,
//! due dates, what is still awaited and the provisional flag, but no explanation. A caller
//! that needs an explanation asks the interpreter (`evaluate`), which stays the reference.
//! A property test holds the two equal on random scenarios.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::rules::{Base, FactType, Period, Rule, Rulebook, ServiceSpec};

use super::error::{Expected, QueryError};
use super::facts::{FactValue, Facts};
use super::period::{land, Stop, WorkingWindow};
use super::{uses_calendar, Due, Moment, Query};

/// The most events a service may have for the plan (the rulebook has at most 25).
pub const MAX_EVENTS: usize = 32;
/// The most facts the rulebook may have for the plan (it has 2).
pub const MAX_FACTS: usize = 8;
/// The most rules a service may have for the plan (the rulebook has at most 22).
const MAX_RULES: usize = 32;
/// The longest list of awaited events or facts one result carries here; a longer one (none
/// in the rulebook) sends the case to the interpreter.
const MAX_AWAITED: usize = 24;

/// The compiled rulebook.
pub struct Plan<'b> {
    pub book: &'b Rulebook,
    services: Vec<ServicePlan<'b>>,
}

/// One service, compiled.
pub struct ServicePlan<'b> {
    pub spec: &'b ServiceSpec,
    rules: Vec<RulePlan<'b>>,
}

struct RulePlan<'b> {
    rule: &'b Rule,
    bases: Vec<BasePlan>,
    step: Step<'b>,
}

#[derive(Clone, Copy)]
enum BasePlan {
    Event { event: u8, when: Option<Condition> },
    /// Another rule of the service, by its place in the service's list (always an earlier
    /// one: the rulebook is checked for that).
    Rule { index: u8 },
}

#[derive(Clone, Copy)]
struct Condition {
    fact: u8,
    equals: Equals,
}

/// What a condition's text compares equal to, worked out once: a count whose digits are
/// the text, or an option of a one-of fact (by its index), or nothing (a text no value of
/// the fact can have).
#[derive(Clone, Copy)]
enum Equals {
    Value(u64),
    Never,
}

enum Step<'b> {
    Plain(&'b Period),
    ByFact { fact: u8, name: &'b str, bands: Vec<(u64, Option<u64>, Step<'b>)> },
}

/// What one evaluation reads, kept small (192 bytes, three cache lines): each event's
/// moment packed in an integer (see `pack`), each fact's value as a number (a count, or the
/// index of a one-of fact's option), by index; `ABSENT` where nothing was given.
#[derive(Debug, Clone)]
pub struct Input {
    events: [u32; MAX_EVENTS],
    facts: [u64; MAX_FACTS],
}

const ABSENT: u32 = u32::MAX;
const NO_FACT: u64 = u64::MAX;

impl Default for Input {
    fn default() -> Self {
        Input { events: [ABSENT; MAX_EVENTS], facts: [NO_FACT; MAX_FACTS] }
    }
}

impl Input {
    /// Sets event `index` (of the service's list); false if the moment does not fit (the
    /// interpreter is to answer) or the event was already set.
    #[must_use]
    pub fn set_event(&mut self, index: usize, at: Moment) -> bool {
        match (self.events.get(index), pack(at)) {
            (Some(&ABSENT), Some(key)) => {
                self.events[index] = key;
                true
            }
            _ => false,
        }
    }

    /// Sets event `index` to a moment already packed (see `pack_day`); false as `set_event`.
    #[must_use]
    pub(super) fn set_packed(&mut self, index: usize, key: u32) -> bool {
        match self.events.get(index) {
            Some(&ABSENT) => {
                self.events[index] = key;
                true
            }
            _ => false,
        }
    }

    /// Sets fact `index` (of the rulebook's list) to a count, or to the index of one of its
    /// options; false if it was already set or does not fit.
    #[must_use]
    pub fn set_fact(&mut self, index: usize, value: u64) -> bool {
        match self.facts.get(index) {
            Some(&NO_FACT) if value != NO_FACT => {
                self.facts[index] = value;
                true
            }
            _ => false,
        }
    }
}

/// The first day a packed moment can be on; the last is some 2,900 years later, far past
/// the calendar's range.
const EPOCH_DAYS_FROM_CE: i32 = 693_596; // 1900-01-01

/// A moment as one integer: minutes since 1900-01-01 00:00, doubled, plus one for a timed
/// moment. Ordering the integers' halves orders the instants as `Moment::instant` does.
/// None for a moment before 1900 or a time with seconds (queries have none): the
/// interpreter answers those.
pub(super) fn pack(m: Moment) -> Option<u32> {
    use chrono::{Datelike, Timelike};
    let (date, minute, timed) = match m {
        Moment::Date(d) => (d, 0, 0),
        Moment::Time(t) if t.second() == 0 && t.nanosecond() == 0 => (t.date(), t.hour() * 60 + t.minute(), 1),
        Moment::Time(_) => return None,
    };
    pack_day((date.num_days_from_ce() - EPOCH_DAYS_FROM_CE) as i64, (timed == 1).then_some(minute))
}

/// A moment packed from its day (days since 1900-01-01) and, for a timed moment, its
/// minute of the day; None where `pack` says none.
pub(super) fn pack_day(days: i64, minute: Option<u32>) -> Option<u32> {
    let days = u32::try_from(days).ok()?;
    days.checked_mul(1440)?.checked_add(minute.unwrap_or(0))?.checked_mul(2)?.checked_add(u32::from(minute.is_some())).filter(|k| *k != ABSENT)
}

fn unpack(key: u32) -> Moment {
    let minutes = key >> 1;
    let date = NaiveDate::from_num_days_from_ce_opt((minutes / 1440) as i32 + EPOCH_DAYS_FROM_CE).expect("packed from a date");
    match key & 1 {
        0 => Moment::Date(date),
        _ => Moment::Time(date.and_hms_opt(minutes % 1440 / 60, minutes % 60, 0).expect("packed from a time")),
    }
}

/// A short list of indices, kept inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Few {
    items: [u8; MAX_AWAITED],
    len: u8,
}

impl Few {
    const EMPTY: Few = Few { items: [0; MAX_AWAITED], len: 0 };

    /// False when full (the case then goes to the interpreter).
    #[must_use]
    fn push(&mut self, item: u8) -> bool {
        if self.len as usize == MAX_AWAITED {
            return false;
        }
        self.items[self.len as usize] = item;
        self.len += 1;
        true
    }

    #[must_use]
    fn extend(&mut self, other: &Few) -> bool {
        other.as_slice().iter().all(|i| self.push(*i))
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.items[..self.len as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// One rule's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Due { due: Due, provisional: bool },
    /// Still waiting: events (indices into the service's events) and facts (into the
    /// rulebook's facts), in the interpreter's order.
    Waiting { events: Few, facts: Few },
}

/// One row of an evaluation: the rule and its result.
#[derive(Debug, Clone, Copy)]
pub struct Row<'b> {
    pub rule: &'b Rule,
    /// The rule's place in its service's list.
    pub index: u8,
    pub outcome: Outcome,
}

/// Where each rule stands during an evaluation.
#[derive(Clone, Copy)]
enum Slot {
    Untouched,
    /// Due: its date or time as a base (packed).
    Due(u32),
    Waiting(u8),
}

impl<'b> Plan<'b> {
    /// Compiles every service of `book`. A rulebook beyond the plan's limits (more events
    /// or facts than it holds) gets no plan: `None`, and the interpreter does the work.
    pub fn compile(book: &'b Rulebook) -> Option<Plan<'b>> {
        if book.facts.len() > MAX_FACTS || book.services.iter().any(|s| s.events.len() > MAX_EVENTS || s.rules.len() > MAX_RULES) {
            return None;
        }
        let services = book.services.iter().map(|spec| ServicePlan::compile(book, spec)).collect::<Option<Vec<_>>>()?;
        Some(Plan { book, services })
    }

    pub fn service(&self, id: &str) -> Option<&ServicePlan<'b>> {
        self.services.iter().find(|s| s.spec.id == id)
    }

    /// The plan of the rulebook's `index`-th service (the plan keeps the rulebook's order).
    pub fn service_at(&self, index: usize) -> &ServicePlan<'b> {
        &self.services[index]
    }
}

fn condition(book: &Rulebook, fact: &str, equals: &str) -> Option<Condition> {
    let index = book.facts.iter().position(|f| f.id == fact)?;
    let equals = match &book.facts[index].fact_type {
        // As the interpreter compares: the count written out equals the text.
        FactType::PositiveInteger => equals.parse::<u64>().ok().filter(|n| n.to_string() == equals && *n != NO_FACT).map_or(Equals::Never, Equals::Value),
        FactType::OneOf(options) => options.iter().position(|o| o.value == equals).map_or(Equals::Never, |i| Equals::Value(i as u64)),
    };
    Some(Condition { fact: index as u8, equals })
}

fn step<'b>(book: &'b Rulebook, period: &'b Period) -> Option<Step<'b>> {
    Some(match period {
        Period::ByFact(by) => Step::ByFact {
            fact: book.facts.iter().position(|f| f.id == by.fact)? as u8,
            name: &by.fact,
            bands: by.bands.iter().map(|b| Some((b.from, b.to, step(book, &b.period)?))).collect::<Option<Vec<_>>>()?,
        },
        other => Step::Plain(other),
    })
}

impl<'b> ServicePlan<'b> {
    fn compile(book: &'b Rulebook, spec: &'b ServiceSpec) -> Option<ServicePlan<'b>> {
        let mut rules = Vec::with_capacity(spec.rules.len());
        for rule in &spec.rules {
            let mut bases = Vec::with_capacity(rule.from.len());
            for base in &rule.from {
                bases.push(match base {
                    Base::Event { event, when } => BasePlan::Event {
                        event: spec.events.iter().position(|e| &e.id == event)? as u8,
                        when: match when {
                            Some(c) => Some(condition(book, &c.fact, &c.equals)?),
                            None => None,
                        },
                    },
                    Base::Rule { rule: id } => BasePlan::Rule { index: spec.rules.iter().position(|r| &r.id == id)? as u8 },
                });
            }
            rules.push(RulePlan { rule, bases, step: step(book, &rule.period)? });
        }
        Some(ServicePlan { spec, rules })
    }

    /// The index of an event of this service.
    pub fn event(&self, id: &str) -> Option<usize> {
        self.spec.events.iter().position(|e| e.id == id)
    }

    /// A checked query's events and facts, by index; None if one does not fit the plan's
    /// input (a time with seconds, a count of 2⁶⁴−1): the interpreter answers that one.
    pub fn input(&self, book: &Rulebook, query: &Query) -> Option<Input> {
        let mut input = Input::default();
        for (id, at) in &query.events {
            input.events[self.event(id)?] = pack(*at)?;
        }
        for (id, value) in query.facts.iter() {
            let i = book.facts.iter().position(|f| &f.id == id)?;
            input.facts[i] = match (value, &book.facts[i].fact_type) {
                (FactValue::Count(n), _) if *n != NO_FACT => *n,
                (FactValue::Word(w), FactType::OneOf(options)) => options.iter().position(|o| &o.value == w)? as u64,
                _ => return None,
            };
        }
        Some(input)
    }

    /// Evaluates every rule, as `evaluate` does, into `rows` (cleared first; once it has
    /// grown to the service's size, no evaluation allocates). `Ok(false)`: this case is
    /// beyond the plan's inline lists, and the interpreter is to answer it.
    pub fn evaluate(&self, book: &Rulebook, input: &Input, cal: &Calendar, window: WorkingWindow, rows: &mut Vec<Row<'b>>) -> Result<bool, QueryError> {
        rows.clear();
        let mut slots = [Slot::Untouched; MAX_RULES];
        for (index, plan) in self.rules.iter().enumerate() {
            let mut touched = false;
            let mut latest: Option<u32> = None;
            let (mut events, mut facts) = (Few::EMPTY, Few::EMPTY);
            for base in &plan.bases {
                match *base {
                    BasePlan::Event { event, when } => {
                        if let Some(c) = when {
                            let holds = match (input.facts[c.fact as usize], c.equals) {
                                (NO_FACT, _) => {
                                    if !facts.push(c.fact) {
                                        return Ok(false);
                                    }
                                    continue;
                                }
                                (value, Equals::Value(wanted)) => value == wanted,
                                (_, Equals::Never) => false,
                            };
                            if !holds {
                                continue; // the base does not apply
                            }
                        }
                        match input.events[event as usize] {
                            ABSENT => {
                                if !events.push(event) {
                                    return Ok(false);
                                }
                            }
                            at => {
                                touched = true;
                                latest = Some(later(latest, at));
                            }
                        }
                    }
                    BasePlan::Rule { index: other } => match slots[other as usize] {
                        Slot::Due(at) => {
                            touched = true;
                            latest = Some(later(latest, at));
                        }
                        Slot::Waiting(row) => {
                            touched = true;
                            let Outcome::Waiting { events: e, facts: f } = rows[row as usize].outcome else { unreachable!("a waiting slot names a waiting row") };
                            if !events.extend(&e) || !facts.extend(&f) {
                                return Ok(false);
                            }
                        }
                        Slot::Untouched => {}
                    },
                }
            }
            if !touched {
                continue;
            }
            if !events.is_empty() || !facts.is_empty() {
                slots[index] = Slot::Waiting(rows.len() as u8);
                rows.push(Row { rule: plan.rule, index: index as u8, outcome: Outcome::Waiting { events, facts } });
                continue;
            }
            let base = unpack(latest.expect("a touched rule with nothing awaited has a base"));
            match self.land(book, &plan.step, base, input, cal, window) {
                Ok((due, provisional)) => {
                    // A due time with seconds cannot be a base here (none has them).
                    let Some(at) = pack(due.as_moment()) else { return Ok(false) };
                    slots[index] = Slot::Due(at);
                    rows.push(Row { rule: plan.rule, index: index as u8, outcome: Outcome::Due { due, provisional } });
                }
                Err(Stop::MissingFact(name)) => {
                    let mut facts = Few::EMPTY;
                    let _ = facts.push(book.facts.iter().position(|f| f.id == name).unwrap_or_default() as u8);
                    slots[index] = Slot::Waiting(rows.len() as u8);
                    rows.push(Row { rule: plan.rule, index: index as u8, outcome: Outcome::Waiting { events: Few::EMPTY, facts } });
                }
                Err(Stop::NoBand { fact, value }) => return Err(QueryError::InvalidFact { fact, value: value.to_string(), expected: Expected::CoveredByBands }),
                Err(Stop::OutOfRange(date)) => return Err(QueryError::OutOfRange { date }),
            }
        }
        Ok(true)
    }

    /// Where a step lands from `base`, and whether the count ran through a provisional year.
    fn land(&self, book: &Rulebook, step: &Step, base: Moment, input: &Input, cal: &Calendar, window: WorkingWindow) -> Result<(Due, bool), Stop> {
        match step {
            Step::Plain(period) => {
                let landing = land(period, base, &NO_FACTS, cal, window)?;
                let provisional = uses_calendar(landing.period) && (provisional(cal, base.date(), landing.due.date()) || landing.unmoved.is_some_and(|u| provisional(cal, base.date(), u)));
                Ok((landing.due, provisional))
            }
            Step::ByFact { fact, name, bands } => {
                let value = match input.facts[*fact as usize] {
                    NO_FACT => return Err(Stop::MissingFact(name.to_string())),
                    n => n,
                };
                let (.., chosen) = bands.iter().find(|(from, to, _)| value >= *from && to.is_none_or(|to| value <= to)).ok_or_else(|| Stop::NoBand { fact: name.to_string(), value })?;
                self.land(book, chosen, base, input, cal, window)
            }
        }
    }
}

/// Facts are read by the plan itself; plain periods never ask for one.
static NO_FACTS: std::sync::LazyLock<Facts> = std::sync::LazyLock::new(Facts::default);

/// The later of two packed bases, as the interpreter picks it (by instant; on a tie, the
/// one seen last).
fn later(seen: Option<u32>, at: u32) -> u32 {
    match seen {
        Some(s) if s >> 1 > at >> 1 => s,
        _ => at,
    }
}

fn provisional(cal: &Calendar, a: NaiveDate, b: NaiveDate) -> bool {
    cal.any_provisional(a, b)
}

#[cfg(test)]
mod tests;
