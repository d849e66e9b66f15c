//! Organisation profiles: list, read, create, update. Drafts are checked by the domain
//! before anything is written, so no path (app, CLI, import) can store an invalid profile.

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::Row;
use zayava_core::organisation::{Organisation, OrganisationDraft};

use crate::{Database, StoreError};

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Organisation, sqlx::Error> {
    Ok(Organisation {
        id: row.try_get("id")?,
        profile: OrganisationDraft {
            name: row.try_get("name")?,
            unp: row.try_get("unp")?,
            address: row.try_get("address")?,
            email: row.try_get("email")?,
        },
        updated_at: row.try_get("updated_at")?,
    })
}

fn timestamp(now: DateTime<Utc>) -> String {
    now.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn checked(draft: &OrganisationDraft) -> Result<OrganisationDraft, StoreError> {
    let issues = draft.check();
    if issues.is_empty() {
        Ok(draft.trimmed())
    } else {
        Err(StoreError::Invalid(issues))
    }
}

impl Database {
    /// All profiles, by name (case-insensitive for Cyrillic too, via Rust's ordering).
    pub async fn organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        let rows = sqlx::query("SELECT id, name, unp, address, email, updated_at FROM organisation")
            .fetch_all(&self.pool)
            .await?;
        let mut list = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
        list.sort_by_cached_key(|o| (o.profile.name.to_lowercase(), o.id));
        Ok(list)
    }

    pub async fn organisation(&self, id: i64) -> Result<Organisation, StoreError> {
        let row = sqlx::query("SELECT id, name, unp, address, email, updated_at FROM organisation WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound { entity: "organisation", id })?;
        Ok(from_row(&row)?)
    }

    /// Stores a new profile; refuses it whole if any field is wrong.
    pub async fn create_organisation(&self, draft: &OrganisationDraft, now: DateTime<Utc>) -> Result<Organisation, StoreError> {
        let d = checked(draft)?;
        let at = timestamp(now);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisation (name, unp, address, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&d.name)
        .bind(&d.unp)
        .bind(&d.address)
        .bind(&d.email)
        .bind(&at)
        .bind(&at)
        .fetch_one(&self.pool)
        .await?;
        self.organisation(id).await
    }

    /// Replaces a profile's fields; refuses it whole, changing nothing, if any field is wrong.
    pub async fn update_organisation(&self, id: i64, draft: &OrganisationDraft, now: DateTime<Utc>) -> Result<Organisation, StoreError> {
        let d = checked(draft)?;
        let changed = sqlx::query("UPDATE organisation SET name = ?, unp = ?, address = ?, email = ?, updated_at = ? WHERE id = ?")
            .bind(&d.name)
            .bind(&d.unp)
            .bind(&d.address)
            .bind(&d.email)
            .bind(timestamp(now))
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StoreError::NotFound { entity: "organisation", id });
        }
        self.organisation(id).await
    }
}
