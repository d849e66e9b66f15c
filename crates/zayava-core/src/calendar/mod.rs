//! The Belarus working-day calendar (DOMAIN.md §2): weekends, public holidays, and each
//! year's transfers. Built once into per-day tables so that "N working days after D" is
//! two array reads, not a day-by-day walk.

pub mod holidays;
pub mod transfers;
pub mod view;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Text;
pub use transfers::{Transfer, TransferError, TransferOrigin, YearTransfers};

/// Minsk's date at a UTC moment. Belarus keeps UTC+3 all year (no summer time since 2011),
/// so a fixed offset is exact; used where only the recording clock (UTC) is at hand.
pub fn minsk_date(utc: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (utc + Duration::hours(3)).date_naive()
}

/// The first and last dates the calendar answers for.
pub const FIRST_YEAR: i32 = 1990;
pub const LAST_YEAR: i32 = 2150;

/// Which days count as working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// The official calendar: weekdays that are not holidays or transferred days off, plus
    /// Saturdays made working days by a transfer.
    Official,
    /// The official calendar without any Saturday or Sunday, even a transferred working one:
    /// the support schedule of seed 004 clause 5.5 («за исключением выходных (суббота,
    /// воскресенье) и праздничных дней»).
    OfficialWeekdays,
}

const SCHEDULES: [Schedule; 2] = [Schedule::Official, Schedule::OfficialWeekdays];

impl Schedule {
    fn index(self) -> usize {
        match self {
            Schedule::Official => 0,
            Schedule::OfficialWeekdays => 1,
        }
    }
}

/// What a day is, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    Working,
    /// A Saturday or Sunday worked because of a transfer.
    WorkingByTransfer { source: String, instead_of: NaiveDate },
    Weekend(Weekday),
    Holiday(Text),
    /// A weekday rested because of a transfer.
    DayOffByTransfer { source: String, worked_on: NaiveDate },
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::WorkingByTransfer { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0} is outside the calendar's range ({FIRST_YEAR}–{LAST_YEAR})")]
pub struct OutOfRange(pub NaiveDate);

/// The working-day calendar, with the transfers it was built from.
#[derive(Debug, Clone)]
pub struct Calendar {
    first: NaiveDate,
    /// Per schedule: `working_before[i]` = working days strictly before day `i`.
    working_before: [Vec<u32>; 2],
    /// Per schedule: the day indices of working days, ascending.
    working_days: [Vec<u32>; 2],
    years: BTreeMap<i32, YearTransfers>,
    /// `provisional[y - FIRST_YEAR]`: no transfers are held for year `y` (a flag per year
    /// of the range, read by every due date the compiled plan works out).
    provisional: Vec<bool>,
}

impl Calendar {
    /// The calendar from Zayava's embedded transfers alone.
    pub fn embedded() -> Calendar {
        Calendar::new(transfers::embedded())
    }

    /// A calendar from these years' transfers. A later entry for the same year replaces an
    /// earlier one, so pass embedded data first and user corrections after.
    pub fn new(years: impl IntoIterator<Item = YearTransfers>) -> Calendar {
        let years: BTreeMap<i32, YearTransfers> = years.into_iter().map(|y| (y.year, y)).collect();
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap();
        let len = (last - first).num_days() as usize + 1;
        let mut working_before = [Vec::with_capacity(len + 1), Vec::with_capacity(len + 1)];
        let mut working_days = [Vec::new(), Vec::new()];
        let provisional = (FIRST_YEAR..=LAST_YEAR).map(|y| !years.contains_key(&y)).collect();
        let mut calendar = Calendar { first, working_before: [vec![], vec![]], working_days: [vec![], vec![]], years, provisional };
        let mut counts = [0u32; 2];
        for i in 0..len {
            let date = first + Duration::days(i as i64);
            let kind = calendar.day_kind_unchecked(date);
            for schedule in SCHEDULES {
                let s = schedule.index();
                working_before[s].push(counts[s]);
                let works = match schedule {
                    Schedule::Official => kind.is_working(),
                    Schedule::OfficialWeekdays => kind == DayKind::Working,
                };
                if works {
                    working_days[s].push(i as u32);
                    counts[s] += 1;
                }
            }
        }
        for s in 0..2 {
            working_before[s].push(counts[s]);
        }
        calendar.working_before = working_before;
        calendar.working_days = working_days;
        calendar
    }

    fn index(&self, date: NaiveDate) -> Result<usize, OutOfRange> {
        let i = (date - self.first).num_days();
        if i < 0 || i as usize + 1 >= self.working_before[0].len() {
            Err(OutOfRange(date))
        } else {
            Ok(i as usize)
        }
    }

