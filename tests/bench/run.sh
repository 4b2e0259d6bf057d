#!/usr/bin/env bash
# The performance benchmark: Catalog side by side with PostGraphile and a ceiling on one throwaway PostgreSQL.
#   bash tests/bench/run.sh           full run (3 rounds x 10 s per system and query), under 15 minutes
#   bash tests/bench/run.sh --quick   1 round x 3 s, under 3 minutes
#   bash tests/bench/run.sh --scale   the catalog at the seed and with 1,000 and 10,000 generated write-ups (--quick:
#                                     1,000; tests/bench/writeups.sql): latency, start, builds, memory, a write answered
#                                     by reads, and the widget on the demo post: bytes per first and repeat view in
#                                     Chromium, p50/p99 of the index and definitions requests
# Options: --keep keeps the work folder (logs, bodies, responses) and prints where it is; with --scale, --copies adds
#          the older axis, the seed's curated technologies copied 1000 times (--quick: 100; tests/bench/scale.sql), to
#          compare with figures recorded on it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/lib.sh"

quick=false scale=false keep=false copies=false
for arg in "$@"; do
  case $arg in
    --quick) quick=true ;;
    --scale) scale=true ;;
    --keep) keep=true ;;
    --copies) copies=true ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done

WORK=$(mktemp -d /tmp/catalog-bench.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pg_stop
  if $keep; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Tools: wrk from Debian, PostGraphile from npm (v4: v5 needs Node 22), the two .NET programs in Release.
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v node >/dev/null || die "node is needed (PostGraphile and the driver run on it)"
[ -x "$PG_BIN/initdb" ] || die "PostgreSQL binaries not found (apt-get install postgresql)"
# PostGraphile for the comparison; playwright-core, which drives Debian's Chromium for the widget's figures in --scale.
log "npm ci (PostGraphile, playwright-core)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
log "publishing the service and the ceiling (Release)"
dotnet publish "$root/src/Catalog.Api" -c Release -o "$WORK/api" --nologo -v q >"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; die "publish failed"; }
$scale || dotnet publish "$here/Ceiling" -c Release -o "$WORK/ceiling" --nologo -v q >>"$WORK/publish.log" 2>&1 || { cat "$WORK/publish.log" >&2; die "publish failed"; }

# --- PostgreSQL with the seed imported by the service's own import command.
log "starting PostgreSQL"
pg_start "$WORK/pg"
psql_bench postgres -c "CREATE DATABASE catalog"
cs() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=bench;Database=$1"; }
log "importing the seed"
ConnectionStrings__Catalog=$(cs catalog) Catalog__SeedPath="$root/seed" dotnet "$WORK/api/Catalog.Api.dll" import >"$WORK/import.log" 2>&1 \
  || { cat "$WORK/import.log" >&2; die "import failed"; }

start_catalog() { # start_catalog DB: starts the service on the database; sets CATALOG_URL, CATALOG_PID
  local port started; port=$(free_port); started=$(date +%s%N)
  # The load generator is a single client address: the per-client rate limit is turned off for the run.
  # The scale mode times how latency grows, not the limits: the whole glossary and the category tree at 10,000
  # write-ups take longer than the 10 s default.
  ConnectionStrings__Catalog=$(cs "$1") Catalog__ImportOnStart=false ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Catalog__Limits__RateLimitPermits=0 Catalog__Limits__TimeoutSeconds=$($scale && echo 120 || echo 10) \
    Logging__LogLevel__Default=Warning env "Logging__LogLevel__Catalog.Api.Snapshot=Information" \
    dotnet "$WORK/api/Catalog.Api.dll" >"$WORK/catalog-$1.log" 2>&1 &
  CATALOG_PID=$!; pids+=("$CATALOG_PID")
  CATALOG_URL="http://127.0.0.1:$port"
  wait_http "$CATALOG_URL/health/live" "$CATALOG_PID" "the catalog service"
  # Ready once its first snapshot is built: report how long that took from the process's start, and what the
  # process holds then.
  local i
  for i in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$CATALOG_URL/health/ready")" = 200 ] && break
    kill -0 "$CATALOG_PID" 2>/dev/null || die "the catalog service exited while building its snapshot (see $WORK/catalog-$1.log)"
    sleep 0.05
  done
  TO_READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  local built; built=$(grep -o 'snapshot [0-9]* built: [^"]*' "$WORK/catalog-$1.log" | head -1)
  READY_RSS=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$CATALOG_PID/status")
  FIRST_BUILD_MS=$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' <<<"$built")
  echo "[bench] $1: ready $TO_READY_MS ms after start; $built; RSS $READY_RSS MB" >&2
}

