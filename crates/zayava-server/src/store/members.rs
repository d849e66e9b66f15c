//! Accounts and the people in them. A member has a role and a personal token; the server
//! keeps only the token's SHA-256, so the token is shown once, when it is made.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{Store, StoreError};

/// What a member may do. Reader: read only. Editor: also push changes and files. Admin: also
/// manage the account's members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reader,
    Editor,
    Admin,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "reader" => Some(Role::Reader),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn may_edit(self) -> bool {
        self != Role::Reader
    }
}

/// Who a token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub account_id: String,
    pub account: String,
    pub name: String,
    pub role: Role,
}

/// A member as the admin's list shows them (never the token).
#[derive(Debug, Clone, Serialize)]
pub struct MemberListing {
    pub name: String,
    pub role: Role,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
}

fn token_sha256(token: &str) -> String {
    format!("{:x}", Sha256::digest(token.as_bytes()))
}

/// A new token: `zs_` and 64 hex digits from two random v4 UUIDs (244 random bits).
fn new_token() -> String {
    format!("zs_{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple())
}

/// A name as given on the command line: trimmed, 1–200 characters, no control characters.
fn name(field: &str, value: &str) -> Result<String, StoreError> {
    let v = value.trim();
    if v.is_empty() || v.chars().count() > 200 || v.chars().any(char::is_control) {
        return Err(StoreError::Invalid(format!("{field}: 1 to 200 characters, no line breaks")));
    }
    Ok(v.to_string())
}

impl Store {
    /// Adds a member to the account `account` (created if missing) and returns their token.
    /// A member already there gets a new token, which replaces the old one, and the role
    /// given: that is how a lost or revoked token is replaced.
    pub async fn add_member(&self, account: &str, user: &str, role: Role, expires_at: Option<&str>, now: &str) -> Result<(Member, String), StoreError> {
        let account = name("account", account)?;
        let user = name("user", user)?;
        let token = new_token();
        let (_gate, mut tx) = self.begin_write().await?;
        sqlx::query("INSERT INTO account (id, name, feed_head, created_at) VALUES ($1, $2, 0, $3) ON CONFLICT (name) DO NOTHING")
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(&account)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let account_id: String = sqlx::query_scalar("SELECT id FROM account WHERE name = $1").bind(&account).fetch_one(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO member (account_id, name, role, token_sha256, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)
             ON CONFLICT (account_id, name) DO UPDATE SET role = excluded.role, token_sha256 = excluded.token_sha256, created_at = excluded.created_at,
                expires_at = excluded.expires_at, revoked_at = NULL",
        )
        .bind(&account_id)
        .bind(&user)
        .bind(role.as_str())
        .bind(token_sha256(&token))
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((Member { account_id, account, name: user, role }, token))
    }

    /// The member a token belongs to, if it is theirs, not revoked and not expired at `now`.
    pub async fn member_by_token(&self, token: &str, now: &str) -> Result<Option<Member>, StoreError> {
        let row = sqlx::query(
            "SELECT m.account_id, a.name AS account, m.name, m.role FROM member m JOIN account a ON a.id = m.account_id
             WHERE m.token_sha256 = $1 AND m.revoked_at IS NULL AND (m.expires_at IS NULL OR m.expires_at > $2)",
        )
        .bind(token_sha256(token))
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let role: String = r.try_get("role")?;
        Ok(Role::parse(&role).map(|role| Member { account_id: r.try_get("account_id").unwrap_or_default(), account: r.try_get("account").unwrap_or_default(), name: r.try_get("name").unwrap_or_default(), role }))
    }

    /// The members of an account, by name.
    pub async fn members(&self, account: &str) -> Result<Vec<MemberListing>, StoreError> {
        let rows = sqlx::query(
            "SELECT m.name, m.role, m.created_at, m.expires_at, m.revoked_at FROM member m JOIN account a ON a.id = m.account_id WHERE a.name = $1 ORDER BY m.name",
        )
        .bind(account.trim())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MemberListing {
                    name: r.try_get("name")?,
                    role: Role::parse(&r.try_get::<String, _>("role")?).unwrap_or(Role::Reader),
                    created_at: r.try_get("created_at")?,
                    expires_at: r.try_get("expires_at")?,
                    revoked_at: r.try_get("revoked_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(StoreError::from)
    }

    /// Revokes a member's token; false if the account has no such member.
    pub async fn revoke_member(&self, account: &str, user: &str, now: &str) -> Result<bool, StoreError> {
        let (_gate, mut tx) = self.begin_write().await?;
        let done = sqlx::query("UPDATE member SET revoked_at = $3 WHERE name = $2 AND account_id = (SELECT id FROM account WHERE name = $1)")
            .bind(account.trim())
            .bind(user.trim())
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(done > 0)
    }

    /// The id of the account named `account`, if there is one.
    pub async fn account_id(&self, account: &str) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar("SELECT id FROM account WHERE name = $1").bind(account.trim()).fetch_optional(&self.pool).await?)
    }
}
