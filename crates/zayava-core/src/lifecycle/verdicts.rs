//! Verdicts against the seeds (DOMAIN.md §6): each test names the clause it pins — what
//! fulfils a deadline, rounds, a void contract, planned events, order independence.

use super::*;
use crate::calendar::Calendar;

fn chain(events: &[(&str, &str)]) -> Vec<RecordedEvent> {
    events
        .iter()
        .enumerate()
        .map(|(i, (e, at))| RecordedEvent { id: i as i64 + 1, event: (*e).into(), at: (*at).into(), recorded_at: "2026-01-01T00:00:00Z".into(), recorded_by: Recorder::User, corrects: None, note: String::new() })
        .collect()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn line(service: &str, events: &[(&str, &str)], now: &str) -> Timeline {
    timeline(&Rulebook::embedded(), &Calendar::embedded(), WorkingWindow::default(), service, true, &chain(events), vec![], at(now), &NoticeContext::default(), Lang::Ru).unwrap()
}

fn rounds<'t>(t: &'t Timeline, rule: &str) -> Vec<&'t TimelineDeadline> {
    t.deadlines.iter().filter(|d| d.item.rule == rule).collect()
}

fn one<'t>(t: &'t Timeline, rule: &str) -> &'t TimelineDeadline {
    let r = rounds(t, rule);
    assert_eq!(r.len(), 1, "{rule}: one round expected");
    r[0]
}

fn new(event: &str, at: &str) -> NewEvent {
    NewEvent { event: event.into(), at: at.into(), corrects: None, note: String::new() }
}

/// The four signing windows: (service, clause, draft received, due day, the day after it
/// that a late receipt is tried on, days late).
const WINDOWS: [(&str, &str, &str, &str, &str, i64); 4] = [
    // 15 working days after 07.03.2025 (8 March and weekends skipped): Friday 28.03.
    ("hosting", "3.10", "2025-03-07", "2025-03-28", "2025-03-31", 3),
    // 15 calendar days: Saturday 22.03, moved to Monday 24.03.
    ("constructor", "3.9", "2025-03-07", "2025-03-24", "2025-03-25", 1),
    ("one-window", "3.10", "2025-03-06", "2025-03-21", "2025-03-24", 3),
    ("kvp", "3.7", "2025-11-10", "2025-11-25", "2025-11-26", 1),
];

fn up_to_draft(draft: &str) -> Vec<(&'static str, String)> {
    let d: NaiveDate = draft.parse().unwrap();
    let day = |n: i64| (d - chrono::Duration::days(n)).format("%Y-%m-%d").to_string();
    vec![("application_sent", day(3)), ("application_received", day(2)), ("draft_contract_received", draft.to_string())]
}

