//! `zayava dates`: the dates billing and contracts follow (a service's activation, the
//! first billed month, a new tariff, a contract's end, a cut-off), of every application,
//! soonest first — as a table, `--json`, or an Excel file.

use zayava_app::spreadsheet::{self, dates};
use zayava_app::Now;
use zayava_core::deadlines::Due;
use zayava_core::i18n::Lang;
use zayava_core::rules::Rulebook;
use zayava_store::Database;

use crate::table::{headings, print_json, say, wrote_xlsx, Table};
use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
    /// Writes the dates to an Excel file instead (real dates, a filter on every column).
    #[arg(long, value_name = "FILE.xlsx")]
    xlsx: Option<std::path::PathBuf>,
}

pub async fn run(args: Args, db: &Database, lang: Lang) -> Result<(), Failure> {
    let now = Now::read();
    if let Some(target) = args.xlsx {
        let sheet = spreadsheet::dates_sheet(db, lang, now).await?;
        return wrote_xlsx(lang, &spreadsheet::write(&sheet, &target)?);
    }
    let list = dates(db, lang, now).await?;
    if args.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("{}", say(lang, "cli-no-dates-yet"));
        return Ok(());
    }
    let mut t = Table::new(&headings(lang, &["cli-col-when", "cli-col-what", "cli-col-number", "cli-col-organisation", "cli-col-service", "cli-col-clause"]));
    for d in &list {
        t.row(vec![Due::human_text(&d.date), d.title.clone(), d.number.clone(), d.organisation.clone().unwrap_or_default(), Rulebook::shared().service_name(&d.service, lang), d.clause.clone()]);
    }
    print!("{}", t.render());
    Ok(())
}
