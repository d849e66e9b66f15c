//! Table tests for every kind of rule at the calendar's edges, and properties that hold for
//! any scenario.

use proptest::prelude::*;
use serde_json::json;

use super::report::{report, Report};
use super::*;
use crate::calendar::Calendar;
use crate::i18n::Lang;
use crate::rules::{Rulebook, RuleKind};

fn shared() -> (&'static Rulebook, &'static Calendar) {
    static BOOK: std::sync::OnceLock<Rulebook> = std::sync::OnceLock::new();
    static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
    (BOOK.get_or_init(Rulebook::embedded), CAL.get_or_init(Calendar::embedded))
}

fn ask(service: &str, events: &[(&str, &str)], facts: &[(&str, serde_json::Value)]) -> Result<Report, QueryError> {
    let (book, cal) = shared();
    let q = Query::build(
        book,
        service,
        events.iter().map(|(k, v)| (k.to_string(), v.to_string())),
        facts.iter().map(|(k, v)| (k.to_string(), v.clone())),
        None,
    )?;
    let outcomes = evaluate(&q, cal, WorkingWindow::default())?;
    Ok(report(&q, &outcomes, cal, Lang::Ru))
}

/// The due date of `rule` for these events and facts.
fn due(service: &str, rule: &str, events: &[(&str, &str)], facts: &[(&str, serde_json::Value)]) -> String {
    let r = ask(service, events, facts).unwrap();
    let item = r.items.iter().find(|i| i.rule == rule).unwrap_or_else(|| panic!("{rule} not in {:?}", r.items.iter().map(|i| &i.rule).collect::<Vec<_>>()));
    item.due.clone().unwrap_or_else(|| panic!("{rule} has no date: {:?}", item.waiting_for))
}

#[test]
fn working_days_across_new_year_and_orthodox_christmas() {
    // Mon 30.12.2024 + 3: 31.12 (1), 1–2 Jan holidays, 3 Jan (2), weekend, 6 (transfer), 7 (holiday), 8 Jan (3).
    assert_eq!(due("hosting", "hosting.operator_review", &[("application_received", "2024-12-30")], &[]), "2025-01-08");
    // Tue 31.12.2024 + 5: 3 Jan (1), 8, 9, 10, and the worked Saturday 11 Jan (5).
    assert_eq!(due("kvp", "kvp.draft_contract", &[("application_received", "2024-12-31")], &[]), "2025-01-11");
}

#[test]
fn the_working_saturday_11_january_2025_counts() {
    // Fri 03.01.2025 + 15 working days: 8, 9, 10, Sat 11 (worked by transfer), 13 … 27 January.
    assert_eq!(due("hosting", "hosting.sign_contract", &[("draft_contract_received", "2025-01-03")], &[]), "2025-01-27");
    // Wed 08.01 + 3: 9, 10, Sat 11.01.
    assert_eq!(due("one-window", "one-window.restoration_payment", &[("restoration_contract_signed", "2025-01-08")], &[]), "2025-01-11");
}

#[test]
fn radunitsa_is_skipped_in_several_years() {
    // 2025: Fri 25.04 + 3: Sat 26.04 worked (1), 28 transfer, 29 Radunitsa, 30 (2), 1 May holiday, 2 May (3).
    assert_eq!(due("constructor", "constructor.help_answer", &[("help_message_sent", "2025-04-25")], &[]), "2025-05-02");
    // 2024: Fri 10.05 + 3: 13 transfer, 14 Radunitsa, 15, 16, 17.05.
    assert_eq!(due("constructor", "constructor.help_clarify", &[("clarification_requested", "2024-05-10")], &[]), "2024-05-17");
    // 2023: Fri 21.04 + 5: 24 transfer, 25 Radunitsa, 26, 27, 28, Sat 29 worked, 1 May holiday, 2 May.
    assert_eq!(due("kvp", "kvp.activation_deadline", &[("signed_contract_received", "2023-04-21")], &[]), "2023-05-02");
    // 2026: Thu 16.04 + 3: 17, weekend, 20 transfer, 21 Radunitsa, 22, 23.04.
    assert_eq!(due("interaction", "interaction.access_restore", &[("violation_remedied", "2026-04-16")], &[]), "2026-04-23");
}