fn with(events: &[(&'static str, String)], more: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut out = events.to_vec();
    out.extend(more.iter().map(|(e, a)| (*e, a.to_string())));
    out
}

fn borrowed<'a>(events: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    events.iter().map(|(e, a)| (*e, a.as_str())).collect()
}

#[test]
fn signing_windows_are_met_only_by_the_operators_receipt_on_or_before_the_due_day() {
    for (service, clause, draft, due, _, _) in WINDOWS {
        let base = up_to_draft(draft);
        let on_time = line(service, &borrowed(&with(&base, &[("signed_contract_received", due)])), "2026-01-10T10:00");
        let sign = one(&on_time, &format!("{service}.sign_contract"));
        assert_eq!(sign.item.due.as_deref(), Some(due), "{service} {clause}");
        assert_eq!(sign.status, DeadlineStatus::Met, "{service} {clause}");
        assert_eq!(sign.met_by.as_deref(), Some("signed_contract_received"));
        assert_eq!(on_time.state, "contract_received", "{service} {clause}");
        assert!(on_time.void.is_none());
        // Sending it back, or signing it, is not the Operator receiving it.
        let sent_only = line(service, &borrowed(&with(&base, &[("signed_contract_sent", due)])), "2026-01-10T10:00");
        assert_eq!(one(&sent_only, &format!("{service}.sign_contract")).status, DeadlineStatus::Overdue, "{service} {clause}");
        assert_eq!(sent_only.state, "not_concluded", "{service} {clause}");
    }
}

#[test]
fn a_receipt_after_the_window_voids_the_contract_and_says_how_late_it_came() {
    // Hosting 3.10, constructor 3.9, one-window 3.10, kvp 3.7.
    for (service, clause, draft, _, late, days) in WINDOWS {
        let events = with(&up_to_draft(draft), &[("signed_contract_received", late)]);
        let t = line(service, &borrowed(&events), "2026-01-10T10:00");
        let sign = one(&t, &format!("{service}.sign_contract"));
        assert_eq!(sign.status, DeadlineStatus::MetLate, "{service} {clause}");
        assert_eq!(sign.days_late, Some(days), "{service} {clause}");
        assert_eq!(t.state, "not_concluded", "{service} {clause}: a late receipt voids the contract");
        let void = t.void.as_ref().expect("void");
        assert_eq!(void.clause, clause);
        assert!(void.message.contains(&format!("п. {clause}")), "{}", void.message);
        assert!(void.message.contains(&format!("на {days} ")), "{}", void.message);
        assert!(void.message.contains("новую"), "says what to do now: {}", void.message);
        // The late receipt is kept in the trail (facts are facts) and nothing moves the
        // application on: no activation is offered.
        assert!(t.events.iter().any(|e| e.event.event == "signed_contract_received"));
        assert!(!t.next_events.iter().any(|e| e == "activation_notice_sent" || e == "placement_date" || e == "credentials_sent"), "{service}: {:?}", t.next_events);
    }
}

#[test]
fn a_window_passed_with_nothing_received_voids_the_contract_and_still_takes_the_receipt() {
    for (service, clause, draft, due, _, _) in WINDOWS {
        let base = up_to_draft(draft);
        let due_day: NaiveDate = due.parse().unwrap();
        let last_minute = format!("{}T23:59", due_day.format("%Y-%m-%d"));
        let still_open = line(service, &borrowed(&base), &last_minute);
        assert_eq!(one(&still_open, &format!("{service}.sign_contract")).status, DeadlineStatus::DueToday, "{service} {clause}");
        assert_eq!(still_open.state, "draft_contract");
        let next_morning = format!("{}T00:01", due_day.succ_opt().unwrap().format("%Y-%m-%d"));
        let t = line(service, &borrowed(&base), &next_morning);
        assert_eq!(t.state, "not_concluded", "{service} {clause}");
        assert_eq!(t.state_label, "Договор не заключён (пропущен срок подписания)");
        assert!(t.next_events.iter().any(|e| e == "signed_contract_received"), "{service}: the Operator's receipt can still be recorded: {:?}", t.next_events);
        assert!(t.next_events.iter().any(|e| e == "annulled"), "{service}: {:?}", t.next_events);
    }
}

#[test]
fn the_verdict_follows_the_facts_not_the_order_they_were_typed_in() {
    // The manager of the issue: on 03.12.2026 she records last month's history. One-window
    // 3.10: draft received 12.11.2026, due 27.11.2026, received by the Operator 20.11.2026.
    let history = [("application_sent", "2026-11-09"), ("application_received", "2026-11-10"), ("draft_contract_received", "2026-11-12")];
    let now = "2026-12-03T10:00";
    let so_far = line("one-window", &history, now);
    assert_eq!(so_far.state, "not_concluded", "nothing received yet, the window has passed");
    assert!(so_far.next_events.iter().any(|e| e == "signed_contract_received"));
    let book = Rulebook::embedded();
    let today: NaiveDate = "2026-12-03".parse().unwrap();
    check_new(&book, "one-window", true, &chain(&history), &new("signed_contract_received", "2026-11-20"), today).expect("the on-time receipt is accepted after the window");
    let mut complete = history.to_vec();
    complete.push(("signed_contract_received", "2026-11-20"));
    let t = line("one-window", &complete, now);
    assert_eq!(t.state, "contract_received");
    assert_eq!(one(&t, "one-window.sign_contract").status, DeadlineStatus::Met);
    // The same facts typed in another order: the posting recorded after the receipt.
    let mut typed = complete.clone();
    typed.push(("signed_contract_sent", "2026-11-18"));
    check_new(&book, "one-window", true, &chain(&complete), &new("signed_contract_sent", "2026-11-18"), today).expect("an earlier step fits by its date");
    let reordered = line("one-window", &typed, now);
    assert_eq!(reordered.state, "contract_received");
    assert!(reordered.unplaced.is_empty());
}

#[test]
fn constructor_3_9_counts_the_receipt_and_4_2_counts_access_from_the_signature() {
    let base = up_to_draft("2025-03-07");
    // Signed on day 14 and posted: not the receipt. Once the window has passed, the app
    // says the receipt is not recorded rather than that all is well.
    let signed = with(&base, &[("contract_signed", "2025-03-21"), ("signed_contract_sent", "2025-03-21")]);
    let t = line("constructor", &borrowed(&signed), "2025-03-25T10:00");
    let sign = one(&t, "constructor.sign_contract");
    assert_ne!(sign.status, DeadlineStatus::Met);
    assert!(sign.met_by.is_none());
    // Access and Git are counted from the signature by both parties (clause 4.2, 4.4).
    let access = one(&t, "constructor.access_setup");
    assert_eq!(access.item.explanation.base.as_ref().map(|b| b.id.as_str()), Some("contract_signed"));
    assert_eq!(one(&t, "constructor.git_access").item.explanation.base.as_ref().map(|b| b.id.as_str()), Some("contract_signed"));
}

#[test]
fn a_constructor_trail_from_before_the_receipt_was_asked_for_is_not_guessed() {
    // Recorded under the earlier rules: signed, then access given, no receipt.
    let old = with(&up_to_draft("2025-03-07"), &[("contract_signed", "2025-03-12"), ("credentials_sent", "2025-03-18")]);
    let t = line("constructor", &borrowed(&old), "2025-06-01T10:00");
    let sign = one(&t, "constructor.sign_contract");
    assert_eq!(sign.status, DeadlineStatus::Unknown);
    assert!(sign.consequence.as_deref().unwrap_or("").contains("Получение договора Оператором не записано"));
    assert_eq!(t.state, "active", "not voided on a guess");
    assert!(t.unplaced.is_empty(), "every recorded event still has its place: {:?}", t.unplaced);
    // Nor is training guessed from the access given before clause 4.2 was a step: said.
    assert_eq!(t.gaps.len(), 1, "{:?}", t.gaps);
    assert!(t.gaps[0].contains("«Подготовка пользователей пройдена") && t.gaps[0].contains("(п. 4.2)"), "{}", t.gaps[0]);
    // The old trail still takes new events: the precondition is the new event's own.
    let book = Rulebook::embedded();
    check_new(&book, "constructor", true, &chain(&borrowed(&old)), &new("help_message_sent", "2025-04-01"), "2025-06-01".parse().unwrap()).expect("a help message");
}

#[test]
fn hosting_3_6_a_second_round_of_remarks_has_its_own_deadline_and_3_5_warns_when_it_is_missed() {
    let events = [
        ("application_sent", "2025-03-03"),
        ("application_received", "2025-03-04"),
        ("remarks_received", "2025-03-05"),
        ("remarks_fixed", "2025-03-07"),
        ("remarks_received", "2025-03-12"),
    ];
    let t = line("hosting", &events, "2025-03-13T10:00");
    let r = rounds(&t, "hosting.remarks_fix");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].round, r[0].status, r[0].item.due.as_deref()), (1, DeadlineStatus::Met, Some("2025-03-10")));
    assert_eq!(r[0].met_on.as_deref(), Some("2025-03-07"));
    // The first fix does not count for the second round.
    assert_eq!((r[1].round, r[1].status, r[1].item.due.as_deref()), (2, DeadlineStatus::Upcoming, Some("2025-03-17")));
    assert_eq!(r[1].round_label.as_deref(), Some("2-й круг"));
    let missed = line("hosting", &events, "2025-03-18T10:00");
    let second = &rounds(&missed, "hosting.remarks_fix")[1];
    assert_eq!(second.status, DeadlineStatus::Overdue);
    assert!(second.consequence.as_deref().unwrap_or("").contains("п. 3.5"), "{:?}", second.consequence);
    assert_eq!(rounds(&missed, "hosting.remarks_fix")[0].status, DeadlineStatus::Met, "earlier rounds keep their verdicts");
    // A second fix closes the second round.
    let mut fixed = events.to_vec();
    fixed.push(("remarks_fixed", "2025-03-14"));
    let closed = line("hosting", &fixed, "2025-03-18T10:00");
    assert_eq!(rounds(&closed, "hosting.remarks_fix")[1].status, DeadlineStatus::Met);
}

