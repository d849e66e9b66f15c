//! The Zayava desktop app: a Tauri window over `zayava-app`'s use cases. This crate is glue
//! only — each command is an adapter that opens a dialog where the user picks a file, reads
//! the clock, and calls one use case; it decides nothing itself.

mod bindings;
mod commands;
mod dialogs;
mod reminders;

use tauri::{Emitter, Manager};
use zayava_core::rules::Rulebook;
use zayava_store::{location, Database};

use zayava_app::{AppError, Now, Problem};

/// What the app holds while it runs. The database may have failed to open; then every
/// command answers with that failure and the UI shows it instead of crashing.
pub struct AppState {
    pub db: Result<Database, std::sync::Arc<AppError>>,
    /// Where the database is (or would be): backups and restore need it even when it failed to open.
    pub db_path: Option<std::path::PathBuf>,
    /// The language for messages when the database (which remembers it) is not open.
    pub lang: zayava_core::i18n::Lang,
    /// The rulebook deadlines are counted by.
    pub rulebook: Rulebook,
    /// Set when the integrity check run at start finds the database damaged: from then on
    /// every command answers with it and the window shows the recovery screen.
    pub damaged: std::sync::OnceLock<std::sync::Arc<AppError>>,
    /// Sync with the operator, run in the background and on request.
    pub sync: std::sync::Arc<zayava_app::sync::Runner>,
}

impl AppState {
    /// The state when there is no database to open: every command answers with `why`.
    #[cfg(test)]
    fn without_database(why: AppError, lang: zayava_core::i18n::Lang) -> AppState {
        AppState {
            db: Err(std::sync::Arc::new(why)),
            db_path: None,
            lang,
            rulebook: Rulebook::embedded(),
            damaged: std::sync::OnceLock::new(),
            sync: std::sync::Arc::new(zayava_app::sync::Runner::new()),
        }
    }
}

fn open_database(path: Option<&std::path::Path>) -> Result<Database, std::sync::Arc<AppError>> {
    let path = path.ok_or(AppError::NoDataDir)?;
    // A newer file, or one SQLite cannot read, is refused here, untouched; the full integrity
    // check runs in the background while the window comes up (see `run`).
    Ok(tauri::async_runtime::block_on(Database::open_deferring_check(path)).map_err(AppError::Store)?)
}

/// When the process started, for the start-up benchmark.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Told when the window has painted its first screen with data: the integrity check waits
/// for it (or a few seconds), so the window does not share the disk and a core with it.
pub static PAINTED: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// A panic (a defect) is written to `zayava.log` beside the database, with the time, and to
/// stderr; the command it happened in answers the page with an `internal` error
/// (`commands::guarded`), and the app keeps running.
fn log_panics(file: Option<std::path::PathBuf>) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(path) = &file {
            if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(path) {
                use std::io::Write;
                let _ = writeln!(f, "{} panic: {info}", chrono::Utc::now().to_rfc3339());
            }
        }
        default(info);
    }));
}

