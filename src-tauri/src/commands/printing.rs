//! «Печать» and «Сохранить PDF…»: `zayava_app::printing` renders; this opens the result in
//! the system's viewer or writes it where the user chose in the save dialog.

use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
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
