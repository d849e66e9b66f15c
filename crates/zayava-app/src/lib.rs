//! Zayava's use cases: what a user does, one function each, called alike by the window
//! (`src-tauri`, a Tauri command per use case) and the terminal (`zayava-cli`, a subcommand
//! per use case). "Where does printing happen?" — `printing.rs`, for both faces.
//!
//! Owns: assembling what a use case needs from the store and the domain (a PDF's subject,
//! an application as shown, the dashboard, a calendar file), the sync run and its schedule,
//! backup and restore, import and export, the one atomic file write, and putting a failure
//! into words (`error.rs`).
//!
//! Must not: depend on Tauri or clap, open dialogs or viewers, print to a terminal, or read
//! the clock inside a use case — a face reads `Now` once and passes it in, so tests fix the
//! time. Storage stays in `zayava-store`, decisions in `zayava-core`.

pub mod applications;
pub mod calculator;
pub mod calendar;
pub mod ics;
pub mod due;
pub mod error;
pub mod events;
pub mod files;
pub mod mail;
pub mod organisations;
pub mod printing;
pub mod safety;
pub mod subject;
pub mod settings;
pub mod spreadsheet;
pub mod sync;
pub mod transfer;

pub use error::{AppError, Problem};

/// The moment a use case runs at: UTC for what is recorded, the local wall clock for
/// deadlines (which fall on Minsk days). Read once by a face, passed in.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    pub utc: chrono::DateTime<chrono::Utc>,
    pub local: chrono::NaiveDateTime,
}

impl Now {
    /// The system clock, now.
    pub fn read() -> Now {
        Now { utc: chrono::Utc::now(), local: chrono::Local::now().naive_local() }
    }

    /// A fixed moment (tests, scripted runs): local time taken as given, UTC as the same wall time.
    pub fn at(local: chrono::NaiveDateTime) -> Now {
        Now { utc: local.and_utc(), local }
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.local.date()
    }
}
