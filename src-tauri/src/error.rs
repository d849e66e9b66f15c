//! The one error shape that crosses IPC: `{code, message, fields}`. The code is stable for
//! the UI to match; the message is a sentence in the user's language; `fields` carries
//! per-field findings for forms.

use serde::Serialize;
use ts_rs::TS;
use zayava_core::i18n::{Lang, Text};
use zayava_core::deadlines::QueryError;
use zayava_core::validation::{localize_all, FieldError, IssueCode};
use zayava_store::StoreError;

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub code: String,
    pub message: String,
    pub fields: Vec<FieldError>,
}

const INVALID: Text = Text::new("Проверьте выделенные поля.", "Please check the highlighted fields.");
const NOT_FOUND: Text = Text::new("Запись не найдена — возможно, она была удалена.", "The record was not found; it may have been deleted.");
const DATABASE: Text = Text::new(
    "Не удалось сохранить или прочитать данные. Ничего не потеряно; попробуйте ещё раз.",
    "Could not save or read the data. Nothing was lost; please try again.",
);
const STARTUP: Text = Text::new("Не удалось открыть базу данных: {detail}", "Could not open the database: {detail}");

impl IpcError {
    pub fn from_store(err: StoreError, lang: Lang) -> IpcError {
        let (message, fields) = match &err {
            StoreError::Invalid(issues) => (INVALID.get(lang).to_string(), localize_all(issues, lang)),
            StoreError::NotFound { .. } => (NOT_FOUND.get(lang).to_string(), vec![]),
            StoreError::Directory { .. } | StoreError::Migrate(_) => {
                (zayava_core::i18n::fill(STARTUP.get(lang), &[("detail", &err.to_string())]), vec![])
            }
            StoreError::Sqlx(_) | StoreError::Corrupt(_) => (DATABASE.get(lang).to_string(), vec![]),
            StoreError::Transfers(e) => (e.message(lang), vec![]),
        };
        IpcError { code: err.code().to_string(), message, fields }
    }

    /// A deadline query's error. Problems with one event or fact also name that field, so
    /// the calculator shows the message next to it.
    pub fn from_query(err: QueryError, lang: Lang) -> IpcError {
        let field = match &err {
            QueryError::UnknownEvent { event, .. }
            | QueryError::MalformedMoment { event, .. }
            | QueryError::ImpossibleDate { event, .. }
            | QueryError::NeedsTime { event, .. }
            | QueryError::DuplicateEvent { event } => Some(event.clone()),
            QueryError::UnknownFact { fact, .. } | QueryError::InvalidFact { fact, .. } => Some(fact.clone()),
            _ => None,
        };
        let message = err.message(lang);
        let fields = field.map(|field| FieldError { field, code: IssueCode::Malformed, message: message.clone() }).into_iter().collect();
        IpcError { code: format!("deadlines.{}", err.code()), message, fields }
    }

    pub fn out_of_range(date: chrono::NaiveDate, lang: Lang) -> IpcError {
        IpcError::from_query(QueryError::OutOfRange { date }, lang)
    }
}
