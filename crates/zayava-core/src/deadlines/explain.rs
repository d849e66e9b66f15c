//! How a date was worked out, in words: the rule and clause, the base event and its date,
//! the period, every day skipped and why, any roll-forward, and whether the year's
//! calendar is provisional. The UI shows it when a date is clicked; the CLI prints it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

use crate::calendar::{Calendar, DayKind, Schedule};
use crate::date_format::human_date;
use crate::i18n::{Lang, Text};
use crate::rules::{Period, Rule, ServiceSpec};

use super::{BaseSource, GivenBase, Outcome, State};

/// Why a day did not count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    Weekend,
    Holiday,
    Transfer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SkippedDay {
    pub date: NaiveDate,
    pub reason: SkipReason,
    /// The weekday, the holiday's name, or what the transfer did.
    pub name: String,
    /// The resolution, for a transfer.
    pub source: Option<String>,
}

/// A Saturday (or Sunday) that counted because a resolution made it a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WorkedDay {
    pub date: NaiveDate,
    pub instead_of: NaiveDate,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BaseExplained {
    /// The event's id, or the rule's id when counting from another rule.
    pub id: String,
    pub label: String,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PeriodExplained {
    /// The period's kind as in the rulebook (`working_days`, `calendar_days`, …).
    pub kind: String,
    pub amount: Option<u32>,
    pub text: String,
}

/// Everything about how one date was worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Explanation {
    pub rule: String,
    pub title: String,
    pub clause: String,
    /// The procedure document (its file in the seeds), for audits; people read `source`.
    pub seed: String,
    /// The document's title, as a person reads it.
    pub source: String,
    /// The base the count started from (the latest, when several were given).
    pub base: Option<BaseExplained>,
    /// Every base that was given.
    pub bases: Vec<BaseExplained>,
    pub period: PeriodExplained,
    /// For calendar-day and month periods: the date before any roll-forward.
    pub unmoved: Option<NaiveDate>,
    /// Set when the date was moved off a day off: the date it moved from.
    pub rolled_forward_from: Option<NaiveDate>,
    pub skipped: Vec<SkippedDay>,
    pub worked_by_transfer: Vec<WorkedDay>,
    pub provisional: bool,
    pub provisional_reason: Option<String>,
    /// Readings of the seed and conditions the user should know.
    pub notes: Vec<String>,
    /// The whole explanation as one paragraph.
    pub text: String,
}

/// The longest list of skipped days an explanation carries.
const MAX_SKIPPED: usize = 120;

fn weekday_name(w: Weekday, lang: Lang) -> &'static str {
    match w {
        Weekday::Sat => Text::id("core-explain-saturday").get(lang),
        Weekday::Sun => Text::id("core-explain-sunday").get(lang),
        _ => Text::id("core-explain-weekday").get(lang),
    }
}

fn period_text(period: &Period, window: Option<super::WorkingWindow>, lang: Lang) -> PeriodExplained {
    // `core-period-<kind>` words a period of `n`, with the plural the language needs.
    let n = |k: &str, a: u32| PeriodExplained { kind: k.into(), amount: Some(a), text: Text::id(period_id(k)).fill(lang, &[("n", &a.to_string())]) };
    let fixed = |k: &str, t: Text| PeriodExplained { kind: k.into(), amount: None, text: t.get(lang).into() };
    match period {
        Period::WorkingDays(a) => n("working_days", *a),
        Period::WorkingDaysBefore(a) => n("working_days_before", *a),
        Period::CalendarDays(a) => n("calendar_days", *a),
        Period::CalendarDaysBefore(a) => n("calendar_days_before", *a),
        Period::CalendarMonths(a) => n("calendar_months", *a),
        Period::Minutes(a) => n("minutes", *a),
        Period::Hours(a) => n("hours", *a),
        Period::WorkingHours(w) => {
            let win = window.unwrap_or_default();
            let hours = format!("{}–{}", win.start.format("%H:%M"), win.end.format("%H:%M"));
            let text = match w.schedule {
                Schedule::Official => Text::id("core-period-working-hours"),
                Schedule::OfficialWeekdays => Text::id("core-period-working-hours-weekdays"),
            };
            PeriodExplained { kind: "working_hours".into(), amount: Some(w.hours), text: text.fill(lang, &[("n", &w.hours.to_string()), ("hours", &hours)]) }
        }
        Period::SameDate => fixed("same_date", Text::id("core-deadlines-explain-the-same-day-as")),
        Period::NextDay => fixed("next_day", Text::id("core-deadlines-explain-the-calendar-day-after")),
        Period::FirstDayOfNextMonth => fixed("first_day_of_next_month", Text::id("core-deadlines-explain-the-first-day-of-the")),
        Period::EndOfYear => fixed("end_of_year", Text::id("core-deadlines-explain-31-december-of-the-same")),
        Period::EndOfNextYear => fixed("end_of_next_year", Text::id("core-deadlines-explain-31-december-of-the-year")),
        Period::MonthOf => fixed("month_of", Text::id("core-deadlines-explain-the-month-of")),
        Period::ByFact(_) => fixed("by_fact", Text::id("core-deadlines-explain-by-a-facts-value")),
    }
}

