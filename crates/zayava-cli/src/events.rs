//! `zayava events list|record`: what happened to an application (`zayava_app::events`).

use zayava_app::{events, Now};
use zayava_core::deadlines::Due;
use zayava_core::i18n::Lang;
use zayava_core::lifecycle::{NewEvent, Recorder};
use zayava_store::Database;

use crate::applications::resolve;
use crate::table::{headings, print_json, say, say_with, Table};
use crate::Failure;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Lists an application's recorded events, oldest first, and which events may come next.
    List {
        /// The application: З-0042, 42, or its id.
        application: String,
        #[arg(long)]
        json: bool,
    },
    /// Records an event; refused, recording nothing, when it cannot happen then (the message says why).
    Record {
        /// The application: З-0042, 42, or its id.
        application: String,
        /// The event, as `events list` names those that may come next (e.g. application_sent).
        #[arg(long)]
        event: String,
        /// When it happened: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for events counted in hours.
        #[arg(long, value_name = "DATE")]
        at: String,
        /// A note kept with the event.
        #[arg(long, default_value = "")]
        note: String,
        /// Corrects the event with this number (as `events list` shows it) instead of adding one.
        #[arg(long, value_name = "N")]
        corrects: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(command: Command, db: &Database, lang: Lang) -> Result<(), Failure> {
    let now = Now::read();
    match command {
        Command::List { application, json } => {
            let id = resolve(db, &application).await?;
            if json {
                return print_json(&events::list(db, &id).await?);
            }
            let timeline = events::timeline(db, &id, lang, now).await?;
            let mut t = Table::new(&headings(lang, &["cli-col-no", "cli-col-when", "cli-col-event", "cli-col-recorded-by", "cli-col-note"]));
            for e in &timeline.events {
                let by = match &e.author {
                    Some(name) => say_with(lang, "cli-by-colleague", &[("name", name)]),
                    None => say(lang, if e.event.recorded_by == Recorder::Sync { "cli-by-sync" } else { "cli-by-user" }).to_string(),
                };
                let label = if e.corrected { say_with(lang, "cli-corrected", &[("event", &e.label)]) } else { e.label.clone() };
                t.row(vec![e.event.id.to_string(), Due::human_text(&e.event.at), label, by.to_string(), e.event.note.clone()]);
            }
            println!("{}", timeline.state_label);
            if t.is_empty() {
                println!("{}", say(lang, "cli-no-events"));
            } else {
                print!("{}", t.render());
            }
            if !timeline.next_events.is_empty() {
                // In words, with the name `events record --event` takes after each.
                let service = db.application(&id).await?.service;
                let book = zayava_core::rules::Rulebook::shared();
                let next: Vec<String> = timeline.next_events.iter().map(|e| format!("{} ({e})", zayava_core::lifecycle::event_label(book, &service, e, lang))).collect();
                println!("{}", say_with(lang, "cli-next-events", &[("events", &next.join(", "))]));
            }
            Ok(())
        }
        Command::Record { application, event, at, note, corrects, json } => {
            let id = resolve(db, &application).await?;
            let recorded = events::record(db, &id, &NewEvent { event, at, corrects, note }, now).await?;
            if json {
                return print_json(&recorded);
            }
            let timeline = events::timeline(db, &id, lang, now).await?;
            println!("{}", say_with(lang, "cli-event-recorded", &[("id", &recorded.id.to_string()), ("at", &Due::human_text(&recorded.at)), ("state", &timeline.state_label)]));
            Ok(())
        }
    }
}
