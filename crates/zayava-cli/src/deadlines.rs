//! `zayava deadlines`: the deadline engine from a terminal or a script. One query from
//! flags, or many as JSON lines on stdin (`--batch -`). The JSON shape is a contract.

use std::io::{Read, Write};
use std::path::PathBuf;

use zayava_core::calendar::Calendar;
use zayava_core::deadlines::batch::{self, Answer};
use zayava_core::deadlines::report::{report, Report};
use zayava_core::deadlines::{evaluate, Query, QueryError, WorkingWindow};
use zayava_core::i18n::Lang;
use zayava_core::rules::{Party, Rulebook};
use zayava_store::{location, Database};

use crate::table::{pad, say};
use crate::Failure;

#[derive(clap::Args)]
pub struct DeadlinesArgs {
    /// The service: hosting, interaction, constructor, one-window or kvp.
    #[arg(long)]
    service: Option<String>,
    /// An event and when it happened: NAME=YYYY-MM-DD, or NAME=YYYY-MM-DDTHH:MM for minute and hour rules.
    #[arg(long = "event", value_name = "NAME=DATE")]
    events: Vec<String>,
    /// A fact about the application: software_count=N, org_kind=budget|commercial.
    #[arg(long = "fact", value_name = "NAME=VALUE")]
    facts: Vec<String>,
    /// Only this rule (repeatable).
    #[arg(long = "rule", value_name = "RULE_ID")]
    rules: Vec<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Read JSON lines from this file ('-' for stdin) and answer each with one JSON line.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["service", "events", "facts", "rules"])]
    batch: Option<PathBuf>,
    /// With --batch: add each item's full explanation (how the date was worked out).
    #[arg(long, requires = "batch")]
    explain: bool,
}

fn usage(message: String) -> Failure {
    Failure::usage(message)
}

fn split_pair(flag: &str, raw: &str) -> Result<(String, String), Failure> {
    match raw.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.trim().to_string())),
        _ => Err(usage(format!("--{flag} {raw:?}: expected NAME=VALUE"))),
    }
}

/// The calendar and working window: the user's corrections from the app's database when
/// it exists (a query never creates one), else the embedded calendar.
pub(crate) async fn calendar(db: Option<PathBuf>) -> Result<(std::sync::Arc<Calendar>, WorkingWindow), Failure> {
    match location::database_path(db).filter(|p| p.exists()) {
        Some(path) => {
            let db = Database::open(&path).await?;
            let c = (db.calendar().await?, db.working_window().await?);
            db.close().await;
            Ok(c)
        }
        None => Ok((std::sync::Arc::new(Calendar::embedded()), WorkingWindow::default())),
    }
}

pub async fn run(args: DeadlinesArgs, db: Option<PathBuf>, lang: Lang) -> Result<(), Failure> {
    let book = Rulebook::embedded();
    let (cal, window) = calendar(db).await?;
    if let Some(source) = &args.batch {
        return run_batch(source, &book, &cal, window, lang, args.explain);
    }
    let service = args.service.as_deref().ok_or_else(|| usage("--service is required (or use --batch -)".into()))?;
    let events = args.events.iter().map(|e| split_pair("event", e)).collect::<Result<Vec<_>, _>>()?;
    let facts = args
        .facts
        .iter()
        .map(|f| split_pair("fact", f).map(|(k, v)| (k, serde_json::Value::String(v))))
        .collect::<Result<Vec<_>, _>>()?;
    let rules = (!args.rules.is_empty()).then(|| args.rules.clone());
    let refuse = |e: QueryError| usage(e.message(lang));
    let query = Query::build(&book, service, events, facts, rules).map_err(refuse)?;
    let outcomes = evaluate(&query, &cal, window).map_err(refuse)?;
    let answer = report(&query, &outcomes, &cal, lang);
    if args.json {
        println!("{}", serde_json::to_string(&answer)?);
    } else {
        print!("{}", table(&book, &answer, lang));
    }
    Ok(())
}