#[test]
fn one_window_5_12_the_restoration_window_is_not_met_by_a_renewal_from_a_year_before() {
    let events = [
        ("application_sent", "2025-03-03"),
        ("application_received", "2025-03-04"),
        ("draft_contract_received", "2025-03-06"),
        ("signed_contract_received", "2025-03-14"),
        ("activation_notice_sent", "2025-03-31"),
        ("contract_renewed", "2025-12-20"),
        ("contract_expired", "2026-12-31"),
    ];
    let t = line("one-window", &events, "2027-01-10T10:00");
    let window = one(&t, "one-window.restoration_window");
    assert_eq!(window.item.due.as_deref(), Some("2027-03-31"));
    assert_eq!(window.status, DeadlineStatus::Upcoming, "the renewal of 20.12.2025 came before the expiry it would have to follow");
    let after = line("one-window", &events, "2027-04-02T10:00");
    let missed = one(&after, "one-window.restoration_window");
    assert_eq!(missed.status, DeadlineStatus::Overdue);
    assert!(missed.consequence.as_deref().unwrap_or("").contains("только через новое подключение"));
    let mut restored = events.to_vec();
    restored.push(("restoration_contract_signed", "2027-02-01"));
    let t = line("one-window", &restored, "2027-02-02T10:00");
    assert_eq!(one(&t, "one-window.restoration_window").status, DeadlineStatus::Met);
    // 5.12: the restoration payment is a deadline that closes too.
    assert_eq!(one(&t, "one-window.restoration_payment").status, DeadlineStatus::Upcoming);
    restored.push(("restoration_paid", "2027-02-03"));
    let paid = line("one-window", &restored, "2027-02-10T10:00");
    assert_eq!(one(&paid, "one-window.restoration_payment").status, DeadlineStatus::Met);
}

