//! The reminder loop: at start and every few minutes, the reminders due now are shown as
//! desktop notifications and recorded, so none repeats after a restart; the sync tells the
//! account's other desktops, so none repeats there either. Works offline.

use std::sync::Arc;
use std::time::Duration;

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use zayava_app::sync::Runner;
use zayava_store::Database;

/// How often the loop looks for reminders.
const EVERY: Duration = Duration::from_secs(300);

/// Shows what is due; true when any reminder was shown (the sync then tells the account's
/// other desktops at once, not at its next round).
async fn once(app: &AppHandle, db: &Database) -> bool {
    let mut shown_any = false;
    let lang = db.language().await.unwrap_or_default();
    let Ok(pending) = db.pending_reminders(chrono::Local::now().naive_local(), lang).await else { return false };
    for r in pending {
        // Showing talks to the desktop's notification service synchronously: keep it off
        // the async workers that serve the window.
        let handle = app.clone();
        let (title, body) = (r.title.clone(), r.body.clone());
        let shown = tauri::async_runtime::spawn_blocking(move || handle.notification().builder().title(title).body(body).show()).await;
        match shown {
            Ok(Ok(())) => {
                shown_any |= db.mark_reminder_shown(&r.key, chrono::Utc::now()).await.is_ok();
            }
            // No notification service (e.g. a bare session): try again next round.
            Ok(Err(e)) => eprintln!("zayava: could not show a reminder: {e}"),
            Err(e) => eprintln!("zayava: the reminder task failed: {e}"),
        }
    }
    shown_any
}

/// The longest the first round waits for the first sync (a server that does not answer).
const FIRST_SYNC_AT_MOST: Duration = Duration::from_secs(60);

pub fn start(app: AppHandle, db: Database, sync: Arc<Runner>) {
    tauri::async_runtime::spawn(async move {
        // What the account's other desktops showed while this one was off comes with the
        // first sync: the first round waits for it, but not for long (offline, say).
        tokio::select! {
            _ = sync.first_run_tried() => {}
            _ = tokio::time::sleep(FIRST_SYNC_AT_MOST) => {}
        }
        loop {
            if once(&app, &db).await {
                sync.wake();
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
