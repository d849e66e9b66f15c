#!/usr/bin/env bash
# Every performance figure of the README in one run (issue 19), on this machine, today:
#   1. the deadline batch CLI beside a plain Python implementation of a few of its rules,
#      on the same 200,000 JSON lines (the answers they share are checked equal first);
#   2. the engine: rule evaluations per second, interpreted and compiled (criterion);
#   3. sync: pulling Operator events with the due dates recomputed (criterion);
#   4. search: the applications list's first page over 100,000 applications (criterion),
#      and a calendar correction recomputing the applications counted through its year;
#   5. start-up and memory of the real window beside a bare WebKitGTK view (Xvfb).
# Set SKIP="startup search" (any of batch engine sync search startup) to leave parts out.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

install_debian_packages "${APP_PACKAGES[@]}" python3
check_toolchains
skip() { [[ " ${SKIP:-} " == *" $1 "* ]]; }
summary=()
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! skip batch; then
  say "1. The deadline batch CLI beside Python"
  (cd "$ROOT" && cargo build --release -q -p zayava-cli)
  zayava="$CARGO_TARGET_DIR/release/zayava"
  book="$ROOT/crates/zayava-core/src/rules/rulebook.json"
  transfers="$ROOT/crates/zayava-core/src/calendar/transfers.json"
  python3 "$ROOT/scripts/bench/deadline_lines.py" "$book" 200000 > "$work/lines.jsonl"
  # No database: the embedded calendar, as the Python's.
  export HOME="$work/home" XDG_DATA_HOME="$work/home/data"
  mkdir -p "$HOME"
  "$zayava" deadlines --batch "$work/lines.jsonl" > "$work/zayava.out"
  python3 "$ROOT/scripts/bench/deadlines_reference.py" "$book" "$transfers" < "$work/lines.jsonl" > "$work/python.out"
  python3 - "$work/zayava.out" "$work/python.out" <<'PY'
import json, sys
shared = differ = 0
for z, p in zip(open(sys.argv[1]), open(sys.argv[2])):
    z, p = json.loads(z), json.loads(p)
    due = {i["rule"]: i["due"] for i in z.get("items", [])}
    for item in p.get("items", []):
        shared += 1
        differ += due.get(item["rule"]) != item["due"]
print(f"the two agree on {shared - differ} of the {shared} due dates both give")
sys.exit(1 if differ else 0)
PY
  best() { # best of five wall-clock runs, in ms
    local t b=999999
    for _ in 1 2 3 4 5; do
      t=$( { /usr/bin/time -f '%e' "$@" > /dev/null; } 2>&1 | tail -1)
      t=$(awk -v t="$t" 'BEGIN {printf "%d", t * 1000}')
      [ "$t" -lt "$b" ] && b=$t
    done
    echo "$b"
  }
  z_ms=$(best "$zayava" deadlines --batch "$work/lines.jsonl")
  z_explain_ms=$(best "$zayava" deadlines --batch "$work/lines.jsonl" --explain)
  py_ms=$(best sh -c "python3 '$ROOT/scripts/bench/deadlines_reference.py' '$book' '$transfers' < '$work/lines.jsonl'")
  summary+=("batch: 200,000 lines: zayava ${z_ms} ms, with --explain ${z_explain_ms} ms; Python ${py_ms} ms; ratio $(awk -v p="$py_ms" -v z="$z_ms" 'BEGIN {printf "%.1f", p / z}')×")
fi

if ! skip engine; then
  say "2. The engine (criterion)"
  out=$(cd "$ROOT" && cargo bench -q -p zayava-core --bench deadlines -- 'evaluate_(100k|compiled)' 2>&1 | grep -E '^deadlines/|thrpt:' | grep -v '%')
  echo "$out"
  summary+=("engine: $(echo "$out" | awk '/^deadlines\//{n=$1} /thrpt:/{printf "%s %s %s; ", n, $4, $5}')")
fi

if ! skip sync; then
  say "3. Sync (criterion)"
  out=$(cd "$ROOT" && cargo bench -q -p zayava-sync --bench sync 2>&1 | grep -E '^(upload|pull|no-op sync):')
  echo "$out"
  summary+=("sync: $(echo "$out" | tr '\n' ';')")
fi

if ! skip search; then
  say "4. Search over 100,000 applications (criterion; the database is built once, some minutes), and a calendar correction over them"
  out=$(cd "$ROOT" && cargo bench -q -p zayava-store --bench dashboard -- search 2>&1 | grep -E '^search|time:|^calendar correction' | grep -v '%')
  echo "$out"
  summary+=("search: $(echo "$out" | awk '/^search\//{n=$1} /time:/{printf "%s %s %s; ", n, $4, $5}')")
  summary+=("calendar correction: $(echo "$out" | grep '^calendar correction' | tail -2 | tr '\n' ';')")
fi

if ! skip startup; then
  say "5. Start-up and memory (Xvfb)"
  bash "$ROOT/scripts/bench-startup.sh" | tee "$work/startup.txt"
  summary+=("startup: $(grep -E '^median|^floor|^ours' "$work/startup.txt" | tr '\n' ' ')")
fi

say "Figures, $(date +%d.%m.%Y), $(nproc) cores"
printf '  %s\n' "${summary[@]}"
