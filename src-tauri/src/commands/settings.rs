//! Settings: the interface language and what the app knows about itself.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use zayava_core::i18n::Lang;

use zayava_core::i18n::Text;

use super::{database, guarded, in_user_language, language};
use crate::{AppState, IpcError};

/// What the UI needs to know at start.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    pub language: Lang,
    /// Organisation profiles stored (none on the first start).
    pub organisations: u32,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    guarded(async move {
        let db = database(&state)?;
        let language = in_user_language(db, db.language().await).await?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            database_path: db.path().display().to_string(),
            language,
            organisations: in_user_language(db, db.organisation_count().await).await?,
        })
    }).await
}

/// The window reports its first painted dashboard: the start-up integrity check may begin;
/// with ZAYAVA_REPORT_STARTUP set, the time since launch is printed (scripts/bench-startup.sh).
#[tauri::command]
pub fn first_paint() {
    crate::PAINTED.notify_one();
    if std::env::var_os("ZAYAVA_REPORT_STARTUP").is_some() {
        eprintln!("zayava: first paint {} ms", crate::STARTED.get().map(|t| t.elapsed().as_millis()).unwrap_or(0));
    }
}

#[tauri::command]
pub async fn set_language(state: State<'_, AppState>, language: Lang) -> Result<(), IpcError> {
    guarded(async move {
        let db = database(&state)?;
        in_user_language(db, db.set_language(language).await).await
    }).await
}

const BAD_WINDOW: Text = Text::new(
    "Укажите часы поддержки как ЧЧ:ММ–ЧЧ:ММ, начало раньше конца (например, 08:00–19:00).",
    "Give the support hours as HH:MM–HH:MM with the start before the end (e.g. 08:00–19:00).",
);

/// The support window for working-hour deadlines, as `HH:MM-HH:MM`.
#[tauri::command]
pub async fn working_window(state: State<'_, AppState>) -> Result<String, IpcError> {
    guarded(async move {
        let db = database(&state)?;
        let w = in_user_language(db, db.working_window().await).await?;
        Ok(format!("{}-{}", w.start.format("%H:%M"), w.end.format("%H:%M")))
    }).await
}

#[tauri::command]
pub async fn set_working_window(state: State<'_, AppState>, window: String) -> Result<(), IpcError> {
    guarded(async move {
        let db = database(&state)?;
        let Some(w) = zayava_store::parse_window(&window.replace('–', "-")) else {
            return Err(IpcError::for_field("settings.invalid_window", "working_window", BAD_WINDOW.get(language(db).await).to_string()));
        };
        in_user_language(db, db.set_working_window(w).await).await
    }).await
}

const BAD_TERM_LEADS: Text = Text::new(
    "Укажите, за сколько рабочих дней до окончания договора напоминать, числами через запятую (от 0 до 60), например: 20, 10, 5, 1.",
    "Give how many working days before a contract ends to remind, as numbers separated by commas (0 to 60), e.g. 20, 10, 5, 1.",
);

const BAD_LEADS: Text = Text::new(
    "Укажите, за сколько рабочих дней напоминать, числами через запятую (от 0 до 60), например: 3, 1, 0.",
    "Give how many working days ahead to remind, as numbers separated by commas (0 to 60), e.g. 3, 1, 0.",
);

/// Reminder lead times, in working days before a due day, as `3, 1, 0`.
#[tauri::command]
pub async fn reminder_leads(state: State<'_, AppState>) -> Result<String, IpcError> {
    guarded(async move {
        let db = database(&state)?;
        let leads = in_user_language(db, db.reminder_leads().await).await?;
        Ok(leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))
    }).await
}

#[tauri::command]
pub async fn set_reminder_leads(state: State<'_, AppState>, leads: String) -> Result<(), IpcError> {
    guarded(async move {
        let db = database(&state)?;
        match in_user_language(db, db.set_reminder_leads(&leads).await).await? {
            Some(_) => Ok(()),
            None => Err(IpcError::for_field("settings.invalid_leads", "reminder_leads", BAD_LEADS.get(language(db).await).to_string())),
        }
    }).await
}

/// Lead times before a contract's end or renewal, in working days, as `20, 10, 5, 1`.
#[tauri::command]
pub async fn term_reminder_leads(state: State<'_, AppState>) -> Result<String, IpcError> {
    guarded(async move {
        let db = database(&state)?;
        let leads = in_user_language(db, db.term_reminder_leads().await).await?;
        Ok(leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))
    }).await
}

#[tauri::command]
pub async fn set_term_reminder_leads(state: State<'_, AppState>, leads: String) -> Result<(), IpcError> {
    guarded(async move {
        let db = database(&state)?;
        match in_user_language(db, db.set_term_reminder_leads(&leads).await).await? {
            Some(_) => Ok(()),
            None => Err(IpcError::for_field("settings.invalid_leads", "term_reminder_leads", BAD_TERM_LEADS.get(language(db).await).to_string())),
        }
    }).await
}
