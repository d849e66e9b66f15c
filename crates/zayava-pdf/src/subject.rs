//! One call for every front end: an application's data and timeline in, the chosen
//! document out. The CLI and the window load the data; this decides what goes on paper.

use serde_json::Value;
use zayava_core::forms::FormSchema;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::Timeline;
use zayava_core::rules::Party;

use crate::{application, application_schedule, package, schedule, ApplicationDoc, Kind, Pdf, ScheduleEntry};

/// An application as the documents need it.
pub struct Subject<'a> {
    pub id: &'a str,
    /// The short number («З-0042»), for a stored application.
    pub number: Option<&'a str>,
    /// The Operator's numbers, as sync or the user gave them.
    pub operator_numbers: Vec<(zayava_core::operator_number::OperatorNumber, String)>,
    pub schema: &'a FormSchema,
    pub values: &'a Value,
    pub organisation: Option<&'a Value>,
    pub timeline: &'a Timeline,
    /// The letters' outgoing number and date (dd.mm.yyyy), once given.
    pub outgoing: Option<(String, String)>,
    /// When it is printed, in Minsk time.
    pub created: chrono::NaiveDateTime,
}

/// The timeline's deadlines as schedule lines.
pub fn schedule_entries(t: &Timeline, lang: Lang) -> Vec<ScheduleEntry> {
    t.deadlines
        .iter()
        .map(|d| ScheduleEntry {
            application: String::new(),
            due: d.item.due.as_deref().map(zayava_core::deadlines::Due::human_text).unwrap_or_else(|| "…".into()),
            // Rounds are printed as such: «Устранить замечания — 2-й круг».
            title: match &d.round_label {
                Some(round) => format!("{} — {round}", d.item.explanation.title),
                None => d.item.explanation.title.clone(),
            },
            party: Party::label(d.item.party, lang).to_string(),
            clause: d.item.clause.clone(),
            state: d.status.label(lang).to_string(),
        })
        .collect()
}

/// Renders `kind` for the subject.
pub fn render(kind: Kind, s: &Subject, lang: Lang) -> Pdf {
    let doc = ApplicationDoc { id: s.id, number: s.number, operator_numbers: s.operator_numbers.clone(), schema: s.schema, values: s.values, organisation: s.organisation, outgoing: s.outgoing.clone(), created: s.created };
    let attachments: Vec<String> = s
        .schema
        .fields
        .iter()
        .filter_map(|f| s.values.get(&f.id).and_then(|v| v.get("name")).and_then(Value::as_str).map(|n| format!("{}: {n}", f.label.get(lang))))
        .collect();
    match kind {
        Kind::Application => application(&doc, lang),
        Kind::Package => package(&doc, &schedule_entries(s.timeline, lang), &attachments, lang),
        Kind::Schedule => application_schedule(&doc, &schedule_entries(s.timeline, lang), lang),
    }
}

/// One application in the schedule of all of them: its organisation's name (if any), its
/// service, its timeline.
pub struct Listed<'a> {
    pub organisation: Option<&'a str>,
    pub service: &'a str,
    pub timeline: &'a Timeline,
}

/// The deadline schedule of every application, each line naming its application as
/// «organisation — service».
pub fn schedule_of_all(applications: &[Listed], created: chrono::NaiveDateTime, lang: Lang) -> Pdf {
    let mut entries = Vec::new();
    for a in applications {
        let service = zayava_core::forms::current(a.service).map(|s| s.title.get(lang).to_string()).unwrap_or_else(|| a.service.to_string());
        let label = format!("{} — {service}", a.organisation.unwrap_or("—"));
        for mut e in schedule_entries(a.timeline, lang) {
            e.application = label.clone();
            entries.push(e);
        }
    }
    let title = zayava_core::i18n::Text::id("pdf-schedule-of-all").get(lang);
    schedule(title, &entries, true, created, lang)
}
