//! The commands the UI may invoke, one module per screen. Each is an adapter of a few lines
//! over a use case of `zayava-app` (the terminal calls the same ones): it reads the clock
//! here, at the edge, opens a system dialog where the user picks a file, and renders a
//! failure into words once (`guarded`). None decides anything itself.

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
use zayava_store::Database;

use zayava_app::{AppError, Problem};

use crate::AppState;

/// The open database, or what stands in the way (it failed to open, or was found damaged).
pub(crate) fn database(state: &AppState) -> Result<&Database, AppError> {
    if let Some(damaged) = state.damaged.get() {
        return Err(AppError::Standing(damaged.clone()));
    }
    state.db.as_ref().map_err(|e| AppError::Standing(e.clone()))
}

/// The user's language as it is now; Russian if even that cannot be read.
pub(crate) async fn language(db: &Database) -> Lang {
    db.language().await.unwrap_or_default()
}

/// The language for a message: the stored choice, or the one read at start when the
/// database is not open.
async fn current_language(state: &AppState) -> Lang {
    match &state.db {
        Ok(db) => language(db).await,
        Err(_) => state.lang,
    }
}

/// Runs a command's body and puts its failure into words, in the user's current language:
/// the one boundary where that happens. A panic in the body (a defect: no input should
/// reach one) becomes an `internal` error the page can show, instead of a promise that
/// never settles; the panic itself is logged by the hook set in `run`.
pub(crate) async fn guarded<T>(state: &AppState, body: impl std::future::Future<Output = Result<T, AppError>>) -> Result<T, Problem> {
    use futures_util::FutureExt;
    match std::panic::AssertUnwindSafe(body).catch_unwind().await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(failure)) => Err(Problem::render(&failure, current_language(state).await)),
        // The language setting may be what failed; the sentence is given in both.
        Err(_) => Err(Problem::internal_in_both()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zayava_core::error_code::ErrorCode;

    fn state() -> AppState {
        AppState::without_database(AppError::NoDataDir, Lang::En)
    }

    #[tokio::test]
    async fn a_panicking_command_answers_with_an_internal_error_and_the_next_one_runs() {
        let state = state();
        let failed = guarded::<()>(&state, async { panic!("a defect") }).await.unwrap_err();
        assert_eq!(failed.code, ErrorCode::Internal);
        assert!(failed.message.contains("Внутренняя ошибка") && !failed.message.contains("a defect"), "{}", failed.message);
        assert_eq!(guarded(&state, async { Ok::<_, AppError>(7) }).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn a_failure_is_put_into_words_once_in_the_language_of_the_moment() {
        let state = state();
        let failed = guarded::<()>(&state, async { Err(AppError::BadLeads { term: true }) }).await.unwrap_err();
        assert_eq!(failed.code, ErrorCode::SettingsInvalidLeads);
        assert!(failed.message.starts_with("Give how many working days before a contract ends"), "{}", failed.message);
        assert_eq!(failed.fields.len(), 1);
        assert_eq!(failed.fields[0].field, "term_reminder_leads");
        // A command on a database that failed to open answers with that failure.
        let standing = guarded(&state, async { database(&state).map(|_| ()) }).await.unwrap_err();
        assert_eq!(standing.code, ErrorCode::StoreNoDataDir);
        assert!(standing.message.contains("ZAYAVA_DB"), "{}", standing.message);
    }
}