#[test]
fn calendar_days_roll_forward_from_a_weekend_and_from_a_holiday() {
    // Fri 07.03.2025 + 15 = Sat 22.03 → Mon 24.03.
    let r = ask("constructor", &[("draft_contract_received", "2025-03-07")], &[]).unwrap();
    let item = r.items.iter().find(|i| i.rule == "constructor.sign_contract").unwrap();
    assert_eq!(item.due.as_deref(), Some("2025-03-24"));
    assert_eq!(item.explanation.unmoved.map(|d| d.to_string()).as_deref(), Some("2025-03-22"));
    assert_eq!(item.explanation.rolled_forward_from.map(|d| d.to_string()).as_deref(), Some("2025-03-22"));
    assert!(item.explanation.text.contains("22.03.2025 — нерабочий день"), "{}", item.explanation.text);
    // 14.04.2025 + 15 = Tue 29.04 (Radunitsa) → 30.04.
    assert_eq!(due("kvp", "kvp.sign_contract", &[("draft_contract_received", "2025-04-14")], &[]), "2025-04-30");
    // 10.12.2025 + 15 = 25.12 (holiday), 26.12 (transfer), weekend → Mon 29.12.
    assert_eq!(due("one-window", "one-window.sign_contract", &[("draft_contract_received", "2025-12-10")], &[]), "2025-12-29");
    // No move when the day is a working day: the unmoved date is still shown.
    let r = ask("interaction", &[("claim_received", "2024-02-14")], &[]).unwrap();
    assert_eq!(r.items[0].due.as_deref(), Some("2024-02-29"));
    assert_eq!(r.items[0].explanation.unmoved.map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
    assert_eq!(r.items[0].explanation.rolled_forward_from, None);
}

#[test]
fn calendar_months_land_on_29_february_or_the_last_day_then_roll_forward() {
    let rule = "one-window.restoration_window";
    assert_eq!(due("one-window", rule, &[("contract_expired", "2023-11-29")], &[]), "2024-02-29");
    // 30.11.2024 + 3 months: February 2025 has no 30th → Fri 28.02.2025.
    assert_eq!(due("one-window", rule, &[("contract_expired", "2024-11-30")], &[]), "2025-02-28");
    // 30.11.2025 + 3 months → Sat 28.02.2026 → Mon 02.03.2026.
    assert_eq!(due("one-window", rule, &[("contract_expired", "2025-11-30")], &[]), "2026-03-02");
}

#[test]
fn backward_periods_count_from_the_day_before() {
    // 1 working day before Mon 13.01.2025 is the worked Saturday 11.01.
    assert_eq!(due("hosting", "hosting.maintenance_notice", &[("maintenance_planned", "2025-01-13")], &[]), "2025-01-11");
    // 3 working days before Wed 08.01.2025: 03.01, 31.12, 30.12.
    assert_eq!(due("interaction", "interaction.maintenance_notice", &[("maintenance_planned", "2025-01-08")], &[]), "2024-12-30");
    // A calendar day before is never moved, even onto a Sunday.
    assert_eq!(due("one-window", "one-window.maintenance_notice", &[("maintenance_planned", "2025-03-10")], &[]), "2025-03-09");
    assert_eq!(due("kvp", "kvp.maintenance_notice", &[("maintenance_planned", "2025-05-12")], &[]), "2025-05-08");
}

#[test]
fn minutes_and_hours_are_clock_time_across_midnight_and_new_year() {
    assert_eq!(due("interaction", "interaction.incident_notice", &[("incident_detected", "2025-12-31T23:50")], &[]), "2026-01-01T00:10");
    assert_eq!(due("interaction", "interaction.maintenance_done_notice", &[("maintenance_finished", "2025-03-08T10:00")], &[]), "2025-03-08T10:15");
    assert_eq!(due("one-window", "one-window.failure_recovery", &[("outage_started", "2025-01-06T09:30")], &[]), "2025-01-07T09:30");
    assert_eq!(due("one-window", "one-window.emergency_notice", &[("outage_started", "2025-01-06T23:30")], &[]), "2025-01-07T00:30");
}

#[test]
fn working_hours_cross_weekends_holidays_and_the_window_edges() {
    let r = "kvp.failure_recovery";
    let at = |t: &str| due("kvp", r, &[("failure_reported", t)], &[]);
    // Fri 10.01.2025 15:00: 4 h on Friday; Sat 11.01 is worked by transfer but is no
    // support day (clause 5.5); Mon 11 h; Tue 9 h → 17:00.
    assert_eq!(at("2025-01-10T15:00"), "2025-01-14T17:00");
    // Wed 07.05.2025 10:00: 9 h, Thu 11 h, Fri 9 May holiday, weekend, Mon 4 h → 12:00.
    assert_eq!(at("2025-05-07T10:00"), "2025-05-12T12:00");
    // Reported at 19:00 exactly: counting starts at 08:00 the next working day.
    assert_eq!(at("2025-03-03T19:00"), "2025-03-06T10:00");
    // Before 08:00: counting starts at 08:00 that day.
    assert_eq!(at("2025-03-03T06:30"), "2025-03-05T10:00");
    // A count that ends exactly at 19:00 is due at 19:00, not the next morning.
    assert_eq!(at("2025-03-03T17:00"), "2025-03-05T19:00");
    // Reported on a Sunday: from Monday 08:00 — 11 h, 11 h, then 2 h on Wednesday.
    assert_eq!(at("2025-03-02T12:00"), "2025-03-05T10:00");
}

#[test]
fn software_count_picks_the_placement_period_with_5_read_as_10_days() {
    let ev = [("signed_contract_received", "2025-03-03")];
    let placement = |n: serde_json::Value| due("hosting", "hosting.placement", &ev, &[("software_count", n)]);
    assert_eq!(placement(json!(4)), "2025-03-10");
    assert_eq!(placement(json!(5)), "2025-03-17");
    assert_eq!(placement(json!("25")), "2025-03-17");
    assert_eq!(placement(json!(26)), "2025-03-24");
    let r = ask("hosting", &ev, &[("software_count", json!(5))]).unwrap();
    assert!(r.items[0].explanation.notes.iter().any(|n| n.contains("обеим группам")), "the 5 → 10 reading is shown");
    let r = ask("hosting", &ev, &[("software_count", json!(4))]).unwrap();
    assert!(!r.items[0].explanation.notes.iter().any(|n| n.contains("обеим группам")));
    // Without the count the rule waits for it.
    let r = ask("hosting", &ev, &[]).unwrap();
    assert_eq!(r.items[0].due, None);
    assert_eq!(r.items[0].needs_facts.as_deref(), Some(&["software_count".to_string()][..]));
}

#[test]
fn one_window_connection_waits_for_a_commercial_organisations_prepayment() {
    let signed = ("signed_contract_received", "2025-03-03");
    let r = ask("one-window", &[signed], &[("org_kind", json!("commercial"))]).unwrap();
    let item = r.items.iter().find(|i| i.rule == "one-window.connection").unwrap();
    assert_eq!(item.due, None);
    assert_eq!(item.waiting_for.as_deref(), Some(&["prepayment_made".to_string()][..]));
    // The event by its label, not its id.
    assert!(item.explanation.text.contains("«Внесена 100% предоплата»") && !item.explanation.text.contains("prepayment_made"), "{}", item.explanation.text);
    // The later of the two counts.
    let with_payment = [signed, ("prepayment_made", "2025-03-10")];
    assert_eq!(due("one-window", "one-window.connection", &with_payment, &[("org_kind", json!("commercial"))]), "2025-03-24");
    // A budget organisation counts from the contract alone, and the prepayment is ignored.
    assert_eq!(due("one-window", "one-window.connection", &with_payment, &[("org_kind", json!("budget"))]), "2025-03-17");
}

#[test]
fn derived_dates_are_never_moved() {
    // Activation notice on Mon 31.03.2025 → service from 01.04, billed from April.
    let ev = [("activation_notice_sent", "2025-03-31")];
    assert_eq!(due("one-window", "one-window.service_date", &ev, &[]), "2025-04-01");
    assert_eq!(due("one-window", "one-window.first_billed_month", &ev, &[]), "2025-04");
    assert_eq!(due("kvp", "kvp.activation", &ev, &[]), "2025-03-31");
    assert_eq!(due("kvp", "kvp.first_billed_month", &ev, &[]), "2025-03");
    // Supplementary agreement on 15.12.2025 → new tariff from 01.01.2026, a holiday: not moved.
    assert_eq!(due("one-window", "one-window.tariff_effective", &[("supplementary_agreement_signed", "2025-12-15")], &[]), "2026-01-01");
    assert_eq!(due("one-window", "one-window.access_cutoff", &[("contract_expired", "2025-12-31")], &[]), "2026-01-01");
    assert_eq!(due("hosting", "hosting.activation", &[("placement_date", "2025-05-09")], &[]), "2025-05-09");
    assert_eq!(due("constructor", "constructor.activation", &[("credentials_sent", "2025-01-07")], &[]), "2025-01-07");
}

#[test]
fn only_rules_whose_events_are_given_appear() {
    let r = ask("hosting", &[("application_received", "2025-03-03")], &[]).unwrap();
    assert_eq!(r.items.iter().map(|i| i.rule.as_str()).collect::<Vec<_>>(), ["hosting.operator_review"]);
    let r = ask("one-window", &[("application_received", "2025-03-03")], &[("org_kind", json!("commercial"))]).unwrap();
    assert_eq!(r.items.iter().map(|i| i.rule.as_str()).collect::<Vec<_>>(), ["one-window.draft_contract"]);
    assert!(ask("kvp", &[], &[]).unwrap().items.is_empty());
}

#[test]
fn explanations_name_every_skipped_day_and_the_transfers_source() {
    let r = ask("hosting", &[("draft_contract_received", "2025-01-03")], &[]).unwrap();
    let e = &r.items[0].explanation;
    assert_eq!(e.rule, "hosting.sign_contract");
    assert_eq!(e.clause, "3.10");
    assert_eq!(e.seed, "000_943913625cf1f532.txt");
    assert_eq!(e.base.as_ref().unwrap().id, "draft_contract_received");
    assert_eq!(e.base.as_ref().unwrap().at, "2025-01-03");
    assert_eq!(e.period.kind, "working_days");
    assert_eq!(e.period.amount, Some(15));
    let day = |s: &str| e.skipped.iter().find(|d| d.date.to_string() == s).unwrap_or_else(|| panic!("{s} not skipped"));
    assert_eq!(day("2025-01-04").reason, explain::SkipReason::Weekend);
    assert_eq!(day("2025-01-06").reason, explain::SkipReason::Transfer);
    assert!(day("2025-01-06").source.as_deref().unwrap().contains("№ 839"));
    assert_eq!(day("2025-01-07").name, "Рождество Христово (православное)");
    assert_eq!(e.worked_by_transfer.len(), 1);
    assert_eq!(e.worked_by_transfer[0].date.to_string(), "2025-01-11");
    assert!(!e.provisional);
    assert!(e.text.starts_with("Подписанный договор должен поступить Оператору: 15 рабочих дней после 03.01.2025"), "{}", e.text);
}

#[test]
fn dates_through_a_year_without_data_are_provisional_with_the_reason() {
    let r = ask("hosting", &[("draft_contract_received", "2026-12-20")], &[]).unwrap();
    assert!(r.items[0].provisional);
    assert!(r.items[0].explanation.provisional_reason.as_deref().unwrap().contains("2027"));
    let r = ask("hosting", &[("draft_contract_received", "2026-01-05")], &[]).unwrap();
    assert!(!r.items[0].provisional);
    // Derived dates read no calendar, so they are never provisional.
    let r = ask("kvp", &[("activation_notice_sent", "2030-01-10")], &[]).unwrap();
    assert!(r.items.iter().all(|i| !i.provisional));
}

#[test]
fn bad_input_is_refused_naming_the_part() {
    let code = |r: Result<Report, QueryError>| r.unwrap_err().code().local();
    assert_eq!(code(ask("hostin", &[], &[])), "unknown_service");
    assert_eq!(code(ask("hosting", &[("application_recieved", "2025-01-01")], &[])), "unknown_event");
    assert_eq!(code(ask("hosting", &[("prepayment_made", "2025-01-01")], &[])), "unknown_event");
    assert_eq!(code(ask("hosting", &[], &[("colour", json!("red"))])), "unknown_fact");
    for bad in ["2025-1-05", "05.01.2025", "yesterday", "2025-01-05T9:00", "", "2025-01-05Z"] {
        assert_eq!(code(ask("hosting", &[("application_received", bad)], &[])), "malformed_date", "{bad:?}");
    }
    assert_eq!(code(ask("hosting", &[("application_received", "2025-02-30")], &[])), "impossible_date");
    assert_eq!(code(ask("interaction", &[("incident_detected", "2025-02-03T24:00")], &[])), "impossible_date");
    assert_eq!(code(ask("interaction", &[("incident_detected", "2025-02-03")], &[])), "needs_time");
    for bad in [json!(0), json!(-1), json!(4.5), json!("abc"), json!("5.0"), json!(""), json!(true)] {
        assert_eq!(code(ask("hosting", &[], &[("software_count", bad.clone())])), "invalid_fact", "{bad}");
    }
    assert_eq!(code(ask("one-window", &[], &[("org_kind", json!("state"))])), "invalid_fact");
    let e = ask("hosting", &[("application_received", "2025-02-30")], &[]).unwrap_err();
    assert_eq!(e.message(Lang::Ru), "Событие «Оператор получил заявку»: даты 30.02.2025 не существует.");
    assert_eq!(e.message(Lang::En), "Event “The Operator received the application”: the date 30.02.2025 does not exist.");
    assert_eq!(code(ask("hosting", &[("application_received", "1989-12-31")], &[])), "date_out_of_range");
}

#[test]
fn an_unknown_rule_filter_is_refused() {
    let book = Rulebook::embedded();
    let err = Query::build(&book, "kvp", vec![], vec![], Some(vec!["kvp.nope".into()])).unwrap_err();
    assert_eq!(err.code().local(), "unknown_rule");
    assert!(Query::build(&book, "kvp", vec![], vec![], Some(vec!["kvp.sign_contract".into()])).is_ok());
}

fn any_scenario() -> impl Strategy<Value = (usize, usize, i64, u32, u64, bool)> {
    (0usize..5, 0usize..16, 0i64..(365 * 12), 0u32..(24 * 60), 1u64..40, any::<bool>())
}

proptest! {
    /// For any service, event and date: forward deadlines are never before their base, and
    /// working-day results are working days.
    #[test]
    fn forward_results_never_precede_their_base((s, e, offset, minute, count, commercial) in any_scenario()) {
        let (book, cal) = shared();
        let service = &book.services[s];
        let event = &service.events[e % service.events.len()];
        let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(offset);
        let value = match event.kind {
            crate::rules::EventKind::Date => day.to_string(),
            crate::rules::EventKind::Time => format!("{}T{:02}:{:02}", day, minute / 60, minute % 60),
        };
        let facts = vec![
            ("software_count".to_string(), json!(count)),
            ("org_kind".to_string(), json!(if commercial { "commercial" } else { "budget" })),
        ];
        let q = Query::build(book, &service.id, vec![(event.id.clone(), value)], facts, None).unwrap();
        for o in evaluate(&q, cal, WorkingWindow::default()).unwrap() {
            if let State::Due { base, landing, .. } = &o.state {
                match landing.period {
                    crate::rules::Period::WorkingDaysBefore(_) | crate::rules::Period::CalendarDaysBefore(_) => {
                        prop_assert!(landing.due.date() < base.at.date(), "{}", o.rule.id);
                    }
                    crate::rules::Period::WorkingDays(_) => {
                        prop_assert!(landing.due.date() > base.at.date(), "{}", o.rule.id);
                        prop_assert!(cal.is_working(landing.due.date(), crate::calendar::Schedule::Official).unwrap());
                    }
                    crate::rules::Period::MonthOf => prop_assert!(landing.due.date() <= base.at.date()),
                    _ => prop_assert!(landing.due.as_moment().instant() >= base.at.instant(), "{}", o.rule.id),
                }
                if o.rule.kind == RuleKind::Deadline {
                    prop_assert!(o.rule.party.is_some());
                }
            }
        }
    }
}

#[test]
fn the_working_window_is_a_setting_and_the_explanation_names_it() {
    let (book, cal) = shared();
    let q = Query::build(book, "kvp", vec![("failure_reported".into(), "2025-01-10T15:00".into())], vec![], None).unwrap();
    let window = WorkingWindow {
        start: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        end: chrono::NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
    };
    let outcomes = evaluate(&q, cal, window).unwrap();
    let r = report(&q, &outcomes, cal, Lang::Ru);
    // 9-hour days: Friday 3 h, Monday 9, Tuesday 9, Wednesday 3 → 12:00.
    assert_eq!(r.items[0].due.as_deref(), Some("2025-01-15T12:00"));
    assert!(r.items[0].explanation.period.text.contains("09:00–18:00"), "{}", r.items[0].explanation.period.text);
}
