//! The TypeScript types of everything that crosses IPC, generated from the Rust types into
//! `ui/src/bindings.ts`. A test fails when the checked-in file is stale; regenerate it with
//! `ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-desktop bindings`.

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use crate::commands::settings::AppInfo;
    use zayava_app::Problem;
    use zayava_core::calendar::view::{DayClass, DayView, MonthView};
    use zayava_core::calendar::{Transfer, TransferOrigin, YearTransfers};
    use zayava_core::deadlines::explain::{BaseExplained, Explanation, PeriodExplained, SkipReason, SkippedDay, WorkedDay};
    use zayava_core::deadlines::report::{Item, Report};
    use zayava_core::i18n::Lang;
    use zayava_core::rules::{EventKind, EventSpec, FactOption, FactSpec, FactType, Party, RuleKind, ServiceInputs, Words};
    use zayava_app::applications::ApplicationView;
    use zayava_app::ics::IcsExport;
    use zayava_app::printing::PrintedPdf;
    use zayava_core::lifecycle::{DeadlineStatus, NewEvent, Notice, RecordedEvent, Recorder, Timeline, TimelineDeadline, TimelineEvent, Unplaced, Void, CalculatedVerdict};
    use zayava_store::lifecycle::{DashboardQuery, DueEntry};
    use zayava_core::forms::preflight::{Finding, Preflight};
    use zayava_core::forms::{Choice, Field, FieldRole, FieldType, FormKind, FormSchema, Ground, GroundCheck, When};
    use zayava_core::organisation::Organisation;
    use zayava_store::applications::{Application, ApplicationFilter, ApplicationStatus, ApplicationSummary};
    use zayava_store::attachments::AttachmentRef;
    use zayava_core::validation::{FieldError, IssueCode};
    use zayava_core::error_code::ErrorCode;
    use zayava_app::sync::{RunStatus, SyncOverview};
    use zayava_app::safety::StagedRestore;
    use zayava_app::calculator::Calculation;
    use zayava_pdf::Kind as PdfKind;
    use zayava_store::safety::Backup;
    use zayava_store::sync::{OutboxCounts, Resolution, SyncConflict, SyncIssue, SyncState};
    use zayava_sync::{SyncProgress, SyncReport};

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings.ts");

    fn declaration<T: TS>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
    }

    fn typescript() -> String {
        // IDs are i64 in Rust but travel as JSON numbers, so they are `number` in TypeScript.
        let cfg = Config::new().with_large_int("number");
        let parts = [
            declaration::<Lang>(&cfg),
            declaration::<IssueCode>(&cfg),
            declaration::<ErrorCode>(&cfg),
            declaration::<FieldError>(&cfg),
            declaration::<Problem>(&cfg),
            declaration::<AppInfo>(&cfg),
            declaration::<Organisation>(&cfg),
            declaration::<Transfer>(&cfg),
            declaration::<TransferOrigin>(&cfg),
            declaration::<YearTransfers>(&cfg),
            declaration::<DayClass>(&cfg),
            declaration::<DayView>(&cfg),
            declaration::<MonthView>(&cfg),
            declaration::<Words>(&cfg),
            declaration::<EventKind>(&cfg),
            declaration::<EventSpec>(&cfg),
            declaration::<FactOption>(&cfg),
            declaration::<FactType>(&cfg),
            declaration::<FactSpec>(&cfg),
            declaration::<ServiceInputs>(&cfg),
            declaration::<Party>(&cfg),
            declaration::<RuleKind>(&cfg),
            declaration::<SkipReason>(&cfg),
            declaration::<SkippedDay>(&cfg),
            declaration::<WorkedDay>(&cfg),
            declaration::<BaseExplained>(&cfg),
            declaration::<PeriodExplained>(&cfg),
            declaration::<Explanation>(&cfg),
            declaration::<Item>(&cfg),
            declaration::<Report>(&cfg),
            declaration::<FieldType>(&cfg),
            declaration::<Choice>(&cfg),
            declaration::<When>(&cfg),
            declaration::<FieldRole>(&cfg),
            declaration::<Field>(&cfg),
            declaration::<GroundCheck>(&cfg),
            declaration::<Ground>(&cfg),
            declaration::<FormKind>(&cfg),
            declaration::<FormSchema>(&cfg),
            declaration::<Finding>(&cfg),
            declaration::<Preflight>(&cfg),
            declaration::<ApplicationStatus>(&cfg),
            declaration::<Application>(&cfg),
            declaration::<ApplicationSummary>(&cfg),
            declaration::<ApplicationFilter>(&cfg),
            declaration::<AttachmentRef>(&cfg),
            declaration::<ApplicationView>(&cfg),
            declaration::<Recorder>(&cfg),
            declaration::<RecordedEvent>(&cfg),
            declaration::<NewEvent>(&cfg),
            declaration::<DeadlineStatus>(&cfg),
            declaration::<Notice>(&cfg),
            declaration::<TimelineDeadline>(&cfg),
            declaration::<Void>(&cfg),
            declaration::<CalculatedVerdict>(&cfg),
            declaration::<Calculation>(&cfg),
            declaration::<Unplaced>(&cfg),
            declaration::<TimelineEvent>(&cfg),
            declaration::<Timeline>(&cfg),
            declaration::<DashboardQuery>(&cfg),
            declaration::<DueEntry>(&cfg),
            declaration::<IcsExport>(&cfg),
            declaration::<PdfKind>(&cfg),
            declaration::<PrintedPdf>(&cfg),
            declaration::<OutboxCounts>(&cfg),
            declaration::<SyncState>(&cfg),
            declaration::<SyncIssue>(&cfg),
            declaration::<SyncConflict>(&cfg),
            declaration::<Resolution>(&cfg),
            declaration::<SyncProgress>(&cfg),
            declaration::<SyncReport>(&cfg),
            declaration::<RunStatus>(&cfg),
            declaration::<SyncOverview>(&cfg),
            declaration::<Backup>(&cfg),
            declaration::<StagedRestore>(&cfg),
        ];
        format!(
            "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand.\n\n{}",
            parts.join("\n")
        )
    }

    #[test]
    fn checked_in_bindings_match_the_rust_types() {
        let fresh = typescript();
        if std::env::var_os("ZAYAVA_WRITE_BINDINGS").is_some() {
            std::fs::write(PATH, &fresh).expect("write bindings");
            return;
        }
        let current = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/bindings.ts is stale; regenerate it with ZAYAVA_WRITE_BINDINGS=1 cargo test -p zayava-desktop bindings"
        );
    }
}
