// The page may call exactly these commands (each gets an allow-/deny- permission, granted in
// src-tauri/capabilities/default.json); a test checks the list against the registered handlers.
const COMMANDS: &[&str] = &[
    "app_info",
    "first_paint",
    "set_language",
    "working_window",
    "set_working_window",
    "reminder_leads",
    "set_reminder_leads",
    "term_reminder_leads",
    "set_term_reminder_leads",
    "list_organisations",
    "create_organisation",
    "update_organisation",
    "calendar_month",
    "calendar_years",
    "save_calendar_year",
    "reset_calendar_year",
    "deadline_services",
    "compute_deadlines",
    "form_schemas",
    "list_applications",
    "create_application",
    "get_application",
    "save_application",
    "preflight_application",
    "mark_application_ready",
    "duplicate_application",
    "amend_application",
    "set_operator_number",
    "archive_application",
    "attach_file",
    "application_timeline",
    "record_event",
    "dashboard",
    "expiring_contracts",
    "deadline_detail",
    "export_ics",
    "print_pdf",
    "sync_overview",
    "save_sync_url",
    "save_sync_token",
    "forget_sync_token",
    "sync_now",
    "resolve_sync_conflict",
    "dismiss_sync_issues",
    "retry_refused_items",
    "list_backups",
    "backup_database",
    "restore_from_file",
    "restore_backup",
    "cancel_restore",
    "restart_app",
    "start_with_new_database",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=tauri.conf.json");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build configuration");
}
