//! Each year's transfers of working days, set by a Council of Ministers resolution: a
//! weekday made a day off in exchange for a (usually Saturday) day made a working day.
//! 2020–2026 ship embedded in `transfers.json`; users (and later the operator's API) add
//! or correct a year, and a year with no data is provisional.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date_format::human_date;
use crate::i18n::{Lang, Text};

/// One exchange: `day_off` is rested, `working_day` is worked instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Transfer {
    pub day_off: NaiveDate,
    pub working_day: NaiveDate,
}

/// Where a year's transfers came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TransferOrigin {
    /// Shipped with Zayava.
    #[default]
    Embedded,
    /// Entered or corrected by the user.
    User,
    /// Brought from the operator's API.
    Operator,
}

/// All transfers of one year, with the act that set them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct YearTransfers {
    pub year: i32,
    /// The resolution, e.g. «Постановление Совета Министров … от 14.11.2024 № 839».
    pub source: String,
    pub moves: Vec<Transfer>,
    #[serde(default)]
    pub origin: TransferOrigin,
}

/// Why a year's transfers were refused. Each names the offending line (1-based move number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("year {0} is outside the supported range 1990–2150")]
    YearOutOfRange(i32),
    #[error("the source (resolution number and date) is empty")]
    MissingSource,
    #[error("line {line}: {date} is not in {year}")]
    WrongYear { line: usize, date: NaiveDate, year: i32 },
    #[error("line {line}: the day off {date} is a Saturday or Sunday already")]
    DayOffOnWeekend { line: usize, date: NaiveDate },
    #[error("line {line}: the working day {date} is a weekday already")]
    WorkingDayOnWeekday { line: usize, date: NaiveDate },
    #[error("line {line}: {date} appears twice")]
    Duplicate { line: usize, date: NaiveDate },
}

