//! `zayava due`: the dashboard from a terminal — every open deadline up to N working days
//! ahead (overdue ones always), soonest first, for a person or a weekly digest script.

use zayava_app::{due, Now};
use zayava_core::deadlines::Due;
use zayava_core::i18n::Lang;
use zayava_core::rules::{Party, Rulebook};
use zayava_store::lifecycle::DashboardQuery;
use zayava_store::Database;

use crate::table::{headings, print_json, say_with, Table};
use crate::Failure;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PartyArg {
    /// Deadlines the organisation must meet.
    Consumer,
    /// Deadlines the Operator must meet.
    Operator,
}

#[derive(clap::Args)]
pub struct Args {
    /// How many working days ahead (0: today and what is overdue).
    #[arg(long, default_value_t = 10)]
    days: u32,
    /// Only the deadlines of this party.
    #[arg(long, value_enum)]
    party: Option<PartyArg>,
    /// At most this many lines.
    #[arg(long, default_value_t = 500)]
    limit: u32,
    #[arg(long)]
    json: bool,
    /// Writes the lines to an Excel file instead (real dates, a filter on every column).
    #[arg(long, value_name = "FILE.xlsx")]
    xlsx: Option<std::path::PathBuf>,
}

pub async fn run(args: Args, db: &Database, lang: Lang) -> Result<(), Failure> {
    let party = args.party.map(|p| match p {
        PartyArg::Consumer => Party::Consumer,
        PartyArg::Operator => Party::Operator,
    });
    let query = DashboardQuery { working_days: args.days, party, limit: args.limit };
    if let Some(target) = args.xlsx {
        let sheet = zayava_app::spreadsheet::due_sheet(db, &query, lang, Now::read()).await?;
        return crate::table::wrote_xlsx(lang, &zayava_app::spreadsheet::write(&sheet, &target)?);
    }
    let list = due::dashboard(db, &query, lang, Now::read()).await?;
    if args.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("{}", say_with(lang, "cli-nothing-due", &[("n", &args.days.to_string())]));
        return Ok(());
    }
    let mut t = Table::new(&headings(lang, &["cli-col-due", "cli-col-status", "cli-col-what", "cli-col-who", "cli-col-organisation", "cli-col-service", "cli-col-clause", "cli-col-application"]));
    for e in &list {
        let what = match &e.round_label {
            Some(r) => format!("{} — {r}", e.title),
            None => e.title.clone(),
        };
        let service = Rulebook::shared().service_name(&e.service, lang);
        t.row(vec![
            Due::human_text(&e.due),
            e.status.label(lang).to_string(),
            what,
            Party::label(e.party, lang).to_string(),
            e.organisation_name.clone().unwrap_or_default(),
            service,
            e.clause.clone(),
            e.number.clone(),
        ]);
    }
    print!("{}", t.render());
    Ok(())
}
