//! When things happen and fall due: a day, a local Minsk time, or a month. Written as
//! `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` and `YYYY-MM` on the wire.

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::{Serialize, Serializer};

/// An event's date, or its local time (Europe/Minsk has had no daylight saving since 2011,
/// so clock arithmetic on local times is exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Moment {
    Date(NaiveDate),
    Time(NaiveDateTime),
}

impl Moment {
    pub fn date(self) -> NaiveDate {
        match self {
            Moment::Date(d) => d,
            Moment::Time(t) => t.date(),
        }
    }

    /// For ordering bases: a date counts as its day's start.
    pub fn instant(self) -> NaiveDateTime {
        match self {
            Moment::Date(d) => d.and_hms_opt(0, 0, 0).expect("midnight exists"),
            Moment::Time(t) => t,
        }
    }
}

impl fmt::Display for Moment {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, as chrono's `%Y-%m-%d` writes them; years of four
    /// digits by hand (chrono's formatter is most of the cost of writing a due date), any
    /// other through chrono.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::{Datelike, Timelike};
        match self {
            Moment::Date(d) if (0..=9999).contains(&d.year()) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Moment::Time(t) if (0..=9999).contains(&t.year()) => write!(f, "{:04}-{:02}-{:02}T{:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute()),
            Moment::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Moment::Time(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M")),
        }
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A rule's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Due {
    Date(NaiveDate),
    Time(NaiveDateTime),
    /// A calendar month, e.g. the first billed month.
    Month { year: i32, month: u32 },
}

impl Due {
    pub fn month_of(date: NaiveDate) -> Due {
        Due::Month { year: date.year(), month: date.month() }
    }

    /// The day the result falls on (a month's first day for a month).
    pub fn date(self) -> NaiveDate {
        match self {
            Due::Date(d) => d,
            Due::Time(t) => t.date(),
            Due::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1).expect("valid month"),
        }
    }

    /// The result as a base for a rule that counts from it.
    pub fn as_moment(self) -> Moment {
        match self {
            Due::Time(t) => Moment::Time(t),
            other => Moment::Date(other.date()),
        }
    }

    /// The wire form (`2025-01-27`, `2025-01-27T10:00`, `2025-04`) as people read it;
    /// anything else is returned as it is.
    pub fn human_text(text: &str) -> String {
        // Parsed, never sliced: a value typed on a Russian layout («1ю2ю2025») or padded
        // reaches here from forms and files, and is shown as it is.
        if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M") {
            return crate::date_format::human_date_time(t);
        }
        if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return crate::date_format::human_date(d);
        }
        if let Ok(d) = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d") {
            if text.len() == 7 {
                return d.format("%m.%Y").to_string();
            }
        }
        text.to_string()
    }

    /// How people read it: `24.11.2026`, `24.11.2026 09:05`, `11.2026`.
    pub fn human(self) -> String {
        match self {
            Due::Date(d) => crate::date_format::human_date(d),
            Due::Time(t) => crate::date_format::human_date_time(t),
            Due::Month { year, month } => format!("{month:02}.{year}"),
        }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Due::Time(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M")),
            Due::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl Serialize for Due {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::{Due, Moment};
    use chrono::{NaiveDate, NaiveTime};

    /// A moment is written as chrono's `%Y-%m-%d` (and `T%H:%M`) writes it, for every day
    /// of three centuries, the ends of the range, and years of more or fewer digits.
    #[test]
    fn moments_are_written_as_chrono_writes_them() {
        let mut days: Vec<NaiveDate> = (0..110_000).map(|n| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(n)).collect();
        days.extend([NaiveDate::MIN, NaiveDate::MAX, NaiveDate::from_ymd_opt(0, 1, 1).unwrap(), NaiveDate::from_ymd_opt(-1, 12, 31).unwrap(), NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(), NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(), NaiveDate::from_ymd_opt(5, 3, 7).unwrap()]);
        for (n, d) in days.into_iter().enumerate() {
            assert_eq!(Moment::Date(d).to_string(), d.format("%Y-%m-%d").to_string());
            let t = d.and_time(NaiveTime::from_hms_opt((n % 24) as u32, (n % 60) as u32, 0).unwrap());
            assert_eq!(Moment::Time(t).to_string(), t.format("%Y-%m-%dT%H:%M").to_string());
        }
    }

    #[test]
    fn wire_dates_read_as_people_read_them_and_anything_else_is_shown_as_typed() {
        assert_eq!(Due::human_text("2025-01-27"), "27.01.2025");
        assert_eq!(Due::human_text("2025-01-27T10:00"), "27.01.2025 10:00");
        assert_eq!(Due::human_text("2025-04"), "04.2025");
        // Typed on a Russian layout, where «.» is «ю» (10 bytes, not 10 characters): issue 14.
        for odd in ["1ю2ю2025", "2025-0ю-27", "2026-11-2ю", "2025-02-30", "ююююю", "2025-0ю", "2025-01-27T1ю:00", ""] {
            assert_eq!(Due::human_text(odd), odd);
        }
    }
}
