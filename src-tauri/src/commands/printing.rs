//! «Печать», «Сохранить PDF…» and «Подготовить письмо»: `zayava_app::printing` and
//! `zayava_app::mail` make the file; this opens it in the system's viewer or mail program,
//! or writes it where the user chose in the save dialog.

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use zayava_app::mail::{self, Letter, PreparedMail};
use zayava_app::printing::{self, PrintedPdf, Target};
use zayava_app::subject::Source;
use zayava_app::{AppError, Now, Problem};
use zayava_pdf::Kind;

use super::{database, guarded, language};
use crate::AppState;

/// Renders `kind` for application `id` (`all`: the schedule of every one). With `save`,
/// asks where to write it (`None` if cancelled); otherwise opens it in the PDF viewer.
#[tauri::command]
pub async fn print_pdf(app: AppHandle, state: State<'_, AppState>, id: String, kind: Kind, save: bool) -> Result<Option<PrintedPdf>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let target = if id == "all" { Target::All } else { Target::One(Source::Stored(id)) };
        let document = printing::render(Some(db), &target, kind, language(db).await, Now::read()).await?;
        let path = if save {
            match crate::dialogs::choose_target(&app, &document.file_name, ("PDF", &["pdf"])).await {
                Some(p) => p,
                None => return Ok(None),
            }
        } else {
            std::env::temp_dir().join(&document.file_name)
        };
        let printed = printing::write(&document, &path)?;
        if !save {
            app.opener().open_path(printed.path.clone(), None::<&str>).map_err(|e| {
                // The launcher's words go to the log; the window says it in the user's and
                // offers to save the document instead.
                eprintln!("zayava: no PDF viewer opened {}: {e}", printed.path);
                AppError::CannotOpen(e.to_string())
            })?;
        }
        Ok(Some(printed))
    }).await
}

/// «Подготовить письмо»: drafts `letter` for application `id` as an `.eml` and opens it in
/// the user's mail program as an unsent draft; with `save`, asks where to write it instead
/// (`None` if cancelled). The answer names the event sending it fulfils, for the window to
/// offer to record.
#[tauri::command]
pub async fn prepare_mail(app: AppHandle, state: State<'_, AppState>, id: String, letter: Letter, save: bool) -> Result<Option<PreparedMail>, Problem> {
    guarded(state.inner(), async move {
        let db = database(&state)?;
        let draft = mail::draft(db, &id, &letter, language(db).await, Now::read()).await?;
        let path = if save {
            match crate::dialogs::choose_target(&app, &draft.file_name, ("E-mail", &["eml"])).await {
                Some(p) => p,
                None => return Ok(None),
            }
        } else {
            std::env::temp_dir().join(&draft.file_name)
        };
        let prepared = mail::write(&draft, &path)?;
        if !save {
            app.opener().open_path(prepared.path.clone(), None::<&str>).map_err(|e| {
                eprintln!("zayava: no mail program opened {}: {e}", prepared.path);
                AppError::CannotOpenMail(e.to_string())
            })?;
        }
        Ok(Some(prepared))
    }).await
}