#[test]
fn constructor_4_4_a_second_help_message_is_not_answered_by_the_first_answer() {
    let events = with(
        &up_to_draft("2025-03-07"),
        &[
            ("signed_contract_received", "2025-03-12"),
            ("contract_signed", "2025-03-12"),
            ("credentials_sent", "2025-03-18"),
            ("help_message_sent", "2025-04-01"),
            ("help_answer_received", "2025-04-02"),
            ("help_message_sent", "2025-04-10"),
        ],
    );
    let t = line("constructor", &borrowed(&events), "2025-04-11T10:00");
    let r = rounds(&t, "constructor.help_answer");
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].status, DeadlineStatus::Met);
    assert_eq!(r[1].status, DeadlineStatus::Upcoming);
    assert!(r[1].met_by.is_none());
    // The consumer's own steps after an answer close too (4.4).
    let request = one(&t, "constructor.help_request");
    assert_eq!(request.status, DeadlineStatus::Overdue);
    let mut filed = events.clone();
    filed.push(("help_request_filed", "2025-04-03".to_string()));
    let t = line("constructor", &borrowed(&filed), "2025-04-11T10:00");
    assert_eq!(one(&t, "constructor.help_request").status, DeadlineStatus::Met);
}

#[test]
fn planned_works_a_month_ahead_can_be_recorded_and_their_notice_deadlines_appear_at_once() {
    // Hosting 7.3, interaction 3.1, one-window 5.6, kvp 5.2.
    let book = Rulebook::embedded();
    let today: NaiveDate = "2026-12-03".parse().unwrap();
    let active = |service: &str| -> Vec<(&'static str, &'static str)> {
        let last = if service == "hosting" { "placement_date" } else { "activation_notice_sent" };
        vec![
            ("application_sent", "2026-10-01"),
            ("application_received", "2026-10-02"),
            ("draft_contract_received", "2026-10-05"),
            ("signed_contract_received", "2026-10-07"),
            (last, "2026-10-12"),
        ]
    };
    for (service, rule, clause) in [("hosting", "hosting.maintenance_notice", "7.3"), ("one-window", "one-window.maintenance_notice", "5.6"), ("kvp", "kvp.maintenance_notice", "5.2"), ("interaction", "interaction.maintenance_notice", "3.1")] {
        let trail: Vec<(&str, &str)> = if service == "interaction" { vec![] } else { active(service) };
        check_new(&book, service, true, &chain(&trail), &new("maintenance_planned", "2027-01-12"), today).unwrap_or_else(|e| panic!("{service} {clause}: {e}"));
        let mut planned = trail.clone();
        planned.push(("maintenance_planned", "2027-01-12"));
        let t = line(service, &planned, "2026-12-03T10:00");
        let notice = one(&t, rule);
        assert_eq!(notice.status, DeadlineStatus::Upcoming, "{service} {clause}");
        assert!(notice.item.due.as_deref().unwrap() < "2027-01-12", "{service} {clause}: due before the works");
    }
    // Every other event is still refused in the future, with today's sentence.
    let future = check_new(&book, "kvp", true, &chain(&active("kvp")), &new("failure_reported", "2026-12-04T10:00"), today).unwrap_err();
    assert_eq!(future.code(), "lifecycle.in_future");
    assert!(future.message(&book, "kvp", Lang::Ru).contains("записываются только произошедшие события"));
}

