//! Forms as versioned data: the organisation profile and one application form per service
//! (`schemas/*.json`, DOMAIN.md §4). The Rust validator and the UI both render from these
//! schemas; each stored application records the schema version it was made under.

mod check;
pub mod preflight;
mod prefill;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::Words;

pub use check::{normalise, validate};
pub use prefill::refill;

/// The value types a field can hold. Identifier types are checked by
/// `validation::identifiers` under the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    Text,
    Multiline,
    Email,
    Phone,
    Postcode,
    Unp,
    Iban,
    Bic,
    ApCode,
    /// `YYYY-MM-DD`.
    Date,
    Integer,
    Choice,
    /// A yes/no answer.
    Flag,
    /// A condition the seed requires before the application goes out: a checkbox the
    /// pre-flight check wants ticked.
    Prerequisite,
    /// A statement only the user can make (no debts to the Operator).
    Confirm,
    /// A file kept in the app's data directory, by content hash.
    Attachment,
    /// A repeating list of items, each with `fields`.
    List,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Choice {
    pub value: String,
    pub label: Words,
    /// When the field supplies a fact: the fact's value this choice gives (a state body
    /// and a budget-funded organisation both give `org_kind` = `budget`).
    #[serde(default)]
    #[ts(optional)]
    pub fact_value: Option<String>,
}

/// What a field is to the rest of the program, whatever its id in one form: the store keeps
/// a profile's address and e-mail in columns, notices name the body and the contact, lists
/// name an organisation. Declared in the schema, so no code knows a form's field ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FieldRole {
    /// The name people use (a short name, or the body's name in an application).
    Name,
    /// The full official name.
    FullName,
    Unp,
    /// The legal address.
    Address,
    Email,
    /// Who to talk to.
    Contact,
    /// The contact's phone, as a letter names who prepared it.
    Phone,
    /// Where letters to the organisation go: the postcode and the rest.
    PostalPostcode,
    PostalAddress,
    /// Who signs: the head's position, name and authority («Устава»), for signature blocks.
    HeadPosition,
    HeadName,
    HeadBasis,
}

/// A field applies only when a sibling field has this value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct When {
    pub field: String,
    #[ts(type = "unknown")]
    pub equals: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Field {
    pub id: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    pub label: Words,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    #[ts(optional)]
    pub hint: Option<Words>,
    /// The seed clause this field answers.
    #[serde(default)]
    #[ts(optional)]
    pub clause: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub max_len: Option<usize>,
    #[serde(default)]
    #[ts(optional)]
    pub min: Option<i64>,
    #[serde(default)]
    #[ts(optional)]
    pub max: Option<i64>,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// For lists: the fields of each item.
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    #[ts(optional)]
    pub min_items: Option<usize>,
    #[serde(default)]
    #[ts(optional)]
    pub max_items: Option<usize>,
    /// For an integer: the list whose number of items it must equal (the tariff's user
    /// count and the users listed).
    #[serde(default)]
    #[ts(optional)]
    pub count_of: Option<String>,
    /// For lists: what one item is called ("пользователь").
    #[serde(default)]
    #[ts(optional)]
    pub item_label: Option<Words>,
    #[serde(default)]
    #[ts(optional)]
    pub when: Option<When>,
    /// The deadline engine's fact this field supplies (e.g. `software_count`); a choice's
    /// options may map onto the fact's values (`fact_value`).
    #[serde(default)]
    #[ts(optional)]
    pub fact: Option<String>,
    /// What the field is to the rest of the program (see `FieldRole`).
    #[serde(default)]
    #[ts(optional)]
    pub role: Option<FieldRole>,
    /// A date of a document that already exists (a letter, a conclusion): it cannot be
    /// later than today.
    #[serde(default)]
    pub past: bool,
    /// Filled from the application's organisation: its fields of these roles, joined by
    /// commas (the consumer's full name; a contact and phone). See `refill`.
    #[serde(default)]
    pub from_organisation: Vec<FieldRole>,
}

