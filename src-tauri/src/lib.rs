//! The Zayava desktop app: a Tauri window over the domain crates. This crate is glue only —
//! each command opens nothing of its own, decides nothing, and calls `zayava-core` or
//! `zayava-store`.

mod bindings;
mod commands;
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
    /// The rulebook deadlines are counted by.
    pub rulebook: Rulebook,
    /// Sync with the operator, run in the background and on request.
    pub sync: std::sync::Arc<sync::SyncRunner>,
}

fn open_database() -> Result<Database, IpcError> {
    let lang = zayava_core::i18n::Lang::default();
    let path = location::database_path(None).ok_or_else(|| IpcError {
        code: "store.no_data_dir".into(),
        message: "Система не сообщила папку для данных программы. Задайте путь к базе в переменной ZAYAVA_DB.".into(),
        fields: vec![],
    })?;
    tauri::async_runtime::block_on(Database::open(&path)).map_err(|e| IpcError::from_store(e, lang))
}

pub fn run() {
    let state = AppState { db: open_database(), rulebook: Rulebook::embedded(), sync: std::sync::Arc::new(sync::SyncRunner::new()) };
    let reminder_db = state.db.as_ref().ok().cloned();
    let sync_runner = state.sync.clone();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            if let Some(db) = reminder_db {
                reminders::start(app.handle().clone(), db.clone());
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
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}

#[cfg(test)]
mod tests {
    /// The CLI finds the app's database through `APP_IDENTIFIER`; it must be the identifier
    /// Tauri uses for the app-data directory, or the two would open different files.
    #[test]
    fn the_store_uses_the_identifier_from_tauri_conf() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        assert_eq!(conf["identifier"], zayava_store::location::APP_IDENTIFIER);
    }
}
