//! Organisation profiles: list, read, create, update, archive, delete. Profiles are checked
//! by the domain before anything is written, so no path (app, CLI, import) can store an
//! invalid one; one that applications name is archived, never deleted.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::Value;
use sqlx::Row;
use zayava_core::forms::FieldRole;
use zayava_core::organisation::{self, Organisation};

use crate::{Database, StoreError};

pub(crate) fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Organisation, StoreError> {
    let profile: String = row.try_get("profile")?;
    let values: Value = serde_json::from_str(&profile).map_err(|e| StoreError::Corrupt(format!("organisation profile: {e}")))?;
    Ok(Organisation {
        id: row.try_get("id")?,
        name: organisation::display_name(&values),
        unp: row.try_get("unp")?,
        values,
        updated_at: row.try_get("updated_at")?,
        archived: row.try_get("archived")?,
        applications: row.try_get::<i64, _>("applications")? as u32,
    })
}

pub(crate) fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn checked(values: &Value) -> Result<Value, StoreError> {
    organisation::checked(values).map_err(StoreError::Invalid)
}

const COLUMNS: &str =
    "id, unp, profile, updated_at, archived, (SELECT COUNT(*) FROM application a WHERE a.organisation_id = organisation.id) AS applications";

/// The columns kept beside the profile, for lists and search: which field fills each is the
/// organisation form's to say (its field roles).
pub(crate) fn address(values: &Value) -> String {
    organisation::text_of(values, FieldRole::Address).to_string()
}

pub(crate) fn email(values: &Value) -> String {
    organisation::text_of(values, FieldRole::Email).to_string()
}

impl Database {
    /// How many profiles are stored.
    pub async fn organisation_count(&self) -> Result<u32, StoreError> {
        Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM organisation").fetch_one(&self.pool).await? as u32)
    }

    /// The other profiles with this УНП (a second profile of one organisation is usually a
    /// mistake, so the form warns before saving it). `except` is the profile being edited.
    pub async fn organisations_with_unp(&self, unp: &str, except: Option<i64>) -> Result<Vec<Organisation>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM organisation WHERE unp = ? AND id IS NOT ? ORDER BY id")))
            .bind(unp)
            .bind(except)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(from_row).collect()
    }

    /// Archives a profile (or brings it back): its applications keep it; it leaves the lists.
    pub async fn archive_organisation(&self, id: i64, archived: bool, now: DateTime<Utc>) -> Result<Organisation, StoreError> {
        crate::error::one_changed(sqlx::query("UPDATE organisation SET archived = ?, updated_at = ? WHERE id = ?")
            .bind(archived)
            .bind(timestamp(now))
            .bind(id)
            .execute(&self.pool)
            .await?, "organisation", id)?;
        self.organisation(id).await
    }

    /// Deletes a profile no application names, with what was queued to send of it. Checked
    /// and deleted in one `BEGIN IMMEDIATE` transaction, so an application made meanwhile
    /// by another window cannot lose its organisation.
    pub async fn delete_organisation(&self, id: i64) -> Result<(), StoreError> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let sync_id: Option<Option<String>> = sqlx::query_scalar("SELECT sync_id FROM organisation WHERE id = ?").bind(id).fetch_optional(&mut *tx).await?;
        let Some(sync_id) = sync_id else {
            return Err(StoreError::NotFound { entity: "organisation", id: id.to_string() });
        };
        let named: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM application WHERE organisation_id = ?").bind(id).fetch_one(&mut *tx).await?;
        if named > 0 {
            return Err(StoreError::OrganisationInUse { applications: named as u32 });
        }
        if let Some(entity) = sync_id {
            sqlx::query("DELETE FROM outbox WHERE kind = 'organisation' AND entity = ? AND state = 'pending'").bind(entity).execute(&mut *tx).await?;
        }
        sqlx::query("DELETE FROM organisation WHERE id = ?").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// All profiles, by name.
    pub async fn organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM organisation"))).fetch_all(&self.pool).await?;
        let mut list = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
        list.sort_by_cached_key(|o| (o.name.to_lowercase(), o.id));
        Ok(list)
    }

    pub async fn organisation(&self, id: i64) -> Result<Organisation, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM organisation WHERE id = ?")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound { entity: "organisation", id: id.to_string() })?;
        from_row(&row)
    }

    /// Stores a new profile; refuses it whole if any field is wrong.
    pub async fn create_organisation(&self, values: &Value, now: DateTime<Utc>) -> Result<Organisation, StoreError> {
        let v = checked(values)?;
        let at = timestamp(now);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisation (name, unp, address, email, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(organisation::display_name(&v))
        .bind(organisation::unp(&v))
        .bind(address(&v))
        .bind(email(&v))
        .bind(v.to_string())
        .bind(&at)
        .bind(&at)
        .fetch_one(&self.pool)
        .await?;
        self.organisation(id).await
    }

    /// Replaces a profile's fields; refuses it whole, changing nothing, if any field is wrong.
    pub async fn update_organisation(&self, id: i64, values: &Value, now: DateTime<Utc>) -> Result<Organisation, StoreError> {
        let v = checked(values)?;
        crate::error::one_changed(sqlx::query("UPDATE organisation SET name = ?, unp = ?, address = ?, email = ?, profile = ?, updated_at = ? WHERE id = ?")
            .bind(organisation::display_name(&v))
            .bind(organisation::unp(&v))
            .bind(address(&v))
            .bind(email(&v))
            .bind(v.to_string())
            .bind(timestamp(now))
            .bind(id)
            .execute(&self.pool)
            .await?, "organisation", id)?;
        self.organisation(id).await
    }
}
