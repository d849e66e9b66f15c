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
