// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// WebKitGTK settings that only an environment variable reaches, each with what it buys
/// (measured by scripts/bench-startup.sh). The web process inherits them; a value the user
/// set is kept.
#[cfg(target_os = "linux")]
const WEBKIT_ENVIRONMENT: &[(&str, &str)] = &[
    // Accelerated compositing buys nothing for forms and tables, and costs about 0.25 s of
    // start-up and 100 MB, and a blank window on some graphics drivers.
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    // JavaScriptCore's optimising tiers (DFG, FTL) pay off for long-running heavy scripts;
    // the page is forms and tables, served well by the interpreter and the baseline JIT.
    // About 15 MB less, start-up unchanged.
    ("JSC_useDFGJIT", "0"),
    ("JSC_useFTLJIT", "0"),
];

fn main() {
    // Set before any thread starts (set_var is only sound then).
    #[cfg(target_os = "linux")]
    for (name, value) in WEBKIT_ENVIRONMENT {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
    zayava_desktop::run();
}