/// The catalogue id of a counted period's words.
fn period_id(kind: &str) -> &'static str {
    match kind {
        "working_days" => "core-period-working-days",
        "working_days_before" => "core-period-working-days-before",
        "calendar_days" => "core-period-calendar-days",
        "calendar_days_before" => "core-period-calendar-days-before",
        "calendar_months" => "core-period-calendar-months",
        "minutes" => "core-period-minutes",
        _ => "core-period-hours",
    }
}

fn base_explained(g: &GivenBase, lang: Lang) -> BaseExplained {
    match g.source {
        BaseSource::Event(e) => BaseExplained { id: e.id.clone(), label: e.label.get(lang).into(), at: g.at.to_string() },
        BaseSource::Rule(r) => BaseExplained { id: r.id.clone(), label: r.title.get(lang).into(), at: g.at.to_string() },
    }
}

/// Days in `from..=to` that do not count under `schedule`, and the transferred working days
/// that did.
fn days_between(cal: &Calendar, from: NaiveDate, to: NaiveDate, schedule: Schedule, lang: Lang) -> (Vec<SkippedDay>, Vec<WorkedDay>) {
    let mut skipped = Vec::new();
    let mut worked = Vec::new();
    let mut day = from;
    while day <= to && skipped.len() < MAX_SKIPPED {
        let Ok(kind) = cal.day_kind(day) else { break };
        match kind {
            DayKind::Working => {}
            DayKind::WorkingByTransfer { source, instead_of } => match schedule {
                Schedule::Official => worked.push(WorkedDay { date: day, instead_of, source }),
                Schedule::OfficialWeekdays => skipped.push(SkippedDay {
                    date: day,
                    reason: SkipReason::Weekend,
                    name: Text::id("core-explain-not-a-support-day").fill(lang, &[("day", weekday_name(day.weekday(), lang))]),
                    source: Some(source),
                }),
            },
            DayKind::Weekend(w) => {
                skipped.push(SkippedDay { date: day, reason: SkipReason::Weekend, name: weekday_name(w, lang).into(), source: None })
            }
            DayKind::Holiday(name) => {
                skipped.push(SkippedDay { date: day, reason: SkipReason::Holiday, name: name.get(lang).into(), source: None })
            }
            DayKind::DayOffByTransfer { source, worked_on } => skipped.push(SkippedDay {
                date: day,
                reason: SkipReason::Transfer,
                name: Text::id("core-explain-day-off-by-transfer").fill(lang, &[("date", &human_date(worked_on))]),
                source: Some(source),
            }),
        }
        day += Duration::days(1);
    }
    (skipped, worked)
}

const PROVISIONAL: Text = Text::id("core-deadlines-explain-provisional");

const WAITING: Text = Text::id("core-deadlines-explain-waiting");

/// Puts an outcome into words.
impl Explanation {
    /// No explanation: the rule's id and clause only.
    pub fn blank(rule: &Rule) -> Explanation {
        Explanation {
            rule: rule.id.clone(),
            title: String::new(),
            clause: rule.clause.clone(),
            seed: String::new(),
            source: String::new(),
            base: None,
            bases: vec![],
            period: PeriodExplained { kind: String::new(), amount: None, text: String::new() },
            unmoved: None,
            rolled_forward_from: None,
            skipped: vec![],
            worked_by_transfer: vec![],
            provisional: false,
            provisional_reason: None,
            notes: vec![],
            text: String::new(),
        }
    }
}

