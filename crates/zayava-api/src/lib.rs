//! The Operator API v1 on the wire, as `docs/operator-api.yaml` describes it. The client
//! (`zayava-sync`) and the reference server (`operator-sandbox`) both speak through these
//! types; the spec test checks real traffic of both against the YAML, so the three cannot
//! drift apart. This crate owns the shapes only: no HTTP, no storage, no decisions.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The path prefix of every v1 endpoint.
pub const API_PREFIX: &str = "/v1";

/// Operator events a server may send; anything else is kept aside as an issue. They are the
/// rulebook's events marked `by_operator` (a test holds the two lists equal).
pub const OPERATOR_EVENTS: &[&str] = &[
    "application_received",
    "remarks_received",
    "draft_contract_received",
    "signed_contract_received",
    "placement_date",
    "maintenance_planned",
    "annulled",
    // What closes the Operator's own deadlines (DOMAIN.md §6.1).
    "software_removed",
    "outage_resolved",
    "failure_fixed",
    "amendments_published",
    "access_restored",
    // The Operator's steps the seeds add (issue 13, item 6): a suspension (001 2.8.1) and
    // the training notice with its plan (002 4.3).
    "access_suspended",
    "training_plan_received",
];

/// What an item of a batch carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Organisation,
    Application,
    Event,
    /// A reminder a desktop showed: the account's other desktops do not show it again.
    Reminder,
}

impl ItemKind {
    pub fn parse(s: &str) -> Option<ItemKind> {
        match s {
            "organisation" => Some(ItemKind::Organisation),
            "application" => Some(ItemKind::Application),
            "event" => Some(ItemKind::Event),
            "reminder" => Some(ItemKind::Reminder),
            _ => None,
        }
    }

    /// The name on the wire (`parse`'s inverse).
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Organisation => "organisation",
            ItemKind::Application => "application",
            ItemKind::Event => "event",
            ItemKind::Reminder => "reminder",
        }
    }
}

/// `POST /v1/batch`: changes in the order they were made, each applied at most once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchRequest {
    pub items: Vec<BatchItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchItem {
    /// Same on every retry of the same change; the server applies a key once.
    pub idempotency_key: String,
    pub kind: ItemKind,
    /// The id the change is about (a UUID; an event's is `<application>:<n>`).
    pub entity: String,
    /// Applications only: the server revision the client last saw (0: never sent).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "whole_number")]
    pub base_revision: Option<i64>,
    /// Applications only: whether the consumer has sent it (a draft is the client's alone).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "present")]
    pub sent: Option<bool>,
    pub payload: Value,
}

/// An optional field that, when given, has a value: absent is None (`serde(default)`), but
/// `null` is refused, as the spec's types allow no null.
/// An optional whole number that, when given, has a value. `2.0` is the same integer as `2`
/// in JSON Schema (the spec's types), so it is taken as 2; `2.5` and `null` are refused.
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    use serde::de::Error;
    let n = serde_json::Number::deserialize(d)?;
    n.as_i64()
        .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18).map(|f| f as i64))
        .map(Some)
        .ok_or_else(|| D::Error::custom(format!("{n} is not a whole number")))
}

fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchResponse {
    pub results: Vec<ItemResult>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Applied now.
    Applied,
    /// This key was applied before; nothing changed.
    Duplicate,
    /// Refused for good; `problem` says why.
    Rejected,
    /// A sent application changed on the server since `base_revision`; `server` holds it.
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    pub idempotency_key: String,
    pub outcome: Outcome,
    /// Applications: the revision the server now holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<ServerApplication>,
}

/// The server's version of an application, sent with a conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerApplication {
    pub id: String,
    pub revision: i64,
    pub form_values: Map<String, Value>,
    /// Who made the server's version: a member's name, or `operator`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    /// When the server took it (UTC, RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<String>,
}

/// RFC 9457 problem details (`application/problem+json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

fn about_blank() -> String {
    "about:blank".into()
}

impl Problem {
    pub fn new(status: u16, title: &str, detail: impl Into<String>) -> Problem {
        Problem { kind: "about:blank".into(), title: title.into(), status, detail: Some(detail.into()) }
    }

    /// One line for the user and the log.
    pub fn sentence(&self) -> String {
        match &self.detail {
            Some(d) if !d.is_empty() => format!("{} ({}): {d}", self.title, self.status),
            _ => format!("{} ({})", self.title, self.status),
        }
    }
}

/// `GET /v1/events?after=<cursor>&limit=<n>`: the account's feed after the cursor: the
/// operator's events and what the account's desktops changed, in one seq order (each list
/// is in seq order; together they are the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventsPage {
    pub events: Vec<OperatorEvent>,
    /// What the account's desktops changed (a server that has none may leave it out).
    #[serde(default)]
    pub changes: Vec<Change>,
    /// Where the next page starts; the client stores it with the events.
    pub next_cursor: i64,
    /// More events wait after `next_cursor`.
    pub more: bool,
}

