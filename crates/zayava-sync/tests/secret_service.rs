//! The token's round trip through the OS keyring: a real Secret Service on Linux (GNOME Keyring
//! on a private session bus), the Credential Manager on Windows. Ignored in a plain `cargo
//! test`, which may have no session bus; scripts/test.sh runs it with `--ignored` inside
//! scripts/with-keyring.sh, and built for Windows under Wine.

use zayava_sync::credentials;

#[test]
#[ignore = "needs a Secret Service: run inside scripts/with-keyring.sh"]
fn the_token_is_kept_in_and_removed_from_the_secret_service() {
    credentials::use_platform_store().expect("a Secret Service is on the session bus");
    credentials::forget_token().unwrap();
    assert_eq!(credentials::token().unwrap(), None);
    credentials::save_token("tok-Ж-123").unwrap();
    // A store opened afresh (as at the next start of the app) reads the same token back.
    keyring_core::unset_default_store();
    credentials::use_platform_store().unwrap();
    assert_eq!(credentials::token().unwrap().as_deref(), Some("tok-Ж-123"));
    credentials::save_token("tok-2").unwrap();
    assert_eq!(credentials::token().unwrap().as_deref(), Some("tok-2"), "saving again replaces");
    credentials::forget_token().unwrap();
    assert_eq!(credentials::token().unwrap(), None);
}

#[test]
#[ignore = "needs no session bus: run with DBUS_SESSION_BUS_ADDRESS pointing nowhere"]
fn without_a_secret_service_the_user_gets_a_clear_message() {
    let err = credentials::use_platform_store().and_then(|_| credentials::token()).unwrap_err();
    assert_eq!(err.code(), "sync.no_keyring", "{err}");
    assert!(err.message(zayava_core::i18n::Lang::Ru).contains("хранилище паролей"));
}
