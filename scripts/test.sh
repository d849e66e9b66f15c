#!/usr/bin/env bash
# Installs what the tests need and runs every test: the interface's unit tests; the Rust tests
# (domain, real SQLite files, CLI, generated bindings, sync against the real server, the server
# on SQLite and on a PostgreSQL started here, the keyring); schemathesis against the server; and
# the end-to-end tests that drive the real app window under a virtual display.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
check_toolchains
if ! command -v tauri-driver >/dev/null; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked
fi
npm_install "$ROOT/tests"
python_readers
build_ui

say "Interface unit tests (Vitest)"
(cd "$ROOT/ui" && npx vitest run)

# A PostgreSQL of the tests' own, for the server's tests and schemathesis; stopped on exit.
source "$ROOT/scripts/postgres.sh"
start_postgres

say "Rust tests"
(cd "$ROOT" && cargo test --workspace)

say "Schemathesis: the server keeps its spec (docs/operator-api.yaml), on SQLite and on PostgreSQL"
(cd "$ROOT" && bash scripts/schemathesis.sh)

say "The token in a real Secret Service (GNOME Keyring on a private session bus), and without one"
(cd "$ROOT" && scripts/with-keyring.sh cargo test --workspace --test secret_service -- --ignored kept_in)
(cd "$ROOT" && DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent cargo test --workspace --test secret_service -- --ignored without)

say "Windows: the domain, store, sync, CLI and app tests built for Windows and run under Wine"
# The same code paths a Windows user runs (file locks, renames, flushing, app-data folder, the
# Credential Manager), without a Windows machine. The PDF checks are left to the Linux run:
# they read the PDFs with poppler and qpdf, which are Linux programs, and the bytes are the
# same on every system. The crash and kill tests run fewer trials here (Wine starts processes slowly).
command -v rustup >/dev/null || die "rustup is needed to add the Windows target (https://rustup.rs)."
rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER="$ROOT/tests/windows/wine-run.sh"
windows=(--target x86_64-pc-windows-gnu)
(
  cd "$ROOT"
  # One wineserver for the whole step, ended when it ends: a test program that started Wine
  # afresh could meet a server still shutting down after the one before ("wine client
  # error: recvmsg: Connection reset by peer"), which failed a run by chance.
  export WINEPREFIX="$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/wine-prefix" WINEDEBUG=-all
  mkdir -p "$WINEPREFIX"
  /usr/lib/wine/wineserver -p || true  # already running for this prefix: that one serves
  trap '/usr/lib/wine/wineserver -k 2>/dev/null || true' EXIT
  export ZAYAVA_CRASH_TRIALS=30 ZAYAVA_KILL_TRIALS=10
  # The server's tests run on SQLite here; PostgreSQL was covered by the Linux run.
  export ZAYAVA_TEST_POSTGRES=skip
  cargo test "${windows[@]}" -p zayava-core -p zayava-api -p zayava-store -p zayava-sync -p zayava-server
  cargo test "${windows[@]}" -p zayava-cli --bins --test cli --test crash --test deadlines --test forms --test sync_kill
  cargo test "${windows[@]}" -p zayava-desktop --lib --bins
  cargo test "${windows[@]}" -p zayava-sync --test secret_service -- --ignored kept_in
)

say "Windows installer: the MSI built with wixl, installed, upgraded, refused and removed under Wine"
(cd "$ROOT" && cargo build "${windows[@]}" -p zayava-desktop -p zayava-cli --bins && bash tests/windows/msi.sh)

build_app
say "End-to-end tests in the real window"
# A full-HD screen, so the largest window the fits test opens is on it whole.
(cd "$ROOT/tests" && "$ROOT/scripts/with-keyring.sh" xvfb-run -a --server-args="-screen 0 1920x1080x24" npm test --silent)

say "Linux installers: the .rpm is read (files, requires, scripts); the .deb installs with dpkg -i, and the app it installs starts"
(cd "$ROOT" && ui/node_modules/.bin/tauri build --debug --bundles deb,rpm --ci)
bash "$ROOT/tests/linux/packages.sh" "$(ls -t "$CARGO_TARGET_DIR"/debug/bundle/deb/*.deb | head -n1)" "$(ls -t "$CARGO_TARGET_DIR"/debug/bundle/rpm/*.rpm | head -n1)"
deb="$(ls -t "$CARGO_TARGET_DIR"/debug/bundle/deb/*.deb | head -n1)"
as_root dpkg -i "$deb"
(cd "$ROOT/tests" && ZAYAVA_APP=/usr/bin/zayava-desktop "$ROOT/scripts/with-keyring.sh" xvfb-run -a --server-args="-screen 0 1280x800x24" node --test e2e/installed.test.mjs)
as_root dpkg -r zayava >/dev/null

say "All tests passed"
