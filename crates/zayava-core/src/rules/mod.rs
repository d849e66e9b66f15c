//! The rulebook: every deadline and derived date of DOMAIN.md §3 as data — who acts, from
//! which event, over which period, under which clause of which seed. `rulebook.json` is the
//! embedded version; a newer one can arrive by sync. Adding a rule is a row there, not code.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::Schedule;
pub use crate::i18n::Words;
use crate::i18n::{Lang, Text};


/// Who must act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Consumer,
    Operator,
    Both,
}

impl Party {
    /// Who acts, in words; `None` (a derived date) is a dash.
    pub fn label(party: Option<Party>, lang: Lang) -> &'static str {
        match party {
            Some(Party::Consumer) => Text::id("core-party-consumer").get(lang),
            Some(Party::Operator) => Text::id("core-party-operator").get(lang),
            Some(Party::Both) => Text::id("core-party-both").get(lang),
            None => "—",
        }
    }
}

/// A deadline (an action is due) or a derived date (nothing to do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    Deadline,
    Date,
}

/// Whether an event is recorded as a day or as a local time (for minute and hour rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Date,
    Time,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventSpec {
    pub id: String,
    pub kind: EventKind,
    pub label: Words,
    /// A planned moment (works planned for a date, a contract's end): it may be recorded
    /// ahead of time (DOMAIN.md §6.5). Every other event is refused in the future.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// The Operator's own step: it comes by sync (the wire's `OPERATOR_EVENTS` are exactly
    /// these, a test in `zayava-api` holds them equal), and a user records it by hand only
    /// when working offline or when the Operator's message came another way.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_operator: bool,
}

/// The values a fact may take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    PositiveInteger,
    /// One of these values, each with the words a person reads for it.
    OneOf(Vec<FactOption>),
}

/// A value a fact may take, and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FactOption {
    pub value: String,
    pub label: Words,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FactSpec {
    pub id: String,
    #[serde(rename = "type")]
    pub fact_type: FactType,
    pub label: Words,
}

/// A condition on a fact: the base applies only when `fact` equals `equals`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FactCondition {
    pub fact: String,
    pub equals: String,
}

/// What a rule counts from: an event, or another rule's result (e.g. the first billed
/// month counts from the service date). With several bases, the latest one counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Base {
    Event {
        event: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<FactCondition>,
    },
    Rule {
        rule: String,
    },
}

/// A working-hours period: `hours` inside the support window on days of `schedule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingHours {
    pub hours: u32,
    pub schedule: Schedule,
}

/// One band of a fact-dependent period: `from..=to` (no `to`: and above).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Band {
    pub from: u64,
    #[serde(default)]
    pub to: Option<u64>,
    pub period: Period,
    #[serde(default)]
    pub note: Option<Words>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ByFact {
    pub fact: String,
    pub bands: Vec<Band>,
}

