# A throwaway PostgreSQL for the tests: a cluster of its own in a temporary directory, run as
# an unprivileged user, on a free loopback port, gone when the calling script exits. Sourced by
# scripts/test.sh after the Debian packages are in; exports ZAYAVA_TEST_POSTGRES, the URL of
# its maintenance database (the tests make a database of their own for each run there).

start_postgres() {
  local bin port dir owner
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -x "$bin/initdb" ] || die "PostgreSQL's programs are not in /usr/lib/postgresql/*/bin: is the postgresql package installed?"
  dir="$(mktemp -d /tmp/zayava-pg.XXXXXX)"
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user Debian's
  # package made (or to the caller, who is then not root).
  owner="$(id -un)"
  if [ "$(id -u)" -eq 0 ]; then owner=postgres; chown "$owner" "$dir"; fi
  pg() { if [ "$owner" = "$(id -un)" ]; then "$@"; else runuser -u "$owner" -- "$@"; fi; }
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  pg "$bin/initdb" -D "$dir/data" -U zayava --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # Durability is not under test here (the server's processes are killed, never the
  # database's): no fsync, for speed.
  pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$dir/server.log" >&2; die "PostgreSQL did not start"; }
  ZAYAVA_PG_DIR="$dir" ZAYAVA_PG_BIN="$bin" ZAYAVA_PG_OWNER="$owner"
  export ZAYAVA_TEST_POSTGRES="postgres://zayava@127.0.0.1:$port/postgres"
  trap stop_postgres EXIT
  say "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (a cluster of its own in $dir)"
}

stop_postgres() {
  [ -n "${ZAYAVA_PG_DIR:-}" ] || return 0
  if [ "$ZAYAVA_PG_OWNER" = "$(id -un)" ]; then "$ZAYAVA_PG_BIN/pg_ctl" -D "$ZAYAVA_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  else runuser -u "$ZAYAVA_PG_OWNER" -- "$ZAYAVA_PG_BIN/pg_ctl" -D "$ZAYAVA_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$ZAYAVA_PG_DIR"
  ZAYAVA_PG_DIR=
}