#[test]
fn every_deadline_of_every_service_has_an_event_that_closes_it_and_that_can_be_recorded() {
    let book = Rulebook::embedded();
    let l = lifecycle();
    for service in &book.services {
        for rule in service.rules.iter().filter(|r| r.kind == RuleKind::Deadline) {
            assert!(!rule.met_by.is_empty(), "{}: nothing closes it", rule.id);
            for event in &rule.met_by {
                assert!(l.transitions(&service.id).iter().any(|t| &t.event == event), "{}: {event} cannot be recorded", rule.id);
            }
        }
    }
}

#[test]
fn interaction_notices_close_when_sent_and_two_incidents_are_two_rounds() {
    let events = [
        ("incident_detected", "2025-06-02T10:40"),
        ("incident_notice_sent", "2025-06-02T10:55"),
        ("incident_detected", "2025-06-03T09:00"),
    ];
    let t = line("interaction", &events, "2025-06-03T09:30");
    let r = rounds(&t, "interaction.incident_notice");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].status, r[0].item.due.as_deref()), (DeadlineStatus::Met, Some("2025-06-02T11:00")));
    assert_eq!((r[1].status, r[1].item.due.as_deref()), (DeadlineStatus::Overdue, Some("2025-06-03T09:20")));
    // A notice sent after the second incident belongs to the second, not to the first.
    let late_first = [("incident_detected", "2025-06-02T10:40"), ("incident_detected", "2025-06-03T09:00"), ("incident_notice_sent", "2025-06-03T09:10")];
    let t = line("interaction", &late_first, "2025-06-03T09:30");
    let r = rounds(&t, "interaction.incident_notice");
    assert_eq!((r[0].status, r[1].status), (DeadlineStatus::Overdue, DeadlineStatus::Met));
}

#[test]
fn interaction_4_4_the_claim_answer_is_not_addressed_to_the_works_and_incidents_inbox() {
    let t = line("interaction", &[("claim_received", "2025-06-02"), ("incident_detected", "2025-06-02T10:40")], "2025-06-02T10:45");
    let claim = one(&t, "interaction.claim_answer").notice.as_ref().unwrap();
    assert_eq!(claim.to, "", "seed 001 gives ds@nces.by only for works and incidents (3.1–3.4)");
    assert_eq!(one(&t, "interaction.incident_notice").notice.as_ref().unwrap().to, "ds@nces.by");
}

#[test]
fn one_window_5_12_the_year_end_renewal_with_its_cut_off_and_restoration_shown_before_they_come() {
    let active = [
        ("application_sent", "2026-03-02"),
        ("application_received", "2026-03-03"),
        ("draft_contract_received", "2026-03-05"),
        ("signed_contract_received", "2026-03-12"),
        ("activation_notice_sent", "2026-03-31"),
    ];
    // It is December: the contract runs for the calendar year and must be renewed by 31.12.
    let t = line("one-window", &active, "2026-12-03T10:00");
    assert_eq!(one(&t, "one-window.term_end").item.due.as_deref(), Some("2026-12-31"));
    let renewal = one(&t, "one-window.renewal");
    assert_eq!((renewal.item.due.as_deref(), renewal.status), (Some("2026-12-31"), DeadlineStatus::Upcoming));
    assert_eq!(one(&t, "one-window.planned_cutoff").item.due.as_deref(), Some("2027-01-01"), "cut off from the first day of the next month");
    assert_eq!(one(&t, "one-window.planned_restoration_end").item.due.as_deref(), Some("2027-03-31"), "3 months to restore");
    // Missed: the consequence is said.
    let missed = line("one-window", &active, "2027-01-05T10:00");
    let renewal = one(&missed, "one-window.renewal");
    assert_eq!(renewal.status, DeadlineStatus::Overdue);
    assert!(renewal.consequence.as_deref().unwrap_or("").contains("доступ отключается"));
    // Renewed on 20.12: met; the cut-off no longer threatens this year, and next year's
    // renewal is due by 31.12.2027.
    let mut renewed = active.to_vec();
    renewed.push(("contract_renewed", "2026-12-20"));
    let t = line("one-window", &renewed, "2026-12-21T10:00");
    assert_eq!(one(&t, "one-window.renewed_term_end").item.due.as_deref(), Some("2027-12-31"));
    let next = one(&t, "one-window.renewal");
    assert_eq!((next.item.due.as_deref(), next.status), (Some("2027-12-31"), DeadlineStatus::Upcoming));
    assert!(next.met_by.is_none(), "this year's renewal does not count for next year's");
    assert_eq!(one(&t, "one-window.planned_cutoff").item.due.as_deref(), Some("2028-01-01"));
}

