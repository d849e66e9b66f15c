//! Which reminders are due: ahead of each open deadline of ours, at lead times the user
//! sets (in working days), and once when it is missed; ahead of a contract's end or its
//! renewal at the longer contract-term lead times. Each reminder has a key, so a reminder
//! shown once is never shown again, even after a restart.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::calendar::{Calendar, Schedule};
use crate::date_format::human_date;
use crate::i18n::{Lang, Text};

/// An open deadline, as the dashboard stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDeadline {
    pub application_id: String,
    pub rule: String,
    pub title: String,
    pub organisation: String,
    pub due_day: NaiveDate,
    pub term: Term,
}

/// What an open item is, for its lead times and words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A deadline of ours: the everyday lead times.
    No,
    /// Renewing the contract (one-window 5.12): a deadline at the contract-term lead times.
    Renewal,
    /// The end date of a contract with no renewal step: a date, not a deadline, so no
    /// reminder once it has passed.
    End,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reminder {
    /// Unique per deadline, due date and lead: the record that it was shown.
    pub key: String,
    pub title: String,
    pub body: String,
}

/// Reads lead times like `3, 1, 0` (working days before the due day); the default is 3, 1, 0.
pub fn parse_leads(text: &str) -> Option<Vec<u32>> {
    let mut leads = Vec::new();
    for part in text.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
        let n: u32 = part.parse().ok()?;
        if n > 60 {
            return None;
        }
        leads.push(n);
    }
    leads.sort_unstable_by(|a, b| b.cmp(a));
    leads.dedup();
    Some(leads)
}

pub const DEFAULT_LEADS: [u32; 3] = [3, 1, 0];

/// A contract's end needs weeks, not days: paperwork, a budget, a signature.
pub const DEFAULT_TERM_LEADS: [u32; 4] = [20, 10, 5, 1];

/// The due day a reminder's key names (`<application>|<rule>|<due day>|<lead>`).
pub fn key_due_day(key: &str) -> Option<NaiveDate> {
    key.split('|').nth(2)?.parse().ok()
}