/// What a desktop's change is about, in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Organisation,
    Application,
    Event,
    Attachment,
    /// A reminder one of the account's desktops showed (the entity is its key).
    Reminder,
    /// A kind a newer server sends that this version does not know: kept, not applied, and
    /// the page is not refused for it.
    #[serde(other)]
    Unknown,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Organisation => "organisation",
            ChangeKind::Application => "application",
            ChangeKind::Event => "event",
            ChangeKind::Attachment => "attachment",
            ChangeKind::Reminder => "reminder",
            ChangeKind::Unknown => "unknown",
        }
    }
}

impl From<ItemKind> for ChangeKind {
    fn from(k: ItemKind) -> ChangeKind {
        match k {
            ItemKind::Organisation => ChangeKind::Organisation,
            ItemKind::Application => ChangeKind::Application,
            ItemKind::Event => ChangeKind::Event,
            ItemKind::Reminder => ChangeKind::Reminder,
        }
    }
}

/// A change a desktop of the account made, as the server applied it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// Position in the account's feed, shared with the operator's events.
    pub seq: i64,
    pub kind: ChangeKind,
    /// The id it is about: an organisation's or application's UUID, an event's
    /// `<application>:<n>`, a file's SHA-256.
    pub entity: String,
    /// Applications: the server's revision after this change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<i64>,
    /// What was applied, as the desktop sent it (a file's: its sha256 and size).
    pub payload: Value,
    /// The member who made it (their name in the account), or `operator`.
    pub by: String,
    /// The desktop it came from, if it said (`Zayava-Device`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// When the server applied it (UTC, RFC 3339).
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OperatorEvent {
    /// Position in the operator's feed; strictly increasing.
    pub seq: i64,
    /// The event's own id (a UUID): a second delivery of it is skipped.
    pub id: String,
    pub application_id: String,
    /// One of [`OPERATOR_EVENTS`]; kept a string so an unknown one can be reported, not fail the page.
    pub event: String,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, Minsk time.
    pub at: String,
    #[serde(default)]
    pub note: String,
    /// Operator-owned fields: registration_number, contract_number, remarks.
    #[serde(default)]
    pub fields: Map<String, Value>,
}

/// `GET /v1/me`: who the token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub account: String,
    pub user: String,
    /// reader, editor or admin.
    pub role: String,
    /// What this server does beyond the first version of the API, e.g. [`FEATURE_REMINDERS`]
    /// (an older server leaves it out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
}

/// A server that takes `reminder` items and passes them to the account's other desktops.
pub const FEATURE_REMINDERS: &str = "reminders";

/// `GET /v1/health`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub api_version: String,
}

/// `GET /v1/calendar/transfers`: versioned data for the working-day calendar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransfersDocument {
    pub version: String,
    pub years: Vec<zayava_core::calendar::YearTransfers>,
}

/// `GET /v1/rulebook`: the deadline rules the operator publishes, versioned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RulebookDocument {
    pub version: String,
    pub rulebook: Value,
}

#[cfg(test)]
mod tests {
    use super::OPERATOR_EVENTS;
    use zayava_core::lifecycle::lifecycle;
    use zayava_core::rules::Rulebook;

    #[test]
    fn the_wire_carries_exactly_the_events_the_rulebook_marks_as_the_operators() {
        let book = Rulebook::embedded();
        let mut marked = std::collections::BTreeSet::new();
        for service in &book.services {
            for e in &service.events {
                let on_wire = OPERATOR_EVENTS.contains(&e.id.as_str());
                assert_eq!(e.by_operator, on_wire, "{}: {} is {}marked by_operator but {}on the wire", service.id, e.id, if e.by_operator { "" } else { "not " }, if on_wire { "" } else { "not " });
                if e.by_operator {
                    marked.insert(e.id.as_str());
                }
            }
        }
        let wire: std::collections::BTreeSet<&str> = OPERATOR_EVENTS.iter().copied().collect();
        assert_eq!(marked, wire);
    }

    #[test]
    fn every_operator_event_is_an_event_some_service_can_record() {
        let book = Rulebook::embedded();
        for event in OPERATOR_EVENTS {
            let services: Vec<&str> = book.services.iter().filter(|s| s.events.iter().any(|e| e.id == *event)).map(|s| s.id.as_str()).collect();
            assert!(!services.is_empty(), "{event} is no service's event");
            for service in services {
                assert!(lifecycle().transitions(service).iter().any(|t| t.event == *event), "{service} cannot record {event}");
            }
        }
    }
}

#[cfg(test)]
mod change_tests {
    use super::{Change, ChangeKind, EventsPage};

    #[test]
    fn a_kind_of_change_this_version_does_not_know_is_kept_and_the_page_is_read() {
        let page: EventsPage = serde_json::from_value(serde_json::json!({
            "events": [], "next_cursor": 2, "more": false,
            "changes": [
                { "seq": 1, "kind": "shared_note", "entity": "n1", "payload": {}, "by": "Алиса", "at": "2026-12-07T10:00:00Z" },
                { "seq": 2, "kind": "event", "entity": "a:d:1", "payload": {}, "by": "Алиса", "at": "2026-12-07T10:00:00Z" }
            ]
        }))
        .expect("the page is read");
        let kinds: Vec<ChangeKind> = page.changes.iter().map(|c: &Change| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::Unknown, ChangeKind::Event]);
    }
}
