//! How dates are written for people (dd.mm.yyyy) and read from machines (ISO 8601).

use chrono::{NaiveDate, NaiveDateTime};

/// A date as users see it everywhere: `24.11.2026`.
pub fn human_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// A local time as users see it: `24.11.2026 09:05`.
pub fn human_date_time(at: NaiveDateTime) -> String {
    at.format("%d.%m.%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_shown_day_first_with_leading_zeros() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 7).unwrap();
        assert_eq!(human_date(d), "07.01.2025");
        assert_eq!(human_date_time(d.and_hms_opt(8, 5, 0).unwrap()), "07.01.2025 08:05");
    }
}
