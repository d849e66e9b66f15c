//! Every error code Zayava answers with, in one enum: the window matches on these (the type
//! is exported to TypeScript, so a misspelled code does not compile), the terminal prints
//! them, and each crate's error maps onto one of them. A code is `area.what`, stable once
//! published: scripts and the UI depend on it. The sentence a person reads is separate and
//! in their language; the code never is.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal,)*) => {
        /// What went wrong, as a stable code (see the module's note).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $text)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as written on the wire: `area.what`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    /// A defect: a panic caught at the edge. Nothing was changed.
    Internal = "internal",

    StoreDirectory = "store.directory",
    StoreDiskFull = "store.disk_full",
    /// The database file is damaged (the recovery screen).
    StoreDamaged = "store.damaged",
    StoreDatabase = "store.database",
    StoreMigration = "store.migration",
    StoreNotFound = "store.not_found",
    /// One stored row cannot be read, though the file passed its check.
    StoreCorruptRow = "store.corrupt_row",
    StoreTooLarge = "store.too_large",
    StoreFile = "store.file",
    /// The database was written by a newer Zayava.
    StoreNewerVersion = "store.newer_version",
    StoreNotABackup = "store.not_a_backup",
    StoreInUse = "store.in_use",
    /// The system names no folder for the program's data.
    StoreNoDataDir = "store.no_data_dir",
    /// «Start with a new database» asked while the database is fine.
    StoreNotDamaged = "store.not_damaged",

    /// Form values refused field by field (the fields carry the findings).
    ValidationInvalid = "validation.invalid",
    /// A value the call cannot take, named by its field.
    ValidationBadInput = "validation.bad_input",

    CalendarInvalidTransfers = "calendar.invalid_transfers",

    ApplicationUnknownService = "application.unknown_service",
    ApplicationUnknownSchema = "application.unknown_schema",
    /// The pre-flight found grounds for annulment.
    ApplicationNotReady = "application.not_ready",
    /// Sent to the Operator: the form is closed until amended.
    ApplicationSentLocked = "application.sent_locked",
    /// An application file (for printing or a timeline) that is not one: not JSON, or not
    /// `{"service", "organisation"?, "values", "events"?}`.
    ApplicationBadFile = "application.bad_file",

    ImportRefused = "import.refused",

    /// An organisation that applications name cannot be deleted (it can be archived).
    OrganisationHasApplications = "organisation.has_applications",
    /// A new application is made for an organisation: none was chosen.
    ApplicationNoOrganisation = "application.no_organisation",

    LifecycleUnknownEvent = "lifecycle.unknown_event",
    LifecycleImpossible = "lifecycle.impossible",
    LifecycleBeforePrevious = "lifecycle.before_previous",
    LifecycleInFuture = "lifecycle.in_future",
    LifecycleBadDate = "lifecycle.bad_date",
    LifecycleNothingToCorrect = "lifecycle.nothing_to_correct",
    LifecycleCorrectionMismatch = "lifecycle.correction_mismatch",
    LifecyclePrecondition = "lifecycle.precondition",

    DeadlinesUnknownService = "deadlines.unknown_service",
    DeadlinesUnknownEvent = "deadlines.unknown_event",
    DeadlinesUnknownFact = "deadlines.unknown_fact",
    DeadlinesUnknownRule = "deadlines.unknown_rule",
    DeadlinesMalformedDate = "deadlines.malformed_date",
    DeadlinesImpossibleDate = "deadlines.impossible_date",
    DeadlinesNeedsTime = "deadlines.needs_time",
    DeadlinesDuplicateEvent = "deadlines.duplicate_event",
    DeadlinesInvalidFact = "deadlines.invalid_fact",
    DeadlinesDateOutOfRange = "deadlines.date_out_of_range",
    DeadlinesMalformedInput = "deadlines.malformed_input",

    SyncNotConfigured = "sync.not_configured",
    SyncBadUrl = "sync.bad_url",
    /// An address typed without `https://`.
    SyncNoScheme = "sync.no_scheme",
    SyncNotHttps = "sync.not_https",
    SyncNoToken = "sync.no_token",
    SyncUnauthorized = "sync.unauthorized",
    /// The server says this desktop's user may read the account's work but not change it.
    SyncReadOnly = "sync.read_only",
    SyncUnreachable = "sync.unreachable",
    SyncBadResponse = "sync.bad_response",
    SyncNoKeyring = "sync.no_keyring",
    SyncKeyring = "sync.keyring",

    PrintUnknownKind = "print.unknown_kind",
    /// The application's form version is not one this program has.
    PrintUnknownForm = "print.unknown_form",
    /// The schedule of every application was asked for as another kind of document.
    PrintAllIsASchedule = "print.all_is_a_schedule",
    /// The PDF was written but the system would not open it.
    PrintCannotOpen = "print.cannot_open",
    /// The spreadsheet could not be made (nothing was written).
    ExportSpreadsheet = "export.spreadsheet",
    /// The seed names no e-mail address for this letter (an application of a service sent
    /// only by post or СМДО, a notice with no inbox).
    MailNoInbox = "mail.no_inbox",
    /// The draft's attachments weigh more than a mail server takes (nothing was written).
    MailTooLarge = "mail.too_large",
    /// The draft was written but no mail program opened it.
    MailCannotOpen = "mail.cannot_open",

    SettingsInvalidWindow = "settings.invalid_window",
    SettingsInvalidLeads = "settings.invalid_leads",
}

impl ErrorCode {
    /// The part after the area (`unknown_event` of `deadlines.unknown_event`): what the
    /// batch formats print, whose area the format itself names.
    pub fn local(self) -> &'static str {
        let s = self.as_str();
        s.split_once('.').map_or(s, |(_, what)| what)
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// So tests and callers can compare with the published text directly.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_written_once_as_area_dot_what_in_lower_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} is written twice");
            assert!(s == "internal" || s.split_once('.').is_some_and(|(a, w)| !a.is_empty() && !w.is_empty() && !w.contains('.')), "{s}");
            assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'), "{s}");
        }
    }

    #[test]
    fn the_wire_text_is_the_code_as_published() {
        for code in ErrorCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::json!(code.as_str()));
            assert_eq!(serde_json::from_value::<ErrorCode>(serde_json::json!(code.as_str())).unwrap(), *code);
        }
        assert_eq!(ErrorCode::DeadlinesUnknownEvent.local(), "unknown_event");
        assert_eq!(ErrorCode::Internal.local(), "internal");
    }
}
