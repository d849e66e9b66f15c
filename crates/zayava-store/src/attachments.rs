//! Attached files: copied into `attachments/` beside the database and named by their
//! SHA-256, so the stored name never comes from the user and the same file is kept once.
//! The user's file name is kept for display, without any folder part.

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::organisations::timestamp;
use crate::{Database, StoreError};

/// The largest file that can be attached.
pub const MAX_ATTACHMENT_BYTES: u64 = 20 * 1024 * 1024;

/// What an application's attachment field holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AttachmentRef {
    pub sha256: String,
    /// The user's file name, for display only.
    pub name: String,
    pub size: u64,
}

/// A file name safe to show and to carry in an export: no folders, no control characters.
/// `None` when nothing usable is left.
pub fn display_name(raw: &str) -> Option<String> {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last.chars().filter(|c| !c.is_control() && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')).collect();
    let clean = clean.trim().to_string();
    (!clean.is_empty() && clean != "." && clean != ".." && clean.chars().count() <= 255).then_some(clean)
}

pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Database {
    /// The folder attachments live in.
    pub fn attachments_dir(&self) -> PathBuf {
        self.path().parent().map(Path::to_path_buf).unwrap_or_default().join("attachments")
    }

    /// Where an attachment's file is, if it is one of ours.
    pub fn attachment_path(&self, sha256: &str) -> Result<PathBuf, StoreError> {
        if !is_sha256(sha256) {
            return Err(StoreError::File(format!("not an attachment id: {sha256}")));
        }
        Ok(self.attachments_dir().join(sha256))
    }

    /// Stores bytes as an attachment (written to a temporary file, then renamed, so a
    /// crash never leaves half a file under a hash name).
    pub async fn store_attachment_bytes(&self, name: &str, bytes: &[u8], now: DateTime<Utc>) -> Result<AttachmentRef, StoreError> {
        if bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::TooLarge { limit: MAX_ATTACHMENT_BYTES as usize });
        }
        let name = display_name(name).unwrap_or_else(|| "file".into());
        let sha256 = format!("{:x}", Sha256::digest(bytes));
        let dir = self.attachments_dir();
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::File(format!("{}: {e}", dir.display())))?;
        let target = dir.join(&sha256);
        if !target.exists() {
            let tmp = dir.join(format!(".{sha256}.{}.tmp", uuid::Uuid::new_v4()));
            std::fs::write(&tmp, bytes).map_err(|e| StoreError::File(format!("{}: {e}", tmp.display())))?;
            std::fs::rename(&tmp, &target).map_err(|e| StoreError::File(format!("{}: {e}", target.display())))?;
        }
        sqlx::query("INSERT INTO attachment (sha256, original_name, size, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING")
            .bind(&sha256)
            .bind(&name)
            .bind(bytes.len() as i64)
            .bind(timestamp(now))
            .execute(&self.pool)
            .await?;
        Ok(AttachmentRef { sha256, name, size: bytes.len() as u64 })
    }

    /// Copies a file the user chose into the data directory.
    pub async fn attach_file(&self, source: &Path, now: DateTime<Utc>) -> Result<AttachmentRef, StoreError> {
        let file = std::fs::File::open(source).map_err(|e| StoreError::File(format!("{}: {e}", source.display())))?;
        let mut bytes = Vec::new();
        file.take(MAX_ATTACHMENT_BYTES + 1).read_to_end(&mut bytes).map_err(|e| StoreError::File(format!("{}: {e}", source.display())))?;
        let name = source.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        self.store_attachment_bytes(&name, &bytes, now).await
    }
}