#[test]
fn kvp_3_7_the_calculator_says_a_receipt_after_the_window_leaves_the_contract_not_concluded() {
    let book = Rulebook::embedded();
    let cal = Calendar::embedded();
    let judge = |receipt: &str| {
        let events: BTreeMap<String, String> = [("draft_contract_received", "2025-11-10"), ("signed_contract_received", receipt)].into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let query = Query::build(&book, "kvp", events.clone(), Vec::<(String, Value)>::new(), None).unwrap();
        let outcomes = evaluate(&query, &cal, WorkingWindow::default()).unwrap();
        let items = report(&query, &outcomes, &cal, Lang::Ru).items;
        calculator_verdicts(&book, "kvp", &items, &events, Lang::Ru).into_iter().find(|v| v.rule == "kvp.sign_contract").unwrap()
    };
    let late = judge("2025-11-26");
    assert!(late.voids);
    assert_eq!(late.status, DeadlineStatus::MetLate);
    assert!(late.text.contains("на 1 день позже срока 25.11.2025") && late.text.contains("незаключённым"), "{}", late.text);
    let in_time = judge("2025-11-25");
    assert!(!in_time.voids);
    assert!(in_time.text.starts_with("В срок"), "{}", in_time.text);
}

#[test]
fn hosting_4_5_an_entered_contract_end_is_dated_with_the_removal_that_follows_it() {
    let active = [
        ("application_sent", "2026-03-02"),
        ("application_received", "2026-03-03"),
        ("draft_contract_received", "2026-03-05"),
        ("signed_contract_received", "2026-03-12"),
        ("placement_date", "2026-03-20"),
    ];
    let book = Rulebook::embedded();
    // The end date from the contract lies ahead: it may be recorded now.
    check_new(&book, "hosting", true, &chain(&active), &new("contract_end_planned", "2027-02-26"), "2026-12-03".parse().unwrap()).expect("a planned end");
    let mut ended = active.to_vec();
    ended.push(("contract_end_planned", "2027-02-26"));
    let t = line("hosting", &ended, "2026-12-03T10:00");
    assert_eq!(one(&t, "hosting.contract_end").item.due.as_deref(), Some("2027-02-26"));
    // 15 working days after Friday 26.02.2027: 1–5, 9–12 (8 March a holiday), 15–19, 22 March.
    assert_eq!(one(&t, "hosting.planned_removal").item.due.as_deref(), Some("2027-03-22"));
}

/// An active constructor contract, signed and received, with `more` after it.
fn constructor_signed(more: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    with(&up_to_draft("2025-03-07"), &[&[("signed_contract_received", "2025-03-12"), ("contract_signed", "2025-03-12")][..], more].concat())
}

#[test]
fn constructor_4_2_access_is_refused_without_the_users_training_and_taken_after_it() {
    let book = Rulebook::embedded();
    let today: NaiveDate = "2025-06-01".parse().unwrap();
    let signed = constructor_signed(&[]);
    let err = check_new(&book, "constructor", true, &chain(&borrowed(&signed)), &new("credentials_sent", "2025-03-18"), today).unwrap_err();
    assert_eq!(err.code(), "lifecycle.precondition");
    let text = err.message(&book, "constructor", Lang::Ru);
    assert!(text.contains("только после подготовки пользователей") && text.contains("(п. 4.2)") && text.contains("«Подготовка пользователей пройдена"), "{text}");
    // A training after the access does not make the access possible.
    let late = constructor_signed(&[("training_completed", "2025-03-20")]);
    assert_eq!(check_new(&book, "constructor", true, &chain(&borrowed(&late)), &new("credentials_sent", "2025-03-18"), today).unwrap_err().code(), "lifecycle.precondition");
    // With the plan received and the training done (4.3), access is recorded and counts.
    let trained = constructor_signed(&[("training_plan_received", "2025-03-13"), ("training_completed", "2025-03-17")]);
    check_new(&book, "constructor", true, &chain(&borrowed(&trained)), &new("credentials_sent", "2025-03-18"), today).expect("access after training");
    let t = line("constructor", &borrowed(&with(&trained, &[("credentials_sent", "2025-03-18")])), "2025-06-01T10:00");
    assert_eq!(t.state, "active");
    assert!(t.gaps.is_empty(), "{:?}", t.gaps);
    // Users trained under an earlier contract: the training is recorded with its own date.
    let before = with(&[("training_completed", "2024-05-20".to_string())], &borrowed(&signed));
    check_new(&book, "constructor", true, &chain(&borrowed(&before)), &new("credentials_sent", "2025-03-18"), today).expect("trained before");
}

