//! The reminder loop: at start and every few minutes, the reminders due now are shown as
//! desktop notifications and recorded, so none repeats after a restart. Works offline.

use std::time::Duration;

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use zayava_store::Database;

/// How often the loop looks for reminders.
const EVERY: Duration = Duration::from_secs(300);

async fn once(app: &AppHandle, db: &Database) {
    let lang = db.language().await.unwrap_or_default();
    let Ok(pending) = db.pending_reminders(chrono::Local::now().naive_local(), lang).await else { return };
    for r in pending {
        // Showing talks to the desktop's notification service synchronously: keep it off
        // the async workers that serve the window.
        let handle = app.clone();
        let (title, body) = (r.title.clone(), r.body.clone());
        let shown = tauri::async_runtime::spawn_blocking(move || handle.notification().builder().title(title).body(body).show()).await;
        match shown {
            Ok(Ok(())) => {
                let _ = db.mark_reminder_shown(&r.key, chrono::Utc::now()).await;
            }
            // No notification service (e.g. a bare session): try again next round.
            Ok(Err(e)) => eprintln!("zayava: could not show a reminder: {e}"),
            Err(e) => eprintln!("zayava: the reminder task failed: {e}"),
        }
    }
}

pub fn start(app: AppHandle, db: Database) {
    tauri::async_runtime::spawn(async move {
        loop {
            once(&app, &db).await;
            tokio::time::sleep(EVERY).await;
        }
    });
}
