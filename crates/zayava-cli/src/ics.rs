//! `zayava ics`: the open deadlines as an iCalendar file (`zayava_app::ics`) — for Outlook
//! or any calendar; each deadline an all-day or timed event in Europe/Minsk.

use std::path::PathBuf;

use zayava_app::{ics, Now};
use zayava_core::i18n::Lang;
use zayava_store::Database;

use crate::applications::resolve;
use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// Only this application (З-0042, 42, or its id); default: every application.
    #[arg(long)]
    application: Option<String>,
    /// The file to write (default: stdout).
    #[arg(short, long, value_name = "FILE.ics")]
    output: Option<PathBuf>,
}

pub async fn run(args: Args, db: &Database, lang: Lang) -> Result<(), Failure> {
    let id = match &args.application {
        Some(a) => Some(resolve(db, a).await?),
        None => None,
    };
    match &args.output {
        Some(path) => {
            let done = ics::export(db, id.as_deref(), path, lang, Now::read()).await?;
            eprintln!("{}", zayava_core::i18n::Text::id("cli-ics-written").fill(lang, &[("path", &done.path), ("n", &done.events.to_string())]));
        }
        None => print!("{}", ics::build(db, id.as_deref(), lang, Now::read()).await?.text),
    }
    Ok(())
}
