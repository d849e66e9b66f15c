//! Per-install settings as key/value rows; typed accessors sit beside the raw ones.

use zayava_core::i18n::Lang;

use crate::{Database, StoreError};

const LANGUAGE_KEY: &str = "language";

impl Database {
    pub async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT value FROM setting WHERE key = ?").bind(key).fetch_optional(&self.pool).await?)
    }

    pub async fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .bind(key)
            .bind(value)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The UI language; Russian until the user picks another.
    pub async fn language(&self) -> Result<Lang, StoreError> {
        Ok(self.setting(LANGUAGE_KEY).await?.as_deref().and_then(Lang::parse).unwrap_or_default())
    }

    pub async fn set_language(&self, lang: Lang) -> Result<(), StoreError> {
        self.set_setting(LANGUAGE_KEY, lang.code()).await
    }
}

const WINDOW_KEY: &str = "working_window";

impl Database {
    /// The support window for working-hour deadlines; 08:00–19:00 unless changed.
    pub async fn working_window(&self) -> Result<zayava_core::deadlines::WorkingWindow, StoreError> {
        let stored = self.setting(WINDOW_KEY).await?;
        Ok(stored.as_deref().and_then(zayava_core::deadlines::WorkingWindow::parse).unwrap_or_default())
    }

    pub async fn set_working_window(&self, window: zayava_core::deadlines::WorkingWindow) -> Result<(), StoreError> {
        self.set_setting(WINDOW_KEY, &window.text()).await?;
        self.refresh_all_due().await.map(|_| ())
    }
}

const OPERATOR_URL_KEY: &str = "sync.base_url";

impl Database {
    /// The operator API's base address, as saved in Settings (checked by zayava-sync first).
    pub async fn operator_url(&self) -> Result<Option<String>, StoreError> {
        Ok(self.setting(OPERATOR_URL_KEY).await?.filter(|u| !u.is_empty()))
    }

    pub async fn set_operator_url(&self, url: &str) -> Result<(), StoreError> {
        self.set_setting(OPERATOR_URL_KEY, url).await
    }
}
