//! `zayava validate`, `zayava preflight`, `zayava export`, `zayava import`: the form
//! checks and the data exchange from a terminal.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;
use zayava_core::forms::{self, preflight};
use zayava_core::i18n::Lang;
use zayava_core::validation::batch;
use zayava_app::{transfer, Now};
use zayava_store::Database;

use crate::table::{say, say_with};
use crate::Failure;

fn usage(message: String) -> Failure {
    Failure::usage(message)
}

fn read_input(source: &Path, limit: usize) -> Result<String, Failure> {
    let mut text = String::new();
    let reader: Box<dyn Read> = if source.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(source).map_err(|e| usage(format!("{}: {e}", source.display())))?)
    };
    reader.take(limit as u64 + 1).read_to_string(&mut text).map_err(|e| usage(format!("{}: {e}", source.display())))?;
    if text.len() > limit {
        return Err(usage(format!("{}: larger than {limit} bytes", source.display())));
    }
    Ok(text)
}

/// `validate --batch FILE`: one verdict line per input line.
pub fn validate(source: &Path, lang: Lang) -> Result<(), Failure> {
    let input: Box<dyn BufRead> = if source.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(source).map_err(|e| usage(format!("{}: {e}", source.display())))?))
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in input.split(b'\n') {
        let bytes = line?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_end_matches('\r');
        // A blank line is answered too (as not valid), so answers line up with questions.
        serde_json::to_writer(&mut out, &batch::verdict(text, lang))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// An application file for `preflight`: the service (or the exact form version), the
/// organisation's profile, and the application's values.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApplicationFile {
    service: String,
    #[serde(default)]
    schema_version: Option<String>,
    #[serde(default)]
    organisation: Option<Value>,
    values: Value,
}

/// `preflight FILE`: prints the findings; exits 1 when there are any, 0 when clean.
pub fn preflight(source: &Path, json: bool, lang: Lang) -> Result<(), Failure> {
    let text = read_input(source, 16 * 1024 * 1024)?;
    let file: ApplicationFile = serde_json::from_str(&text).map_err(|e| usage(format!("{}: {e}", source.display())))?;
    let schema = match &file.schema_version {
        Some(v) => forms::by_version(v).ok_or_else(|| usage(format!("unknown form version {v}")))?,
        None => forms::current_application(&file.service).ok_or_else(|| usage(format!("unknown service {}", file.service)))?,
    };
    if schema.id != file.service {
        return Err(usage(format!("form version {} is not for service {}", schema.version, file.service)));
    }
    let result = preflight::check(schema, &file.values, file.organisation.as_ref(), Now::read().today(), lang);
    if json {
        println!("{}", serde_json::to_string_pretty(&result)?);
    } else if result.clean {
        println!("{}", say(lang, "cli-preflight-clean"));
    } else {
        for f in &result.findings {
            let field = f.field.as_deref().unwrap_or("—");
            let clause = say_with(lang, "core-preflight-clause", &[("clause", &f.clause)]);
            println!("[{clause}] {field}: {}", f.message);
        }
    }
    if result.clean { Ok(()) } else { Err(Failure::failed(format!("{} finding(s)", result.findings.len()))) }
}

pub async fn export(db: &Database, output: Option<PathBuf>) -> Result<(), Failure> {
    match output {
        Some(path) => {
            let done = transfer::export(db, &path, Now::read()).await?;
            eprintln!("exported {} organisation(s), {} application(s) to {}", done.organisations, done.applications, path.display());
        }
        None => println!("{}", transfer::export_text(db, Now::read()).await?.0),
    }
    Ok(())
}

pub async fn import(db: &Database, source: &Path, lang: Lang) -> Result<(), Failure> {
    let mut input: Box<dyn Read> = if source.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(source).map_err(|e| usage(format!("{}: {e}", source.display())))?)
    };
    let s = transfer::import(db, &mut input, Now::read()).await?;
    let n = |v: usize| v.to_string();
    println!("{}", say_with(lang, "cli-imported", &[("orgs_added", &n(s.organisations_added)), ("orgs_here", &n(s.organisations_matched)), ("apps_added", &n(s.applications_added)), ("apps_here", &n(s.applications_skipped)), ("files", &n(s.attachments_added))]));
    Ok(())
}