#[test]
fn constructor_4_2_and_4_4_services_added_by_a_supplementary_agreement_have_their_own_deadlines() {
    let trained = constructor_signed(&[("training_completed", "2025-03-17"), ("git_link_sent", "2025-03-14")]);
    // Help only at first; access added by a supplementary agreement signed on Monday 02.06.2025.
    let added = with(&trained, &[("access_agreement_signed", "2025-06-02")]);
    let t = line("constructor", &borrowed(&added), "2025-06-05T10:00");
    let access = one(&t, "constructor.access_setup_added");
    assert_eq!(access.item.due.as_deref(), Some("2025-06-09"), "5 working days (4.2)");
    assert_eq!(access.status, DeadlineStatus::Upcoming);
    let t = line("constructor", &borrowed(&with(&added, &[("credentials_sent", "2025-06-06")])), "2025-06-10T10:00");
    assert_eq!(one(&t, "constructor.access_setup_added").status, DeadlineStatus::Met);
    assert_eq!(t.state, "active");
    // Help added later (4.4): its Git link is due in 5 working days, met only by a link after it.
    let help = with(&added, &[("credentials_sent", "2025-06-06"), ("help_agreement_signed", "2025-09-01")]);
    let t = line("constructor", &borrowed(&help), "2025-09-10T10:00");
    let git = one(&t, "constructor.git_access_added");
    assert_eq!(git.item.due.as_deref(), Some("2025-09-08"), "5 working days (4.4)");
    assert_eq!(git.status, DeadlineStatus::Overdue, "the link of March does not count for September");
}

#[test]
fn one_window_5_10_5_11_and_4_3_users_tariff_and_a_refused_user_are_steps() {
    let book = Rulebook::embedded();
    let active = [
        ("application_sent", "2026-03-02"),
        ("application_received", "2026-03-03"),
        ("draft_contract_received", "2026-03-05"),
        ("signed_contract_received", "2026-03-10"),
        ("prepayment_made", "2026-03-11"),
        ("activation_notice_sent", "2026-03-20"),
    ];
    let today: NaiveDate = "2026-12-03".parse().unwrap();
    for event in ["users_change_sent", "tariff_change_sent", "register_owner_refused"] {
        check_new(&book, "one-window", true, &chain(&active), &new(event, "2026-06-01"), today).unwrap_or_else(|e| panic!("{event}: {e}"));
        // Before the service is active there is nothing to change.
        assert!(check_new(&book, "one-window", true, &chain(&active[..3]), &new(event, "2026-03-06"), today).is_err(), "{event}");
    }
    let mut trail = active.to_vec();
    trail.extend([("users_change_sent", "2026-06-01"), ("register_owner_refused", "2026-06-03"), ("tariff_change_sent", "2026-07-10"), ("supplementary_agreement_signed", "2026-07-21")]);
    let t = line("one-window", &trail, "2026-12-03T10:00");
    let users = one(&t, "one-window.users_change");
    assert!(users.item.explanation.text.contains("5.10"), "{}", users.item.explanation.text);
    assert!(one(&t, "one-window.register_refusal").item.explanation.text.contains("СМДО"));
    assert_eq!(one(&t, "one-window.tariff_request").item.due.as_deref(), Some("2026-07-10"));
    // 5.11: the new tariff is billed from the first day of the month after the agreement.
    assert_eq!(one(&t, "one-window.tariff_effective").item.due.as_deref(), Some("2026-08-01"));
    assert_eq!(t.state, "active");
}