    fn date(&self, index: u32) -> NaiveDate {
        self.first + Duration::days(index as i64)
    }

    fn day_kind_unchecked(&self, date: NaiveDate) -> DayKind {
        // A year's move may reach into the year next to it (checked in transfers.rs).
        for y in [date.year(), date.year() - 1, date.year() + 1].iter().filter_map(|y| self.years.get(y)) {
            for m in &y.moves {
                if m.day_off == date {
                    return DayKind::DayOffByTransfer { source: y.source.clone(), worked_on: m.working_day };
                }
                if m.working_day == date {
                    return DayKind::WorkingByTransfer { source: y.source.clone(), instead_of: m.day_off };
                }
            }
        }
        if let Some(name) = holidays::holiday(date) {
            return DayKind::Holiday(name);
        }
        match date.weekday() {
            w @ (Weekday::Sat | Weekday::Sun) => DayKind::Weekend(w),
            _ => DayKind::Working,
        }
    }

    /// What `date` is, and why.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind, OutOfRange> {
        self.index(date)?;
        Ok(self.day_kind_unchecked(date))
    }

    pub fn is_working(&self, date: NaiveDate, schedule: Schedule) -> Result<bool, OutOfRange> {
        let i = self.index(date)?;
        let s = &self.working_before[schedule.index()];
        Ok(s[i + 1] > s[i])
    }

    /// The `n`-th working day after `date` (counting starts the next day; `n` ≥ 1).
    pub fn add_working_days(&self, date: NaiveDate, n: u32, schedule: Schedule) -> Result<NaiveDate, OutOfRange> {
        let i = self.index(date)?;
        let s = schedule.index();
        let k = self.working_before[s][i + 1] as usize + n.max(1) as usize - 1;
        self.working_days[s].get(k).map(|&j| self.date(j)).ok_or(OutOfRange(date))
    }

    /// The `n`-th working day counted backwards from the day before `date` (`n` ≥ 1).
    pub fn working_days_before(&self, date: NaiveDate, n: u32, schedule: Schedule) -> Result<NaiveDate, OutOfRange> {
        let i = self.index(date)?;
        let s = schedule.index();
        let before = self.working_before[s][i] as usize;
        before
            .checked_sub(n.max(1) as usize)
            .and_then(|k| self.working_days[s].get(k))
            .map(|&j| self.date(j))
            .ok_or(OutOfRange(date))
    }

    /// `date` if it is a working day, else the next working day.
    pub fn working_day_on_or_after(&self, date: NaiveDate, schedule: Schedule) -> Result<NaiveDate, OutOfRange> {
        let i = self.index(date)?;
        let s = schedule.index();
        let k = self.working_before[s][i] as usize;
        self.working_days[s].get(k).map(|&j| self.date(j)).ok_or(OutOfRange(date))
    }

    /// Working days in the half-open range `(from, to]`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate, schedule: Schedule) -> Result<u32, OutOfRange> {
        let (a, b) = (self.index(from)?, self.index(to)?);
        let s = &self.working_before[schedule.index()];
        Ok(s[b + 1].saturating_sub(s[a + 1]))
    }

    /// The transfers held for `year`, if any.
    pub fn year(&self, year: i32) -> Option<&YearTransfers> {
        self.years.get(&year)
    }

    /// All years whose transfers are held.
    pub fn years(&self) -> impl Iterator<Item = &YearTransfers> {
        self.years.values()
    }

    /// A year is provisional when no transfers are held for it: its weekends and holidays
    /// are known, but a resolution may still move days.
    pub fn is_provisional(&self, year: i32) -> bool {
        match usize::try_from(year - FIRST_YEAR).ok().and_then(|i| self.provisional.get(i)) {
            Some(p) => *p,
            None => !self.years.contains_key(&year),
        }
    }

    /// Whether any year touched by the dates from `a` to `b` (either order) is provisional:
    /// `provisional_years` without the list.
    pub fn any_provisional(&self, a: NaiveDate, b: NaiveDate) -> bool {
        let (lo, hi) = if a <= b { (a.year(), b.year()) } else { (b.year(), a.year()) };
        (lo..=hi).any(|y| self.is_provisional(y))
    }

    /// The provisional years touched by the dates from `a` to `b` (either order).
    pub fn provisional_years(&self, a: NaiveDate, b: NaiveDate) -> Vec<i32> {
        let (lo, hi) = if a <= b { (a.year(), b.year()) } else { (b.year(), a.year()) };
        (lo..=hi).filter(|y| self.is_provisional(*y)).collect()
    }
}

#[cfg(test)]
mod tests;
