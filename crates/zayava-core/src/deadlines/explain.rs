//! How a date was worked out, in words: the rule and clause, the base event and its date,
//! the period, every day skipped and why, any roll-forward, and whether the year's
//! calendar is provisional. The UI shows it when a date is clicked; the CLI prints it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;
use ts_rs::TS;

use crate::calendar::{Calendar, DayKind, Schedule};
use crate::date_format::human_date;
use crate::i18n::{en_plural, fill, ru_plural, Lang, Text};
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
    pub seed: String,
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
    match (w, lang) {
        (Weekday::Sat, Lang::Ru) => "суббота",
        (Weekday::Sun, Lang::Ru) => "воскресенье",
        (Weekday::Sat, Lang::En) => "Saturday",
        (Weekday::Sun, Lang::En) => "Sunday",
        (_, Lang::Ru) => "будний день",
        (_, Lang::En) => "weekday",
    }
}

fn period_text(period: &Period, window: Option<super::WorkingWindow>, lang: Lang) -> PeriodExplained {
    let n = |k: &str, a: u32, ru: (&str, &str, &str), en: (&str, &str), ru_tail: &str, en_tail: &str| PeriodExplained {
        kind: k.into(),
        amount: Some(a),
        text: match lang {
            Lang::Ru => format!("{a} {}{ru_tail}", ru_plural(a as u64, ru.0, ru.1, ru.2)),
            Lang::En => format!("{a} {}{en_tail}", en_plural(a as u64, en.0, en.1)),
        },
    };
    let fixed = |k: &str, t: Text| PeriodExplained { kind: k.into(), amount: None, text: t.get(lang).into() };
    const WD: (&str, &str, &str) = ("рабочий день", "рабочих дня", "рабочих дней");
    const CD: (&str, &str, &str) = ("календарный день", "календарных дня", "календарных дней");
    match period {
        Period::WorkingDays(a) => n("working_days", *a, WD, ("working day", "working days"), " после", " after"),
        Period::WorkingDaysBefore(a) => n("working_days_before", *a, WD, ("working day", "working days"), " до", " before"),
        Period::CalendarDays(a) => n("calendar_days", *a, CD, ("calendar day", "calendar days"), " после", " after"),
        Period::CalendarDaysBefore(a) => n("calendar_days_before", *a, CD, ("calendar day", "calendar days"), " до", " before"),
        Period::CalendarMonths(a) => n("calendar_months", *a, ("месяц", "месяца", "месяцев"), ("month", "months"), " после", " after"),
        Period::Minutes(a) => n("minutes", *a, ("минута", "минуты", "минут"), ("minute", "minutes"), " после", " after"),
        Period::Hours(a) => n("hours", *a, ("час", "часа", "часов"), ("hour", "hours"), " после", " after"),
        Period::WorkingHours(w) => {
            let mut p = n("working_hours", w.hours, ("рабочий час", "рабочих часа", "рабочих часов"), ("working hour", "working hours"), "", "");
            let win = window.unwrap_or_default();
            let hours = format!("{}–{}", win.start.format("%H:%M"), win.end.format("%H:%M"));
            p.text.push_str(&match (w.schedule, lang) {
                (Schedule::Official, Lang::Ru) => format!(" (рабочие дни, {hours}) после"),
                (Schedule::Official, Lang::En) => format!(" (working days, {hours}) after"),
                (Schedule::OfficialWeekdays, Lang::Ru) => format!(" (рабочие дни кроме суббот и воскресений, {hours}) после"),
                (Schedule::OfficialWeekdays, Lang::En) => format!(" (working days except Saturdays and Sundays, {hours}) after"),
            });
            p
        }
        Period::SameDate => fixed("same_date", Text::new("в тот же день, что", "the same day as")),
        Period::NextDay => fixed("next_day", Text::new("на следующий календарный день после", "the calendar day after")),
        Period::FirstDayOfNextMonth => fixed("first_day_of_next_month", Text::new("с первого числа месяца, следующего за", "the first day of the month after")),
        Period::EndOfYear => fixed("end_of_year", Text::new("31 декабря того же года, что", "31 December of the same year as")),
        Period::EndOfNextYear => fixed("end_of_next_year", Text::new("31 декабря года, следующего за годом, когда", "31 December of the year after that of")),
        Period::MonthOf => fixed("month_of", Text::new("месяц, на который приходится", "the month of")),
        Period::ByFact(_) => fixed("by_fact", Text::new("по значению факта", "by a fact's value")),
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
                    name: match lang {
                        Lang::Ru => format!("{} (рабочая по переносу, но не день поддержки)", weekday_name(day.weekday(), lang)),
                        Lang::En => format!("{} (worked by transfer, but not a support day)", weekday_name(day.weekday(), lang)),
                    },
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
                name: match lang {
                    Lang::Ru => format!("выходной по переносу (отработка {})", human_date(worked_on)),
                    Lang::En => format!("day off by transfer (worked on {})", human_date(worked_on)),
                },
                source: Some(source),
            }),
        }
        day += Duration::days(1);
    }
    (skipped, worked)
}

