#!/usr/bin/env bash
# Installs everything Zayava needs, builds it, and launches the app.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}"
check_toolchains
build_ui
build_app

[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || die "No display: run this from a desktop session (or set DISPLAY)."
say "Starting Zayava"
exec "$CARGO_TARGET_DIR/debug/zayava-desktop"
