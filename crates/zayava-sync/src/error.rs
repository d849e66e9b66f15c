//! What can go wrong in sync, with stable codes for the UI and the CLI, and a sentence for
//! the user in their language.

use zayava_core::error_code::ErrorCode;
use zayava_core::i18n::Lang;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the operator's address is not set")]
    NotConfigured,
    #[error("the operator's address is invalid: {0}")]
    BadUrl(String),
    /// An address typed without `https://` («api.nces.by»): the message says to add it.
    #[error("the operator's address lacks https://: {0}")]
    NoScheme(String),
    #[error("only https addresses are accepted (plain http only on this computer): {0}")]
    NotHttps(String),
    #[error("no token is saved for the operator's API")]
    NoToken,
    #[error("the token was refused (401)")]
    Unauthorized,
    #[error("the operator's server cannot be reached: {0}")]
    Unreachable(String),
    #[error("the operator's server answered with something unreadable: {0}")]
    BadResponse(String),
    #[error("no system keyring is available: {0}")]
    NoKeyring(String),
    #[error("the system keyring failed: {0}")]
    Keyring(String),
    #[error(transparent)]
    Store(#[from] zayava_store::StoreError),
}

impl SyncError {
    /// A stable, machine-matchable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            SyncError::NotConfigured => ErrorCode::SyncNotConfigured,
            SyncError::BadUrl(_) => ErrorCode::SyncBadUrl,
            SyncError::NoScheme(_) => ErrorCode::SyncNoScheme,
            SyncError::NotHttps(_) => ErrorCode::SyncNotHttps,
            SyncError::NoToken => ErrorCode::SyncNoToken,
            SyncError::Unauthorized => ErrorCode::SyncUnauthorized,
            SyncError::Unreachable(_) => ErrorCode::SyncUnreachable,
            SyncError::BadResponse(_) => ErrorCode::SyncBadResponse,
            SyncError::NoKeyring(_) => ErrorCode::SyncNoKeyring,
            SyncError::Keyring(_) => ErrorCode::SyncKeyring,
            SyncError::Store(e) => e.code(),
        }
    }

    /// The sentence the user sees.
    pub fn message(&self, lang: Lang) -> String {
        use zayava_core::i18n::Text;
        let with = |id: &'static str, key: &str, value: &str| Text::id(id).fill(lang, &[(key, value)]);
        match self {
            SyncError::NotConfigured => Text::id("sync-error-not-configured").get(lang).into(),
            SyncError::BadUrl(u) => with("sync-error-bad-url", "url", u),
            SyncError::NoScheme(u) => with("sync-error-no-scheme", "url", u),
            SyncError::NotHttps(u) => with("sync-error-not-https", "url", u),
            SyncError::NoToken => Text::id("sync-error-no-token").get(lang).into(),
            SyncError::Unauthorized => Text::id("sync-error-unauthorized").get(lang).into(),
            SyncError::Unreachable(why) => with("sync-error-unreachable", "why", why),
            SyncError::BadResponse(why) => with("sync-error-bad-response", "why", why),
            SyncError::NoKeyring(_) => Text::id("sync-error-no-keyring").get(lang).into(),
            SyncError::Keyring(why) => with("sync-error-keyring", "why", why),
            SyncError::Store(e) => with("sync-error-store", "why", &e.to_string()),
        }
    }
}