/// How a rule's date follows from its base (DOMAIN.md §1). Each kind is implemented once,
/// in `deadlines::period`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// The N-th working day after the base.
    WorkingDays(u32),
    /// The N-th working day counted back from the day before the base.
    WorkingDaysBefore(u32),
    /// Base + N days, moved to the next working day if it falls on a day off.
    CalendarDays(u32),
    /// Base − N days, never moved.
    CalendarDaysBefore(u32),
    /// The same day N months later (or that month's last day), moved like calendar days.
    CalendarMonths(u32),
    Minutes(u32),
    Hours(u32),
    WorkingHours(WorkingHours),
    SameDate,
    NextDay,
    FirstDayOfNextMonth,
    /// 31 December of the base's year (a contract concluded for the calendar year).
    EndOfYear,
    /// 31 December of the year after the base's (a contract re-concluded for the next year).
    EndOfNextYear,
    /// The month the base falls in (`YYYY-MM`).
    MonthOf,
    /// A period chosen by a fact's value.
    ByFact(ByFact),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rule {
    pub id: String,
    pub party: Option<Party>,
    pub kind: RuleKind,
    pub from: Vec<Base>,
    pub period: Period,
    pub clause: String,
    pub title: Words,
    #[serde(default)]
    pub note: Option<Words>,
    /// When the rule took effect, if later than its service's procedure.
    #[serde(default)]
    pub in_force_from: Option<NaiveDate>,
    /// The events that fulfil a deadline (e.g. the draft contract arriving fulfils the
    /// Operator's review): recorded on or before the due date, the deadline is met. Every
    /// deadline names at least one (DOMAIN.md §6.1); a completion counts only for the round
    /// whose base it follows (§6.2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub met_by: Vec<String>,
    /// Events that show the deadline was fulfilled without saying when (a constructor trail
    /// recorded before the Operator's receipt was asked for): the verdict is then unknown,
    /// never guessed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implied_by: Vec<String>,
    /// The state an application falls into when this deadline is missed — passed with
    /// nothing done, or done late (a missed signing window leaves the contract not
    /// concluded, DOMAIN.md §6.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_miss: Option<String>,
    /// What a miss means, in words, with what to do now (shown once the deadline is
    /// overdue or met late).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miss_note: Option<Words>,
    /// The date a contract's term ends (listed under «Договоры, которые заканчиваются»).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub term_end: bool,
    /// Renewing the contract: reminded at the longer contract-term lead times.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub renewal: bool,
    /// A notice to draft when this deadline arises (the interaction log of seed 001).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeTemplate>,
}

/// The text of a notice, with `{organisation}`, `{event_date}`, `{due}`, `{note}` and
/// `{contact}` filled in when it is drafted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticeTemplate {
    /// Where it goes; empty where the seed names no address (a claim's answer goes to the
    /// other party by the contract's details, not to ds@nces.by, which 001 gives only for
    /// works and incidents).
    pub to: String,
    /// The e-mail's subject, with the same placeholders as the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Words>,
    /// The letter, in every language.
    #[serde(flatten)]
    pub text: Words,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ServiceSpec {
    pub id: String,
    pub name: Words,
    /// The procedure document the rules come from (a file in shared/seeds), for audits.
    pub seed: String,
    /// That document's title, as explanations name it to a person.
    pub source: Words,
    /// When the procedure took effect; `None` where it runs from acceptance.
    pub in_force_from: Option<NaiveDate>,
    pub events: Vec<EventSpec>,
    pub rules: Vec<Rule>,
}

/// What the deadline calculator asks for one service: its events and the facts its rules read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ServiceInputs {
    pub id: String,
    pub name: Words,
    pub seed: String,
    pub events: Vec<EventSpec>,
    pub facts: Vec<FactSpec>,
}

/// A whole rulebook version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rulebook {
    pub version: String,
    pub facts: Vec<FactSpec>,
    pub services: Vec<ServiceSpec>,
}

/// A rulebook that does not hang together. Found when one is loaded, never while counting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulebookError {
    #[error("the rulebook is not valid JSON of the expected shape: {0}")]
    Malformed(String),
    #[error("rule {rule}: unknown event {event}")]
    UnknownEvent { rule: String, event: String },
    #[error("rule {rule}: unknown fact {fact}")]
    UnknownFact { rule: String, fact: String },
    #[error("rule {rule}: its base rule {base} is not an earlier rule of the same service")]
    BadBaseRule { rule: String, base: String },
    #[error("rule {rule}: the period does not fit the base ({reason})")]
    PeriodMismatch { rule: String, reason: &'static str },
    #[error("rule id {0} appears twice")]
    DuplicateRule(String),
    #[error("rule {0} does not start with its service's id")]
    MisplacedRule(String),
}

/// The text of the rulebook shipped with this version (the operator sandbox serves it).
pub const EMBEDDED_RULEBOOK_JSON: &str = include_str!("rulebook.json");

