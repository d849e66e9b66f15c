//! `zayava`: the command-line face of Zayava. It opens the same database as the desktop app
//! (same default path, same `ZAYAVA_DB` / `--db` override) and calls the same crates.

use std::path::PathBuf;
use std::process::ExitCode;

mod deadlines;
mod forms;
mod pdf;
mod safety;
mod sync;
mod timeline;

use clap::{Parser, Subcommand, ValueEnum};
use zayava_core::date_format::human_date_time;
use zayava_core::i18n::Lang;
use zayava_store::{location, Database};

#[derive(Parser)]
#[command(name = "zayava", version, about = "Zayava: applications, contracts and deadlines for the NCES operator")]
struct Cli {
    /// The database file (default: the app's data directory; env ZAYAVA_DB overrides it too).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// The language of messages and tables.
    #[arg(long, global = true, value_enum, default_value = "ru")]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Shows where the database is and what it holds.
    Info,
    /// Organisation profiles.
    #[command(subcommand)]
    Organisations(OrganisationsCommand),
    /// When things fall due: deadlines and derived dates for a service, with explanations.
    Deadlines(deadlines::DeadlinesArgs),
    /// An application's life: its state and each deadline's round and verdict (met, late,
    /// overdue…), for a stored application or file, or for scripted histories as JSON lines.
    Timeline(timeline::TimelineArgs),
    /// Checks identifiers: JSON lines {"field": "unp"|"iban"|"bic"|"email"|"phone"|"postcode"|"ap_code", "value": "…"}.
    Validate {
        /// The file of JSON lines ('-' for stdin).
        #[arg(long, value_name = "FILE")]
        batch: PathBuf,
    },
    /// Runs the pre-flight check on an application file ({"service", "organisation", "values"}); exits 1 if it finds anything.
    Preflight {
        #[arg(value_name = "APPLICATION.json")]
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Writes every profile and application (with attached files) as one JSON file.
    Export {
        /// The file to write (default: stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Reads an export file; refuses it whole, changing nothing, if anything in it is wrong.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Prints an application, its contract package or its deadline schedule to a PDF.
    Pdf {
        /// A stored application's id, an application file ({"service", "organisation", "values", "events"?}), or `all` (with --kind schedule).
        #[arg(long, value_name = "ID or FILE.json")]
        application: String,
        /// application, package or schedule.
        #[arg(long, default_value = "application")]
        kind: String,
        /// The PDF file to write.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
    },
    /// Sends queued changes to the operator's API and brings back what the operator did.
    Sync(sync::SyncArgs),
    /// Writes a complete copy of the database to FILE (default: zayava-<date>.sqlite3 here).
    Backup {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// List the automatic copies (daily, before a migration or a restore) instead.
        #[arg(long)]
        list: bool,
    },
    /// Replaces the database with a backup, after checking it is a Zayava database, intact and
    /// not from a newer version; the current database is kept among the automatic copies.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ru,
    En,
}

impl From<LangArg> for zayava_core::i18n::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ru => zayava_core::i18n::Lang::Ru,
            LangArg::En => zayava_core::i18n::Lang::En,
        }
    }
}

#[derive(Subcommand)]
enum OrganisationsCommand {
    /// Lists the stored organisation profiles.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// A failure to report on stderr, with the exit code it earns: 2 for bad input, 1 otherwise.
pub struct Failure {
    pub message: String,
    pub exit: u8,
}

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure { message: e.to_string(), exit: 1 }
    }
}

fn path_of(db: Option<PathBuf>) -> Result<PathBuf, Failure> {
    location::database_path(db).ok_or_else(|| Failure { message: "no data directory on this system; pass --db PATH".into(), exit: 2 })
}

async fn open(db: Option<PathBuf>) -> Result<Database, Failure> {
    Ok(Database::open(&path_of(db)?).await?)
}

async fn info(db: &Database) -> Result<(), Failure> {
    println!("database: {}", db.path().display());
    println!("organisations: {}", db.organisations().await?.len());
    println!("language: {}", db.language().await?.code());
    Ok(())
}

async fn list_organisations(db: &Database, json: bool) -> Result<(), Failure> {
    let list = db.organisations().await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        for o in &list {
            let updated = chrono::DateTime::parse_from_rfc3339(&o.updated_at)
                .map(|t| human_date_time(t.with_timezone(&chrono::Local).naive_local()))
                .unwrap_or_else(|_| o.updated_at.clone());
            println!("{:>4}  {:<9}  {}  ({})", o.id, o.unp, o.name, updated);
        }
    }
    Ok(())
}

/// Runs a command on the database, then closes it before the process ends: closing
/// checkpoints the write-ahead log into the file, which an exit with the connections still
/// open leaves to chance.
async fn closing<F>(db: Database, command: F) -> Result<(), Failure>
where
    F: for<'a> FnOnce(&'a Database) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), Failure>> + 'a>>,
{
    let result = command(&db).await;
    db.close().await;
    result
}

async fn run(cli: Cli) -> Result<(), Failure> {
    let lang = cli.lang.into();
    let db = cli.db;
    match cli.command {
        Command::Deadlines(args) => deadlines::run(args, db, lang).await,
        Command::Timeline(args) => timeline::run(args, db, lang).await,
        Command::Validate { batch } => forms::validate(&batch, lang),
        Command::Preflight { file, json } => forms::preflight(&file, json, lang),
        Command::Export { output } => closing(open(db).await?, |d| Box::pin(async move { forms::export(d, output).await })).await,
        Command::Import { file } => closing(open(db).await?, |d| Box::pin(async move { forms::import(d, &file).await })).await,
        Command::Pdf { application, kind, output } => pdf::run(db, &application, &kind, &output, lang).await,
        Command::Info => closing(open(db).await?, |d| Box::pin(info(d))).await,
        Command::Sync(args) => closing(open(db).await?, |d| Box::pin(sync::run(args, d, lang))).await,
        Command::Backup { file, list } => safety::backup(&path_of(db)?, file, list).await,
        Command::Restore { file } => safety::restore(&path_of(db)?, &file).await,
        Command::Organisations(OrganisationsCommand::List { json }) => closing(open(db).await?, |d| Box::pin(list_organisations(d, json))).await,
    }
}

fn main() -> ExitCode {
    // A reader that stops reading (`| head -1`) ends the process as it ends any other tool,
    // rather than turning the next write into an error.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    let lang: Lang = cli.lang.into();
    // No panic reaches a user as a trace or exit code 101: a sentence, and exit 1.
    std::panic::set_hook(Box::new(move |info| {
        let what = info.payload().downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| info.payload().downcast_ref::<String>().cloned()).unwrap_or_default();
        match lang {
            Lang::Ru => eprintln!("zayava: внутренняя ошибка, команда прервана ({what}). Сообщите, пожалуйста, разработчикам."),
            Lang::En => eprintln!("zayava: internal error, the command was stopped ({what}). Please tell the developers."),
        }
        std::process::exit(1);
    }));
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("zayava: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("zayava: {}", f.message);
            ExitCode::from(f.exit)
        }
    }
}
