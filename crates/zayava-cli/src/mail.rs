//! `zayava mail`: `zayava_app::mail` from a terminal — an application's e-mail to the
//! Operator, or a notice's, written as an unsent `.eml` draft to open in a mail program.

use std::path::PathBuf;

use zayava_app::mail::{self, Letter};
use zayava_app::Now;
use zayava_core::i18n::Lang;
use zayava_store::Database;

use crate::table::say_with;
use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// The application: З-0042, 42, or its id.
    application: String,
    /// A notice instead of the application, by its rule as `zayava applications show --json` lists it (e.g. interaction.incident_notice).
    #[arg(long, value_name = "RULE")]
    notice: Option<String>,
    /// Which of the notice's rounds (each incident or each planned work is one).
    #[arg(long, default_value_t = 1)]
    round: u32,
    /// The .eml file to write.
    #[arg(short, long, value_name = "OUT.eml")]
    output: PathBuf,
}

pub async fn run(args: Args, db: &Database, lang: Lang) -> Result<(), Failure> {
    let id = crate::applications::resolve(db, &args.application).await?;
    let letter = match args.notice {
        Some(rule) => Letter::Notice { rule, round: args.round },
        None => Letter::Application,
    };
    let draft = mail::draft(db, &id, &letter, lang, Now::read()).await?;
    let prepared = mail::write(&draft, &args.output)?;
    eprintln!("{}", say_with(lang, "cli-mail-written", &[("path", &prepared.path), ("to", &prepared.to), ("subject", &prepared.subject)]));
    eprintln!("{}", say_with(lang, "cli-mail-then", &[("application", &args.application), ("event", &prepared.record.event), ("at", &prepared.record.at)]));
    Ok(())
}
