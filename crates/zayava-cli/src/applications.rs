//! `zayava applications list|show|new|archive`: applications (`zayava_app::applications`).
//! An application is named by its number (`З-0042`, or just `42`), its id, or the start of
//! its id.

use std::path::PathBuf;

use zayava_app::{applications, events, Now};
use zayava_core::forms;
use zayava_core::i18n::Lang;
use zayava_core::rules::Rulebook;
use zayava_store::applications::ApplicationFilter;
use zayava_store::Database;

use crate::table::{headings, print_json, say, say_with, Table};
use crate::{values, Failure};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Lists applications (not archived ones, unless --archived), newest change first.
    List {
        /// Only this service: hosting, interaction, constructor, one-window or kvp.
        #[arg(long)]
        service: Option<String>,
        /// Only this organisation (its number, as `organisations list` shows it).
        #[arg(long, value_name = "ID")]
        organisation: Option<i64>,
        /// Only this stage: draft, ready, sent, awaiting_signature, signed, active, not_concluded…
        #[arg(long)]
        stage: Option<String>,
        /// Words to find in the application or its organisation's name.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// The archived applications instead.
        #[arg(long)]
        archived: bool,
        #[arg(long)]
        json: bool,
        /// Writes the list to an Excel file instead (real dates, a filter on every column).
        #[arg(long, value_name = "FILE.xlsx")]
        xlsx: Option<std::path::PathBuf>,
    },
    /// Shows one application: its stage, what is wrong with the form, its values and its dates.
    Show {
        /// The application: З-0042, 42, or its id.
        application: String,
        #[arg(long)]
        json: bool,
    },
    /// Creates a draft, with values from --from and --set (what is wrong so far is shown).
    New {
        /// The service: hosting, interaction, constructor, one-window or kvp.
        #[arg(long)]
        service: String,
        /// The applying organisation's number.
        #[arg(long, value_name = "ID")]
        organisation: Option<i64>,
        /// A JSON object of the form's fields.
        #[arg(long, value_name = "FILE.json")]
        from: Option<PathBuf>,
        /// One field: FIELD=VALUE (repeatable; over --from).
        #[arg(long = "set", value_name = "FIELD=VALUE")]
        sets: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Marks a draft ready to send; refused while the pre-flight check finds grounds for annulment (each is listed).
    Ready {
        /// The application: З-0042, 42, or its id.
        application: String,
    },
    /// Gives the application's letters an outgoing number: the one given with --number, or the next of its organisation's count; dated --date (dd.mm.yyyy) or today. Printed on the covering letter and the application.
    Outgoing {
        application: String,
        /// The number as your office registers it («01-12/345»); leave out for the next one.
        #[arg(long, value_name = "TEXT")]
        number: Option<String>,
        #[arg(long, value_name = "DD.MM.YYYY")]
        date: Option<String>,
    },
    /// Moves an application to the archive (or back, with --undo). Nothing is deleted.
    Archive {
        application: String,
        #[arg(long)]
        undo: bool,
    },
}

/// The id of the application a user named: a number (`З-0042`, `42`), an id, or the
/// unique start of one; archived ones included.
pub async fn resolve(db: &Database, text: &str) -> Result<String, Failure> {
    let text = text.trim();
    let digits = text.trim_start_matches(['З', 'з', 'Z', 'z']).trim_start_matches('-');
    let mut all = db.applications(&ApplicationFilter::default()).await?;
    all.extend(db.applications(&ApplicationFilter { archived: true, ..Default::default() }).await?);
    if let Ok(n) = digits.parse::<i64>() {
        let number = zayava_store::applications::number_text(n);
        if let Some(a) = all.iter().find(|a| a.number == number) {
            return Ok(a.id.clone());
        }
    }
    let matching: Vec<&str> = all.iter().map(|a| a.id.as_str()).filter(|id| !text.is_empty() && id.starts_with(text)).collect();
    match matching.as_slice() {
        [one] => Ok(one.to_string()),
        [] => Err(Failure::App(zayava_app::AppError::Store(zayava_store::StoreError::NotFound { entity: "application", id: text.to_string() }))),
        _ => Err(Failure::usage(format!("{text}: {} applications start so; give more of the id, or the number", matching.len()))),
    }
}

