#!/usr/bin/env bash
# Start-up and memory of the real app (release build) with 10,000 applications stored, under
# Xvfb: the time from launch to the first painted dashboard (the window tells, once its data
# is on screen), and the resident memory of the app with its WebKit processes a few seconds
# later; and the same for the floor, a bare WebKitGTK view with one line of text
# (scripts/bare-webview.py) with the WebKit settings Zayava uses, in the same run, since the
# figures move with the machine. Ten launches of each; prints medians and worsts, the ratio
# of the start-ups and what Zayava adds to the memory. Figures go in the README.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}" xvfb python3-gi gir1.2-webkit2-4.1
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

# One X server for every run, so that neither side's time includes starting one.
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY="$display"
now_ms() { date +%s%3N; }

# One launch of Zayava: launch to its first painted dashboard (the window reports the clock
# once its data is on screen), and the memory of it and its WebKit processes 3 s later.
zayava_run() {
  local log="$work/zayava.log" t0 at pid
  t0=$(now_ms)
  ZAYAVA_DB="$db" ZAYAVA_REPORT_STARTUP=1 "$app" 2>"$log" &
  pid=$!
  for _ in $(seq 1 300); do grep -q "first paint" "$log" && break; sleep 0.05; done
  at="$(grep -o 'first paint [0-9]* ms, at [0-9]*' "$log" | grep -o '[0-9]*$' || echo "$t0")"
  sleep 3
  read -r rss pss procs <<<"$(tree_memory "$pid")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$((at - t0)) $((rss / 1024)) $((pss / 1024)) $procs"
}

# The same for a bare WebKitGTK view with one line of text and the WebKit settings Zayava
# uses (scripts/bare-webview.py): the floor.
bare_run() {
  local log="$work/bare.log" t0 at pid
  t0=$(now_ms)
  WEBKIT_DISABLE_COMPOSITING_MODE=1 JSC_useDFGJIT=0 JSC_useFTLJIT=0 /usr/bin/python3 "$ROOT/scripts/bare-webview.py" 2>"$log" &
  pid=$!
  for _ in $(seq 1 300); do grep -q "first paint" "$log" && break; sleep 0.05; done
  at="$(grep -o 'first paint at [0-9]*' "$log" | grep -o '[0-9]*$' || echo "$t0")"
  sleep 3
  read -r rss pss procs <<<"$(tree_memory "$pid")"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$((at - t0)) $((rss / 1024)) $((pss / 1024)) $procs"
}

say "Measuring: 10 launches of each, taken in turn, so both see the machine alike"
ours=() floor=()
for run in $(seq 1 10); do
  read -r paint rss pss procs <<<"$(zayava_run)"
  echo "run $run: Zayava's first painted dashboard after ${paint} ms; resident $rss MB (Pss $pss MB) in $procs processes"
  ours+=("$paint $rss $pss")
  read -r paint rss pss procs <<<"$(bare_run)"
  echo "run $run: the bare view's first paint after ${paint} ms; resident $rss MB (Pss $pss MB) in $procs processes"
  floor+=("$paint $rss $pss")
done
# Column $2 of a list: "median worst".
stats() { local c="$1"; shift; printf '%s\n' "$@" | awk -v c="$c" '{print $c}' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)], v[NR]}'; }
read -r z_paint z_worst <<<"$(stats 1 "${ours[@]}")"
read -r f_paint f_worst <<<"$(stats 1 "${floor[@]}")"
read -r z_rss _ <<<"$(stats 2 "${ours[@]}")"
read -r f_rss _ <<<"$(stats 2 "${floor[@]}")"
read -r z_pss _ <<<"$(stats 3 "${ours[@]}")"
read -r f_pss _ <<<"$(stats 3 "${floor[@]}")"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "median first paint: Zayava $z_paint ms (worst $z_worst), the bare view $f_paint ms (worst $f_worst); ratio $(ratio "$z_paint" "$f_paint")× (worst to worst $(ratio "$z_worst" "$f_worst")×)"
echo "floor memory (the bare view): $f_rss MB RSS, $f_pss MB Pss"
echo "ours above the floor: Zayava $z_rss MB RSS − $f_rss = $((z_rss - f_rss)) MB; Pss $z_pss − $f_pss = $((z_pss - f_pss)) MB"