const PROVISIONAL: Text = Text::new(
    "Переносы рабочих дней на {years} год ещё не известны Заяве: дата предварительная и может сдвинуться, когда выйдет постановление Совета Министров. Добавьте переносы в разделе «Календарь».",
    "Zayava does not yet hold the transfers of working days for {years}: the date is provisional and may move once the Council of Ministers resolution is out. Add the transfers in Calendar.",
);

const WAITING: Text = Text::new("Срок ещё не определён: ждём {what}.", "Not yet known: waiting for {what}.");

/// Puts an outcome into words.
pub fn explain(service: &ServiceSpec, outcome: &Outcome, cal: &Calendar, lang: Lang) -> Explanation {
    let rule: &Rule = outcome.rule;
    let mut notes: Vec<String> = rule.note.iter().map(|n| n.get(lang).to_string()).collect();
    let mut exp = Explanation {
        rule: rule.id.clone(),
        title: rule.title.get(lang).into(),
        clause: rule.clause.clone(),
        seed: service.seed.clone(),
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
    let clause = match lang {
        Lang::Ru => format!("Пункт {} ({}).", rule.clause, service.seed),
        Lang::En => format!("Clause {} ({}).", rule.clause, service.seed),
    };
    match &outcome.state {
        State::Waiting { given, events, facts } => {
            exp.bases = given.iter().map(|g| base_explained(g, lang)).collect();
            let mut what: Vec<String> = events
                .iter()
                .map(|e| service.events.iter().find(|s| &s.id == e).map(|s| format!("«{}» ({e})", s.label.get(lang))).unwrap_or(e.clone()))
                .collect();
            what.extend(facts.iter().map(|f| match lang {
                Lang::Ru => format!("факт {f}"),
                Lang::En => format!("the fact {f}"),
            }));
            exp.text = format!("{} {} {clause}", exp.title, fill(WAITING.get(lang), &[("what", &what.join(", "))]));
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
                exp.provisional_reason = Some(fill(PROVISIONAL.get(lang), &[("years", &years.join(", "))]));
            }
            if let (Some(from), BaseSource::Event(_)) = (service.in_force_from.or(rule.in_force_from), base.source) {
                if b < from {
                    notes.push(match lang {
                        Lang::Ru => format!("Правило действует с {}; событие произошло раньше.", human_date(from)),
                        Lang::En => format!("The rule is in force from {}; the event is earlier.", human_date(from)),
                    });
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
    let mut s = match lang {
        Lang::Ru => format!("{}: {} {} («{}») → {}.", exp.title, exp.period.text, base_at, base.label, due),
        Lang::En => format!("{}: {} {} (“{}”) → {}.", exp.title, exp.period.text, base_at, base.label, due),
    };
    if let Some(u) = exp.rolled_forward_from {
        s.push_str(&match lang {
            Lang::Ru => format!(" {} — нерабочий день, срок переносится на следующий рабочий день (ст. 192 ГК).", human_date(u)),
            Lang::En => format!(" {} is a day off, so the date moves to the next working day (Civil Code art. 192).", human_date(u)),
        });
    }
    if !exp.skipped.is_empty() {
        let list: Vec<String> = exp.skipped.iter().map(|d| format!("{} {}", short(d.date), d.name)).collect();
        s.push_str(&match lang {
            Lang::Ru => format!(" Не считаются: {}.", list.join(", ")),
            Lang::En => format!(" Not counted: {}.", list.join(", ")),
        });
    }
    if !exp.worked_by_transfer.is_empty() {
        let list: Vec<String> = exp.worked_by_transfer.iter().map(|d| format!("{} ({})", short(d.date), d.source)).collect();
        s.push_str(&match lang {
            Lang::Ru => format!(" Рабочие по переносу: {}.", list.join(", ")),
            Lang::En => format!(" Working days by transfer: {}.", list.join(", ")),
        });
    }
    s
}
