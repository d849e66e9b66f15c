//! On Windows, `zayava.exe` carries what Explorer and "Programs and Features" show of a
//! program: the app's icon and a version resource (product, version, publisher), the same
//! as the window's executable gets from tauri-build. Elsewhere this does nothing.

fn main() {
    println!("cargo:rerun-if-changed=../../icons/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = tauri_winres::WindowsResource::new();
    res.set_icon("../../icons/icon.ico")
        .set("ProductName", "Zayava")
        .set("FileDescription", "Zayava command line (zayava)")
        .set("CompanyName", "Zayava")
        .set("LegalCopyright", "© 2026 Zayava")
        .set("OriginalFilename", "zayava.exe");
    if let Err(e) = res.compile() {
        // A Windows build without its resource would ship without icon and version: stop.
        panic!("the Windows resource of zayava.exe could not be compiled: {e}");
    }
}
