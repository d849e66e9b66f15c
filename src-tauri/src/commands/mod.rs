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

const INTERNAL: zayava_core::i18n::Text = zayava_core::i18n::Text::new(
    "Внутренняя ошибка Заявы: действие не выполнено. Данные не изменены; попробуйте ещё раз, а если повторится — сообщите разработчикам.",
    "Zayava hit an internal error: the action was not done. No data was changed; please try again, and tell the developers if it happens again.",
);

/// Runs a command's body so that a panic in it (a defect: no input should reach one)
/// becomes an `internal` error the page can show, instead of a promise that never settles.
/// The panic itself is logged by the hook set in `run`.
pub(crate) async fn guarded<T>(body: impl std::future::Future<Output = Result<T, IpcError>>) -> Result<T, IpcError> {
    use futures_util::FutureExt;
    match std::panic::AssertUnwindSafe(body).catch_unwind().await {
        Ok(result) => result,
        Err(_) => Err(internal()),
    }
}

fn internal() -> IpcError {
    // The language setting may be what failed; the sentence is given in both.
    IpcError { code: "internal".into(), message: format!("{} / {}", INTERNAL.get(Lang::Ru), INTERNAL.get(Lang::En)), fields: Vec::new() }
}

/// The same error, in one language where it is known (the sync status line).
pub(crate) fn internal_error(lang: Lang) -> IpcError {
    IpcError { code: "internal".into(), message: INTERNAL.get(lang).to_string(), fields: Vec::new() }
}

/// Turns a store error into words in the user's language.
pub(crate) async fn in_user_language<T>(db: &Database, result: Result<T, StoreError>) -> Result<T, IpcError> {
    match result {
        Ok(v) => Ok(v),
        Err(e) => Err(IpcError::from_store(e, language(db).await)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_command_answers_with_an_internal_error_and_the_next_one_runs() {
        let failed = guarded::<()>(async { panic!("a defect") }).await.unwrap_err();
        assert_eq!(failed.code, "internal");
        assert!(failed.message.contains("Внутренняя ошибка") && !failed.message.contains("a defect"), "{}", failed.message);
        assert_eq!(guarded(async { Ok::<_, IpcError>(7) }).await.unwrap(), 7);
    }
}
