#!/usr/bin/env bash
# The server under load, on this computer: a PostgreSQL of its own (scripts/postgres.sh), two
# zayava-server processes over it, and 1,000 accounts × 5 desktops pushing and pulling for
# 60 s through them (crates/zayava-server/examples/load.rs). Prints throughput, p50/p99
# latencies, and the counts of lost and duplicated items, which must be 0.
#   ACCOUNTS=1000 DESKTOPS=5 SECONDS_=60 bash scripts/bench-server.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
: "${CARGO_TARGET_DIR:=$ROOT/target}"
export CARGO_TARGET_DIR
install_debian_packages postgresql
(cd "$ROOT" && cargo build --release --quiet -p zayava-server --bin zayava-server --example load)
source "$ROOT/scripts/postgres.sh"
start_postgres
database="${ZAYAVA_TEST_POSTGRES%/*}/zayava_load"
psql -q "$ZAYAVA_TEST_POSTGRES" -c "CREATE DATABASE zayava_load"
server="$CARGO_TARGET_DIR/release/zayava-server"
# Thousands of desktops at once: a socket each, on both sides.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; stop_postgres; }
trap stop EXIT
servers=()
for _ in 1 2; do
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$server" serve --database "$database" --bind "127.0.0.1:$port" 2>>"${TMPDIR:-/tmp}/zayava-bench-server.log" &
  pids+=($!)
  servers+=("http://127.0.0.1:$port")
done
for url in "${servers[@]}"; do
  for _ in $(seq 100); do python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1] + '/health', timeout=1)" "$url" 2>/dev/null && break; sleep 0.1; done
done
"$CARGO_TARGET_DIR/release/examples/load" --database "$database" --servers "$(IFS=,; echo "${servers[*]}")" \
  --accounts "${ACCOUNTS:-1000}" --desktops "${DESKTOPS:-5}" --seconds "${SECONDS_:-60}"