fn service_name(service: &str, lang: Lang) -> String {
    Rulebook::shared().service_name(service, lang)
}

pub async fn run(command: Command, db: &Database, lang: Lang) -> Result<(), Failure> {
    let now = Now::read();
    match command {
        Command::List { service, organisation, stage, search, archived, json, xlsx } => {
            let filter = ApplicationFilter { organisation_id: organisation, service, status: None, stage, text: search, archived };
            if let Some(target) = xlsx {
                let sheet = zayava_app::spreadsheet::applications_sheet(db, &filter, lang, now).await?;
                return crate::table::wrote_xlsx(lang, &zayava_app::spreadsheet::write(&sheet, &target)?);
            }
            let list = applications::list(db, &filter, now).await?;
            if json {
                return print_json(&list);
            }
            let mut t = Table::new(&headings(lang, &["cli-col-number", "cli-col-service", "cli-col-organisation", "cli-col-stage", "cli-col-id"]));
            for a in &list {
                t.row(vec![a.number.clone(), service_name(&a.service, lang), a.organisation_name.clone().unwrap_or_default(), a.stage_label.clone(), a.id.clone()]);
            }
            if t.is_empty() {
                println!("{}", say(lang, "cli-no-applications"));
            } else {
                print!("{}", t.render());
            }
            Ok(())
        }
        Command::Show { application, json } => {
            let id = resolve(db, &application).await?;
            let view = applications::show(db, &id, lang, now).await?;
            let timeline = events::timeline(db, &id, lang, now).await?;
            if json {
                return print_json(&serde_json::json!({ "application": view, "timeline": timeline }));
            }
            let a = &view.application;
            println!("{} · {} · {}", view.number, service_name(&a.service, lang), view.stage_label);
            if let Some(o) = a.organisation_id {
                if let Ok(org) = db.organisation(o).await {
                    println!("{}", org.name);
                }
            }
            println!("{}", a.id);
            if !view.issues.is_empty() {
                println!();
                println!("{}", say(lang, "cli-to-fix"));
                for i in &view.issues {
                    println!("  {}: {}", i.field, i.message);
                }
            }
            if let Some(schema) = forms::by_version(&a.schema_version) {
                println!();
                print!("{}", values::table(schema, &a.values, lang).render());
            }
            println!();
            print!("{}", crate::timeline::table(&timeline, lang));
            Ok(())
        }
        Command::New { service, organisation, from, sets, json } => {
            let schema = forms::current_application(&service).ok_or_else(|| zayava_app::AppError::Store(zayava_store::StoreError::UnknownService(service.clone())))?;
            let values = values::gather(schema, from.as_deref(), &sets)?;
            let mut view = applications::create(db, &service, organisation, lang, now).await?;
            if values.as_object().is_some_and(|v| !v.is_empty()) {
                view = applications::save(db, &view.application.id, organisation, &values, lang, now).await?;
            }
            if json {
                return print_json(&view);
            }
            println!("{}", say_with(lang, "cli-draft-created", &[("number", &view.number), ("service", &service_name(&service, lang)), ("id", &view.application.id)]));
            for i in &view.issues {
                println!("  {}: {}", i.field, i.message);
            }
            Ok(())
        }
        Command::Ready { application } => {
            let id = resolve(db, &application).await?;
            let view = applications::mark_ready(db, &id, lang, now).await?;
            println!("{}", say_with(lang, "cli-ready", &[("number", &view.number)]));
            Ok(())
        }
        Command::Outgoing { application, number, date } => {
            let id = resolve(db, &application).await?;
            let date = applications::outgoing_date(date.as_deref())?;
            let view = applications::set_outgoing(db, &id, number.as_deref(), date, lang, now).await?;
            let outgoing = view.application.outgoing.as_ref().expect("just given");
            println!("{}", say_with(lang, "cli-outgoing", &[("number", &view.number), ("outgoing", &outgoing.number), ("date", &zayava_core::date_format::human_date(outgoing.date))]));
            Ok(())
        }
        Command::Archive { application, undo } => {
            let id = resolve(db, &application).await?;
            let view = applications::archive(db, &id, !undo, lang, now).await?;
            println!("{}", say_with(lang, if undo { "cli-unarchived" } else { "cli-archived" }, &[("number", &view.number)]));
            Ok(())
        }
    }
}
