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
        let ru = lang == Lang::Ru;
        match self {
            SyncError::NotConfigured if ru => "Адрес API Оператора не задан. Укажите его в Настройках.".into(),
            SyncError::BadUrl(u) if ru => format!("Адрес API Оператора указан неверно: «{u}»."),
            SyncError::NotHttps(u) if ru => format!("Принимаются только адреса https:// (http:// — только для этого компьютера): «{u}»."),
            SyncError::NoToken if ru => "Ключ доступа к API Оператора не сохранён. Введите его в Настройках.".into(),
            SyncError::Unauthorized if ru => "Оператор не принял ключ доступа. Введите новый ключ в Настройках.".into(),
            SyncError::Unreachable(why) if ru => format!("Сервер Оператора недоступен; изменения сохранены и будут отправлены позже ({why})."),
            SyncError::BadResponse(why) if ru => format!("Сервер Оператора ответил непонятно; данные на компьютере не изменены ({why})."),
            SyncError::NoKeyring(_) if ru => "Системное хранилище паролей недоступно, поэтому ключ доступа нельзя сохранить. В Linux нужна служба Secret Service (GNOME Keyring или KWallet), в Windows — Диспетчер учётных данных.".into(),
            SyncError::Keyring(why) if ru => format!("Системное хранилище паролей вернуло ошибку: {why}."),
            SyncError::Store(e) if ru => format!("Ошибка базы данных: {e}"),
            SyncError::NoKeyring(_) => "No system keyring is available, so the token cannot be saved. On Linux a Secret Service (GNOME Keyring or KWallet) is needed, on Windows the Credential Manager.".into(),
            SyncError::Unreachable(why) => format!("The operator's server cannot be reached; your changes are kept and will be sent later ({why})."),
            other => {
                let mut s = other.to_string();
                if let Some(c) = s.get(0..1) {
                    s.replace_range(0..1, &c.to_uppercase());
                }
                s.push('.');
                s
            }
        }
    }
}