impl TransferError {
    /// The sentence a person reads, naming the line and the date.
    pub fn message(&self, lang: Lang) -> String {
        let d = |x: &NaiveDate| human_date(*x);
        let at = |text: Text, line: &usize, date: &NaiveDate| text.fill(lang, &[("line", &line.to_string()), ("date", &d(date))]);
        match self {
            TransferError::YearOutOfRange(y) => Text::id("core-transfers-year-out-of-range").fill(lang, &[("year", &y.to_string())]),
            TransferError::MissingSource => Text::id("core-transfers-missing-source").get(lang).to_string(),
            TransferError::WrongYear { line, date, year } => Text::id("core-transfers-wrong-year").fill(lang, &[("line", &line.to_string()), ("date", &d(date)), ("year", &year.to_string())]),
            TransferError::DayOffOnWeekend { line, date } => at(Text::id("core-transfers-day-off-on-weekend"), line, date),
            TransferError::WorkingDayOnWeekday { line, date } => at(Text::id("core-transfers-working-day-on-weekday"), line, date),
            TransferError::Duplicate { line, date } => at(Text::id("core-transfers-duplicate"), line, date),
        }
    }
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

impl YearTransfers {
    /// Checks that the year's moves make sense; a year with no moves is valid (a year the
    /// government moved nothing is still a year whose data is held).
    pub fn check(&self) -> Result<(), TransferError> {
        if !(1990..=2150).contains(&self.year) {
            return Err(TransferError::YearOutOfRange(self.year));
        }
        if self.source.trim().is_empty() {
            return Err(TransferError::MissingSource);
        }
        let mut seen = Vec::new();
        for (i, m) in self.moves.iter().enumerate() {
            let line = i + 1;
            // A move belongs to its year; its other day may fall in the year next to it (2
            // January off, worked on 30 December of the year before, as in 2006/2007).
            // Only across the turn of the year, so days a month or less apart.
            let across = m.day_off.year() != m.working_day.year();
            for date in [m.day_off, m.working_day] {
                let near_turn = across && (m.day_off - m.working_day).num_days().abs() <= 31 && (date.year() - self.year).abs() == 1;
                if date.year() != self.year && !near_turn {
                    return Err(TransferError::WrongYear { line, date, year: self.year });
                }
                if seen.contains(&date) {
                    return Err(TransferError::Duplicate { line, date });
                }
                seen.push(date);
            }
            if is_weekend(m.day_off) {
                return Err(TransferError::DayOffOnWeekend { line, date: m.day_off });
            }
            if !is_weekend(m.working_day) {
                return Err(TransferError::WorkingDayOnWeekday { line, date: m.working_day });
            }
        }
        Ok(())
    }
}

/// The transfers shipped with Zayava.
pub fn embedded() -> Vec<YearTransfers> {
    serde_json::from_str(include_str!("transfers.json")).expect("embedded transfers.json is valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_move_may_reach_into_the_year_next_to_its_own() {
        let y = |moves: Vec<Transfer>| YearTransfers { year: 2007, source: "Постановление Совета Министров (тест)".into(), moves, origin: TransferOrigin::User };
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        // 2007: 2 January off, worked on Saturday 30 December 2006.
        assert!(y(vec![Transfer { day_off: d("2007-01-02"), working_day: d("2006-12-30") }]).check().is_ok());
        assert!(matches!(y(vec![Transfer { day_off: d("2008-01-02"), working_day: d("2007-12-29") }]).check(), Ok(())));
        assert!(matches!(y(vec![Transfer { day_off: d("2006-01-03"), working_day: d("2006-12-30") }]).check(), Err(TransferError::WrongYear { .. })));
        assert!(matches!(y(vec![Transfer { day_off: d("2007-01-02"), working_day: d("2005-12-31") }]).check(), Err(TransferError::WrongYear { .. })));
        let cal = crate::calendar::Calendar::new(vec![y(vec![Transfer { day_off: d("2007-01-02"), working_day: d("2006-12-30") }])]);
        assert!(cal.is_working(d("2006-12-30"), crate::calendar::Schedule::Official).unwrap(), "the 2006 Saturday is worked");
        assert!(!cal.is_working(d("2007-01-02"), crate::calendar::Schedule::Official).unwrap());
    }

    #[test]
    fn the_embedded_years_are_2020_to_2026_each_valid_and_sourced() {
        let years = embedded();
        assert_eq!(years.iter().map(|y| y.year).collect::<Vec<_>>(), (2020..=2026).collect::<Vec<_>>());
        for y in &years {
            y.check().unwrap_or_else(|e| panic!("{}: {e}", y.year));
            assert!(y.source.contains("Совета Министров"), "{}", y.year);
        }
    }

    #[test]
    fn the_2025_transfers_are_the_four_of_resolution_839() {
        let y2025 = embedded().into_iter().find(|y| y.year == 2025).unwrap();
        let off: Vec<_> = y2025.moves.iter().map(|m| m.day_off).collect();
        let worked: Vec<_> = y2025.moves.iter().map(|m| m.working_day).collect();
        assert_eq!(off, [d("2025-01-06"), d("2025-04-28"), d("2025-07-04"), d("2025-12-26")]);
        assert_eq!(worked, [d("2025-01-11"), d("2025-04-26"), d("2025-07-12"), d("2025-12-20")]);
    }

    #[test]
    fn bad_moves_are_refused_naming_the_line() {
        let base = YearTransfers { year: 2027, source: "Постановление № 1".into(), moves: vec![], origin: TransferOrigin::User };
        let with = |moves: Vec<Transfer>| YearTransfers { moves, ..base.clone() };
        let ok = Transfer { day_off: d("2027-01-08"), working_day: d("2027-01-16") };
        assert_eq!(with(vec![ok]).check(), Ok(()));
        assert_eq!(
            with(vec![ok, Transfer { day_off: d("2027-01-09"), working_day: d("2027-01-23") }]).check(),
            Err(TransferError::DayOffOnWeekend { line: 2, date: d("2027-01-09") })
        );
        assert_eq!(
            with(vec![Transfer { day_off: d("2027-01-08"), working_day: d("2027-01-15") }]).check(),
            Err(TransferError::WorkingDayOnWeekday { line: 1, date: d("2027-01-15") })
        );
        assert_eq!(
            with(vec![Transfer { day_off: d("2028-01-07"), working_day: d("2027-01-16") }]).check(),
            Err(TransferError::WrongYear { line: 1, date: d("2028-01-07"), year: 2027 })
        );
        assert_eq!(with(vec![ok, ok]).check(), Err(TransferError::Duplicate { line: 2, date: d("2027-01-08") }));
        assert_eq!(YearTransfers { source: " ".into(), ..base }.check(), Err(TransferError::MissingSource));
    }
}