#[test]
fn kvp_4_6_an_additional_service_by_written_request_and_agreement_with_a_training_date_ahead() {
    let book = Rulebook::embedded();
    let active = [
        ("application_sent", "2026-03-02"),
        ("application_received", "2026-03-03"),
        ("draft_contract_received", "2026-03-05"),
        ("signed_contract_received", "2026-03-10"),
        ("activation_notice_sent", "2026-03-16"),
        ("additional_service_requested", "2026-11-02"),
        ("supplementary_agreement_signed", "2026-11-20"),
    ];
    // The start agreed through the support system lies ahead: a planned date.
    check_new(&book, "kvp", true, &chain(&active), &new("training_start_agreed", "2027-01-18"), "2026-12-03".parse().unwrap()).expect("planned training");
    assert_eq!(
        check_new(&book, "kvp", true, &chain(&active), &new("additional_service_requested", "2027-01-18"), "2026-12-03".parse().unwrap()).unwrap_err().code(),
        "lifecycle.in_future"
    );
    let mut trail = active.to_vec();
    trail.push(("training_start_agreed", "2027-01-18"));
    let t = line("kvp", &trail, "2026-12-03T10:00");
    let start = one(&t, "kvp.training_start");
    assert_eq!(start.item.due.as_deref(), Some("2027-01-18"));
    assert!(start.item.explanation.text.contains("4.6"));
}

#[test]
fn hosting_3_3_a_changed_list_of_procedures_is_a_new_application_sent_from_a_concluded_contract() {
    let book = Rulebook::embedded();
    let active = [("application_sent", "2026-03-02"), ("application_received", "2026-03-03"), ("draft_contract_received", "2026-03-05"), ("signed_contract_received", "2026-03-12"), ("placement_date", "2026-03-20")];
    check_new(&book, "hosting", true, &chain(&active), &new("procedures_change_filed", "2026-10-01"), "2026-12-03".parse().unwrap()).expect("from an active contract");
    let err = check_new(&book, "hosting", true, &chain(&active[..2]), &new("procedures_change_filed", "2026-03-04"), "2026-12-03".parse().unwrap()).unwrap_err();
    assert_eq!(err.code(), "lifecycle.impossible", "not before the contract: the application itself is changed then");
}

#[test]
fn interaction_1_4_acceptance_and_2_8_1_suspension_with_its_restoration_in_3_working_days() {
    let accepted = [("accepted", "2026-02-02")];
    let t = line("interaction", &accepted, "2026-12-03T10:00");
    assert_eq!(t.state, "active");
    assert!(one(&t, "interaction.acceptance").item.explanation.text.contains("1.4"));
    let suspended = [("accepted", "2026-02-02"), ("access_suspended", "2026-11-20")];
    let t = line("interaction", &suspended, "2026-12-03T10:00");
    assert_eq!(t.state, "suspended");
    assert!(one(&t, "interaction.suspension").item.explanation.text.contains("2.6.5"));
    // Remedied on Monday 23.11: access is due back by Thursday 26.11 (2.6.5).
    let remedied = [("accepted", "2026-02-02"), ("access_suspended", "2026-11-20"), ("violation_remedied", "2026-11-23")];
    let t = line("interaction", &remedied, "2026-12-03T10:00");
    let restore = one(&t, "interaction.access_restore");
    assert_eq!((restore.item.due.as_deref(), restore.status), (Some("2026-11-26"), DeadlineStatus::Overdue));
    let mut back = remedied.to_vec();
    back.push(("access_restored", "2026-11-25"));
    let t = line("interaction", &back, "2026-12-03T10:00");
    assert_eq!(one(&t, "interaction.access_restore").status, DeadlineStatus::Met);
    assert_eq!(t.state, "active");
}

#[test]
fn constructor_and_kvp_contracts_carry_an_entered_end_date_ahead() {
    let book = Rulebook::embedded();
    let today: NaiveDate = "2026-12-03".parse().unwrap();
    let kvp = [("application_sent", "2026-03-02"), ("application_received", "2026-03-03"), ("draft_contract_received", "2026-03-05"), ("signed_contract_received", "2026-03-10"), ("activation_notice_sent", "2026-03-16")];
    check_new(&book, "kvp", true, &chain(&kvp), &new("contract_end_planned", "2027-03-15"), today).expect("kvp end ahead");
    let mut trail = kvp.to_vec();
    trail.push(("contract_end_planned", "2027-03-15"));
    let t = line("kvp", &trail, "2026-12-03T10:00");
    let end = one(&t, "kvp.contract_end");
    assert_eq!(end.item.due.as_deref(), Some("2027-03-15"));
    assert!(book.rule("kvp.contract_end").unwrap().1.term_end);
    let constructor = constructor_signed(&[("contract_end_planned", "2027-12-31")]);
    let t = line("constructor", &borrowed(&constructor), "2026-12-03T10:00");
    assert_eq!(one(&t, "constructor.contract_end").item.due.as_deref(), Some("2027-12-31"));
}
