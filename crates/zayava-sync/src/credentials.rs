//! The API token in the OS keyring (the Secret Service on Linux, the Credential Manager on
//! Windows), through keyring-core so tests can put a mock store behind it. The token is never
//! written to SQLite, logs or config files; only this module touches it.

use keyring_core::{Entry, Error};

use crate::SyncError;

/// The keyring entry: service and user names as the OS shows them.
const SERVICE: &str = "by.zayava.desktop";
const USER: &str = "operator-api-token";

/// Puts the platform's credential store behind keyring-core; call once at start-up. Where
/// there is none (no session bus, no Secret Service), token calls answer `NoKeyring`.
pub fn use_platform_store() -> Result<(), SyncError> {
    #[cfg(target_os = "linux")]
    {
        let store = zbus_secret_service_keyring_store::Store::new().map_err(keyring_error)?;
        keyring_core::set_default_store(store);
    }
    #[cfg(windows)]
    {
        let store = windows_native_keyring_store::Store::new().map_err(keyring_error)?;
        keyring_core::set_default_store(store);
    }
    Ok(())
}

fn keyring_error(e: Error) -> SyncError {
    match e {
        Error::NoDefaultStore | Error::NoStorageAccess(_) | Error::PlatformFailure(_) => SyncError::NoKeyring(e.to_string()),
        other => SyncError::Keyring(other.to_string()),
    }
}

fn entry() -> Result<Entry, SyncError> {
    Entry::new(SERVICE, USER).map_err(keyring_error)
}

/// The saved token, if any.
pub fn token() -> Result<Option<String>, SyncError> {
    match entry()?.get_password() {
        Ok(t) => Ok(Some(t)),
        Err(Error::NoEntry) => Ok(None),
        Err(e) => Err(keyring_error(e)),
    }
}

/// Saves (or replaces) the token. An empty token is refused.
pub fn save_token(token: &str) -> Result<(), SyncError> {
    let token = token.trim();
    if token.is_empty() || token.chars().any(char::is_control) {
        return Err(SyncError::NoToken);
    }
    entry()?.set_password(token).map_err(keyring_error)
}

/// Removes the token; no error if there was none.
pub fn forget_token() -> Result<(), SyncError> {
    match entry()?.delete_credential() {
        Ok(()) | Err(Error::NoEntry) => Ok(()),
        Err(e) => Err(keyring_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_a_store_and_clear_errors_without_one() {
        // Without a store every call says so, in words the user can act on.
        keyring_core::unset_default_store();
        let err = token().unwrap_err();
        assert_eq!(err.code(), "sync.no_keyring");
        assert!(err.message(zayava_core::i18n::Lang::Ru).contains("хранилище паролей"));

        keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
        assert_eq!(token().unwrap(), None);
        save_token("  secret-1 ").unwrap();
        assert_eq!(token().unwrap().as_deref(), Some("secret-1"));
        assert!(save_token("   ").is_err());
        forget_token().unwrap();
        assert_eq!(token().unwrap(), None);
        forget_token().unwrap();
        keyring_core::unset_default_store();
    }
}