impl Rulebook {
    /// The rulebook shipped with this version of Zayava.
    pub fn embedded() -> Rulebook {
        Rulebook::from_json(EMBEDDED_RULEBOOK_JSON).expect("the embedded rulebook is valid")
    }

    /// The embedded rulebook, parsed once.
    pub fn shared() -> &'static Rulebook {
        static BOOK: std::sync::OnceLock<Rulebook> = std::sync::OnceLock::new();
        BOOK.get_or_init(Rulebook::embedded)
    }

    /// Reads and checks a rulebook.
    pub fn from_json(text: &str) -> Result<Rulebook, RulebookError> {
        let book: Rulebook = serde_json::from_str(text).map_err(|e| RulebookError::Malformed(e.to_string()))?;
        book.check()?;
        Ok(book)
    }

    pub fn service(&self, id: &str) -> Option<&ServiceSpec> {
        self.services.iter().find(|s| s.id == id)
    }

    /// A service's name in words («Подключение к ПК «Одно окно»»), or its id if unknown.
    pub fn service_name(&self, id: &str, lang: Lang) -> String {
        self.service(id).map(|s| s.name.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    }

    pub fn fact(&self, id: &str) -> Option<&FactSpec> {
        self.facts.iter().find(|f| f.id == id)
    }

    /// Every service's inputs, in rulebook order.
    pub fn inputs(&self) -> Vec<ServiceInputs> {
        self.services
            .iter()
            .map(|s| ServiceInputs {
                id: s.id.clone(),
                name: s.name.clone(),
                seed: s.seed.clone(),
                events: s.events.clone(),
                facts: self.facts_of(s).into_iter().cloned().collect(),
            })
            .collect()
    }

    /// The facts a service's rules read (for a form that asks only for those).
    pub fn facts_of(&self, service: &ServiceSpec) -> Vec<&FactSpec> {
        let mut used: Vec<&str> = Vec::new();
        for rule in &service.rules {
            for base in &rule.from {
                if let Base::Event { when: Some(c), .. } = base {
                    used.push(&c.fact);
                }
            }
            if let Period::ByFact(by) = &rule.period {
                used.push(&by.fact);
            }
        }
        self.facts.iter().filter(|f| used.contains(&f.id.as_str())).collect()
    }

    /// The rule with this id, with its service.
    pub fn rule(&self, id: &str) -> Option<(&ServiceSpec, &Rule)> {
        self.services.iter().find_map(|s| s.rules.iter().find(|r| r.id == id).map(|r| (s, r)))
    }

    fn check(&self) -> Result<(), RulebookError> {
        let mut seen = HashMap::new();
        for service in &self.services {
            for (index, rule) in service.rules.iter().enumerate() {
                if seen.insert(rule.id.clone(), ()).is_some() {
                    return Err(RulebookError::DuplicateRule(rule.id.clone()));
                }
                if !rule.id.starts_with(&format!("{}.", service.id)) {
                    return Err(RulebookError::MisplacedRule(rule.id.clone()));
                }
                let mut timed = None;
                for base in &rule.from {
                    let base_timed = match base {
                        Base::Event { event, when } => {
                            let spec = service.events.iter().find(|e| &e.id == event).ok_or_else(|| {
                                RulebookError::UnknownEvent { rule: rule.id.clone(), event: event.clone() }
                            })?;
                            if let Some(c) = when {
                                self.fact(&c.fact).ok_or_else(|| RulebookError::UnknownFact { rule: rule.id.clone(), fact: c.fact.clone() })?;
                            }
                            spec.kind == EventKind::Time
                        }
                        Base::Rule { rule: base } => {
                            let earlier = service.rules[..index].iter().find(|r| &r.id == base).ok_or_else(|| {
                                RulebookError::BadBaseRule { rule: rule.id.clone(), base: base.clone() }
                            })?;
                            matches!(earlier.period, Period::Minutes(_) | Period::Hours(_) | Period::WorkingHours(_))
                        }
                    };
                    if timed.is_some_and(|t| t != base_timed) {
                        return Err(RulebookError::PeriodMismatch { rule: rule.id.clone(), reason: "mixes dated and timed bases" });
                    }
                    timed = Some(base_timed);
                }
                if rule.kind == RuleKind::Deadline && rule.met_by.is_empty() {
                    return Err(RulebookError::PeriodMismatch { rule: rule.id.clone(), reason: "a deadline names no event that fulfils it" });
                }
                for event in rule.met_by.iter().chain(&rule.implied_by) {
                    if !service.events.iter().any(|e| &e.id == event) {
                        return Err(RulebookError::UnknownEvent { rule: rule.id.clone(), event: event.clone() });
                    }
                }
                if rule.from.is_empty() {
                    return Err(RulebookError::PeriodMismatch { rule: rule.id.clone(), reason: "no base" });
                }
                self.check_period(rule, &rule.period, timed == Some(true))?;
            }
        }
        Ok(())
    }

    fn check_period(&self, rule: &Rule, period: &Period, timed: bool) -> Result<(), RulebookError> {
        let mismatch = |reason| Err(RulebookError::PeriodMismatch { rule: rule.id.clone(), reason });
        match period {
            Period::Minutes(_) | Period::Hours(_) | Period::WorkingHours(_) if !timed => mismatch("a clock period needs a timed event"),
            Period::Minutes(_) | Period::Hours(_) | Period::WorkingHours(_) => Ok(()),
            _ if timed => mismatch("a day period needs a dated event"),
            Period::WorkingDays(0) | Period::WorkingDaysBefore(0) => mismatch("zero working days"),
            Period::ByFact(by) => {
                match self.fact(&by.fact) {
                    Some(FactSpec { fact_type: FactType::PositiveInteger, .. }) => {}
                    Some(_) => return mismatch("bands need a numeric fact"),
                    None => return Err(RulebookError::UnknownFact { rule: rule.id.clone(), fact: by.fact.clone() }),
                }
                if by.bands.is_empty() {
                    return mismatch("no bands");
                }
                for band in &by.bands {
                    if matches!(band.period, Period::ByFact(_)) {
                        return mismatch("nested bands");
                    }
                    self.check_period(rule, &band.period, timed)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_rulebook_holds_every_rule_of_domain_section_3() {
        let book = Rulebook::embedded();
        let ids: Vec<&str> = book.services.iter().flat_map(|s| s.rules.iter().map(|r| r.id.as_str())).collect();
        for id in [
            "hosting.operator_review", "hosting.remarks_fix", "hosting.sign_contract", "hosting.placement", "hosting.activation",
            "hosting.removal_after_termination", "hosting.removal_after_expiry", "hosting.maintenance_notice",
            "interaction.maintenance_notice", "interaction.maintenance_done_notice", "interaction.incident_notice",
            "interaction.incident_resolved_notice", "interaction.claim_answer", "interaction.access_restore",
            "constructor.draft_contract", "constructor.sign_contract", "constructor.access_setup", "constructor.activation",
            "constructor.git_access", "constructor.help_answer", "constructor.help_clarify", "constructor.help_request",
            "one-window.draft_contract", "one-window.sign_contract", "one-window.connection", "one-window.service_date",
            "one-window.first_billed_month", "one-window.tariff_effective", "one-window.access_cutoff",
            "one-window.restoration_window", "one-window.restoration_payment", "one-window.failure_recovery",
            "one-window.emergency_notice", "one-window.maintenance_notice",
            "kvp.draft_contract", "kvp.sign_contract", "kvp.activation_deadline", "kvp.activation", "kvp.first_billed_month",
            "kvp.failure_recovery", "kvp.maintenance_notice",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
        let services: Vec<&str> = book.services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(services, ["hosting", "interaction", "constructor", "one-window", "kvp"]);
    }

    #[test]
    fn each_service_asks_only_for_the_facts_its_rules_read() {
        let book = Rulebook::embedded();
        let facts = |s: &str| book.facts_of(book.service(s).unwrap()).iter().map(|f| f.id.clone()).collect::<Vec<_>>();
        assert_eq!(facts("hosting"), ["software_count"]);
        assert_eq!(facts("one-window"), ["org_kind"]);
        assert!(facts("kvp").is_empty());
    }

    #[test]
    fn every_rule_names_its_clause_and_both_languages() {
        for s in Rulebook::embedded().services {
            assert!(s.seed.ends_with(".txt"));
            for r in s.rules {
                assert!(!r.clause.is_empty(), "{}", r.id);
                assert!(!r.title.ru.is_empty() && !r.title.en.is_empty(), "{}", r.id);
                assert_eq!(r.party.is_none(), r.kind == RuleKind::Date, "{}: only dates have no party", r.id);
            }
        }
    }

    fn book_with_rule(rule: &str) -> String {
        format!(
            r#"{{"version":"t","facts":[{{"id":"org_kind","type":{{"one_of":[{{"value":"a","label":{{"ru":"а","be":"а","en":"a"}}}}]}},"label":{{"ru":"","be":"","en":""}}}}],
            "services":[{{"id":"s","name":{{"ru":"","be":"","en":""}},"seed":"x.txt","source":{{"ru":"","be":"","en":""}},"in_force_from":null,
            "events":[{{"id":"e","kind":"date","label":{{"ru":"","be":"","en":""}}}},{{"id":"t","kind":"time","label":{{"ru":"","be":"","en":""}}}}],
            "rules":[{rule}]}}]}}"#
        )
    }

    #[test]
    fn an_inconsistent_rulebook_is_refused_with_the_rule_named() {
        let rule = |from: &str, period: &str| {
            book_with_rule(&format!(
                r#"{{"id":"s.r","party":"consumer","kind":"deadline","from":{from},"period":{period},"clause":"1","title":{{"ru":"","be":"","en":""}},"met_by":["e"]}}"#
            ))
        };
        assert!(Rulebook::from_json(&rule(r#"[{"event":"e"}]"#, r#"{"working_days":3}"#)).is_ok());
        assert_eq!(
            Rulebook::from_json(&rule(r#"[{"event":"nope"}]"#, r#"{"working_days":3}"#)),
            Err(RulebookError::UnknownEvent { rule: "s.r".into(), event: "nope".into() })
        );
        assert!(matches!(Rulebook::from_json(&rule(r#"[{"event":"e"}]"#, r#"{"hours":3}"#)), Err(RulebookError::PeriodMismatch { .. })));
        assert!(matches!(Rulebook::from_json(&rule(r#"[{"event":"t"}]"#, r#"{"working_days":3}"#)), Err(RulebookError::PeriodMismatch { .. })));
        assert!(matches!(Rulebook::from_json(&rule(r#"[{"rule":"s.r"}]"#, r#""month_of""#)), Err(RulebookError::BadBaseRule { .. })));
        assert!(matches!(
            Rulebook::from_json(&rule(r#"[{"event":"e"}]"#, r#"{"by_fact":{"fact":"org_kind","bands":[]}}"#)),
            Err(RulebookError::PeriodMismatch { .. })
        ));
        assert!(matches!(Rulebook::from_json("{"), Err(RulebookError::Malformed(_))));
        // A deadline must name what fulfils it (DOMAIN.md §6.1), and only known events.
        let unfulfillable = rule(r#"[{"event":"e"}]"#, r#"{"working_days":3}"#).replace(r#","met_by":["e"]"#, "");
        assert!(matches!(Rulebook::from_json(&unfulfillable), Err(RulebookError::PeriodMismatch { .. })));
        let unknown_completion = rule(r#"[{"event":"e"}]"#, r#"{"working_days":3}"#).replace(r#""met_by":["e"]"#, r#""met_by":["nope"]"#);
        assert_eq!(Rulebook::from_json(&unknown_completion), Err(RulebookError::UnknownEvent { rule: "s.r".into(), event: "nope".into() }));
    }
}
