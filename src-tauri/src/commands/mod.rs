//! The commands the UI may invoke, one module per screen. Each takes the clock reading it
//! needs here, at the edge, and passes it into the crates; none decides anything itself.

pub mod applications;
pub mod calendar;
pub mod deadlines;
pub mod lifecycle;
pub mod organisations;
pub mod printing;
pub mod safety;
pub mod settings;
pub mod sync;

use zayava_core::i18n::Lang;
use zayava_store::{Database, StoreError};

use crate::{AppState, IpcError};

pub(crate) fn database(state: &AppState) -> Result<&Database, IpcError> {
    if let Some(damaged) = state.damaged.get() {
        return Err(damaged.clone());
    }
    state.db.as_ref().map_err(Clone::clone)
}

/// The user's language, for messages; Russian if even that cannot be read.
pub(crate) async fn language(db: &Database) -> Lang {
    db.language().await.unwrap_or_default()
}

/// Turns a store error into words in the user's language.
pub(crate) async fn in_user_language<T>(db: &Database, result: Result<T, StoreError>) -> Result<T, IpcError> {
    match result {
        Ok(v) => Ok(v),
        Err(e) => Err(IpcError::from_store(e, language(db).await)),
    }
}
