// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's accelerated compositing buys nothing for forms and tables, and costs start-up
    // time and memory (about 0.25 s and 100 MB measured by scripts/bench-startup.sh), and a
    // blank window on some graphics drivers. Set before any thread starts; a value the user
    // set is kept.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    zayava_desktop::run();
}
