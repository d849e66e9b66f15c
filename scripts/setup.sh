# Shared setup for scripts/run.sh and scripts/test.sh: installs what Zayava needs on Debian 12
# and builds it. Sourced, not run. Idempotent: it installs only what is missing, so a second
# run needs no network. Works as root or as a user with sudo.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nzayava setup: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages the app needs to build and run.
APP_PACKAGES=(libwebkit2gtk-4.1-dev build-essential pkg-config ca-certificates)
# Debian packages only the tests need: a virtual display (and xdotool and xclip to answer the system file
# dialog), the WebKit WebDriver, a session bus; MinGW and Wine to build the tests for Windows
# and run them; wixl and msitools to build and read the MSI, rpm and cpio to read the .rpm;
# PostgreSQL for the server's tests (scripts/postgres.sh runs a cluster of the tests' own).
TEST_PACKAGES=(xvfb xauth xdotool xclip webkit2gtk-driver dbus dbus-x11 gnome-keyring poppler-utils qpdf gcc-mingw-w64-x86-64 wine64 wixl msitools rpm cpio python3-venv python3-pikepdf python3-pil postgresql)

install_debian_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

check_toolchains() {
  command -v cargo >/dev/null || die "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again."
  command -v node >/dev/null || die "Node.js 20.19 or newer is needed; install it (for example from NodeSource), then run this again."
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js $(node --version) is too old; 20.19 or newer is needed."
}

npm_install() { # dir
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules/.package-lock.json" ]; then
    say "Installing npm packages in ${1#"$ROOT"/}"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Readers nobody here wrote, for the files Zayava writes: ics-py, a strict RFC 5545 reader
# (Debian packages none this strict), from PyPI into a virtualenv beside the cargo target.
# The tests find it through ZAYAVA_PYTHON.
python_readers() {
  local venv="$CARGO_TARGET_DIR/python"
  if ! "$venv/bin/python" -c 'import ics' 2>/dev/null; then
    say "Installing the Python readers the tests check files with (ics)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'ics==0.7.2'
  fi
  export ZAYAVA_PYTHON="$venv/bin/python"
}

build_ui() {
  npm_install "$ROOT/ui"
  say "Building the interface"
  (cd "$ROOT/ui" && npm run --silent build)
}

build_app() {
  say "Building the app (the first build takes a few minutes)"
  (cd "$ROOT" && cargo build --workspace --bins)
}
