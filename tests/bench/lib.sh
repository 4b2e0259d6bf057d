# Helpers for run.sh: a throwaway PostgreSQL cluster, free ports, waiting for HTTP, stopping what we started.

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# Runs a PostgreSQL binary; as root, as the postgres user (PostgreSQL refuses to run as root).
pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# pg_start DIR: creates and starts a cluster in DIR (loopback only, trust auth: it lives for one run); sets PG_PORT.
pg_start() {
  local dir=$1
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  pg "$PG_BIN/initdb" -D "$dir/data" -U bench --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  PG_PORT=$(free_port)
  pg "$PG_BIN/pg_ctl" start -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200 -c shared_buffers=256MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { cat "$dir/postgres.log" >&2; die "pg_ctl start failed"; }
  PG_DIR=$dir
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] && [ -f "$PG_DIR/data/postmaster.pid" ] && pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m fast -w >/dev/null 2>&1 || true
}

psql_bench() { # psql_bench DB [psql args...]
  local db=$1; shift
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U bench -d "$db" "$@"
}

# wait_http URL PID NAME: waits until URL answers (any status), or fails when the process died.
wait_http() {
  local url=$1 pid=$2 name=$3 i
  for i in $(seq 1 240); do
    curl -s -o /dev/null "$url" && return 0
    kill -0 "$pid" 2>/dev/null || die "$name exited while starting (see its log in $WORK)"
    sleep 0.25
  done
  die "$name did not answer at $url within 60 s"
}