rss_mb() { awk -v k="$1" '$1 == k":" {printf "%d", $2/1024}' "/proc/$CATALOG_PID/status"; }

# The peak RSS of one phase: the kernel's high-water mark is reset at the phase's start (clear_refs 5) and read at its
# end. Where it cannot be reset, the mark goes on from the process's start, and the report says so.
PEAK_RESETS=true
reset_peak() { echo 5 2>/dev/null >"/proc/$CATALOG_PID/clear_refs" || PEAK_RESETS=false; }

rebuild_catalog() { # rebuild_catalog DB: a change committed, the warm rebuild it causes timed from the log (REBUILT), and
  # what the process holds once the build's memory is given back (AFTER_RSS; a collection 2 s after it, which takes
  # seconds on a heap of gigabytes)
  local log="$WORK/catalog-$1.log" before i built
  before=$(grep -c 'snapshot [0-9]* built' "$log")
  psql_bench "$1" -qc "UPDATE technologies SET homepage = homepage WHERE id = (SELECT min(id) FROM technologies)"
  for i in $(seq 1 240); do [ "$(grep -c 'snapshot [0-9]* built' "$log")" -gt "$before" ] && break; sleep 0.25; done
  built=$(grep -o 'snapshot [0-9]* built: [^"]*' "$log" | tail -1)
  sleep 15
  REBUILT=$built AFTER_RSS=$(rss_mb VmRSS)
  echo "[bench] $1 rebuild: $built; RSS $AFTER_RSS MB, peak $(rss_mb VmHWM) MB" >&2
}

export BENCH_OUT="$WORK/out"
mkdir -p "$BENCH_OUT"

if $scale; then
  # The field grows by write-ups: the seed, then the seed with 1,000 and 10,000 generated ones (--quick: 1,000).
  sizes=(1000 10000); $quick && sizes=(1000)
  for n in "${sizes[@]}"; do
    log "generating $n write-ups"
    psql_bench postgres -c "CREATE DATABASE w$n TEMPLATE catalog"
    started=$(date +%s%N)
    psql_bench "w$n" -v writeups="$n" -f "$here/writeups.sql" >/dev/null
    log "generated $n write-ups in $(( ($(date +%s%N) - started) / 1000000 )) ms"
  done
  dbs=(catalog "${sizes[@]/#/w}")
  if $copies; then
    f=$($quick && echo 100 || echo 1000)
    log "copying the curated catalog ${f} times"
    psql_bench postgres -c "CREATE DATABASE x$f TEMPLATE catalog"
    psql_bench "x$f" -v factor="$f" -f "$here/scale.sql" >/dev/null
    dbs+=("x$f")
  fi
  # Q1 asks for k8s, the most named technology, whose answer grows with the write-ups; Q1s asks the same question of
  # a technology named in as many talks as k8s is in the seed (k8s itself there), the same-sized answer at each size.
  talks_of='WITH x AS (SELECT m.technology_id, count(DISTINCT s.talk_id) AS n FROM mentions m JOIN sections s ON s.id = m.section_id WHERE s.talk_id IS NOT NULL GROUP BY 1)'
  k8s_talks=$(psql_bench catalog -Atc "$talks_of SELECT x.n FROM x JOIN technology_aliases a ON a.technology_id = x.technology_id WHERE a.normalized = 'k8s'")
  export BENCH_SCALE_FILE="$WORK/scale.jsonl" BENCH_DURATION=$($quick && echo 3 || echo 8) BENCH_WARMUP=3
  for db in "${dbs[@]}"; do
    case $db in catalog) label=seed ;; w*) label="$(( ${db#w} / 1000 ))k" ;; x*) label="${db#x}x" ;; esac
    size=$(psql_bench "$db" -Atc "SELECT (SELECT count(*) FROM documents) || ' write-ups, ' || (SELECT count(*) FROM events) || ' events, ' || (SELECT count(*) FROM talks) || ' talks, ' || (SELECT count(*) FROM people) || ' people, ' || (SELECT count(*) FROM organizations) || ' organisations, ' || (SELECT count(*) FROM technologies) || ' technologies, ' || (SELECT count(*) FROM technology_aliases) || ' aliases, ' || (SELECT count(*) FROM mentions) || ' mentions, ' || pg_size_pretty(pg_database_size(current_database()))")
    echo "[bench] $label: $size" >&2
    printf '{"label":"%s","size":"%s"}\n' "$label" "$size" >>"$BENCH_SCALE_FILE"
    q1_alias=k8s
    [ "$db" = catalog ] || q1_alias=$(psql_bench "$db" -Atc "$talks_of SELECT a.normalized FROM x JOIN technology_aliases a ON a.technology_id = x.technology_id AND a.kind = 'name' ORDER BY abs(x.n - $k8s_talks), x.technology_id LIMIT 1")
    start_catalog "$db"
    # Three phases, each with its own peak: the start (the first build), a rebuild (two snapshots at once), and the
    # queries one at a time (each executed). Each phase starts once the one before has given its memory back (the
    # collection that follows a build, GiveBackDelay after it). Then the writes answered by reads.
    START_PEAK=$(rss_mb VmHWM); sleep 8; reset_peak
    rebuild_catalog "$db"
    REBUILD_PEAK=$(rss_mb VmHWM); reset_peak
    CATALOG_URL=$CATALOG_URL BENCH_SCALE_LABEL=$label BENCH_Q1_ALIAS=$q1_alias node "$here/bench.mjs" scale
    printf '{"label":"%s","build":{"toReady":%s,"first":%s,"rebuild":%s,"read":%s,"ready":%s,"after":%s,"peakStart":%s,"peakRebuild":%s,"peakQueries":%s,"peakResets":%s}}\n' \
      "$label" "$TO_READY_MS" "$FIRST_BUILD_MS" \
      "$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' <<<"$REBUILT")" "$(sed -n 's/.*(\([0-9]*\) ms reading.*/\1/p' <<<"$REBUILT")" \
      "$READY_RSS" "$AFTER_RSS" "$START_PEAK" "$REBUILD_PEAK" "$(rss_mb VmHWM)" "$PEAK_RESETS" >>"$BENCH_SCALE_FILE"
    CATALOG_URL=$CATALOG_URL BENCH_SCALE_LABEL=$label BENCH_Q1_ALIAS=$q1_alias BENCH_PG="postgres://bench@127.0.0.1:$PG_PORT/$db" node "$here/bench.mjs" visible
    kill "$CATALOG_PID"; wait "$CATALOG_PID" 2>/dev/null || true
  done
  node "$here/bench.mjs" scale-report
  exit 0
