//! Each kind of period of DOMAIN.md §1, implemented once: given a base moment, the facts
//! and the calendar, where does the rule fall due?

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime};

use crate::calendar::{Calendar, OutOfRange, Schedule};
use crate::rules::{Band, Period, Words};

use super::facts::Facts;
use super::moment::{Due, Moment};

/// The support window for working-hour periods (seed 004, clause 5.5). A setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl WorkingWindow {
    /// `08:00-19:00` (or with an en dash, as people type it) → a window; `None` for
    /// anything else or an empty window.
    pub fn parse(text: &str) -> Option<WorkingWindow> {
        let text = text.replace('–', "-");
        let (a, b) = text.split_once('-')?;
        let start = NaiveTime::parse_from_str(a.trim(), "%H:%M").ok()?;
        let end = NaiveTime::parse_from_str(b.trim(), "%H:%M").ok()?;
        (start < end).then_some(WorkingWindow { start, end })
    }

    /// `08:00-19:00`: what `parse` reads back.
    pub fn text(&self) -> String {
        format!("{}-{}", self.start.format("%H:%M"), self.end.format("%H:%M"))
    }
}

impl Default for WorkingWindow {
    fn default() -> Self {
        WorkingWindow { start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(), end: NaiveTime::from_hms_opt(19, 0, 0).unwrap() }
    }
}

/// Where a period lands.
#[derive(Debug, Clone, PartialEq)]
pub struct Landing<'r> {
    pub due: Due,
    /// For calendar-day and calendar-month periods: the date before any roll-forward.
    pub unmoved: Option<NaiveDate>,
    /// The period that applied (a band's, for a fact-dependent period).
    pub period: &'r Period,
    /// The chosen band's note, if it has one.
    pub band_note: Option<&'r Words>,
    /// For working-hour periods: the window that was counted.
    pub window: Option<WorkingWindow>,
}

/// Why a period could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// The period depends on a fact that was not given.
    MissingFact(String),
    /// A fact's value falls in no band.
    NoBand { fact: String, value: u64 },
    OutOfRange(NaiveDate),
}

impl From<OutOfRange> for Stop {
    fn from(e: OutOfRange) -> Stop {
        Stop::OutOfRange(e.0)
    }
}

fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 { (d.year() + 1, 1) } else { (d.year(), d.month() + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).expect("first of a month exists")
}

fn band<'r>(bands: &'r [Band], value: u64) -> Option<&'r Band> {
    bands.iter().find(|b| value >= b.from && b.to.is_none_or(|to| value <= to))
}

fn working_hours(at: NaiveDateTime, hours: u32, schedule: Schedule, window: WorkingWindow, cal: &Calendar) -> Result<NaiveDateTime, Stop> {
    let day_minutes = (window.end - window.start).num_minutes().max(1);
    let mut remaining = hours as i64 * 60;
    let (mut day, mut time) = (at.date(), at.time());
    if !cal.is_working(day, schedule)? || time >= window.end {
        day = cal.add_working_days(day, 1, schedule)?;
        time = window.start;
    } else if time < window.start {
        time = window.start;
    }
    let today = (window.end - time).num_minutes();
    if remaining <= today {
        return Ok(day.and_time(time) + Duration::minutes(remaining));
    }
    remaining -= today;
    // The count ends on the k-th working day after `day`, with (0, day_minutes] left then:
    // a count that ends exactly at the window's end is due at that end, not the next morning.
    let k = (remaining + day_minutes - 1) / day_minutes;
    let last = remaining - (k - 1) * day_minutes;
    let end_day = cal.add_working_days(day, k as u32, schedule)?;
    Ok(end_day.and_time(window.start) + Duration::minutes(last))
}

/// Applies `period` to `base`.
pub fn land<'r>(period: &'r Period, base: Moment, facts: &Facts, cal: &Calendar, window: WorkingWindow) -> Result<Landing<'r>, Stop> {
    let d = base.date();
    let plain = |due| Ok(Landing { due, unmoved: None, period, band_note: None, window: None });
    let rolled = |unmoved: NaiveDate| -> Result<Landing<'r>, Stop> {
        let due = cal.working_day_on_or_after(unmoved, Schedule::Official)?;
        Ok(Landing { due: Due::Date(due), unmoved: Some(unmoved), period, band_note: None, window: None })
    };
    match period {
        Period::WorkingDays(n) => plain(Due::Date(cal.add_working_days(d, *n, Schedule::Official)?)),
        Period::WorkingDaysBefore(n) => plain(Due::Date(cal.working_days_before(d, *n, Schedule::Official)?)),
        Period::CalendarDays(n) => rolled(d.checked_add_signed(Duration::days(*n as i64)).ok_or(Stop::OutOfRange(d))?),
        Period::CalendarDaysBefore(n) => {
            let due = d.checked_sub_signed(Duration::days(*n as i64)).ok_or(Stop::OutOfRange(d))?;
            cal.day_kind(due)?;
            plain(Due::Date(due))
        }
        Period::CalendarMonths(n) => rolled(d.checked_add_months(Months::new(*n)).ok_or(Stop::OutOfRange(d))?),
        Period::Minutes(n) => plain(Due::Time(base.instant() + Duration::minutes(*n as i64))),
        Period::Hours(n) => plain(Due::Time(base.instant() + Duration::hours(*n as i64))),
        Period::WorkingHours(w) => {
            let due = Due::Time(working_hours(base.instant(), w.hours, w.schedule, window, cal)?);
            Ok(Landing { due, unmoved: None, period, band_note: None, window: Some(window) })
        }
        Period::SameDate => plain(Due::Date(d)),
        Period::NextDay => plain(Due::Date(d.succ_opt().ok_or(Stop::OutOfRange(d))?)),
        Period::FirstDayOfNextMonth => plain(Due::Date(first_of_next_month(d))),
        Period::EndOfYear => plain(Due::Date(NaiveDate::from_ymd_opt(d.year(), 12, 31).ok_or(Stop::OutOfRange(d))?)),
        Period::EndOfNextYear => plain(Due::Date(NaiveDate::from_ymd_opt(d.year() + 1, 12, 31).ok_or(Stop::OutOfRange(d))?)),
        Period::MonthOf => plain(Due::month_of(d)),
        Period::ByFact(by) => {
            let value = facts.count(&by.fact).ok_or_else(|| Stop::MissingFact(by.fact.clone()))?;
            let chosen = band(&by.bands, value).ok_or_else(|| Stop::NoBand { fact: by.fact.clone(), value })?;
            let mut landing = land(&chosen.period, base, facts, cal, window)?;
            landing.band_note = chosen.note.as_ref();
            Ok(landing)
        }
    }
}
