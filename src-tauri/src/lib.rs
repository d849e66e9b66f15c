//! The Zayava desktop app: a Tauri window over the domain crates. This crate is glue only —
//! each command opens nothing of its own, decides nothing, and calls `zayava-core` or
//! `zayava-store`.

mod backups;
mod bindings;
mod commands;
mod dialogs;
mod error;
mod reminders;
mod sync;

use zayava_core::rules::Rulebook;
use zayava_store::{location, Database};

pub use error::IpcError;

/// What the app holds while it runs. The database may have failed to open; then every
/// command answers with that error and the UI shows it instead of crashing.
pub struct AppState {
    pub db: Result<Database, IpcError>,
    /// Where the database is (or would be): backups and restore need it even when it failed to open.
    pub db_path: Option<std::path::PathBuf>,
    /// The language for messages when the database (which remembers it) is not open.
    pub lang: zayava_core::i18n::Lang,
    /// The rulebook deadlines are counted by.
    pub rulebook: Rulebook,
    /// Sync with the operator, run in the background and on request.
    pub sync: std::sync::Arc<sync::SyncRunner>,
}

fn open_database(path: Option<&std::path::Path>) -> Result<Database, IpcError> {
    let lang = zayava_core::i18n::Lang::default();
    let path = path.ok_or_else(|| IpcError {
        code: "store.no_data_dir".into(),
        message: "Система не сообщила папку для данных программы. Задайте путь к базе в переменной ZAYAVA_DB.".into(),
        fields: vec![],
    })?;
    // A damaged or newer file is refused here, untouched: the window shows the recovery screen.
    tauri::async_runtime::block_on(Database::open(path)).map_err(|e| IpcError::from_store(e, lang))
}

pub fn run() {
    let db_path = location::database_path(None);
    // Held for the app's lifetime: `zayava restore` will not replace a file the app has open,
    // and a second window on the same data is refused. Waits a little for an app restarting.
    let (_claim, db) = match db_path.as_deref().map(|p| zayava_store::safety::claim(p, std::time::Duration::from_secs(10))) {
        Some(Err(e)) => (None, Err(IpcError::from_store(e, zayava_core::i18n::Lang::default()))),
        Some(Ok(lock)) => (Some(lock), open_database(db_path.as_deref())),
        None => (None, open_database(None)),
    };
    let lang = db.as_ref().ok().map(|db| tauri::async_runtime::block_on(db.language()).unwrap_or_default()).unwrap_or_default();
    let state = AppState { db, db_path, lang, rulebook: Rulebook::embedded(), sync: std::sync::Arc::new(sync::SyncRunner::new()) };
    let reminder_db = state.db.as_ref().ok().cloned();
    let sync_runner = state.sync.clone();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            if let Some(db) = reminder_db {
                reminders::start(app.handle().clone(), db.clone());
                backups::start(db.clone());
                sync::start(app.handle().clone(), db, sync_runner);
            }
            Ok(())
        })
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::settings::app_info,
            commands::settings::set_language,
            commands::settings::working_window,
            commands::settings::set_working_window,
            commands::settings::reminder_leads,
            commands::settings::set_reminder_leads,
            commands::organisations::list_organisations,
            commands::organisations::create_organisation,
            commands::organisations::update_organisation,
            commands::calendar::calendar_month,
            commands::calendar::calendar_years,
            commands::calendar::save_calendar_year,
            commands::calendar::reset_calendar_year,
            commands::deadlines::deadline_services,
            commands::deadlines::compute_deadlines,
            commands::applications::form_schemas,
            commands::applications::list_applications,
            commands::applications::create_application,
            commands::applications::get_application,
            commands::applications::save_application,
            commands::applications::preflight_application,
            commands::applications::mark_application_ready,
            commands::applications::duplicate_application,
            commands::applications::archive_application,
            commands::applications::attach_file,
            commands::lifecycle::application_timeline,
            commands::lifecycle::record_event,
            commands::lifecycle::dashboard,
            commands::lifecycle::deadline_detail,
            commands::lifecycle::export_ics,
            commands::printing::print_pdf,
            commands::sync::sync_overview,
            commands::sync::save_sync_url,
            commands::sync::save_sync_token,
            commands::sync::forget_sync_token,
            commands::sync::sync_now,
            commands::sync::resolve_sync_conflict,
            commands::sync::dismiss_sync_issues,
            commands::sync::retry_refused_items,
            commands::safety::list_backups,
            commands::safety::backup_database,
            commands::safety::restore_from_file,
            commands::safety::restore_backup,
            commands::safety::cancel_restore,
            commands::safety::restart_app,
            commands::safety::start_with_new_database,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The page may call exactly the commands registered here: each has a permission
    /// (build.rs) and a grant (capabilities/default.json), and nothing else is granted but
    /// listening to the app's events.
    #[test]
    fn the_page_may_call_exactly_the_registered_commands() {
        let lib = include_str!("lib.rs");
        let start = lib.find("generate_handler![").expect("handlers");
        let block = &lib[start..start + lib[start..].find("])").expect("end of handlers")];
        let handlers: BTreeSet<String> = block.split("commands::").skip(1).map(|s| s.split("::").nth(1).unwrap().split(',').next().unwrap().trim().to_string()).collect();
        let build = include_str!("../build.rs");
        let listed = &build[build.find("COMMANDS: &[&str] = &[").unwrap()..];
        let listed: BTreeSet<String> = listed[..listed.find("];").unwrap()].split('"').skip(1).step_by(2).map(str::to_string).collect();
        assert_eq!(listed, handlers, "build.rs COMMANDS and the registered handlers differ");
        let cap: serde_json::Value = serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
        let granted: BTreeSet<String> = cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
        let mut expected: BTreeSet<String> = handlers.iter().map(|h| format!("allow-{}", h.replace('_', "-"))).collect();
        expected.insert("core:event:allow-listen".into());
        expected.insert("core:event:allow-unlisten".into());
        assert_eq!(granted, expected);
    }

    /// The CLI finds the app's database through `APP_IDENTIFIER`; it must be the identifier
    /// Tauri uses for the app-data directory, or the two would open different files.
    #[test]
    fn the_store_uses_the_identifier_from_tauri_conf() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        assert_eq!(conf["identifier"], zayava_store::location::APP_IDENTIFIER);
    }
}
