#!/usr/bin/env bash
# Start-up and memory of the real app (release build) with 10,000 applications stored, under
# Xvfb: the time from launch to the first painted dashboard (the window tells, once its data
# is on screen), and the resident memory of the app with its WebKit processes a few seconds
# later. Ten runs; prints the median and the worst. Then the floor: the same memory for a bare
# WebKitGTK view with one line of text (scripts/bare-webview.py), with the WebKit settings
# Zayava uses. Figures go in the README.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}" xvfb xauth python3-gi gir1.2-webkit2-4.1
check_toolchains
build_ui
say "Building the release app and the benchmark database"
(cd "$ROOT" && cargo build --release -p zayava-desktop)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/zayava.sqlite3"
(cd "$ROOT" && cargo run --release -q -p zayava-store --example seed -- "$db" "${APPLICATIONS:-10000}")
app="$CARGO_TARGET_DIR/release/zayava-desktop"

# Resident memory (kB) of a process and all its descendants; Pss beside it, which shares
# libraries out fairly between processes.
tree_memory() {
  local pids=("$1") i=0
  while [ $i -lt ${#pids[@]} ]; do
    for c in $(pgrep -P "${pids[$i]}" || true); do pids+=("$c"); done
    i=$((i + 1))
  done
  local rss=0 pss=0
  for p in "${pids[@]}"; do
    rss=$((rss + $(awk '/^VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
    pss=$((pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo "$rss $pss ${#pids[@]}"
}

say "Measuring (10 runs)"
results=()
for run in $(seq 1 10); do
  log="$work/run$run.log"
  ZAYAVA_DB="$db" ZAYAVA_REPORT_STARTUP=1 xvfb-run -a --server-args="-screen 0 1280x800x24" "$app" 2>"$log" &
  runner=$!
  for _ in $(seq 1 300); do grep -q "first paint" "$log" && break; sleep 0.1; done
  paint="$(grep -o 'first paint [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  sleep 3
  pid="$(pgrep -n -f "^$app" || true)"
  read -r rss pss procs <<<"$(tree_memory "$pid")"
  echo "run $run: first painted dashboard after ${paint} ms; resident $((rss / 1024)) MB (Pss $((pss / 1024)) MB) in $procs processes"
  results+=("$paint $((rss / 1024)) $((pss / 1024))")
  kill "$pid" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
done
median() { printf '%s\n' "${results[@]}" | awk -v c="$1" '{print $c}' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)] " (worst " v[NR] ")"}'; }
echo "median first paint $(median 1) ms; resident memory $(median 2) MB, Pss $(median 3) MB"

say "The floor: a bare WebKitGTK view with the same settings (3 runs)"
for run in 1 2 3; do
  WEBKIT_DISABLE_COMPOSITING_MODE=1 JSC_useDFGJIT=0 JSC_useFTLJIT=0 \
    xvfb-run -a --server-args="-screen 0 1280x800x24" /usr/bin/python3 "$ROOT/scripts/bare-webview.py" 2>/dev/null &
  runner=$!
  sleep 5
  pid="$(pgrep -n -f "^/usr/bin/python3 $ROOT/scripts/bare-webview.py" || true)"
  read -r rss pss procs <<<"$(tree_memory "$pid")"
  echo "bare view $run: resident $((rss / 1024)) MB (Pss $((pss / 1024)) MB) in $procs processes"
  kill "$pid" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
done