impl Field {
    /// The fact's value this field's value gives: a choice through its option's
    /// `fact_value`, anything else as it is. `None` when the field supplies no fact.
    pub fn fact_value(&self, value: &serde_json::Value) -> Option<(String, serde_json::Value)> {
        let fact = self.fact.clone()?;
        let mapped = value.as_str().and_then(|v| self.options.iter().find(|c| c.value == v)).and_then(|c| c.fact_value.clone());
        Some((fact, mapped.map(serde_json::Value::String).unwrap_or_else(|| value.clone())))
    }

    /// Whether the field applies, given the values beside it (its `when` condition).
    pub fn applies(&self, siblings: &serde_json::Value) -> bool {
        match siblings.as_object() {
            Some(map) => check::applies(self, map),
            None => self.when.is_none(),
        }
    }
}

/// What a pre-flight ground looks for. Each kind is implemented once, in `preflight`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum GroundCheck {
    /// Any empty required or malformed field, in the application or its organisation.
    InvalidFields,
    /// Any prerequisite not ticked.
    UnmetPrerequisites,
    /// Any required attachment not attached.
    MissingAttachments,
    /// Every item of `list` must have `field` ticked.
    AllTrue { list: String, field: String },
    /// The user must confirm this field.
    Confirmed(String),
    /// When flag `when` is set, one of `any_of` must be set too (the constructor's access
    /// only with the users' training, now or before: 002 4.2).
    OneOf { when: String, any_of: Vec<String> },
}

/// An annulment ground of the seed, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Ground {
    pub id: String,
    pub clause: String,
    pub text: Words,
    pub check: GroundCheck,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FormSchema {
    /// `organisation` or a service id.
    pub id: String,
    /// E.g. `one-window@2025-03-04.2`: the form, the procedure version it follows, and
    /// Zayava's own edition of it after `.` (a change of the form adds a version).
    pub version: String,
    /// Set on an older version, kept so that applications stored under it still validate,
    /// check and print; new applications take the newer one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub superseded_by: Option<String>,
    /// What the form is for: the organisation profile, or an application for a service.
    pub kind: FormKind,
    pub title: Words,
    pub fields: Vec<Field>,
    #[serde(default)]
    pub preflight: Vec<Ground>,
}

impl FormSchema {
    /// The trimmed text of the field playing `role` ("" when the form has none or it is blank).
    pub fn text_of<'a>(&self, role: FieldRole, values: &'a serde_json::Value) -> &'a str {
        self.fields
            .iter()
            .find(|f| f.role == Some(role))
            .and_then(|f| values.get(&f.id))
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .unwrap_or("")
    }
}

/// What a form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FormKind {
    /// The organisation profile (one per organisation, reused by its applications).
    Organisation,
    /// An application for one of the Operator's services; its id is the service's.
    Application,
}

/// The current form of each id first, then every older version still in use (issue 13,
/// item 8: the corrections of the audit made these versions).
const EMBEDDED: [&str; 9] = [
    include_str!("schemas/organisation.json"),
    include_str!("schemas/hosting.json"),
    include_str!("schemas/constructor.json"),
    include_str!("schemas/one-window.json"),
    include_str!("schemas/kvp.json"),
    include_str!("schemas/interaction.json"),
    include_str!("schemas/superseded/hosting@2025-01-01.json"),
    include_str!("schemas/superseded/one-window@2025-03-04.json"),
    include_str!("schemas/superseded/kvp@2025-10-28.json"),
];

/// Every form schema this version of Zayava knows, older versions included.
pub fn schemas() -> &'static [FormSchema] {
    static ALL: std::sync::OnceLock<Vec<FormSchema>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| EMBEDDED.iter().map(|text| serde_json::from_str(text).expect("embedded form schemas are valid")).collect())
}

/// The current schema for a form id.
pub fn current(id: &str) -> Option<&'static FormSchema> {
    schemas().iter().find(|s| s.id == id && s.superseded_by.is_none())
}

/// The current application form of a service (`None` for an unknown service, and for the
/// organisation profile, which is no service).
pub fn current_application(service: &str) -> Option<&'static FormSchema> {
    current(service).filter(|s| s.kind == FormKind::Application)
}

/// The schema of an exact version, e.g. from a stored or imported application.
pub fn by_version(version: &str) -> Option<&'static FormSchema> {
    schemas().iter().find(|s| s.version == version)
}

/// The organisation profile's schema.
pub fn organisation() -> &'static FormSchema {
    current("organisation").expect("the organisation schema is embedded")
}
