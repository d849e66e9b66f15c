#!/usr/bin/env bash
# Builds the MSI from zayava.wxs with wixl: build-msi.sh BIN_DIR VERSION OUTPUT.MSI
# BIN_DIR holds zayava-desktop.exe, zayava.exe and WebView2Loader.dll.
#
# wixl (Debian's msitools) builds it from a copy of zayava.wxs without the elements it does
# not know; wixl-compat.py then writes those, and the Russian strings wixl leaves empty, into
# the MSI in code page 1251, and checks every value it wrote.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="$(cd "$1" && pwd)" version="$2" out="$3"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
for f in zayava-desktop.exe zayava.exe WebView2Loader.dll; do
  [ -f "$bin/$f" ] || { echo "build-msi: $bin/$f is missing" >&2; exit 1; }
  ln -s "$bin/$f" "$stage/$f"
done
cp "$here/../../icons/icon.ico" "$stage/zayava.ico"
# wixl takes source paths relative to where it runs.
python3 "$here/wixl-compat.py" strip "$here/zayava.wxs" "$stage/zayava.wxs"
(cd "$stage" && wixl -a x64 -D Version="$version" -D Bin=. -D Icon=zayava.ico -o "$stage/zayava.msi" zayava.wxs)
printf '\r\n\r\n1251\t_ForceCodepage\r\n' > "$stage/_ForceCodepage.idt"
msibuild "$stage/zayava.msi" -i "$stage/_ForceCodepage.idt"
python3 "$here/wixl-compat.py" finish "$here/zayava.wxs" "$stage/zayava.msi"
mv "$stage/zayava.msi" "$out"
