//! The user's (and later the operator's) transfers of working days, by year. The calendar
//! the app counts with is the embedded data with these rows laid over it.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::Row;
use std::sync::Arc;

use zayava_core::calendar::{transfers, Calendar, Transfer, TransferOrigin, YearTransfers};

use crate::{Database, StoreError};

fn origin_code(o: TransferOrigin) -> &'static str {
    match o {
        TransferOrigin::Embedded => "embedded",
        TransferOrigin::User => "user",
        TransferOrigin::Operator => "operator",
    }
}

impl Database {
    /// The years stored here (not the embedded ones), ascending.
    pub async fn calendar_years(&self) -> Result<Vec<YearTransfers>, StoreError> {
        let rows = sqlx::query("SELECT year, source, moves, origin FROM calendar_year ORDER BY year").fetch_all(&self.pool).await?;
        let mut years = Vec::with_capacity(rows.len());
        for row in rows {
            let year: i64 = row.try_get("year")?;
            let moves: String = row.try_get("moves")?;
            let moves: Vec<Transfer> = serde_json::from_str(&moves).map_err(|e| StoreError::Corrupt(format!("calendar year {year}: {e}")))?;
            let origin = match row.try_get::<String, _>("origin")?.as_str() {
                "operator" => TransferOrigin::Operator,
                _ => TransferOrigin::User,
            };
            years.push(YearTransfers { year: year as i32, source: row.try_get("source")?, moves, origin });
        }
        Ok(years)
    }

    /// The calendar to count with: embedded years, then stored ones over them.
    pub async fn calendar(&self) -> Result<Arc<Calendar>, StoreError> {
        if let Some(cal) = self.calendar.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone() {
            return Ok(cal);
        }
        let mut years = transfers::embedded();
        years.extend(self.calendar_years().await?);
        let cal = Arc::new(Calendar::new(years));
        *self.calendar.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(cal.clone());
        Ok(cal)
    }

    fn forget_calendar(&self) {
        *self.calendar.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    /// Adds or replaces a year's transfers; refused whole, changing nothing, if they do not
    /// make sense.
    pub async fn save_calendar_year(&self, year: &YearTransfers, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.save_calendar_year_with(year, now, &mut |_, _| {}).await
    }

    /// The same, telling `progress` how many of the applications counted through that year
    /// have their dates recomputed.
    pub async fn save_calendar_year_with(&self, year: &YearTransfers, now: DateTime<Utc>, progress: &mut (dyn FnMut(usize, usize) + Send)) -> Result<(), StoreError> {
        year.check().map_err(StoreError::Transfers)?;
        let origin = match year.origin {
            TransferOrigin::Embedded => TransferOrigin::User,
            o => o,
        };
        let moves = serde_json::to_string(&year.moves).expect("transfers serialize");
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query(
            "INSERT INTO calendar_year (year, source, moves, origin, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(year) DO UPDATE SET source = excluded.source, moves = excluded.moves,
             origin = excluded.origin, updated_at = excluded.updated_at",
        )
        .bind(year.year)
        .bind(year.source.trim())
        .bind(moves)
        .bind(origin_code(origin))
        .bind(now.to_rfc3339_opts(SecondsFormat::Secs, true))
        .execute(&mut *tx)
        .await?;
        // The dates counted through that year may move: marked in the same transaction, so a
        // crash before they are recomputed leaves them for the next start.
        crate::lifecycle::mark_stale_through(&mut tx, year.year).await?;
        tx.commit().await?;
        self.forget_calendar();
        self.refresh_stale_due_with(progress).await?;
        Ok(())
    }

    /// Takes the operator's years: each one the user has not corrected and that differs from
    /// what is in force is stored (origin operator), in one transaction, and the due dates are
    /// recomputed once. Returns how many changed, and the years refused with why (in every
    /// language, as a sync issue's detail is stored).
    pub async fn save_operator_years(&self, years: &[YearTransfers], now: DateTime<Utc>) -> Result<(usize, Vec<(i32, String)>), StoreError> {
        let mut in_force = transfers::embedded();
        let stored = self.calendar_years().await?;
        in_force.retain(|e| !stored.iter().any(|s| s.year == e.year));
        in_force.extend(stored);
        let mut refused = Vec::new();
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let mut changed = 0;
        for year in years {
            let current = in_force.iter().find(|y| y.year == year.year);
            if current.is_some_and(|c| c.origin == TransferOrigin::User || (c.moves == year.moves && c.source.trim() == year.source.trim())) {
                continue;
            }
            if let Err(e) = year.check() {
                refused.push((year.year, crate::sync::Every::new(|lang| e.message(lang)).stored()));
                continue;
            }
            sqlx::query(
                "INSERT INTO calendar_year (year, source, moves, origin, updated_at) VALUES (?, ?, ?, 'operator', ?)
                 ON CONFLICT(year) DO UPDATE SET source = excluded.source, moves = excluded.moves, origin = excluded.origin, updated_at = excluded.updated_at",
            )
            .bind(year.year)
            .bind(year.source.trim())
            .bind(serde_json::to_string(&year.moves).expect("transfers serialize"))
            .bind(now.to_rfc3339_opts(SecondsFormat::Secs, true))
            .execute(&mut *tx)
            .await?;
            crate::lifecycle::mark_stale_through(&mut tx, year.year).await?;
            changed += 1;
        }
        tx.commit().await?;
        if changed > 0 {
            self.forget_calendar();
            self.refresh_stale_due().await?;
        }
        Ok((changed, refused))
    }

    /// Removes a stored year, so the embedded data (or none: provisional) applies again.
    pub async fn delete_calendar_year(&self, year: i32) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let deleted = sqlx::query("DELETE FROM calendar_year WHERE year = ?").bind(year).execute(&mut *tx).await?.rows_affected() > 0;
        crate::lifecycle::mark_stale_through(&mut tx, year).await?;
        tx.commit().await?;
        self.forget_calendar();
        self.refresh_stale_due().await?;
        Ok(deleted)
    }
}
