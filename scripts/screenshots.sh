#!/usr/bin/env bash
# Retakes the README's pictures from the real window (run it whenever a screen they show
# changes): the dashboard, an application with its progress, the calendar with a deadline
# on its day, the applications screen, the exchange settings, and the first two pages of a
# printed contract package. Writes docs/screenshots/*.png. Needs what `scripts/test.sh`
# installs (it builds the app the same way), and poppler-utils for the printed pages.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
out="$ROOT/docs/screenshots"
mkdir -p "$out"
build_ui
build_app
say "The window at 1280×800, as the end-to-end tests drive it"
(
  cd "$ROOT/tests"
  export ZAYAVA_SCREENSHOT_DASHBOARD="$out/dashboard.png" ZAYAVA_SCREENSHOT_PROGRESS="$out/application-progress.png" ZAYAVA_SCREENSHOT_CALENDAR="$out/calendar.png"
  export ZAYAVA_SCREENSHOT="$out/application.png" ZAYAVA_SCREENSHOT_SYNC="$out/sync.png"
  "$ROOT/scripts/with-keyring.sh" xvfb-run -a --server-args="-screen 0 1920x1080x24" node --test --test-concurrency=1 e2e/lifecycle.test.mjs e2e/applications.test.mjs e2e/sync.test.mjs
)
say "A printed contract package, its first two pages"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli="$CARGO_TARGET_DIR/debug/zayava"
"$cli" --db "$work/z.sqlite3" organisations add --from "$ROOT/tests/fixtures/organisation.json" >/dev/null
"$cli" --db "$work/z.sqlite3" applications new --service constructor --organisation 1 --from "$ROOT/tests/fixtures/constructor-application.json" >/dev/null
"$cli" --db "$work/z.sqlite3" applications outgoing З-0001 --number "01-12/345" >/dev/null
"$cli" --db "$work/z.sqlite3" pdf --application З-0001 --kind package --output "$work/package.pdf" >/dev/null
for n in 1 2; do pdftoppm -r 70 -png -f "$n" -l "$n" -singlefile "$work/package.pdf" "$out/package-$n"; done
ls -l "$out"
