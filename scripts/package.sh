#!/usr/bin/env bash
# Builds the installers for this platform with `tauri build` (release): on Linux a .deb and an
# AppImage, in target/release/bundle/. (The Windows installer is built by .ci/windows.yml on a
# Windows runner.) Tauri fetches its AppImage tools from github.com on first use; without that
# network the .deb is still built and the AppImage step says why it stopped.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}" file
check_toolchains
build_ui
say "Building the installers (release; the first build takes several minutes)"
cd "$ROOT"
ui/node_modules/.bin/tauri build --bundles deb --ci
if ! ui/node_modules/.bin/tauri build --bundles appimage --ci; then
  printf '\nzayava: the AppImage could not be built (it needs github.com for its tools); the .deb is ready.\n' >&2
fi
say "Installers"
ls -1 "$CARGO_TARGET_DIR"/release/bundle/*/* 2>/dev/null | grep -E '\.(deb|AppImage)$'
