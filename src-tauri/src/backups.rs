//! The daily automatic backup: at start and then every hour the app checks whether today's
//! copy exists and makes it if not (the last few are kept; see zayava-store's `safety`).

use std::time::Duration;

use zayava_store::Database;

const EVERY: Duration = Duration::from_secs(3600);

pub fn start(db: Database) {
    tauri::async_runtime::spawn(async move {
        // After the window is up: a copy of a large database takes a moment.
        tokio::time::sleep(Duration::from_secs(20)).await;
        loop {
            if let Err(e) = db.daily_backup(chrono::Utc::now()).await {
                eprintln!("zayava: the daily backup failed: {e}");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}
