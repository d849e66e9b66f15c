//! `zayava`: the whole product from a terminal. Each subcommand is an adapter over a use
//! case of `zayava-app` (the window calls the same ones): it reads flags and files, reads
//! the clock, and prints a table in the chosen language or `--json`. It opens the same
//! database as the desktop app (same default path, same `ZAYAVA_DB` / `--db` override).

use std::path::PathBuf;
use std::process::ExitCode;

mod applications;
mod deadlines;
mod due;
mod events;
mod forms;
mod dates;
mod ics;
mod organisations;
mod mail;
mod pdf;
mod safety;
mod sync;
mod table;
mod values;
mod timeline;

use clap::{Parser, Subcommand, ValueEnum};
use zayava_app::{AppError, Problem};
use zayava_core::error_code::ErrorCode;
use zayava_core::i18n::Lang;
use zayava_store::{location, Database};

const ABOUT: &str = "Zayava: applications, contracts and deadlines for the NCES operator, from a terminal.";

const LONG_ABOUT: &str = "Zayava: applications, contracts and deadlines for the NCES operator, from a terminal.

Every command works on the same database as the desktop app, on this computer, offline
(only `sync` talks to the Operator). Close the app before `restore`; the other commands can
run while it is open.

Examples:
  zayava due --days 10                       what falls due in the next ten working days
  zayava due --json > due.json               the same, for a script or a weekly digest
  zayava applications list --stage awaiting_signature
  zayava applications show З-0042            one application, its stage and its dates
  zayava applications ready З-0042            after the pre-flight check finds nothing
  zayava events record З-0042 --event application_sent --at 2026-12-01
  zayava ics -o deadlines.ics                the deadlines, with reminders, for Outlook or any calendar
  zayava pdf --application З-0042 --kind package -o package.pdf
  zayava backup                              a copy of the database in this folder

Exit codes: 0 done; 1 something failed (the message says what; nothing was half-done);
2 the input was refused (a flag, a file, a value): fix it and run again.";

#[derive(Parser)]
#[command(name = "zayava", version, about = ABOUT, long_about = LONG_ABOUT)]
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
    /// Organisation profiles: list, show, add.
    #[command(subcommand)]
    Organisations(organisations::Command),
    /// Applications: list (with filters), show, new, ready, archive.
    #[command(subcommand)]
    Applications(applications::Command),
    /// What happened to an application: list its events, record one.
    #[command(subcommand)]
    Events(events::Command),
    /// What is due: every open deadline up to N working days ahead (overdue ones always).
    Due(due::Args),
    /// Writes the deadlines (of one application, or all) as an iCalendar file: open ones with reminders at your lead times, met ones marked «Выполнено».
    Ics(ics::Args),
    /// The dates billing and contracts follow (activation, first billed month, a new tariff, a contract's end, a cut-off), of every application.
    Dates(dates::Args),
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
    /// Writes every profile and application (with their events and attached files) as one JSON file.
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
    Pdf(pdf::Args),
    /// Drafts the e-mail to the Operator's inbox that the procedure names (an application with its PDF, or a notice) as an .eml to open in your mail program.
    Mail(mail::Args),
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
    Be,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ru => Lang::Ru,
            LangArg::Be => Lang::Be,
            LangArg::En => Lang::En,
        }
    }
}

/// A failure to report on stderr, with the exit code it earns: 2 for input to fix, 1 otherwise.
pub enum Failure {
    /// Said by the terminal itself: a flag or a file it cannot take.
    Said { message: String, exit: u8 },
    /// A use case's failure, put into words in the chosen language when reported.
    App(AppError),
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Said { message: message.into(), exit: 2 }
    }

    pub fn failed(message: impl Into<String>) -> Failure {
        Failure::Said { message: message.into(), exit: 1 }
    }
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Failure {
        Failure::App(e)
    }
}

impl From<zayava_store::StoreError> for Failure {
    fn from(e: zayava_store::StoreError) -> Failure {
        Failure::App(AppError::Store(e))
    }
}

impl From<zayava_sync::SyncError> for Failure {
    fn from(e: zayava_sync::SyncError) -> Failure {
        Failure::App(AppError::Sync(e))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::failed(e.to_string())
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::failed(e.to_string())
    }
}

