#!/usr/bin/env bash
# Reads the Linux packages as their package managers would: packages.sh DEB RPM.
# Each holds the app, its desktop entry and icons, the Russian description and the category,
# and names its dependencies the way its family of distributions does: Debian package names
# in the .deb; in the .rpm, the shared libraries themselves (sonames), which Fedora, RED OS
# and ALT Linux all resolve, though each names the packages that carry them differently.
set -euo pipefail
deb="$1" rpm="$2"
fail() { printf 'package test: %s\n' "$*" >&2; exit 1; }
step() { printf '  - %s\n' "$*"; }

step ".deb: $(basename "$deb")"
info="$(dpkg-deb -I "$deb")"
depends="$(dpkg-deb -f "$deb" Depends)"
for p in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -qw -- "$p" <<<"$depends" || fail "the .deb does not depend on $p: $depends"
done
! grep -q '\.so\.' <<<"$depends" || fail "the .deb names libraries, not Debian packages: $depends"
[ "$(dpkg-deb -f "$deb" Section)" = office ] || fail "the .deb's section is $(dpkg-deb -f "$deb" Section)"
grep -q 'Заявки, договоры и сроки для услуг НЦЭУ' <<<"$info" || fail "the .deb has no Russian description"
files="$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./||')"
for f in usr/bin/zayava-desktop usr/share/applications/Zayava.desktop usr/share/icons/hicolor/128x128/apps/zayava-desktop.png; do
  grep -qxF -- "$f" <<<"$files" || fail "the .deb lacks /$f"
done

step ".rpm: $(basename "$rpm")"
requires="$(rpm -qpR "$rpm" 2>/dev/null)"
for p in 'libwebkit2gtk-4.1.so.0()(64bit)' 'libgtk-3.so.0()(64bit)'; do
  grep -qxF -- "$p" <<<"$requires" || fail "the .rpm does not require $p: $(tr '\n' ' ' <<<"$requires")"
done
! grep -qE '^lib(webkit2gtk-4\.1-0|gtk-3-0)$' <<<"$requires" || fail "the .rpm requires Debian package names: $(tr '\n' ' ' <<<"$requires")"
grep -q 'НЦЭУ' <<<"$(rpm -qp --qf '%{SUMMARY}\n%{DESCRIPTION}\n' "$rpm" 2>/dev/null)" || fail "the .rpm has no Russian summary or description"
files="$(rpm -qpl "$rpm" 2>/dev/null)"
for f in /usr/bin/zayava-desktop /usr/share/applications/Zayava.desktop /usr/share/icons/hicolor/128x128/apps/zayava-desktop.png; do
  grep -qxF -- "$f" <<<"$files" || fail "the .rpm lacks $f"
done
# The package installs files only: no scriptlet runs as root on the user's machine.
scripts="$(rpm -qp --scripts "$rpm" 2>/dev/null)"
[ -z "$scripts" ] || fail "the .rpm runs scripts on install or removal: $scripts"
payload="$(mktemp -d)"
trap 'rm -rf "$payload"' EXIT
# Debian's rpm2cpio writes the whole payload of a package from Tauri's rpm writer and still
# exits 1, so its status is not used: cpio below fails if the payload is short.
rpm2cpio "$rpm" > "$payload/payload.cpio" || true
desktop="$(cd "$payload" && cpio -idm --quiet ./usr/share/applications/Zayava.desktop < payload.cpio && cat usr/share/applications/Zayava.desktop)"
grep -q '^Categories=.*Office' <<<"$desktop" || fail "the desktop entry has no Office category: $desktop"
step "the Linux packages passed"
