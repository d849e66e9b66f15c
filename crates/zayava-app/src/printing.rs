//! Printing: an application, its contract package, or the deadline schedule (of one
//! application, or of every one) as a PDF — what both «Печать» in the window and
//! `zayava pdf` do. Where the document goes (a viewer, a file the user chose) is the face's.

use std::path::Path;

use zayava_core::i18n::{Lang, Text};
use zayava_pdf::{Kind, Listed, Pdf};
use zayava_store::Database;

use crate::subject::{self, Source};
use crate::{files, AppError, Now};

/// What to print.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// The schedule of every application, each line naming its application.
    All,
    One(Source),
}

impl Target {
    /// What a user typed: `all`, a stored application's id, or an application file.
    pub fn from_argument(text: &str) -> Target {
        if text == "all" { Target::All } else { Target::One(Source::from_argument(text)) }
    }
}

/// A rendered document and the file name to propose for it.
pub struct Document {
    pub pdf: Pdf,
    /// In the user's language, naming the application and the document:
    /// «Заявка З-0042 — пакет документов.pdf».
    pub file_name: String,
}

const FILE_NAME: Text = Text::id("app-printing-file-name");
const FILE_NAME_UNNUMBERED: Text = Text::id("app-printing-file-name-unnumbered");
const FILE_NAME_ALL: Text = Text::id("app-printing-file-name-all");

fn kind_words(kind: Kind) -> Text {
    match kind {
        Kind::Application => Text::id("app-printing-kind-application"),
        Kind::Package => Text::id("app-printing-kind-package"),
        Kind::Schedule => Text::id("app-printing-kind-schedule"),
    }
}

/// A name every file system takes: no separators, reserved characters or control
/// characters, whatever the number holds.
pub(crate) fn file_safe(name: String) -> String {
    name.chars().map(|c| if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c }).collect()
}

/// What was written, for the face to report.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct PrintedPdf {
    pub path: String,
    pub pages: u32,
    pub bytes: u32,
    /// Characters the font cannot show, printed as □ (empty when all is well).
    pub replaced: String,
}

/// Renders `kind` for `target` (a few milliseconds even for a long package: see the
/// README's benchmark).
pub async fn render(db: Option<&Database>, target: &Target, kind: Kind, lang: Lang, now: Now) -> Result<Document, AppError> {
    match target {
        Target::All => {
            if kind != Kind::Schedule {
                return Err(AppError::AllIsASchedule);
            }
            let db = db.ok_or_else(|| AppError::Store(zayava_store::StoreError::NotFound { entity: "database", id: String::new() }))?;
            let all = db.timelines(&Default::default(), now.local, lang).await?;
            let listed: Vec<Listed> = all.iter().map(|(s, t)| Listed { organisation: s.organisation_name.as_deref(), service: &s.service, timeline: t }).collect();
            Ok(Document { pdf: zayava_pdf::schedule_of_all(&listed, now.local, lang), file_name: FILE_NAME_ALL.get(lang).to_string() })
        }
        Target::One(source) => {
            let loaded = subject::load(db, source, lang, now).await?;
            let pdf = zayava_pdf::render(kind, &loaded.subject(), lang);
            let what = kind_words(kind).get(lang).to_string();
            let file_name = match &loaded.number {
                Some(number) => FILE_NAME.fill(lang, &[("number", number), ("kind", &what)]),
                None => FILE_NAME_UNNUMBERED.fill(lang, &[("kind", &what)]),
            };
            Ok(Document { pdf, file_name: file_safe(file_name) })
        }
    }
}

/// Writes a rendered document to `target`, whole or not at all.
pub fn write(document: &Document, target: &Path) -> Result<PrintedPdf, AppError> {
    files::write_atomically(target, &document.pdf.bytes)?;
    let pdf = &document.pdf;
    Ok(PrintedPdf { path: target.display().to_string(), pages: pdf.pages as u32, bytes: pdf.bytes.len() as u32, replaced: pdf.replaced.iter().collect() })
}