pub fn explain(service: &ServiceSpec, outcome: &Outcome, cal: &Calendar, lang: Lang) -> Explanation {
    let rule: &Rule = outcome.rule;
    let mut notes: Vec<String> = rule.note.iter().map(|n| n.get(lang).to_string()).collect();
    let mut exp = Explanation {
        rule: rule.id.clone(),
        title: rule.title.get(lang).into(),
        clause: rule.clause.clone(),
        seed: service.seed.clone(),
        source: service.source.get(lang).to_string(),
        base: None,
        bases: vec![],
        period: period_text(&rule.period, None, lang),
        unmoved: None,
        rolled_forward_from: None,
        skipped: vec![],
        worked_by_transfer: vec![],
        provisional: false,
        provisional_reason: None,
        notes: vec![],
        text: String::new(),
    };
    let clause = Text::id("core-explain-source").fill(lang, &[("clause", &rule.clause), ("source", service.source.get(lang))]);
    match &outcome.state {
        State::Waiting { given, events, facts } => {
            exp.bases = given.iter().map(|g| base_explained(g, lang)).collect();
            let mut what: Vec<String> = events
                .iter()
                .map(|e| service.events.iter().find(|s| &s.id == e).map(|s| format!("«{}»", s.label.get(lang))).unwrap_or(e.clone()))
                .collect();
            // A fact by its label, never its id.
            what.extend(facts.iter().map(|f| {
                let label = crate::rules::Rulebook::shared().fact(f).map(|s| s.label.get(lang).to_string()).unwrap_or_else(|| f.clone());
                Text::id("core-explain-fact").fill(lang, &[("fact", &label)])
            }));
            exp.text = format!("{} {} {clause}", exp.title, WAITING.fill(lang, &[("what", &what.join(", "))]));
        }
        State::Due { base, given, landing, provisional_years } => {
            exp.period = period_text(landing.period, landing.window, lang);
            exp.base = Some(base_explained(base, lang));
            exp.bases = given.iter().map(|g| base_explained(g, lang)).collect();
            exp.unmoved = landing.unmoved;
            if let Some(u) = landing.unmoved.filter(|u| *u != landing.due.date()) {
                exp.rolled_forward_from = Some(u);
            }
            let b = base.at.date();
            let due = landing.due.date();
            let (skipped, worked) = match landing.period {
                Period::WorkingDays(_) if due > b => days_between(cal, b + Duration::days(1), due, Schedule::Official, lang),
                Period::WorkingDaysBefore(_) if due < b => days_between(cal, due, b - Duration::days(1), Schedule::Official, lang),
                Period::WorkingHours(w) => days_between(cal, b, due, w.schedule, lang),
                Period::CalendarDays(_) | Period::CalendarMonths(_) => match exp.rolled_forward_from {
                    Some(u) => (days_between(cal, u, due - Duration::days(1), Schedule::Official, lang).0, vec![]),
                    None => (vec![], vec![]),
                },
                _ => (vec![], vec![]),
            };
            exp.skipped = skipped;
            exp.worked_by_transfer = worked;
            if let Some(n) = landing.band_note {
                notes.push(n.get(lang).into());
            }
            if !provisional_years.is_empty() {
                let years: Vec<String> = provisional_years.iter().map(|y| y.to_string()).collect();
                exp.provisional = true;
                exp.provisional_reason = Some(PROVISIONAL.fill(lang, &[("years", &years.join(", "))]));
            }
            if let (Some(from), BaseSource::Event(_)) = (service.in_force_from.or(rule.in_force_from), base.source) {
                if b < from {
                    notes.push(Text::id("core-explain-in-force-from").fill(lang, &[("date", &human_date(from))]));
                }
            }
            exp.text = sentence(&exp, landing.due.human(), lang);
            exp.text.push(' ');
            exp.text.push_str(&clause);
        }
    }
    for n in &notes {
        exp.text.push(' ');
        exp.text.push_str(n);
    }
    if let Some(r) = &exp.provisional_reason {
        exp.text.push(' ');
        exp.text.push_str(r);
    }
    exp.notes = notes;
    exp
}

fn short(d: NaiveDate) -> String {
    d.format("%d.%m").to_string()
}

fn sentence(exp: &Explanation, due: String, lang: Lang) -> String {
    let base = exp.base.as_ref().expect("a due outcome has a base");
    let base_at = match base.at.len() {
        10 => base.at.parse::<NaiveDate>().map(human_date).unwrap_or(base.at.clone()),
        _ => chrono::NaiveDateTime::parse_from_str(&base.at, "%Y-%m-%dT%H:%M").map(crate::date_format::human_date_time).unwrap_or(base.at.clone()),
    };
    let mut s = Text::id("core-explain-sentence").fill(lang, &[("title", &exp.title), ("period", &exp.period.text), ("base_at", &base_at), ("base", &base.label), ("due", &due)]);
    if let Some(u) = exp.rolled_forward_from {
        s.push(' ');
        s.push_str(&Text::id("core-explain-rolled").fill(lang, &[("date", &human_date(u))]));
    }
    if !exp.skipped.is_empty() {
        let list: Vec<String> = exp.skipped.iter().map(|d| format!("{} {}", short(d.date), d.name)).collect();
        s.push(' ');
        s.push_str(&Text::id("core-explain-skipped").fill(lang, &[("list", &list.join(", "))]));
    }
    if !exp.worked_by_transfer.is_empty() {
        let list: Vec<String> = exp.worked_by_transfer.iter().map(|d| format!("{} ({})", short(d.date), d.source)).collect();
        s.push(' ');
        s.push_str(&Text::id("core-explain-worked").fill(lang, &[("list", &list.join(", "))]));
    }
    s
}