/// Reads, answers and writes line by line in constant memory: input read in 256 KB chunks
/// and each line answered where it lies in the chunk, answers gathered and written 256 KB at
/// a time, one row buffer for every line.
fn run_batch(source: &PathBuf, book: &Rulebook, cal: &Calendar, window: WorkingWindow, lang: Lang, explain: bool) -> Result<(), Failure> {
    let mut input: Box<dyn Read> = if source.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(source).map_err(|e| usage(format!("{}: {e}", source.display())))?)
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    const CHUNK: usize = 1 << 18;
    let (mut pending, mut answers) = (Vec::with_capacity(2 * CHUNK), Vec::with_capacity(2 * CHUNK));
    let mut rows = Vec::with_capacity(32);
    let mut number = 0;
    let batch = batch::Batch::new(book);
    let mut answer = |line: Result<&str, ()>, answers: &mut Vec<u8>| {
        number += 1;
        match line {
            // Every line gets an answer, a blank one too, so answers line up with questions.
            Ok(text) if text.trim().is_empty() => error_line(answers, &QueryError::MalformedInput { detail: format!("line {number} is empty") }, lang),
            Ok(text) => batch.write(answers, cal, window, text.trim_end_matches('\r'), lang, explain, &mut rows),
            Err(()) => error_line(answers, &QueryError::MalformedInput { detail: format!("line {number} is not UTF-8") }, lang),
        }
    };
    loop {
        let kept = pending.len();
        pending.resize(kept + CHUNK, 0);
        let read = input.read(&mut pending[kept..]);
        pending.truncate(kept + *read.as_ref().unwrap_or(&0));
        let read = match read {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        // The whole lines read so far, checked as UTF-8 at once (cheaper than line by line);
        // where that fails, line by line, so the bad line is named.
        let whole = memchr::memrchr(b'\n', &pending).map_or(0, |last| last + 1);
        let mut done = 0;
        match std::str::from_utf8(&pending[..whole]) {
            Ok(text) => {
                while let Some(end) = memchr::memchr(b'\n', &text.as_bytes()[done..]) {
                    answer(Ok(&text[done..done + end]), &mut answers);
                    done += end + 1;
                }
            }
            Err(_) => {
                while let Some(end) = memchr::memchr(b'\n', &pending[done..]) {
                    answer(std::str::from_utf8(&pending[done..done + end]).map_err(|_| ()), &mut answers);
                    done += end + 1;
                }
            }
        }
        if read == 0 {
            // The end: a last line without a newline is a line too.
            if done < pending.len() {
                answer(std::str::from_utf8(&pending[done..]).map_err(|_| ()), &mut answers);
            }
            break;
        }
        pending.drain(..done);
        if answers.len() >= CHUNK {
            out.write_all(&answers)?;
            answers.clear();
        }
    }
    out.write_all(&answers)?;
    out.flush()?;
    Ok(())
}

fn error_line(out: &mut Vec<u8>, e: &QueryError, lang: Lang) {
    serde_json::to_writer(&mut *out, &Answer::from_error(e, lang)).expect("writing to memory cannot fail");
    out.push(b'\n');
}

/// The readable table: one line per rule, then its explanation indented below.
pub fn table(book: &Rulebook, r: &Report, lang: Lang) -> String {
    let service = book.service(&r.service).expect("the report's service is in the rulebook");
    let [h_due, h_party, h_rule, h_clause, none, provisional] = ["cli-col-due", "cli-col-party", "cli-col-rule", "cli-col-clause", "cli-no-dates", "cli-provisional"].map(|id| say(lang, id));
    let mut out = format!("{} — {}\n", service.id, service.name.get(lang));
    if r.items.is_empty() {
        out.push_str(none);
        out.push('\n');
        return out;
    }
    out.push_str(&format!("{} {} {} {}\n", pad(h_due, 17), pad(h_party, 12), pad(h_rule, 36), h_clause));
    for item in &r.items {
        let due = match &item.due {
            Some(d) => zayava_core::deadlines::Due::human_text(d),
            None => "…".into(),
        };
        out.push_str(&format!(
            "{} {} {} {}{}\n",
            pad(&due, 17),
            pad(Party::label(item.party, lang), 12),
            pad(&item.explanation.title, 36),
            item.clause,
            if item.provisional { format!(" ({provisional})") } else { String::new() }
        ));
        out.push_str(&format!("    {}\n", item.explanation.text));
    }
    out
}
