#!/usr/bin/env bash
# Runs schemathesis (every check, a fixed seed, a bounded number of examples) against the real
# zayava-server on loopback: on a SQLite file, and on PostgreSQL when ZAYAVA_TEST_POSTGRES
# names a cluster (scripts/test.sh starts one). Any failure fails the run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${CARGO_TARGET_DIR:=$ROOT/target}"
SCHEMATHESIS_VERSION=4.32.5
venv="$CARGO_TARGET_DIR/python"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
  echo "Installing schemathesis $SCHEMATHESIS_VERSION from PyPI"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi
(cd "$ROOT" && cargo build --quiet -p zayava-server --bin zayava-server)
server="$CARGO_TARGET_DIR/debug/zayava-server"
work="$(mktemp -d)"
pid=
cleanup() { [ -z "$pid" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

databases=("sqlite://$work/schemathesis.sqlite3")
if [ -n "${ZAYAVA_TEST_POSTGRES:-}" ] && [ "$ZAYAVA_TEST_POSTGRES" != skip ]; then
  name="zayava_schemathesis_$$"
  psql -q "$ZAYAVA_TEST_POSTGRES" -c "CREATE DATABASE $name"
  databases+=("${ZAYAVA_TEST_POSTGRES%/*}/$name")
elif [ "${CI:-}" = true ]; then
  echo "CI: ZAYAVA_TEST_POSTGRES is not set; scripts/test.sh starts a PostgreSQL for this" >&2; exit 1
fi

for database in "${databases[@]}"; do
  engine="${database%%:*}"
  token="$("$server" users add --database "$database" --account "Schemathesis" --user "st" --role admin | tail -n1)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$server" serve --database "$database" --bind "127.0.0.1:$port" 2>"$work/server-$engine.log" &
  pid=$!
  "$venv/bin/python" - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(200):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=1); break
    except Exception:
        time.sleep(0.05)
else:
    sys.exit("the server did not come up")
PY
  echo "schemathesis against zayava-server on $engine"
  (cd "$work" && PYTHONPATH="$ROOT/tests/schemathesis" "$venv/bin/st" --no-color --config-file "$ROOT/tests/schemathesis/schemathesis.toml" \
    run "$ROOT/docs/operator-api.yaml" --url "http://127.0.0.1:$port" -H "Authorization: Bearer $token" --checks all) \
    || { echo "schemathesis found the server breaking its spec on $engine (server log: below)" >&2; tail -n 20 "$work/server-$engine.log" >&2; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
