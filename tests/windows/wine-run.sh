#!/usr/bin/env bash
# Cargo's runner for the x86_64-pc-windows-gnu target (scripts/test.sh sets it): runs a
# Windows test program under Wine, in a Wine prefix kept beside the build, with the
# ProcessPrng stand-in in place and the WebView2 loader the desktop crate links to on the
# DLL search path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${CARGO_TARGET_DIR:?}/x86_64-pc-windows-gnu"
export WINEPREFIX="$target/wine-prefix" WINEDEBUG=-all
if [ ! -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
  /usr/lib/wine/wine64 wineboot --init >/dev/null 2>&1
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32
fi
# Wine shows the Linux root as drive Z:.
export WINEPATH="Z:${target//\//\\}\\debug"
exec /usr/lib/wine/wine64 "$@"
