//! Reminders ahead of our deadlines: which are due now, and the record of those shown.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use sqlx::Row;
use zayava_core::i18n::Lang;
use zayava_core::reminders::{self, OpenDeadline, Reminder, DEFAULT_LEADS};
use zayava_core::rules::Rulebook;

use crate::organisations::timestamp;
use crate::{Database, StoreError};

const LEADS_KEY: &str = "reminder_leads";
/// Missed deadlines older than this are not announced (a first start on an old database
/// should not flood the desktop).
const MISSED_WINDOW_DAYS: i64 = 7;

impl Database {
    /// The lead times, in working days before a due day.
    pub async fn reminder_leads(&self) -> Result<Vec<u32>, StoreError> {
        Ok(self.setting(LEADS_KEY).await?.as_deref().and_then(reminders::parse_leads).unwrap_or(DEFAULT_LEADS.to_vec()))
    }

    /// Stores new lead times; `None` from the parser means the text is refused.
    pub async fn set_reminder_leads(&self, text: &str) -> Result<Option<Vec<u32>>, StoreError> {
        let Some(leads) = reminders::parse_leads(text) else { return Ok(None) };
        let normal = leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        self.set_setting(LEADS_KEY, &normal).await?;
        Ok(Some(leads))
    }

    /// The reminders to show now (local time), not yet shown.
    pub async fn pending_reminders(&self, now: NaiveDateTime, lang: Lang) -> Result<Vec<Reminder>, StoreError> {
        let today = now.date();
        let leads = self.reminder_leads().await?;
        let rows = sqlx::query(
            "SELECT d.application_id, d.rule, d.due_day, coalesce(o.name, '') AS organisation
             FROM due_item d JOIN application a ON a.id = d.application_id LEFT JOIN organisation o ON o.id = a.organisation_id
             WHERE d.open = 1 AND d.kind = 'deadline' AND d.party IN ('consumer', 'both') AND a.archived = 0
               AND d.due_day >= ? AND d.due_day <= ?",
        )
        .bind((today - Duration::days(MISSED_WINDOW_DAYS)).format("%Y-%m-%d").to_string())
        .bind((today + Duration::days(120)).format("%Y-%m-%d").to_string())
        .fetch_all(&self.pool)
        .await?;
        let book = Rulebook::shared();
        let mut open = Vec::with_capacity(rows.len());
        for r in rows {
            let rule: String = r.try_get("rule")?;
            let Some(due_day) = r.try_get::<String, _>("due_day")?.parse().ok() else { continue };
            let title = book.rule(&rule).map(|(_, x)| x.title.get(lang).to_string()).unwrap_or_else(|| rule.clone());
            open.push(OpenDeadline { application_id: r.try_get("application_id")?, rule, title, organisation: r.try_get("organisation")?, due_day });
        }
        let shown: HashSet<String> = sqlx::query_scalar("SELECT key FROM reminder_shown").fetch_all(&self.pool).await?.into_iter().collect();
        let cal = self.calendar().await?;
        Ok(reminders::due(&open, &leads, today, &cal, lang, |k| shown.contains(k)))
    }

    /// Records that a reminder was shown.
    pub async fn mark_reminder_shown(&self, key: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO reminder_shown (key, shown_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING").bind(key).bind(timestamp(at)).execute(&self.pool).await?;
        Ok(())
    }
}
