//! `zayava timeline`: an application's life — its state and every deadline with its round
//! and verdict — for one application (stored or from a file), or for many scripted
//! histories as JSON lines (`--batch -`). The batch shape is a contract (README).

use std::io::{BufRead, Write};
use std::path::PathBuf;

use zayava_core::calendar::Calendar;
use zayava_core::deadlines::batch::ErrorBody;
use zayava_core::deadlines::{Due, WorkingWindow};
use zayava_core::i18n::{Lang, Text};
use zayava_core::lifecycle::batch::{self, Answer};
use zayava_core::lifecycle::Timeline;
use zayava_core::rules::Rulebook;

use zayava_app::subject::{self, Source};
use zayava_app::Now;

use crate::table::pad;
use crate::Failure;

#[derive(clap::Args)]
pub struct TimelineArgs {
    /// A stored application's id, or an application file ({"service", "values", "events": [{"event", "at"}]}).
    #[arg(long, value_name = "ID or FILE.json", required_unless_present = "batch")]
    application: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Read JSON lines {"service", "events": [{"event", "at"}…], "facts", "now"} from this file ('-' for stdin) and answer each with one JSON line.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["application", "json"])]
    batch: Option<PathBuf>,
    /// With --batch: add each deadline's full explanation (how the date was worked out).
    #[arg(long, requires = "batch")]
    explain: bool,
}

const NOT_UTF8: Text = Text::id("cli-timeline-not-utf8");
const BLANK: Text = Text::id("cli-timeline-blank");

pub async fn run(args: TimelineArgs, db: Option<PathBuf>, lang: Lang) -> Result<(), Failure> {
    if let Some(source) = &args.batch {
        let (cal, window) = crate::deadlines::calendar(db).await?;
        return run_batch(source, &cal, window, lang, args.explain);
    }
    let application = args.application.as_deref().unwrap_or_default();
    let source = Source::from_argument(application);
    let db = match source {
        Source::Stored(_) => crate::open_existing(db).await?,
        Source::File(_) => None,
    };
    let loaded = subject::load(db.as_ref(), &source, lang, Now::read()).await;
    if let Some(db) = db {
        db.close().await;
    }
    let loaded = loaded?;
    if args.json {
        println!("{}", serde_json::to_string(&loaded.timeline)?);
    } else {
        print!("{}", table(&loaded.timeline, lang));
    }
    Ok(())
}

fn run_batch(source: &PathBuf, cal: &Calendar, window: WorkingWindow, lang: Lang, explain: bool) -> Result<(), Failure> {
    let book = Rulebook::shared();
    let input: Box<dyn BufRead> = if source.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(source).map_err(|e| Failure::usage(format!("{}: {e}", source.display())))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let error = |code: &'static str, text: Text, line: usize| Answer::Error { error: ErrorBody { code, message: text.fill(lang, &[("line", &line.to_string())]) } };
    for (index, line) in input.split(b'\n').enumerate() {
        let number = index + 1;
        // Every line gets an answer, a blank one too, so answers line up with questions.
        let answer = match String::from_utf8(line?) {
            Ok(text) if text.trim().is_empty() => error("malformed_input", BLANK, number),
            Ok(text) => batch::answer(book, cal, window, text.trim_end_matches('\r'), number, lang, explain),
            Err(_) => error("malformed_input", NOT_UTF8, number),
        };
        serde_json::to_writer(&mut out, &answer)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// The readable table: the state, what voided the contract, then each deadline.
pub fn table(t: &Timeline, lang: Lang) -> String {
    let [h_due, h_status, h_what, h_clause, none] = ["cli-col-due", "cli-col-status", "cli-col-what", "cli-col-clause", "cli-no-deadlines-yet"].map(|id| crate::table::say(lang, id));
    let mut out = format!("{}\n", t.state_label);
    if let Some(v) = &t.void {
        out.push_str(&format!("{}\n", v.message));
    }
    for u in &t.unplaced {
        out.push_str(&format!("! {}: {}\n", u.label, u.reason));
    }
    if t.deadlines.is_empty() {
        out.push_str(none);
        out.push('\n');
        return out;
    }
    out.push_str(&format!("{} {} {} {}\n", pad(h_due, 17), pad(h_status, 24), pad(h_what, 60), h_clause));
    for d in &t.deadlines {
        let due = d.item.due.as_deref().map(Due::human_text).unwrap_or_else(|| "…".into());
        let what = match &d.round_label {
            Some(r) => format!("{} — {r}", d.item.explanation.title),
            None => d.item.explanation.title.clone(),
        };
        out.push_str(&format!("{} {} {} {}\n", pad(&due, 17), pad(d.status.label(lang), 24), pad(&what, 60), d.item.clause));
        if let Some(c) = &d.consequence {
            out.push_str(&format!("    {c}\n"));
        }
    }
    out
}