fi

psql_bench catalog -f "$here/postgraphile.sql" >/dev/null
log "starting the catalog service"
start_catalog catalog

# Lists rather than Relay connections (--simple-collections only): the catalog answers these questions with plain
# lists too, and connection objects doubled PostGraphile's Node time per request (see postgraphile.sql).
log "starting PostGraphile"
pgl_port=$(free_port)
NODE_ENV=production node "$here/node_modules/postgraphile/cli.js" -c "postgres://bench@127.0.0.1:$PG_PORT/catalog" \
  --schema public --host 127.0.0.1 --port "$pgl_port" --disable-default-mutations --disable-query-log \
  --simple-collections only >"$WORK/postgraphile.log" 2>&1 &
POSTGRAPHILE_PID=$!; pids+=("$POSTGRAPHILE_PID")
POSTGRAPHILE_URL="http://127.0.0.1:$pgl_port"
wait_http "$POSTGRAPHILE_URL/graphql" "$POSTGRAPHILE_PID" "PostGraphile"

log "checking that every system answers the same"
CATALOG_URL=$CATALOG_URL POSTGRAPHILE_URL=$POSTGRAPHILE_URL node "$here/bench.mjs" check

log "starting the ceiling"
ceiling_port=$(free_port)
ASPNETCORE_URLS="http://127.0.0.1:$ceiling_port" dotnet "$WORK/ceiling/Ceiling.dll" "$BENCH_OUT/ceiling" >"$WORK/ceiling.log" 2>&1 &
CEILING_PID=$!; pids+=("$CEILING_PID")
CEILING_URL="http://127.0.0.1:$ceiling_port"
wait_http "$CEILING_URL/graphql/Q1" "$CEILING_PID" "the ceiling"

# Warm-up: first every system runs every query in turn (BENCH_PREWARM seconds each), then each query gets its own
# warm-up per system before its rounds. The catalog needs about 25 s of mixed load for .NET's tiered JIT to settle on
# optimised code; with only the per-query warm-up, the first query's first round ran at half speed.
if $quick; then
  export BENCH_ROUNDS=1 BENCH_DURATION=3 BENCH_WARMUP=3 BENCH_PREWARM=0
else
  export BENCH_ROUNDS=3 BENCH_DURATION=10 BENCH_WARMUP=8 BENCH_PREWARM=6
fi
export CATALOG_URL CATALOG_PID POSTGRAPHILE_URL POSTGRAPHILE_PID CEILING_URL CEILING_PID
log "load: $BENCH_ROUNDS round(s) of ${BENCH_DURATION}s per system and query"
node "$here/bench.mjs" run
