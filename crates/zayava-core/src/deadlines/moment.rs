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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
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
    use super::Due;

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
