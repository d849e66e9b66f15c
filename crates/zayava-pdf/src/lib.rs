//! Zayava's printable documents: the application (one layout per service, from its form
//! schema), the contract package (cover with QR code, application, enclosures, schedule)
//! and the deadline schedule. A4, DejaVu Sans embedded and subset, selectable text.

mod documents;
mod fonts;
mod layout;
mod subject;
#[doc(hidden)]
pub mod sample;

pub use documents::{application, checksum, package, schedule, ApplicationDoc, ScheduleEntry};
pub use subject::{render, schedule_entries, schedule_of_all, Listed, Subject};

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters the font could not show; they are printed as □ and the user is told.
    pub replaced: Vec<char>,
}

/// What kind of document to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Application,
    Package,
    Schedule,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "application" => Some(Kind::Application),
            "package" => Some(Kind::Package),
            "schedule" => Some(Kind::Schedule),
            _ => None,
        }
    }
}
