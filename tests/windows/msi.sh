#!/usr/bin/env bash
# The Windows installer as an IT department uses it, under Wine, in a Wine prefix of its own:
# silent install per machine, what it puts where, an upgrade from the previous version that
# keeps the user's database, a downgrade refused, removal that keeps the data, a damaged MSI
# refused with nothing left behind, and the WebView2 check.
#
# The MSIs are built with packaging/windows/build-msi.sh from the debug Windows build (the
# installer does not care how the programs were optimised; scripts/package.sh builds the
# release ones). The "previous version" is the same programs packaged under the previous
# version number: what an upgrade does is Windows Installer's work, decided by the MSI's
# version and UpgradeCode, not by the programs inside.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${CARGO_TARGET_DIR:?}/x86_64-pc-windows-gnu"
work="$target/msi-test"
wine=/usr/lib/wine/wine64

fail() { printf 'msi test: %s\n' "$*" >&2; exit 1; }
# Output is read whole before it is searched: with pipefail, `producer | grep -q` fails by
# chance when grep stops reading before the producer has written everything (SIGPIPE).
has() { grep -q -- "$1" <<<"$2"; }
step() { printf '  - %s\n' "$*"; }

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")"
IFS=. read -r major minor patch <<<"$version"
# The previous release's number: one patch lower, or the minor before when the patch is 0.
if [ "$patch" -gt 0 ]; then previous="$major.$minor.$((patch - 1))"; else previous="$major.$((minor - 1)).99"; fi

rm -rf "$work"
mkdir -p "$work/bin"
for f in zayava-desktop.exe zayava.exe; do
  x86_64-w64-mingw32-strip -o "$work/bin/$f" "$target/debug/$f"
done
cp "$target/debug/WebView2Loader.dll" "$work/bin/"
step "building the MSIs $previous and $version"
bash "$root/packaging/windows/build-msi.sh" "$work/bin" "$version" "$work/zayava-$version.msi"
bash "$root/packaging/windows/build-msi.sh" "$work/bin" "$previous" "$work/zayava-$previous.msi"

# A UTF-8 Unix locale: Wine names files (the shortcut «Заява.lnk») in the locale's encoding.
export WINEPREFIX="$work/prefix" WINEDEBUG=-all LANG=C.UTF-8 LC_ALL=C.UTF-8
# One wineserver for the whole test (as in test.sh's Windows step), started before anything
# else in this fresh prefix can start one of its own.
mkdir -p "$WINEPREFIX"
/usr/lib/wine/wineserver -p
trap '/usr/lib/wine/wineserver -k 2>/dev/null || true' EXIT
"$wine" wineboot --init >/dev/null 2>&1
# The stand-in for a DLL this Wine lacks and Rust's standard library needs (see wine-run.sh).
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" "$here/bcryptprimitives.c" -ladvapi32

win() { printf 'Z:%s' "${1//\//\\}"; }
# msiexec's exit status as Windows reports it (Wine passes it modulo 256: 1603 reads 67).
msiexec() { local rc=0; "$wine" msiexec "$@" >/dev/null 2>&1 || rc=$?; echo "$rc"; }
program="$WINEPREFIX/drive_c/Program Files/Zayava"
uninstall_key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall'
# Every "Programs and Features" entry named Заява, as "version|publisher" lines.
entries() {
  "$wine" reg export "$uninstall_key" "$(win "$work/uninstall.reg")" /y >/dev/null 2>&1 || { : > "$work/uninstall.reg"; }
  iconv -f utf-16 -t utf-8 "$work/uninstall.reg" 2>/dev/null | python3 -c '
import sys, re
entry, out = {}, []
for line in sys.stdin.read().splitlines() + ["["]:
    if line.startswith("["):
        if entry.get("DisplayName") == "Заява":
            out.append(entry.get("DisplayVersion", "") + "|" + entry.get("Publisher", ""))
        entry = {}
    m = re.match(r"^\"(\w+)\"=\"(.*)\"$", line)
    if m:
        entry[m.group(1)] = m.group(2)
print("\n".join(out))'
}
system_path() { "$wine" reg query 'HKLM\System\CurrentControlSet\Control\Session Manager\Environment' /v PATH 2>/dev/null | tr -d '\r'; }
shortcut() { find "$WINEPREFIX/drive_c" -name 'Заява.lnk' -print -quit 2>/dev/null; }
installed_cli() { "$wine" 'C:\Program Files\Zayava\zayava.exe' "$@" 2>/dev/null | tr -d '\r'; }

