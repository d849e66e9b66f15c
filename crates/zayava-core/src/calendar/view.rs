//! A month of the calendar as the Calendar screen shows it: each day's kind and why.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{Calendar, DayKind, OutOfRange, TransferOrigin};
use crate::i18n::{Lang, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DayClass {
    Working,
    Weekend,
    Holiday,
    /// A weekday rested by a transfer.
    TransferDayOff,
    /// A weekend day worked by a transfer.
    TransferWorkday,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DayView {
    pub date: NaiveDate,
    pub class: DayClass,
    /// The holiday's name, or what the transfer did; empty for plain days.
    pub note: String,
    /// The resolution, for a transfer.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonthView {
    pub year: i32,
    pub month: u32,
    pub days: Vec<DayView>,
    /// No transfers are held for this year.
    pub provisional: bool,
    /// The act the year's transfers come from, when held.
    pub source: Option<String>,
    pub origin: Option<TransferOrigin>,
}

/// The days of `year`-`month` with their kinds.
pub fn month_view(cal: &Calendar, year: i32, month: u32, lang: Lang) -> Result<MonthView, OutOfRange> {
    let first = NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1).ok_or(OutOfRange(NaiveDate::MIN))?;
    let mut days = Vec::with_capacity(31);
    let mut day = first;
    while day.month() == first.month() {
        let (class, note, source) = match cal.day_kind(day)? {
            DayKind::Working => (DayClass::Working, String::new(), None),
            DayKind::Weekend(_) => (DayClass::Weekend, String::new(), None),
            DayKind::Holiday(name) => (DayClass::Holiday, name.get(lang).to_string(), None),
            DayKind::DayOffByTransfer { source, worked_on } => (
                DayClass::TransferDayOff,
                Text::id("core-calendar-day-off-by-transfer").fill(lang, &[("date", &crate::date_format::human_date(worked_on))]),
                Some(source),
            ),
            DayKind::WorkingByTransfer { source, instead_of } => (
                DayClass::TransferWorkday,
                Text::id("core-calendar-working-by-transfer").fill(lang, &[("date", &crate::date_format::human_date(instead_of))]),
                Some(source),
            ),
        };
        days.push(DayView { date: day, class, note, source });
        day = day.succ_opt().expect("within range");
    }
    let held = cal.year(year);
    Ok(MonthView {
        year,
        month: first.month(),
        days,
        provisional: held.is_none(),
        source: held.map(|y| y.source.clone()),
        origin: held.map(|y| y.origin),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn january_2025_shows_holidays_the_transfer_and_the_worked_saturday() {
        let m = month_view(&Calendar::embedded(), 2025, 1, Lang::Ru).unwrap();
        assert_eq!(m.days.len(), 31);
        assert!(!m.provisional);
        assert!(m.source.as_deref().unwrap().contains("№ 839"));
        let class = |d: usize| m.days[d - 1].class;
        assert_eq!(class(1), DayClass::Holiday);
        assert_eq!(class(3), DayClass::Working);
        assert_eq!(class(4), DayClass::Weekend);
        assert_eq!(class(6), DayClass::TransferDayOff);
        assert_eq!(class(7), DayClass::Holiday);
        assert_eq!(class(11), DayClass::TransferWorkday);
        assert!(m.days[10].note.contains("06.01.2025"));
    }

    #[test]
    fn a_year_without_data_is_marked_provisional() {
        let m = month_view(&Calendar::embedded(), 2027, 2, Lang::En).unwrap();
        assert!(m.provisional);
        assert_eq!(m.days.len(), 28);
        assert_eq!(m.source, None);
    }
}
