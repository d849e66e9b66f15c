//! Deadlines as an RFC 5545 calendar (ICS), for Outlook, Thunderbird or a phone. Timed
//! deadlines carry `TZID=Europe/Minsk` with its VTIMEZONE (UTC+3, no daylight saving since
//! 2011); day deadlines are all-day events; a month (first billed month) is its first day.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike};

/// One deadline or date to put in the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsItem {
    /// Stable across exports, so a calendar app updates the event instead of adding another.
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// As the engine gives it: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM`.
    pub due: String,
}

pub const TZID: &str = "Europe/Minsk";

/// One application's dated deadlines as calendar items; the uid ties each to its
/// application, rule and round (from the second), so a later export updates rather than
/// duplicates, and two incidents are two events.
pub fn items_of(application_id: &str, timeline: &crate::lifecycle::Timeline) -> Vec<IcsItem> {
    timeline
        .deadlines
        .iter()
        .filter_map(|d| {
            let due = d.item.due.clone()?;
            Some(IcsItem {
                uid: match d.round {
                    1 => format!("{application_id}-{}@zayava", d.item.rule),
                    n => format!("{application_id}-{}-{n}@zayava", d.item.rule),
                },
                summary: match &d.round_label {
                    Some(round) => format!("{} — {round}", d.item.explanation.title),
                    None => d.item.explanation.title.clone(),
                },
                description: d.item.explanation.text.clone(),
                due,
            })
        })
        .collect()
}

const MINSK: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Zayava//timezone//RU\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Minsk\r\nBEGIN:STANDARD\r\nDTSTART:20110327T020000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nTZNAME:+03\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";

fn start(due: &str) -> Option<DatePerhapsTime> {
    match due.len() {
        16 => NaiveDateTime::parse_from_str(due, "%Y-%m-%dT%H:%M")
            .ok()
            .map(|t| DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time: t, tzid: TZID.into() })),
        10 => due.parse::<NaiveDate>().ok().map(DatePerhapsTime::Date),
        7 => format!("{due}-01").parse::<NaiveDate>().ok().map(DatePerhapsTime::Date),
        _ => None,
    }
}

fn end(start: &DatePerhapsTime) -> DatePerhapsTime {
    match start {
        DatePerhapsTime::Date(d) => DatePerhapsTime::Date(*d + Duration::days(1)),
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time: *date_time + Duration::minutes(15), tzid: tzid.clone() })
        }
        other => other.clone(),
    }
}

/// The calendar text. Items whose due cannot be read are left out.
pub fn to_ics(name: &str, items: &[IcsItem], stamp: DateTime<Utc>) -> String {
    let mut cal = Calendar::new();
    cal.name(name).timezone(TZID);
    let mut zone: Calendar = MINSK.parse().expect("the embedded VTIMEZONE parses");
    cal.append(&mut zone);
    for item in items {
        let Some(s) = start(&item.due) else { continue };
        let e = Event::new()
            .uid(&item.uid)
            .summary(&item.summary)
            .description(&item.description)
            .timestamp(stamp)
            .starts(s.clone())
            .ends(end(&s))
            .done();
        cal.push(e);
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn items() -> Vec<IcsItem> {
        vec![
            IcsItem { uid: "a1-constructor.sign_contract@zayava".into(), summary: "Подписать и вернуть договор".into(), description: "15 календарных дней; пункт 3.9, перенос с 22.03.2025".into(), due: "2025-03-24".into() },
            IcsItem { uid: "a2-kvp.failure_recovery@zayava".into(), summary: "Оператор устраняет сбой".into(), description: "24 рабочих часа".into(), due: "2025-01-14T17:00".into() },
            IcsItem { uid: "a3-kvp.first_billed_month@zayava".into(), summary: "Первый оплачиваемый месяц".into(), description: "".into(), due: "2025-04".into() },
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
        let items = items_of("app-1", &line);
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
        let items = items_of("log", &line);
        let notices: Vec<&IcsItem> = items.iter().filter(|i| i.uid.contains("interaction.incident_notice")).collect();
        assert_eq!(notices.len(), 2);
        assert_ne!(notices[0].uid, notices[1].uid);
        assert!(notices[1].summary.ends_with("2-й круг"), "{}", notices[1].summary);
    }

    #[test]
    fn unreadable_dues_are_left_out() {
        let text = to_ics("x", &[IcsItem { uid: "u".into(), summary: "s".into(), description: "d".into(), due: "soon".into() }], Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
        assert!(!text.contains("BEGIN:VEVENT"));
    }
}