pub fn run() {
    STARTED.get_or_init(std::time::Instant::now);
    let db_path = location::database_path(None);
    log_panics(db_path.as_deref().and_then(std::path::Path::parent).map(|d| d.join("zayava.log")));
    // Held for the app's lifetime: `zayava restore` will not replace a file the app has open,
    // and a second window on the same data is refused. Waits a little for an app restarting.
    let (_claim, db) = match db_path.as_deref().map(|p| zayava_store::safety::claim(p, std::time::Duration::from_secs(10))) {
        Some(Err(e)) => (None, Err(std::sync::Arc::new(AppError::Store(e)))),
        Some(Ok(lock)) => (Some(lock), open_database(db_path.as_deref())),
        None => (None, open_database(None)),
    };
    let lang = db.as_ref().ok().map(|db| tauri::async_runtime::block_on(db.language()).unwrap_or_default()).unwrap_or_default();
    let state = AppState { db, db_path, lang, damaged: std::sync::OnceLock::new(), rulebook: Rulebook::embedded(), sync: std::sync::Arc::new(zayava_app::sync::Runner::new()) };
    let reminder_db = state.db.as_ref().ok().cloned();
    let sync_runner = state.sync.clone();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            // One window showing one app: WebKit's browser-sized caches only cost memory.
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.with_webview(|view| {
                    use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
                    if let Some(context) = view.inner().context() {
                        context.set_cache_model(CacheModel::DocumentViewer);
                    }
                });
            }
            if let Some(db) = reminder_db {
                let handle = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    // The calendar (160 years of days) is built before the first screen asks.
                    let _ = db.calendar().await;
                    tokio::select! {
                        _ = PAINTED.notified() => {}
                        _ = tokio::time::sleep(std::time::Duration::from_secs(3)) => {}
                    }
                    // PRAGMA integrity_check reads the whole file; the loops that write on
                    // their own start only once it has passed.
                    let problems = match db.integrity_problems().await {
                        Ok(p) if p.is_empty() => None,
                        Ok(p) => Some(zayava_store::StoreError::Damaged(p.join("; "))),
                        Err(e) => Some(zayava_store::StoreError::Damaged(e.to_string())),
                    };
                    match problems {
                        None => {
                            reminders::start(handle.clone(), db.clone(), sync_runner.clone());
                            tauri::async_runtime::spawn(zayava_app::safety::keep_daily(db.clone(), Now::read));
                            // The runner's status goes to the window's status line as it changes.
                            let mut status = sync_runner.subscribe();
                            let forward = handle.clone();
                            let reader = db.clone();
                            tauri::async_runtime::spawn(async move {
                                while status.changed().await.is_some() {
                                    let lang = reader.language().await.unwrap_or_default();
                                    let _ = forward.emit("sync-status", status.read(lang));
                                }
                            });
                            tauri::async_runtime::spawn(async move { sync_runner.keep_in_sync(db, Now::read).await });
                        }
                        Some(e) => {
                            let failure = std::sync::Arc::new(AppError::Store(e));
                            let error = Problem::render(&failure, db.language().await.unwrap_or_default());
                            let state = handle.state::<AppState>();
                            let _ = state.damaged.set(failure);
                            let _ = handle.emit("database-damaged", error);
                        }
                    }
                });
            }
            Ok(())
        })
        .manage(state)
        // Every `#[tauri::command]` in commands/, listed by build.rs.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handlers.rs")))
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The page may call exactly the commands build.rs found: each has a permission and a
    /// grant in the generated capability, and nothing else is granted but listening to the
    /// app's events. (A command module edited by hand-listing would show here.)
    #[test]
    fn the_page_may_call_exactly_the_registered_commands() {
        let handlers = include_str!(concat!(env!("OUT_DIR"), "/handlers.rs"));
        let handlers: BTreeSet<String> = handlers.split("crate::commands::").skip(1).map(|s| s.split("::").nth(1).unwrap().split([',', '\n']).next().unwrap().trim().to_string()).collect();
        assert!(handlers.len() >= 50 && handlers.contains("print_pdf"), "{handlers:?}");
        let cap: serde_json::Value = serde_json::from_str(include_str!("../capabilities/default.json")).unwrap();
        let granted: BTreeSet<String> = cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
        let mut expected: BTreeSet<String> = handlers.iter().map(|h| format!("allow-{}", h.replace('_', "-"))).collect();
        expected.insert("core:event:allow-listen".into());
        expected.insert("core:event:allow-unlisten".into());
        assert_eq!(granted, expected);
    }

    /// The window's content security policy stays strict: nothing remote, nothing inline,
    /// nothing evaluated; only the app's own files and its IPC.
    #[test]
    fn the_csp_allows_no_remote_or_inline_content() {
        let conf: serde_json::Value = serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        let csp = conf["app"]["security"]["csp"].as_str().expect("a CSP is set");
        assert_eq!(csp_problems(csp), Vec::<String>::new());
    }

    /// What an allow-list of directives and their sources finds wrong with a policy: a
    /// directive not on it, a source it does not allow, a directive it requires but missing.
    fn csp_problems(csp: &str) -> Vec<String> {
        const ALLOWED: [(&str, &[&str]); 10] = [
            ("default-src", &["'self'"]),
            ("script-src", &["'self'"]),
            ("style-src", &["'self'"]),
            ("img-src", &["'self'", "data:"]),
            ("font-src", &["'self'"]),
            ("connect-src", &["ipc:", "http://ipc.localhost"]),
            ("object-src", &["'none'"]),
            ("base-uri", &["'none'"]),
            ("frame-ancestors", &["'none'"]),
            ("form-action", &["'none'"]),
        ];
        let mut problems = Vec::new();
        let mut seen = Vec::new();
        for directive in csp.split(';').map(str::trim).filter(|d| !d.is_empty()) {
            let mut tokens = directive.split_ascii_whitespace();
            let name = tokens.next().unwrap_or_default().to_ascii_lowercase();
            let Some((_, sources)) = ALLOWED.iter().find(|(n, _)| *n == name) else {
                problems.push(format!("directive {name} is not allowed"));
                continue;
            };
            if seen.contains(&name) {
                problems.push(format!("directive {name} twice"));
            }
            seen.push(name.clone());
            for source in tokens {
                if !sources.contains(&source) {
                    problems.push(format!("{name} allows {source}"));
                }
            }
        }
        for (name, _) in ALLOWED {
            if !seen.iter().any(|s| s == name) {
                problems.push(format!("directive {name} missing"));
            }
        }
        problems
    }

    #[test]
    fn the_csp_check_refuses_what_a_loose_policy_lets_in() {
        let strict = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src ipc: http://ipc.localhost; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
        assert!(csp_problems(strict).is_empty());
        for (loose, found) in [
            (strict.replace("script-src 'self'", "script-src 'self' https://cdn.example"), "script-src allows https://cdn.example"),
            (strict.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"), "style-src allows 'unsafe-inline'"),
            (strict.replace("img-src 'self' data:", "img-src *"), "img-src allows *"),
            (strict.replace("script-src 'self'", "script-src data: 'self'"), "script-src allows data:"),
            (strict.replace("; object-src 'none'", ""), "directive object-src missing"),
            (format!("{strict}; worker-src blob:"), "directive worker-src is not allowed"),
        ] {
            assert!(csp_problems(&loose).iter().any(|p| p == found), "{loose}: {:?}", csp_problems(&loose));
        }
    }

    /// The CLI finds the app's database through `APP_IDENTIFIER`; it must be the identifier
    /// Tauri uses for the app-data directory, or the two would open different files.
    #[test]
    fn the_store_uses_the_identifier_from_tauri_conf() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        assert_eq!(conf["identifier"], zayava_store::location::APP_IDENTIFIER);
    }
}
