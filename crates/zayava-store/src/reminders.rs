//! Reminders ahead of our deadlines: which are due now, and the record of those shown.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use sqlx::Row;
use zayava_core::i18n::Lang;
use zayava_core::reminders::{self, OpenDeadline, Reminder, Term, DEFAULT_LEADS, DEFAULT_TERM_LEADS};
use zayava_core::rules::Rulebook;

use crate::organisations::timestamp;
use crate::{Database, StoreError};

const LEADS_KEY: &str = "reminder_leads";
const TERM_LEADS_KEY: &str = "term_reminder_leads";
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
        self.set_leads(LEADS_KEY, text).await
    }

    /// The lead times before a contract's end or renewal, in working days.
    pub async fn term_reminder_leads(&self) -> Result<Vec<u32>, StoreError> {
        Ok(self.setting(TERM_LEADS_KEY).await?.as_deref().and_then(reminders::parse_leads).unwrap_or(DEFAULT_TERM_LEADS.to_vec()))
    }

    /// Stores new contract-term lead times; `None` means the text is refused.
    pub async fn set_term_reminder_leads(&self, text: &str) -> Result<Option<Vec<u32>>, StoreError> {
        self.set_leads(TERM_LEADS_KEY, text).await
    }

    async fn set_leads(&self, key: &str, text: &str) -> Result<Option<Vec<u32>>, StoreError> {
        let Some(leads) = reminders::parse_leads(text) else { return Ok(None) };
        let normal = leads.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        self.set_setting(key, &normal).await?;
        Ok(Some(leads))
    }

    /// The reminders to show now (local time), not yet shown.
    pub async fn pending_reminders(&self, now: NaiveDateTime, lang: Lang) -> Result<Vec<Reminder>, StoreError> {
        let today = now.date();
        let leads = self.reminder_leads().await?;
        let term_leads = self.term_reminder_leads().await?;
        let book = Rulebook::shared();
        // A contract's end is reminded of where the service has no renewal deadline of its
        // own (one-window's renewal is one, and reminds by itself).
        let ends: Vec<&str> = book
            .services
            .iter()
            .filter(|s| !s.rules.iter().any(|r| r.renewal))
            .flat_map(|s| s.rules.iter().filter(|r| r.term_end).map(|r| r.id.as_str()))
            .collect();
        let rows = sqlx::query(
            "SELECT d.application_id, d.rule, d.due_day, coalesce(o.name, '') AS organisation
             FROM due_item d JOIN application a ON a.id = d.application_id LEFT JOIN organisation o ON o.id = a.organisation_id
             WHERE d.open = 1 AND a.archived = 0 AND d.due_day >= ?1 AND d.due_day <= ?2
               AND ((d.kind = 'deadline' AND d.party IN ('consumer', 'both'))
                    OR (d.rule IN (SELECT value FROM json_each(?3)) AND a.stage IN ('contract_received', 'prepaid', 'active')
                        AND NOT EXISTS (SELECT 1 FROM due_item later WHERE later.application_id = d.application_id
                                        AND later.rule IN (SELECT value FROM json_each(?3)) AND later.due_day > d.due_day)))",
        )
        .bind((today - Duration::days(MISSED_WINDOW_DAYS)).format("%Y-%m-%d").to_string())
        .bind((today + Duration::days(120)).format("%Y-%m-%d").to_string())
        .bind(serde_json::to_string(&ends).expect("ids"))
        .fetch_all(&self.pool)
        .await?;
        let mut open = Vec::with_capacity(rows.len());
        for r in rows {
            let rule: String = r.try_get("rule")?;
            let Some(due_day) = r.try_get::<String, _>("due_day")?.parse().ok() else { continue };
            let spec = book.rule(&rule).map(|(_, x)| x);
            let title = spec.map(|x| x.title.get(lang).to_string()).unwrap_or_else(|| rule.clone());
            let term = match spec {
                Some(x) if x.renewal => Term::Renewal,
                Some(x) if x.term_end => Term::End,
                _ => Term::No,
            };
            open.push(OpenDeadline { application_id: r.try_get("application_id")?, rule, title, organisation: r.try_get("organisation")?, due_day, term });
        }
        let shown: HashSet<String> = sqlx::query_scalar("SELECT key FROM reminder_shown").fetch_all(&self.pool).await?.into_iter().collect();
        let cal = self.calendar().await?;
        Ok(reminders::due(&open, &leads, &term_leads, today, &cal, lang, |k| shown.contains(k)))
    }

    /// Records that a reminder was shown; the sync tells the account's other desktops.
    pub async fn mark_reminder_shown(&self, key: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO reminder_shown (key, shown_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING").bind(key).bind(timestamp(at)).execute(&self.pool).await?;
        Ok(())
    }

    /// Reminders shown here that the account's other desktops have not been told of: (key,
    /// shown at), oldest first, at most `limit`. One whose due day is past the window in
    /// which any desktop still shows it is settled here without being told (a desktop used
    /// alone for a year sends only what still matters when it joins an account).
    pub async fn reminders_to_share(&self, today: NaiveDate, limit: u32) -> Result<Vec<(String, String)>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, shown_at FROM reminder_shown WHERE shared = 0 ORDER BY shown_at, key").fetch_all(&self.pool).await?;
        let oldest = today - Duration::days(MISSED_WINDOW_DAYS);
        let (live, stale): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(key, _)| reminders::key_due_day(key).is_none_or(|d| d >= oldest));
        if !stale.is_empty() {
            self.reminders_shared(&stale.into_iter().map(|(k, _)| k).collect::<Vec<_>>()).await?;
        }
        Ok(live.into_iter().take(limit as usize).collect())
    }

    /// Marks reminders as told to the account's other desktops.
    pub async fn reminders_shared(&self, keys: &[String]) -> Result<(), StoreError> {
        sqlx::query("UPDATE reminder_shown SET shared = 1 WHERE key IN (SELECT value FROM json_each(?))").bind(serde_json::to_string(keys).expect("strings")).execute(&self.pool).await?;
        Ok(())
    }
}