/// The reminders due `today` for `deadlines` (ours, open): `leads` for everyday deadlines,
/// `term_leads` for a contract's end and its renewal. `already` says whether a key was
/// shown before.
#[allow(clippy::too_many_arguments)]
pub fn due(deadlines: &[OpenDeadline], leads: &[u32], term_leads: &[u32], today: NaiveDate, cal: &Calendar, lang: Lang, already: impl Fn(&str) -> bool) -> Vec<Reminder> {
    let mut out = Vec::new();
    for d in deadlines {
        let base = format!("{}|{}|{}", d.application_id, d.rule, d.due_day);
        let leads = if d.term == Term::No { leads } else { term_leads };
        if today > d.due_day && d.term == Term::End {
            continue;
        }
        let (key, when) = if today > d.due_day {
            (format!("{base}|missed"), None)
        } else {
            // The largest lead whose moment has come is the one to show; smaller ones follow.
            let reached = leads.iter().copied().filter(|&l| {
                let moment = if l == 0 { Some(d.due_day) } else { cal.working_days_before(d.due_day, l, Schedule::Official).ok() };
                moment.is_some_and(|m| today >= m)
            });
            match reached.min() {
                Some(l) => (format!("{base}|{l}"), Some(l)),
                None => continue,
            }
        };
        if already(&key) {
            continue;
        }
        let due = human_date(d.due_day);
        let text = match (d.term, when) {
            (Term::End, Some(0)) => Text::id("core-reminder-term-last-day"),
            (Term::End, _) => Text::id("core-reminder-term-ends"),
            (_, None) => Text::id("core-reminder-missed"),
            (_, Some(0)) => Text::id("core-reminder-last-day"),
            (_, Some(_)) => Text::id("core-reminder-by"),
        };
        let body = text.fill(lang, &[("due", &due), ("title", &d.title), ("organisation", &d.organisation)]);
        let title = Text::id("core-reminder-title").get(lang).to_string();
        out.push(Reminder { key, title, body });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn deadline() -> OpenDeadline {
        OpenDeadline { application_id: "a".into(), rule: "constructor.sign_contract".into(), title: "Подписать и вернуть договор".into(), organisation: "ГУ «Архив»".into(), due_day: d("2025-03-24"), term: Term::No }
    }

    #[test]
    fn leads_are_read_in_working_days_and_refused_when_odd() {
        assert_eq!(parse_leads("3, 1, 0"), Some(vec![3, 1, 0]));
        assert_eq!(parse_leads("1 3 3"), Some(vec![3, 1]));
        assert_eq!(parse_leads("soon"), None);
        assert_eq!(parse_leads("99"), None);
    }

    #[test]
    fn each_lead_fires_once_and_a_missed_deadline_once_more() {
        let cal = Calendar::embedded();
        let shown = std::cell::RefCell::new(Vec::<String>::new());
        let run = |today: &str| {
            let r = due(&[deadline()], &[3, 1, 0], &[20], d(today), &cal, Lang::Ru, |k| shown.borrow().contains(&k.to_string()));
            shown.borrow_mut().extend(r.iter().map(|x| x.key.clone()));
            r
        };
        // 3 working days before Mon 24.03.2025 is Wed 19.03.
        assert!(run("2025-03-18").is_empty());
        let first = run("2025-03-19");
        assert_eq!(first.len(), 1);
        assert!(first[0].key.ends_with("|3") && first[0].body.contains("24.03.2025"));
        assert!(run("2025-03-19").is_empty(), "never twice");
        assert!(run("2025-03-20").is_empty());
        assert!(run("2025-03-21").first().is_some_and(|r| r.key.ends_with("|1")));
        assert!(run("2025-03-24").first().is_some_and(|r| r.body.starts_with("Сегодня последний день")));
        assert!(run("2025-03-25").first().is_some_and(|r| r.key.ends_with("|missed")));
        assert!(run("2025-03-26").is_empty());
    }

    #[test]
    fn a_contracts_end_is_reminded_weeks_ahead_at_the_term_leads_and_not_after_it() {
        let cal = Calendar::embedded();
        let end = OpenDeadline { rule: "hosting.contract_end".into(), title: "Договор действует до".into(), due_day: d("2027-02-26"), term: Term::End, ..deadline() };
        let renewal = OpenDeadline { rule: "one-window.renewal".into(), title: "Перезаключить договор".into(), due_day: d("2026-12-31"), term: Term::Renewal, ..deadline() };
        // 20 working days before 26.02.2027 is 29.01; the everyday lead of 3 days would be too late.
        let r = due(&[end.clone()], &[3, 1, 0], &[20, 5], d("2027-01-29"), &cal, Lang::Ru, |_| false);
        assert_eq!(r.len(), 1);
        assert!(r[0].key.ends_with("|20") && r[0].body.contains("Договор заканчивается 26.02.2027"), "{r:?}");
        assert!(due(&[end.clone()], &[3, 1, 0], &[20, 5], d("2027-01-28"), &cal, Lang::Ru, |_| false).is_empty());
        assert!(due(&[end], &[3, 1, 0], &[20, 5], d("2027-03-01"), &cal, Lang::Ru, |_| false).is_empty(), "an end date is not «missed»");
        // The one-window renewal is a deadline: term leads ahead, and missed once after.
        let r = due(&[renewal.clone()], &[3, 1, 0], &[20, 5], d("2026-12-03"), &cal, Lang::Ru, |_| false);
        assert!(r.first().is_some_and(|x| x.key.ends_with("|20") && x.body.starts_with("До 31.12.2026")), "{r:?}");
        assert!(due(&[renewal], &[3, 1, 0], &[20, 5], d("2027-01-04"), &cal, Lang::Ru, |_| false)[0].key.ends_with("|missed"));
    }
}
