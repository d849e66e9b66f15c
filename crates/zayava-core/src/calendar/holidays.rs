//! Belarus's public holidays: fixed dates, plus Radunitsa, the Tuesday nine days after
//! Orthodox Easter (Julian computus). A holiday on a weekend is not moved (DOMAIN.md §2).

use chrono::{Datelike, Duration, NaiveDate};

use crate::i18n::Text;

/// Holidays on the same date every year: (month, day, name).
pub const FIXED: &[(u32, u32, Text)] = &[
    (1, 1, Text::id("core-calendar-holidays-new-years-day")),
    (1, 2, Text::id("core-calendar-holidays-new-year-holiday")),
    (1, 7, Text::id("core-calendar-holidays-orthodox-christmas")),
    (3, 8, Text::id("core-calendar-holidays-womens-day")),
    (5, 1, Text::id("core-calendar-holidays-labour-day")),
    (5, 9, Text::id("core-calendar-holidays-victory-day")),
    (7, 3, Text::id("core-calendar-holidays-independence-day")),
    (11, 7, Text::id("core-calendar-holidays-october-revolution-day")),
    (12, 25, Text::id("core-calendar-holidays-catholic-christmas")),
];

pub const RADUNITSA: Text = Text::id("core-calendar-holidays-radunitsa");

/// Orthodox Easter Sunday as a Gregorian date (Meeus's Julian algorithm, shifted by the
/// Julian–Gregorian gap of that century).
pub fn orthodox_easter(year: i32) -> NaiveDate {
    let a = year.rem_euclid(4);
    let b = year.rem_euclid(7);
    let c = year.rem_euclid(19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("computus yields a real date");
    let gap = year / 100 - year / 400 - 2;
    julian + Duration::days(gap as i64)
}

/// Radunitsa: Orthodox Easter + 9 days, always a Tuesday.
pub fn radunitsa(year: i32) -> NaiveDate {
    orthodox_easter(year) + Duration::days(9)
}

/// The holiday on `date`, if it is one.
pub fn holiday(date: NaiveDate) -> Option<Text> {
    FIXED
        .iter()
        .find(|(m, d, _)| date.month() == *m && date.day() == *d)
        .map(|(_, _, name)| *name)
        .or_else(|| (radunitsa(date.year()) == date).then_some(RADUNITSA))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn radunitsa_matches_the_published_dates() {
        let published = [
            (2020, d(2020, 4, 28)),
            (2021, d(2021, 5, 11)),
            (2022, d(2022, 5, 3)),
            (2023, d(2023, 4, 25)),
            (2024, d(2024, 5, 14)),
            (2025, d(2025, 4, 29)),
            (2026, d(2026, 4, 21)),
            (2027, d(2027, 5, 11)),
        ];
        for (year, date) in published {
            assert_eq!(radunitsa(year), date, "Radunitsa {year}");
            assert_eq!(date.weekday(), chrono::Weekday::Tue);
        }
    }

    #[test]
    fn orthodox_easter_is_always_a_sunday() {
        for year in 1990..2150 {
            assert_eq!(orthodox_easter(year).weekday(), chrono::Weekday::Sun, "{year}");
        }
    }

    #[test]
    fn fixed_holidays_and_radunitsa_are_named() {
        assert_eq!(holiday(d(2025, 1, 7)).unwrap().get(crate::i18n::Lang::Ru), "Рождество Христово (православное)");
        assert_eq!(holiday(d(2025, 4, 29)), Some(RADUNITSA));
        assert_eq!(holiday(d(2025, 4, 30)), None);
    }
}