step "without the WebView2 runtime, the install stops and says what to install"
[ "$(msiexec /i "$(win "$work/zayava-$version.msi")" /qn)" = 67 ] || fail "installed without WebView2"
[ ! -e "$program" ] || fail "a refused install left $program behind"
has 'нужна среда Microsoft Edge WebView2 Runtime' "$(msiinfo export "$work/zayava-$version.msi" LaunchCondition)" \
  || fail "the WebView2 message is not in the MSI"
# The runtime's registration, as its installer writes it.
"$wine" reg add 'HKLM\SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}' /v pv /t REG_SZ /d 120.0.2210.91 /f >/dev/null 2>&1

step "a damaged (truncated) MSI fails with Windows Installer's own error and installs nothing"
head -c "$(( $(stat -c %s "$work/zayava-$version.msi") / 2 ))" "$work/zayava-$version.msi" > "$work/damaged.msi"
[ "$(msiexec /i "$(win "$work/damaged.msi")" /qn)" != 0 ] || fail "a truncated MSI installed"
[ ! -e "$program" ] || fail "the truncated MSI left $program behind"
[ -z "$(entries)" ] || fail "the truncated MSI left an entry in Programs and Features"

step "silent per-machine install of $previous"
[ "$(msiexec /i "$(win "$work/zayava-$previous.msi")" /qn)" = 0 ] || fail "the install of $previous failed"
for f in zayava-desktop.exe zayava.exe WebView2Loader.dll; do [ -f "$program/$f" ] || fail "$f is not in Program Files\\Zayava"; done
[ "$(entries)" = "$previous|Zayava" ] || fail "Programs and Features shows: $(entries)"
lnk="$(shortcut)"
[ -n "$lnk" ] || fail "no Start-menu shortcut «Заява»"
python3 -c 'import sys; b = open(sys.argv[1], "rb").read(); sys.exit(0 if "zayava-desktop.exe".encode("utf-16-le") in b or b"zayava-desktop.exe" in b else 1)' "$lnk" \
  || fail "the shortcut does not start zayava-desktop.exe"
has 'ProductIcon.*zayava.ico' "$("$wine" reg query 'HKLM\Software\Classes\Installer\Products' /s 2>/dev/null)" || fail "no icon registered for Programs and Features"
has 'C:\\Program Files\\Zayava' "$(system_path)" || fail "the CLI's folder is not on the system PATH: $(system_path)"
[ "$(installed_cli --version)" = "zayava $version" ] || fail "the installed zayava.exe --version says: $(installed_cli --version)"

step "the user's database, made by $previous, survives the upgrade to $version untouched"
installed_cli info >/dev/null || fail "the installed zayava.exe could not make a database"
db="$(find "$WINEPREFIX/drive_c/users" -path '*AppData/Roaming/by.zayava.desktop/zayava.sqlite3' -print -quit)"
[ -n "$db" ] || fail "no database in the user's app-data folder"
before="$(sha256sum < "$db")"
[ "$(msiexec /i "$(win "$work/zayava-$version.msi")" /qn)" = 0 ] || fail "the upgrade to $version failed"
[ "$(entries)" = "$version|Zayava" ] || fail "after the upgrade, Programs and Features shows: $(entries | tr '\n' ' ')"
[ "$(sha256sum < "$db")" = "$before" ] || fail "the upgrade changed the database"
[ -n "$(shortcut)" ] || fail "the upgrade lost the shortcut"
installed_cli info >/dev/null || fail "the upgraded zayava.exe cannot open the database"

step "$previous is refused over $version, and $version stays"
[ "$(msiexec /i "$(win "$work/zayava-$previous.msi")" /qn)" = 67 ] || fail "the older version installed over the newer"
[ "$(entries)" = "$version|Zayava" ] || fail "after the refused downgrade, Programs and Features shows: $(entries | tr '\n' ' ')"
has 'Уже установлена более новая версия Заявы' "$(msiinfo export "$work/zayava-$version.msi" LaunchCondition)" \
  || fail "the downgrade message is not in the MSI"

step "silent removal takes the program, its shortcut and PATH entry, and keeps the data"
[ "$(msiexec /x "$(win "$work/zayava-$version.msi")" /qn)" = 0 ] || fail "the removal failed"
[ ! -e "$program/zayava-desktop.exe" ] || fail "the program is still in Program Files"
[ -z "$(entries)" ] || fail "the entry is still in Programs and Features"
[ -z "$(shortcut)" ] || fail "the shortcut is still there"
! has 'Zayava' "$(system_path)" || fail "the PATH still names Zayava: $(system_path)"
[ "$(sha256sum < "$db")" = "$before" ] || fail "the removal touched the database"
step "the MSI passed"
