//! `zayava pdf`: `zayava_app::printing` from a terminal — a stored application (by number or id), an
//! application file, or `all` (the schedule of every application), written to a file.

use std::path::PathBuf;

use zayava_app::printing::{self, Target};
use zayava_app::subject::Source;
use zayava_app::{AppError, Now};
use zayava_core::i18n::Lang;
use zayava_pdf::Kind;

use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// A stored application (З-0042, 42, or its id), an application file ({"service", "organisation", "values", "events"?}), or `all` (with --kind schedule).
    #[arg(long, value_name = "ID or FILE.json")]
    application: String,
    /// application, package or schedule.
    #[arg(long, default_value = "application")]
    kind: String,
    /// The PDF file to write.
    #[arg(short, long, value_name = "OUT.pdf")]
    output: PathBuf,
}

pub async fn run(args: Args, db: Option<PathBuf>, lang: Lang) -> Result<(), Failure> {
    let kind = Kind::parse(&args.kind).ok_or_else(|| AppError::UnknownPdfKind(args.kind.clone()))?;
    let mut target = Target::from_argument(&args.application);
    let db = match &target {
        Target::One(Source::File(_)) => None,
        _ => crate::open_existing(db).await?,
    };
    // A stored application is named as everywhere else: З-0042, 42, or (the start of) its id.
    if let (Target::One(Source::Stored(text)), Some(db)) = (&target, &db) {
        target = Target::One(Source::Stored(crate::applications::resolve(db, text).await?));
    }
    let document = printing::render(db.as_ref(), &target, kind, lang, Now::read()).await;
    if let Some(db) = db {
        db.close().await; // checkpoints the log before the process ends
    }
    let printed = printing::write(&document?, &args.output)?;
    eprintln!("{}", crate::table::say_with(lang, "cli-pdf-written", &[("path", &printed.path), ("pages", &printed.pages.to_string()), ("bytes", &printed.bytes.to_string())]));
    if !printed.replaced.is_empty() {
        eprintln!("{}", crate::table::say_with(lang, "cli-pdf-replaced", &[("chars", &printed.replaced)]));
    }
    Ok(())
}