/// Codes that mean "the input was refused: fix it and run again" (exit 2).
fn is_input_to_fix(code: ErrorCode) -> bool {
    let area = code.as_str().split('.').next().unwrap_or_default();
    matches!(area, "validation" | "lifecycle" | "deadlines" | "calendar" | "application" | "organisation" | "import" | "print" | "settings")
        || matches!(
            code,
            ErrorCode::StoreNotFound
                | ErrorCode::StoreNotABackup
                | ErrorCode::StoreNewerVersion
                | ErrorCode::StoreDamaged
                | ErrorCode::StoreInUse
                | ErrorCode::StoreTooLarge
                | ErrorCode::StoreNoDataDir
                | ErrorCode::SyncNotConfigured
                | ErrorCode::SyncBadUrl
                | ErrorCode::SyncNoScheme
                | ErrorCode::SyncNotHttps
                | ErrorCode::SyncNoToken
        )
}

/// What is printed on stderr, and the exit code.
fn report(failure: Failure, lang: Lang) -> (String, u8) {
    match failure {
        Failure::Said { message, exit } => (message, exit),
        Failure::App(e) => {
            let problem = Problem::render(&e, lang);
            let mut text = format!("{} [{}]", problem.message, problem.code);
            for f in &problem.fields {
                text.push_str(&format!("\n  {}: {}", f.field, f.message));
            }
            (text, if is_input_to_fix(problem.code) { 2 } else { 1 })
        }
    }
}

fn path_of(db: Option<PathBuf>) -> Result<PathBuf, Failure> {
    location::database_path(db).ok_or(Failure::App(AppError::NoDataDir))
}

async fn open(db: Option<PathBuf>) -> Result<Database, Failure> {
    Ok(Database::open(&path_of(db)?).await?)
}

/// The database when it exists; a command that only reads never creates one.
pub async fn open_existing(db: Option<PathBuf>) -> Result<Option<Database>, Failure> {
    match location::database_path(db).filter(|p| p.exists()) {
        Some(path) => Ok(Some(Database::open(&path).await?)),
        None => Ok(None),
    }
}

async fn info(db: &Database, lang: Lang) -> Result<(), Failure> {
    let [h_db, h_orgs, h_apps, h_lang] = ["cli-info-database", "cli-info-organisations", "cli-info-applications", "cli-info-language"].map(|id| table::say(lang, id));
    println!("{h_db}: {}", db.path().display());
    println!("{h_orgs}: {}", db.organisation_count().await?);
    println!("{h_apps}: {}", db.applications(&Default::default()).await?.len());
    println!("{h_lang}: {}", db.language().await?.code());
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
        Command::Pdf(args) => pdf::run(args, db, lang).await,
        Command::Export { output } => closing(open(db).await?, |d| Box::pin(forms::export(d, output))).await,
        Command::Import { file } => closing(open(db).await?, |d| Box::pin(async move { forms::import(d, &file, lang).await })).await,
        Command::Info => closing(open(db).await?, |d| Box::pin(info(d, lang))).await,
        Command::Organisations(c) => closing(open(db).await?, |d| Box::pin(organisations::run(c, d, lang))).await,
        Command::Applications(c) => closing(open(db).await?, |d| Box::pin(applications::run(c, d, lang))).await,
        Command::Events(c) => closing(open(db).await?, |d| Box::pin(events::run(c, d, lang))).await,
        Command::Due(args) => closing(open(db).await?, |d| Box::pin(due::run(args, d, lang))).await,
        Command::Ics(args) => closing(open(db).await?, |d| Box::pin(ics::run(args, d, lang))).await,
        Command::Dates(args) => closing(open(db).await?, |d| Box::pin(dates::run(args, d, lang))).await,
        Command::Mail(args) => closing(open(db).await?, |d| Box::pin(mail::run(args, d, lang))).await,
        Command::Sync(args) => closing(open(db).await?, |d| Box::pin(sync::run(args, d, lang))).await,
        Command::Backup { file, list } => safety::backup(&path_of(db)?, file, list).await,
        Command::Restore { file } => safety::restore(&path_of(db)?, &file, lang).await,
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
        eprintln!("zayava: {}", table::say_with(lang, "cli-internal", &[("what", &what)]));
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
            let (message, exit) = report(f, lang);
            eprintln!("zayava: {message}");
            ExitCode::from(exit)
        }
    }
}
