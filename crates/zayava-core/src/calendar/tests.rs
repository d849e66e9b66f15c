//! The calendar against known days and against a plain day-by-day walk.

use super::*;
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cal() -> &'static Calendar {
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    CAL.get_or_init(Calendar::embedded)
}

#[test]
fn new_year_and_orthodox_christmas_2025_with_the_transferred_6_january() {
    let c = cal();
    assert_eq!(c.day_kind(d("2025-01-01")).unwrap(), DayKind::Holiday(holidays::FIXED[0].2));
    assert!(matches!(c.day_kind(d("2025-01-06")).unwrap(), DayKind::DayOffByTransfer { worked_on, .. } if worked_on == d("2025-01-11")));
    assert!(matches!(c.day_kind(d("2025-01-07")).unwrap(), DayKind::Holiday(_)));
    // 31.12.2024 (Tue) + 1 working day: 1, 2 Jan holidays → Friday 3 January.
    assert_eq!(c.add_working_days(d("2024-12-31"), 1, Schedule::Official).unwrap(), d("2025-01-03"));
    // 03.01.2025 + 1: Sat 4, Sun 5, 6 (transfer), 7 (holiday) → Wednesday 8 January.
    assert_eq!(c.add_working_days(d("2025-01-03"), 1, Schedule::Official).unwrap(), d("2025-01-08"));
}

#[test]
fn the_working_saturday_11_january_2025_counts_in_the_official_schedule_only() {
    let c = cal();
    assert!(c.is_working(d("2025-01-11"), Schedule::Official).unwrap());
    assert!(!c.is_working(d("2025-01-11"), Schedule::OfficialWeekdays).unwrap());
    // Fri 10.01 + 1 working day is that Saturday.
    assert_eq!(c.add_working_days(d("2025-01-10"), 1, Schedule::Official).unwrap(), d("2025-01-11"));
    assert_eq!(c.add_working_days(d("2025-01-10"), 1, Schedule::OfficialWeekdays).unwrap(), d("2025-01-13"));
    // The transferred day off is off in both.
    assert!(!c.is_working(d("2025-01-06"), Schedule::OfficialWeekdays).unwrap());
}

#[test]
fn radunitsa_is_a_day_off_in_every_year() {
    let c = cal();
    for (year, date) in [(2023, "2023-04-25"), (2024, "2024-05-14"), (2025, "2025-04-29"), (2026, "2026-04-21"), (2030, "2030-05-07")] {
        assert!(!c.is_working(d(date), Schedule::Official).unwrap(), "Radunitsa {year}");
    }
    // 2025: Fri 25.04 + 1 → Sat 26.04 worked by transfer; + 2 → Wed 30.04 (28 transfer, 29 Radunitsa).
    assert_eq!(c.add_working_days(d("2025-04-25"), 1, Schedule::Official).unwrap(), d("2025-04-26"));
    assert_eq!(c.add_working_days(d("2025-04-25"), 2, Schedule::Official).unwrap(), d("2025-04-30"));
}

#[test]
fn backwards_counting_starts_from_the_day_before() {
    let c = cal();
    // 1 working day before Wednesday 08.01.2025: 7 is a holiday, 6 a transferred day off,
    // 5 and 4 the weekend, so Friday 03.01.
    assert_eq!(c.working_days_before(d("2025-01-08"), 1, Schedule::Official).unwrap(), d("2025-01-03"));
    // 3 working days before Monday 13.01.2025: Sat 11 (worked), Fri 10, Thu 9.
    assert_eq!(c.working_days_before(d("2025-01-13"), 3, Schedule::Official).unwrap(), d("2025-01-09"));
}

#[test]
fn rolling_forward_skips_weekends_and_holidays() {
    let c = cal();
    assert_eq!(c.working_day_on_or_after(d("2025-05-09"), Schedule::Official).unwrap(), d("2025-05-12"));
    assert_eq!(c.working_day_on_or_after(d("2025-05-12"), Schedule::Official).unwrap(), d("2025-05-12"));
}

#[test]
fn years_without_data_are_provisional_and_user_data_replaces_embedded() {
    let c = cal();
    assert!(!c.is_provisional(2025));
    assert!(c.is_provisional(2027));
    assert!(c.is_provisional(2019));
    assert_eq!(c.provisional_years(d("2026-12-20"), d("2027-01-10")), [2027]);

    let mut years = transfers::embedded();
    years.push(YearTransfers {
        year: 2027,
        source: "Постановление № 999 (введено пользователем)".into(),
        moves: vec![Transfer { day_off: d("2027-01-08"), working_day: d("2027-01-16") }],
        origin: TransferOrigin::User,
    });
    let c = Calendar::new(years);
    assert!(!c.is_provisional(2027));
    assert!(!c.is_working(d("2027-01-08"), Schedule::Official).unwrap());
    assert!(c.is_working(d("2027-01-16"), Schedule::Official).unwrap());
}

#[test]
fn dates_outside_the_range_are_refused() {
    let c = cal();
    assert_eq!(c.add_working_days(d("1989-12-31"), 1, Schedule::Official), Err(OutOfRange(d("1989-12-31"))));
    assert!(c.add_working_days(d("2150-12-30"), 5, Schedule::Official).is_err());
    assert!(c.working_days_before(d("1990-01-02"), 5, Schedule::Official).is_err());
}

/// The plain definition the tables must agree with.
fn walk_forward(c: &Calendar, from: NaiveDate, n: u32, s: Schedule) -> NaiveDate {
    let mut day = from;
    let mut left = n;
    while left > 0 {
        day += Duration::days(1);
        if c.is_working(day, s).unwrap() {
            left -= 1;
        }
    }
    day
}

fn walk_backward(c: &Calendar, before: NaiveDate, n: u32, s: Schedule) -> NaiveDate {
    let mut day = before;
    let mut left = n;
    while left > 0 {
        day -= Duration::days(1);
        if c.is_working(day, s).unwrap() {
            left -= 1;
        }
    }
    day
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..(365 * 40)).prop_map(|o| d("2000-01-01") + Duration::days(o))
}

fn any_schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![Just(Schedule::Official), Just(Schedule::OfficialWeekdays)]
}

proptest! {
    #[test]
    fn tables_agree_with_a_day_by_day_walk(date in any_date(), n in 1u32..40, s in any_schedule()) {
        let c = cal();
        prop_assert_eq!(c.add_working_days(date, n, s).unwrap(), walk_forward(c, date, n, s));
        prop_assert_eq!(c.working_days_before(date, n, s).unwrap(), walk_backward(c, date, n, s));
    }

    #[test]
    fn a_working_day_result_is_a_working_day_after_its_base(date in any_date(), n in 1u32..60) {
        let c = cal();
        let due = c.add_working_days(date, n, Schedule::Official).unwrap();
        prop_assert!(c.is_working(due, Schedule::Official).unwrap());
        prop_assert!(due > date);
        prop_assert_eq!(c.working_days_between(date, due, Schedule::Official).unwrap(), n);
    }

    #[test]
    fn one_more_working_day_is_later(date in any_date(), n in 1u32..60) {
        let c = cal();
        prop_assert!(c.add_working_days(date, n + 1, Schedule::Official).unwrap() > c.add_working_days(date, n, Schedule::Official).unwrap());
    }
}
