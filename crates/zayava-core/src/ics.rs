//! Deadlines as an RFC 5545 calendar (ICS), for Outlook, Thunderbird or a phone. Timed
//! deadlines carry `TZID=Europe/Minsk` with its VTIMEZONE (UTC+3, no daylight saving since
//! 2011); day deadlines are all-day events; a month (first billed month) is its first day.
//! Each open deadline of ours carries an alarm at each of the user's reminder lead times;
//! a met one stays, titled «Выполнено: …» and without alarms, so a calendar that imported
//! it before updates the same event (same UID) rather than keep a stale to-do.
//!
//! Written here line by line (escaping, folding at 75 octets): the `icalendar` crate stamps
//! DTSTAMP and UID into every component, VTIMEZONE and VALARM included, which strict
//! readers refuse.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use crate::calendar::{Calendar, Schedule};
use crate::i18n::{Lang, Text};
use crate::lifecycle::DeadlineStatus;
use crate::rules::{Party, Rulebook};

/// One deadline or date to put in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsItem {
    /// Stable across exports, so a calendar app updates the event instead of adding another.
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// As the engine gives it: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM`.
    pub due: String,
    /// Minsk times at which the calendar reminds (none for a met deadline).
    pub alarms: Vec<NaiveDateTime>,
}

pub const TZID: &str = "Europe/Minsk";

/// When alarms go off: the user's lead times in working days (the everyday ones, and the
/// contract-term ones for a contract's end or renewal), on the calendar in force; alarms
/// already past at `now` are left out.
pub struct Alarms<'a> {
    pub leads: &'a [u32],
    pub term_leads: &'a [u32],
    pub calendar: &'a Calendar,
    pub now: NaiveDateTime,
}

/// A reminder goes off at the start of the working day, 09:00.
fn alarm_time() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN)
}

const DONE: Text = Text::id("core-ics-done");

fn due_day(due: &str) -> Option<NaiveDate> {
    due.get(..10).and_then(|d| d.parse().ok()).or_else(|| due.get(..7).and_then(|m| format!("{m}-01").parse().ok()))
}

/// One application's dated deadlines as calendar items; the uid ties each to its
/// application, rule and round (from the second), so a later export updates rather than
/// duplicates, and two incidents are two events.
pub fn items_of(application_id: &str, timeline: &crate::lifecycle::Timeline, alarms: &Alarms, lang: Lang) -> Vec<IcsItem> {
    timeline
        .deadlines
        .iter()
        .filter_map(|d| {
            let due = d.item.due.clone()?;
            let title = match &d.round_label {
                Some(round) => format!("{} — {round}", d.item.explanation.title),
                None => d.item.explanation.title.clone(),
            };
            let done = matches!(d.status, DeadlineStatus::Met | DeadlineStatus::MetLate);
            let ours = matches!(d.item.party, Some(Party::Consumer | Party::Both));
            let spec = Rulebook::shared().rule(&d.item.rule).map(|(_, r)| r);
            let term = spec.is_some_and(|r| r.renewal || r.term_end);
            let moments = match due_day(&due) {
                Some(day) if !done && !d.settled && (ours || term) => {
                    let leads = if term { alarms.term_leads } else { alarms.leads };
                    let mut m: Vec<NaiveDateTime> = leads
                        .iter()
                        .filter_map(|&l| if l == 0 { Some(day) } else { alarms.calendar.working_days_before(day, l, Schedule::Official).ok() })
                        .map(|day| day.and_time(alarm_time()))
                        .filter(|&m| m > alarms.now)
                        .collect();
                    m.sort_unstable();
                    m.dedup();
                    m
                }
                _ => Vec::new(),
            };
            Some(IcsItem {
                uid: match d.round {
                    1 => format!("{application_id}-{}@zayava", d.item.rule),
                    n => format!("{application_id}-{}-{n}@zayava", d.item.rule),
                },
                summary: if done { DONE.fill(lang, &[("title", &title)]) } else { title },
                description: d.item.explanation.text.clone(),
                due,
                alarms: moments,
            })
        })
        .collect()
}

