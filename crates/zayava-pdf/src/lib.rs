//! Zayava's printable documents: the application (one layout per service, from its form
//! schema), the contract package (cover with QR code, application, enclosures, schedule)
//! and the deadline schedule. A4, DejaVu Sans embedded and subset, selectable text;
//! `layout.rs` is the page layout engine, `breaks.rs` where a line may end.
//!
//! Must not: read the database, files or the clock; everything a document shows is passed
//! in (`zayava-app`'s `printing.rs` assembles it), so a document is a function of its data.

mod archive;
mod breaks;
mod documents;
mod fonts;
mod layout;
mod subject;
#[doc(hidden)]
pub mod sample;

pub use archive::producer;
pub use documents::{application, application_schedule, checksum, package, schedule, ApplicationDoc, ScheduleEntry};
pub use subject::{render, schedule_entries, schedule_of_all, Listed, Subject};

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font could not show; they are printed as □ and the user is told.
    pub replaced: Vec<char>,
}

/// What kind of document to make (`PdfKind` in TypeScript: the window names it by type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "PdfKind")]
pub enum Kind {
    Application,
    Package,
    Schedule,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Application, Kind::Package, Kind::Schedule];

    /// The kind's name, as the terminal takes it and a file is named: `package`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Application => "application",
            Kind::Package => "package",
            Kind::Schedule => "schedule",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}
