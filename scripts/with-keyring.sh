#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked GNOME Keyring (the
# Secret Service the app keeps its token in), whose keyring file lives in a temporary
# folder: the tests never touch the user's own keyring.
set -euo pipefail
if [ -z "${ZAYAVA_KEYRING_SESSION:-}" ]; then
  export ZAYAVA_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
XDG_DATA_HOME="$(mktemp -d)"
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
# --unlock reads the new keyring's password from stdin and starts the secrets component.
printf 'zayava-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