/// A TEXT value escaped (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks;
/// other control characters dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (3.1): continuation lines start with a space,
/// and a character is never split.
fn line(out: &mut String, content: &str) {
    let mut used = 0;
    for c in content.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// A duration (3.3.6) from `from` to `to`, e.g. `-P2DT15H`, `PT9H`.
fn duration(from: NaiveDateTime, to: NaiveDateTime) -> String {
    let d = to - from;
    let sign = if d < Duration::zero() { "-" } else { "" };
    let minutes = d.num_minutes().abs();
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let mut s = format!("{sign}P");
    if days > 0 {
        s.push_str(&format!("{days}D"));
    }
    if hours > 0 || mins > 0 {
        s.push('T');
        if hours > 0 {
            s.push_str(&format!("{hours}H"));
        }
        if mins > 0 {
            s.push_str(&format!("{mins}M"));
        }
    }
    if days == 0 && hours == 0 && mins == 0 {
        s.push_str("T0S");
    }
    s
}

/// The start of an item, and how it is written: an all-day date or a Minsk time.
fn start(due: &str) -> Option<(NaiveDateTime, bool)> {
    match due.len() {
        16 => NaiveDateTime::parse_from_str(due, "%Y-%m-%dT%H:%M").ok().map(|t| (t, true)),
        10 => due.parse::<NaiveDate>().ok().map(|d| (d.and_time(NaiveTime::MIN), false)),
        7 => format!("{due}-01").parse::<NaiveDate>().ok().map(|d| (d.and_time(NaiveTime::MIN), false)),
        _ => None,
    }
}

/// The calendar text. Items whose due cannot be read are left out.
pub fn to_ics(name: &str, items: &[IcsItem], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:-//Zayava//Zayava {}//RU", env!("CARGO_PKG_VERSION")), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for l in ["BEGIN:VTIMEZONE", &format!("TZID:{TZID}"), "BEGIN:STANDARD", "DTSTART:20110327T020000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0300", "TZNAME:+03", "END:STANDARD", "END:VTIMEZONE"] {
        line(&mut out, l);
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for item in items {
        let Some((begin, timed)) = start(&item.due) else { continue };
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&item.uid)));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        if timed {
            line(&mut out, &format!("DTSTART;TZID={TZID}:{}", begin.format("%Y%m%dT%H%M%S")));
            line(&mut out, &format!("DTEND;TZID={TZID}:{}", (begin + Duration::minutes(15)).format("%Y%m%dT%H%M%S")));
        } else {
            line(&mut out, &format!("DTSTART;VALUE=DATE:{}", begin.format("%Y%m%d")));
            line(&mut out, &format!("DTEND;VALUE=DATE:{}", (begin + Duration::days(1)).format("%Y%m%d")));
        }
        line(&mut out, &format!("SUMMARY:{}", text(&item.summary)));
        if !item.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&item.description)));
        }
        // A deadline is a note on the day, not a meeting: it does not make the user busy.
        line(&mut out, "TRANSP:TRANSPARENT");
        for &at in &item.alarms {
            line(&mut out, "BEGIN:VALARM");
            line(&mut out, "ACTION:DISPLAY");
            line(&mut out, &format!("DESCRIPTION:{}", text(&item.summary)));
            line(&mut out, &format!("TRIGGER:{}", duration(begin, at)));
            line(&mut out, "END:VALARM");
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(t: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn alarms(now: &str) -> Alarms<'static> {
        static CAL: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        Alarms { leads: &[3, 1, 0], term_leads: &[20, 10, 5, 1], calendar: CAL.get_or_init(Calendar::embedded), now: at(now) }
    }

    fn items() -> Vec<IcsItem> {
        vec![
            IcsItem { uid: "a1-constructor.sign_contract@zayava".into(), summary: "Подписать и вернуть договор".into(), description: "15 календарных дней; пункт 3.9, перенос с 22.03.2025".into(), due: "2025-03-24".into(), alarms: vec![at("2025-03-21T09:00")] },
            IcsItem { uid: "a2-kvp.failure_recovery@zayava".into(), summary: "Оператор устраняет сбой".into(), description: "24 рабочих часа".into(), due: "2025-01-14T17:00".into(), alarms: vec![] },
            IcsItem { uid: "a3-kvp.first_billed_month@zayava".into(), summary: "Первый оплачиваемый месяц".into(), description: "".into(), due: "2025-04".into(), alarms: vec![] },
        ]
    }

    #[test]
    fn an_independent_parser_reads_every_event_with_its_timezone() {
        let text = to_ics("Заява", &items(), Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap());
        assert!(text.lines().all(|l| l.len() <= 75 + 1), "lines folded at 75 octets");
        let mut parser = ical::IcalParser::new(text.as_bytes());
        let cal = parser.next().expect("one calendar").expect("valid RFC 5545");
        assert_eq!(cal.timezones.len(), 1);
        let tz = &cal.timezones[0];
        assert!(tz.properties.iter().any(|p| p.name == "TZID" && p.value.as_deref() == Some("Europe/Minsk")));
        assert_eq!(cal.events.len(), 3);
        let prop = |i: usize, name: &str| cal.events[i].properties.iter().find(|p| p.name == name).unwrap().clone();
        assert_eq!(prop(0, "SUMMARY").value.as_deref(), Some("Подписать и вернуть договор"));
        assert_eq!(prop(0, "DTSTART").value.as_deref(), Some("20250324"));
        assert_eq!(prop(0, "DTEND").value.as_deref(), Some("20250325"));
        let timed = prop(1, "DTSTART");
        assert_eq!(timed.value.as_deref(), Some("20250114T170000"));
        let params = timed.params.unwrap();
        assert!(params.iter().any(|(k, v)| k == "TZID" && v == &vec!["Europe/Minsk".to_string()]));
        assert_eq!(prop(2, "DTSTART").value.as_deref(), Some("20250401"));
        assert_eq!(prop(1, "UID").value.as_deref(), Some("a2-kvp.failure_recovery@zayava"));
    }

    #[test]
    fn an_applications_dated_deadlines_become_items_and_waiting_ones_do_not() {
        use crate::lifecycle::{timeline, NoticeContext, RecordedEvent, Recorder};
        let ev = |id, e: &str, at: &str| RecordedEvent { id, event: e.into(), at: at.into(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() };
        let events = vec![ev(1, "application_sent", "2025-03-03"), ev(2, "application_received", "2025-03-04"), ev(3, "draft_contract_received", "2025-03-06"), ev(4, "signed_contract_received", "2025-03-14")];
        let now = chrono::NaiveDate::from_ymd_opt(2025, 3, 20).unwrap().and_hms_opt(9, 0, 0).unwrap();
        // A commercial organisation without its prepayment: the connection deadline waits.
        let facts = vec![("org_kind".to_string(), serde_json::json!("commercial"))];
        let line = timeline(&crate::rules::Rulebook::embedded(), &crate::calendar::Calendar::embedded(), Default::default(), "one-window", true, &events, facts, now, &NoticeContext::default(), crate::i18n::Lang::Ru).unwrap();
        let items = items_of("app-1", &line, &alarms("2025-03-20T09:00"), crate::i18n::Lang::Ru);
        assert_eq!(items.len(), line.deadlines.iter().filter(|d| d.item.due.is_some()).count());
        assert!(items.len() < line.deadlines.len(), "the waiting connection deadline is left out");
        assert!(items.iter().any(|i| i.uid == "app-1-one-window.sign_contract@zayava" && i.due == "2025-03-21"));
    }

    #[test]
    fn two_incidents_are_two_events_with_their_own_uids() {
        use crate::lifecycle::{timeline, NoticeContext, RecordedEvent, Recorder};
        let ev = |id, e: &str, at: &str| RecordedEvent { id, event: e.into(), at: at.into(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() };
        let events = vec![ev(1, "incident_detected", "2025-06-02T10:40"), ev(2, "incident_detected", "2025-06-03T09:00")];
        let now = chrono::NaiveDate::from_ymd_opt(2025, 6, 3).unwrap().and_hms_opt(9, 5, 0).unwrap();
        let line = timeline(&crate::rules::Rulebook::embedded(), &crate::calendar::Calendar::embedded(), Default::default(), "interaction", true, &events, vec![], now, &NoticeContext::default(), crate::i18n::Lang::Ru).unwrap();
        let items = items_of("log", &line, &alarms("2025-06-03T09:05"), crate::i18n::Lang::Ru);
        let notices: Vec<&IcsItem> = items.iter().filter(|i| i.uid.contains("interaction.incident_notice")).collect();
        assert_eq!(notices.len(), 2);
        assert_ne!(notices[0].uid, notices[1].uid);
        assert!(notices[1].summary.ends_with("2-й круг"), "{}", notices[1].summary);
    }

    #[test]
    fn unreadable_dues_are_left_out() {
        let text = to_ics("x", &[IcsItem { uid: "u".into(), summary: "s".into(), description: "d".into(), due: "soon".into(), alarms: vec![] }], Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        assert!(!text.contains("BEGIN:VEVENT"));
    }

    /// The lines between `BEGIN:<name>` and its `END`, unfolded.
    fn component<'t>(text: &'t str, name: &str) -> Vec<&'t str> {
        text.split("\r\n").skip_while(|l| *l != format!("BEGIN:{name}")).take_while(|l| *l != format!("END:{name}")).collect()
    }

    #[test]
    fn the_timezone_has_no_event_properties_and_the_product_is_named() {
        let text = to_ics("Заява: сроки", &items(), Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap());
        let zone = component(&text, "VTIMEZONE");
        assert!(zone.len() > 3 && zone.iter().all(|l| !l.starts_with("DTSTAMP") && !l.starts_with("UID")), "{zone:?}");
        let alarm = component(&text, "VALARM");
        assert!(alarm.len() > 2 && alarm.iter().all(|l| !l.starts_with("DTSTAMP") && !l.starts_with("UID")), "{alarm:?}");
        assert!(text.contains(&format!("\r\nPRODID:-//Zayava//Zayava {}//RU\r\n", env!("CARGO_PKG_VERSION"))));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        let long = IcsItem { uid: "u@zayava".into(), summary: "Сроки; пункты 3.9, 3.10\\ итог".into(), description: "Ў".repeat(100) + "\nвторая строка", due: "2025-03-24".into(), alarms: vec![] };
        let text = to_ics("x", &[long], Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        assert!(text.contains("SUMMARY:Сроки\\; пункты 3.9\\, 3.10\\\\ итог\r\n"), "{text}");
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "folded at 75 octets");
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}\\nвторая строка\r\n", "Ў".repeat(100))));
    }

    #[test]
    fn an_alarm_goes_off_at_nine_on_each_lead_day_counted_in_working_days() {
        use crate::lifecycle::{timeline, NoticeContext, RecordedEvent, Recorder};
        let ev = |id, e: &str, at: &str| RecordedEvent { id, event: e.into(), at: at.into(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() };
        // Constructor: the draft came on 06.03.2025; the signed contract is due by 21.03.2025
        // (15 calendar days, a Friday).
        let events = vec![ev(1, "application_sent", "2025-03-03"), ev(2, "application_received", "2025-03-04"), ev(3, "draft_contract_received", "2025-03-06")];
        let now = at("2025-03-10T10:00");
        let line = timeline(&crate::rules::Rulebook::embedded(), &Calendar::embedded(), Default::default(), "constructor", true, &events, vec![], now, &NoticeContext::default(), crate::i18n::Lang::Ru).unwrap();
        let items = items_of("a", &line, &alarms("2025-03-10T10:00"), crate::i18n::Lang::Ru);
        let sign = items.iter().find(|i| i.uid == "a-constructor.sign_contract@zayava").unwrap();
        assert_eq!(sign.due, "2025-03-21");
        // 3 and 1 working days before (Tuesday 18th, Thursday 20th), and the day itself.
        assert_eq!(sign.alarms, vec![at("2025-03-18T09:00"), at("2025-03-20T09:00"), at("2025-03-21T09:00")]);
        let text = to_ics("x", std::slice::from_ref(sign), Utc.with_ymd_and_hms(2025, 3, 10, 7, 0, 0).unwrap());
        let triggers: Vec<&str> = text.split("\r\n").filter(|l| l.starts_with("TRIGGER:")).collect();
        assert_eq!(triggers, ["TRIGGER:-P2DT15H", "TRIGGER:-PT15H", "TRIGGER:PT9H"]);
        // The Operator's open deadlines remind nobody: just received, the draft is theirs to send.
        let now = at("2025-03-04T12:00");
        let line = timeline(&crate::rules::Rulebook::embedded(), &Calendar::embedded(), Default::default(), "constructor", true, &events[..2], vec![], now, &NoticeContext::default(), crate::i18n::Lang::Ru).unwrap();
        let theirs: Vec<String> = line.deadlines.iter().filter(|d| d.item.party == Some(Party::Operator) && !d.settled && d.item.due.is_some()).map(|d| format!("a-{}@zayava", d.item.rule)).collect();
        assert!(!theirs.is_empty());
        let items = items_of("a", &line, &alarms("2025-03-04T12:00"), crate::i18n::Lang::Ru);
        assert!(items.iter().filter(|i| theirs.contains(&i.uid)).all(|i| i.alarms.is_empty()));
    }

    #[test]
    fn a_met_deadline_stays_as_done_without_alarms() {
        use crate::lifecycle::{timeline, NoticeContext, RecordedEvent, Recorder};
        let ev = |id, e: &str, at: &str| RecordedEvent { id, event: e.into(), at: at.into(), recorded_at: String::new(), recorded_by: Recorder::User, corrects: None, note: String::new() };
        let events = vec![ev(1, "application_sent", "2025-03-03"), ev(2, "application_received", "2025-03-04"), ev(3, "draft_contract_received", "2025-03-06"), ev(4, "signed_contract_received", "2025-03-12")];
        let now = at("2025-03-13T10:00");
        let line = timeline(&crate::rules::Rulebook::embedded(), &Calendar::embedded(), Default::default(), "constructor", true, &events, vec![], now, &NoticeContext::default(), crate::i18n::Lang::Ru).unwrap();
        let items = items_of("a", &line, &alarms("2025-03-13T10:00"), crate::i18n::Lang::Ru);
        let sign = items.iter().find(|i| i.uid == "a-constructor.sign_contract@zayava").unwrap();
        assert!(sign.summary.starts_with("Выполнено: "), "{}", sign.summary);
        assert!(sign.alarms.is_empty());
    }
}
