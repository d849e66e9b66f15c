//! Transitions for every service, refusals with reasons, corrections, and deadline statuses.

use super::*;
use crate::calendar::Calendar;
use serde_json::json;

fn ev(id: i64, event: &str, at: &str) -> RecordedEvent {
    RecordedEvent { id, event: event.into(), at: at.into(), recorded_at: "2026-01-01T00:00:00Z".into(), recorded_by: Recorder::User, corrects: None, note: String::new() }
}

fn chain(events: &[(&str, &str)]) -> Vec<RecordedEvent> {
    events.iter().enumerate().map(|(i, (e, at))| ev(i as i64 + 1, e, at)).collect()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

#[test]
fn every_service_walks_from_sent_to_active_and_to_its_end() {
    let paths: [(&str, Vec<(&str, &str)>, &str); 4] = [
        ("hosting", vec![("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("remarks_received", "2025-03-06"),
            ("remarks_fixed", "2025-03-10"), ("draft_contract_received", "2025-03-12"), ("signed_contract_sent", "2025-03-14"),
            ("signed_contract_received", "2025-03-17"), ("placement_date", "2025-03-24"), ("contract_expired", "2026-03-24")], "expired"),
        ("constructor", vec![("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-07"),
            ("contract_signed", "2025-03-12"), ("credentials_sent", "2025-03-18"), ("help_message_sent", "2025-04-01"), ("contract_terminated", "2025-12-01")], "terminated"),
        ("one-window", vec![("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-06"),
            ("signed_contract_received", "2025-03-14"), ("prepayment_made", "2025-03-15"), ("activation_notice_sent", "2025-03-31"),
            ("contract_expired", "2025-12-31"), ("restoration_contract_signed", "2026-02-10")], "active"),
        ("kvp", vec![("application_sent", "2025-11-03"), ("application_received", "2025-11-04"), ("draft_contract_received", "2025-11-10"),
            ("signed_contract_sent", "2025-11-12"), ("signed_contract_received", "2025-11-14"), ("activation_notice_sent", "2025-11-20"), ("failure_reported", "2025-12-01T10:00")], "active"),
    ];
    for (service, events, end) in paths {
        let pos = replay(service, "ready", &chain(&events)).unwrap_or_else(|e| panic!("{service}: {e}"));
        assert_eq!(pos.state, end, "{service}");
    }
}

#[test]
fn an_impossible_transition_is_refused_with_what_is_possible() {
    let book = Rulebook::embedded();
    let recorded = chain(&[("application_sent", "2025-03-03")]);
    let new = NewEvent { event: "signed_contract_received".into(), at: "2025-03-05".into(), corrects: None, note: String::new() };
    let err = check_new(&book, "kvp", true, &recorded, &new, d("2026-01-01")).unwrap_err();
    assert_eq!(err.code(), "lifecycle.impossible");
    let msg = err.message(&book, "kvp", Lang::Ru);
    assert!(msg.contains("Направлена Оператору") && msg.contains("Оператор получил заявку"), "{msg}");
    // Nothing can be sent before the form is ready.
    let send = NewEvent { event: "application_sent".into(), at: "2025-03-03".into(), corrects: None, note: String::new() };
    assert_eq!(check_new(&book, "kvp", false, &[], &send, d("2026-01-01")).unwrap_err().code(), "lifecycle.impossible");
    assert!(check_new(&book, "kvp", true, &[], &send, d("2026-01-01")).is_ok());
}

#[test]
fn an_event_before_the_one_it_follows_or_in_the_future_or_unknown_is_refused() {
    let book = Rulebook::embedded();
    let recorded = chain(&[("application_sent", "2025-03-03"), ("application_received", "2025-03-05")]);
    let early = NewEvent { event: "draft_contract_received".into(), at: "2025-03-04".into(), corrects: None, note: String::new() };
    let err = check_new(&book, "one-window", true, &recorded, &early, d("2026-01-01")).unwrap_err();
    assert_eq!(err.code(), "lifecycle.before_previous");
    assert!(err.message(&book, "one-window", Lang::Ru).contains("05.03.2025"));
    let future = NewEvent { event: "draft_contract_received".into(), at: "2026-01-02".into(), corrects: None, note: String::new() };
    assert_eq!(check_new(&book, "one-window", true, &recorded, &future, d("2026-01-01")).unwrap_err().code(), "lifecycle.in_future");
    let unknown = NewEvent { event: "placement_date".into(), at: "2025-03-06".into(), corrects: None, note: String::new() };
    assert_eq!(check_new(&book, "one-window", true, &recorded, &unknown, d("2026-01-01")).unwrap_err().code(), "lifecycle.unknown_event");
    let bad = NewEvent { event: "draft_contract_received".into(), at: "2025-02-30".into(), corrects: None, note: String::new() };
    assert_eq!(check_new(&book, "one-window", true, &recorded, &bad, d("2026-01-01")).unwrap_err().code(), "lifecycle.bad_date");
}

#[test]
fn a_correction_is_a_new_event_that_replaces_the_date_and_is_checked_too() {
    let book = Rulebook::embedded();
    let mut recorded = chain(&[("application_sent", "2025-03-03"), ("application_received", "2025-03-05")]);
    let fix = NewEvent { event: "application_received".into(), at: "2025-03-04".into(), corrects: Some(2), note: "дата по штампу".into() };
    assert!(check_new(&book, "kvp", true, &recorded, &fix, d("2026-01-01")).is_ok());
    let wrong = NewEvent { event: "application_received".into(), at: "2025-03-01".into(), corrects: Some(2), note: String::new() };
    assert_eq!(check_new(&book, "kvp", true, &recorded, &wrong, d("2026-01-01")).unwrap_err().code(), "lifecycle.before_previous");
    recorded.push(RecordedEvent { corrects: Some(2), ..ev(3, "application_received", "2025-03-04") });
    let in_force = effective(&recorded);
    assert_eq!(in_force.len(), 2);
    assert_eq!(in_force[1].at, "2025-03-04");
    assert_eq!(in_force[1].id, 2, "keeps the original's place");
}

#[test]
fn a_correction_can_itself_be_corrected_and_the_last_one_is_in_force() {
    let book = Rulebook::embedded();
    let mut recorded = chain(&[("application_sent", "2025-03-03"), ("application_received", "2025-03-05")]);
    recorded.push(RecordedEvent { corrects: Some(2), ..ev(3, "application_received", "2025-03-04") });
    let again = NewEvent { event: "application_received".into(), at: "2025-03-06".into(), corrects: Some(3), note: "по журналу".into() };
    assert!(check_new(&book, "kvp", true, &recorded, &again, d("2026-01-01")).is_ok(), "the correction of 04.03 is corrected");
    recorded.push(RecordedEvent { corrects: Some(3), ..ev(4, "application_received", "2025-03-06") });
    let in_force = effective(&recorded);
    assert_eq!(in_force.len(), 2);
    assert_eq!((in_force[1].id, in_force[1].at.as_str()), (2, "2025-03-06"), "the last correction, in the original's place");
    assert_eq!(original_of(&recorded, 4), 2);
    let other = NewEvent { event: "application_sent".into(), at: "2025-03-04".into(), corrects: Some(4), note: String::new() };
    assert_eq!(check_new(&book, "kvp", true, &recorded, &other, d("2026-01-01")).unwrap_err().code(), "lifecycle.correction_mismatch");
}

fn line(service: &str, events: &[(&str, &str)], facts: Vec<(String, Value)>, now: &str) -> Timeline {
    timeline(&Rulebook::embedded(), &Calendar::embedded(), WorkingWindow::default(), service, true, &chain(events), facts, at(now), &NoticeContext::default(), Lang::Ru).unwrap()
}

fn status(t: &Timeline, rule: &str) -> DeadlineStatus {
    t.deadlines.iter().find(|d| d.item.rule == rule).unwrap_or_else(|| panic!("{rule}")).status
}

#[test]
fn a_missed_signing_window_leaves_the_contract_not_concluded() {
    let events = [("application_sent", "2025-03-03"), ("application_received", "2025-03-04"), ("draft_contract_received", "2025-03-07")];
    // Due 24.03.2025 (rolled forward from Saturday 22.03).
    let before = line("constructor", &events, vec![], "2025-03-24T18:00");
    assert_eq!(status(&before, "constructor.sign_contract"), DeadlineStatus::DueToday);
    assert_eq!(before.state, "draft_contract");
    let after = line("constructor", &events, vec![], "2025-03-25T09:00");
    assert_eq!(status(&after, "constructor.sign_contract"), DeadlineStatus::Overdue);
    assert_eq!(after.state, "not_concluded");
    assert_eq!(after.state_label, "Договор не заключён (пропущен срок подписания)");
    // Clause 3.9 counts the Operator's receipt, not the consumer's signature.
    let mut signed = events.to_vec();
    signed.push(("contract_signed", "2025-03-20"));
    signed.push(("signed_contract_received", "2025-03-24"));
    let met = line("constructor", &signed, vec![], "2025-03-25T09:00");
    assert_eq!(status(&met, "constructor.sign_contract"), DeadlineStatus::Met);
    assert_eq!(met.state, "contract_received");
}

#[test]
fn statuses_upcoming_met_late_passed_and_waiting() {
    let events = [("application_sent", "2025-03-03"), ("application_received", "2025-03-03"), ("draft_contract_received", "2025-03-12"),
        ("signed_contract_received", "2025-03-14"), ("activation_notice_sent", "2025-03-31")];
    let t = line("one-window", &events, vec![("org_kind".into(), Value::String("budget".into()))], "2025-03-20T10:00");
    // Draft due 06.03 (3 working days) but came 12.03: met late.
    assert_eq!(status(&t, "one-window.draft_contract"), DeadlineStatus::MetLate);
    assert_eq!(status(&t, "one-window.sign_contract"), DeadlineStatus::Met);
    assert_eq!(status(&t, "one-window.service_date"), DeadlineStatus::Upcoming);
    let later = line("one-window", &events, vec![("org_kind".into(), Value::String("budget".into()))], "2025-04-02T10:00");
    assert_eq!(status(&later, "one-window.service_date"), DeadlineStatus::Passed);
    let commercial = line("one-window", &events[..4], vec![("org_kind".into(), Value::String("commercial".into()))], "2025-03-20T10:00");
    assert_eq!(status(&commercial, "one-window.connection"), DeadlineStatus::Waiting);
}

#[test]
fn timed_deadlines_are_overdue_by_the_minute() {
    assert_eq!(deadline_status(Some("2025-01-14T17:00"), RuleKind::Deadline, None, at("2025-01-14T16:59")), DeadlineStatus::DueToday);
    assert_eq!(deadline_status(Some("2025-01-14T17:00"), RuleKind::Deadline, None, at("2025-01-14T17:01")), DeadlineStatus::Overdue);
    assert_eq!(deadline_status(Some("2025-01-14T17:00"), RuleKind::Deadline, Some("2025-01-14T17:30"), at("2025-01-15T09:00")), DeadlineStatus::MetLate);
    assert_eq!(deadline_status(Some("2025-01-14"), RuleKind::Deadline, Some("2025-01-14"), at("2025-01-20T09:00")), DeadlineStatus::Met);
    assert_eq!(deadline_status(Some("2025-04"), RuleKind::Date, None, at("2025-04-30T09:00")), DeadlineStatus::Passed);
}

#[test]
fn facts_come_from_the_form_and_the_organisations_kind() {
    let schema = crate::forms::current("hosting");
    let f = facts(schema, &serde_json::json!({ "software_count": 5 }), Some(&serde_json::json!({ "kind": "state_body" })));
    assert_eq!(f, vec![("software_count".to_string(), serde_json::json!(5)), ("org_kind".to_string(), serde_json::json!("budget"))]);
}

#[test]
fn the_lifecycle_names_only_known_events_and_states() {
    let book = Rulebook::embedded();
    let l = lifecycle();
    for (service, transitions) in &l.services {
        let spec = book.service(service).unwrap_or_else(|| panic!("{service}"));
        for t in transitions {
            assert!(spec.events.iter().any(|e| e.id == t.event), "{service}: {}", t.event);
            for s in t.from.iter().chain(t.to.iter()) {
                assert!(s == "*" || l.states.iter().any(|x| &x.id == s), "{service}: state {s}");
            }
        }
    }
    // Every state is in exactly one stage of the list.
    for state in &l.states {
        assert_eq!(l.stages.iter().filter(|s| s.states.contains(&state.id)).count(), 1, "state {}", state.id);
    }
    for s in &book.services {
        for r in &s.rules {
            if let Some(m) = &r.on_miss {
                assert!(l.states.iter().any(|x| &x.id == m));
            }
        }
    }
}

#[test]
fn the_interaction_log_drafts_each_notice_with_its_dates_and_addressee() {
    let mut events = chain(&[("incident_detected", "2025-06-02T10:40")]);
    events[0].note = "Недоступен сервис выдачи справок.".into();
    let ctx = NoticeContext { organisation: "Горисполком".into(), contact: "Петров, +375 17 000-00-00".into() };
    let t = timeline(&Rulebook::embedded(), &Calendar::embedded(), WorkingWindow::default(), "interaction", false, &events, vec![], at("2025-06-02T10:45"), &ctx, Lang::Ru).unwrap();
    let d = t.deadlines.iter().find(|d| d.item.rule == "interaction.incident_notice").unwrap();
    assert_eq!(d.item.due.as_deref(), Some("2025-06-02T11:00"));
    assert_eq!(d.status, DeadlineStatus::DueToday);
    let notice = d.notice.as_ref().unwrap();
    assert_eq!(notice.to, "ds@nces.by");
    assert!(notice.text.contains("Горисполком сообщает об инциденте, выявленном 02.06.2025 10:40. Недоступен сервис выдачи справок."), "{}", notice.text);
    assert!(notice.text.contains("+375 17 311-30-00, доб. 249"));
}

#[test]
fn a_mistyped_fact_counts_as_not_given_so_the_timeline_still_works() {
    let schema = crate::forms::current("hosting").unwrap();
    for typed in [json!(-3), json!("5ю"), json!("1-")] {
        let facts = facts(Some(schema), &json!({ "software_count": typed }), None);
        assert!(facts.iter().all(|(f, _)| f != "software_count"), "{typed}: {facts:?}");
    }
    assert_eq!(facts(Some(schema), &json!({ "software_count": 7 }), None), [("software_count".to_string(), json!(7))]);
}

/// The store keeps `dates` for every application: the same state, void, and deadlines
/// (rule, round, due, status, settled) that the full timeline shows, on random trails
/// walked along each service's transitions with random gaps, corrections and facts, with
/// deadlines met, late and missed.
#[test]
fn dates_alone_agree_with_the_whole_timeline_on_random_trails() {
    let book = Rulebook::embedded();
    let cal = Calendar::embedded();
    let l = lifecycle();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let services: Vec<&str> = book.services.iter().map(|s| s.id.as_str()).collect();
    let (mut voided, mut late, mut rounds) = (0, 0, 0);
    for trial in 0..3_000 {
        let service = services[trial % services.len()];
        let mut day = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(next(700) as i64);
        let mut state = initial_state(true, &[]).to_string();
        let mut trail: Vec<RecordedEvent> = Vec::new();
        for n in 0..next(14) {
            let allowed = l.allowed(service, &state);
            if allowed.is_empty() {
                break;
            }
            let t = allowed[next(allowed.len() as u64) as usize];
            let gap = if next(5) == 0 { 40 } else { 6 };
            day += chrono::Duration::days(next(gap) as i64);
            let at = if next(4) == 0 { format!("{day}T{:02}:{:02}", 7 + next(14), next(60)) } else { day.to_string() };
            let mut e = ev(n as i64 + 1, &t.event, &at);
            // Now and then a correction of an earlier event, to a day either side.
            if n > 2 && next(10) == 0 {
                let pick = next(trail.len() as u64) as usize;
                let earlier = trail[pick].clone();
                let shift = next(3) as i64 - 1;
                e = RecordedEvent { corrects: Some(earlier.id), event: earlier.event.clone(), at: (earlier.date().unwrap() + chrono::Duration::days(shift)).to_string(), ..e };
            }
            trail.push(e);
            if let Some(to) = &t.to {
                state = to.clone();
            }
        }
        let facts = match next(3) {
            0 => vec![],
            1 => vec![("org_kind".to_string(), json!("budget"))],
            _ => vec![("org_kind".to_string(), json!("commercial"))],
        };
        let whole = timeline(&book, &cal, WorkingWindow::default(), service, true, &trail, facts.clone(), NaiveDateTime::MIN, &NoticeContext::default(), Lang::Ru).unwrap();
        let brief = dates(&book, &cal, WorkingWindow::default(), service, true, &trail, facts).unwrap();
        let key = |t: &Timeline| t.deadlines.iter().map(|d| (d.item.rule.clone(), d.round, d.item.party, d.item.kind, d.item.due.clone(), d.status, d.settled)).collect::<Vec<_>>();
        assert_eq!((&brief.state, brief.void.as_ref().map(|v| &v.rule), key(&brief)), (&whole.state, whole.void.as_ref().map(|v| &v.rule), key(&whole)), "{service}: {trail:?}");
        voided += whole.void.is_some() as usize;
        late += whole.deadlines.iter().filter(|d| d.status == DeadlineStatus::MetLate).count();
        rounds += whole.deadlines.iter().filter(|d| d.round > 1).count();
    }
    assert!(voided > 10 && late > 100 && rounds > 100, "the trails reach voids ({voided}), late ({late}) and later rounds ({rounds})");
}

/// An event's day is read by hand when it is written `YYYY-MM-DD…`, and must read as
/// chrono reads it: every day of three centuries, impossible days, and odd writings.
#[test]
fn an_events_day_reads_as_chrono_reads_it() {
    let chrono_day = |at: &str| at.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
    let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let mut texts = vec![];
    while day.year() < 2200 {
        texts.push(day.format("%Y-%m-%d").to_string());
        day += chrono::Duration::days(1);
    }
    for odd in ["2025-02-29", "2024-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0000-01-01", "9999-12-31", "2025-1-01", "2025-01-1", "+2025-01-01", " 2025-01-01", "2025-01-01T10:00", "2025-01-01 10:00", "2025/01/01", "２０２５-01-01", "1ю2ю2025", "2025-01-0", "", "2025-01-01x"] {
        texts.push(odd.to_string());
    }
    for at in &texts {
        let e = ev(1, "application_sent", at);
        assert_eq!(e.date(), chrono_day(at), "{at:?}");
    }
    // And a moment to the minute, as chrono reads `%Y-%m-%dT%H:%M`.
    let chrono_minute = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").ok();
    let mut minutes: Vec<String> = texts.iter().step_by(37).flat_map(|d| ["00:00", "09:05", "23:59", "24:00", "12:60", "7:30", "07:3", "ab:cd"].map(|t| format!("{d}T{t}"))).collect();
    minutes.extend(["2025-01-01T10:00", "2025-1-01T10:00", "+2025-01-1T10:00", "2025-01-01 10:00", "2025-01-01T1ю:00", "2025-0ю-01T10:00", "2025-02-29T10:00"].map(String::from));
    for t in &minutes {
        assert_eq!(minute_of(t), chrono_minute(t), "{t:?}");
    }
}
