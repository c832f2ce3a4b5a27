#!/usr/bin/env bash
# Measures the service: the REST API with 100,000 threats and 2M session events stored, and HTTP ingest with
# detection on, in H2 (embedded, a data directory) and in PostgreSQL (a server this script starts itself).
#
#   bench/service-benchmark.sh                         # both databases, queries and ingest (about 30 minutes)
#   DATABASES=h2 STEPS=query bench/service-benchmark.sh
#   WORK=bench/.out/service bench/service-benchmark.sh # keep the seeded databases there and reuse them next time
#   THREATS=10000 EVENTS=200000 INGEST_EVENTS=100000 REQUESTS=50 bench/service-benchmark.sh   # a smoke run
#
# What it does (details and the latest figures: bench/README.md, "service-benchmark.sh"):
#   data     the scan benchmark's data set (`simulate --days 7 --seed 42 --scale 1000000`) as one JSON Lines file in
#            event-time order (`bench-service prepare-ingest`), made once and reused.
#   seed     an empty database filled in bulk through the store's own tables (`bench-service seed`): THREATS threats
#            over the last 90 days with EVENTS session events made from the simulated records. Not measured.
#   query    the service's API modules over the real stores on the seeded database, timed over HTTP by one warmed-up
#            client (`bench-service query`): p50/p95/p99 per kind of request, against the targets of issue 5
#            (p95: threat list and a threat's events under 100 ms, overview under 200 ms).
#   ingest   the service as `serve` runs it (rules and baselines on) on a fresh database, fed the JSON Lines over
#            HTTP by CLIENTS concurrent clients in requests of BATCH records, timed until detection has processed
#            everything (`bench-service ingest`); in the same run the limit: the same bodies only streamed through
#            Jackson's token parser on all cores. Target: at least 20,000 events/s.
#
# Settings (environment):
#   DATABASES  "h2 postgresql" (default), or one of them        STEPS  "query ingest" (default), or one of them
#   THREATS    threats to seed (default 100000)                 EVENTS session events to seed (default 2000000)
#   REQUESTS   timed requests per kind (default 200)            WARMUP untimed requests per kind first (default 40)
#   CLIENTS    concurrent ingest clients (default 4)            BATCH  records per ingest request (default 1000)
#   INGEST_EVENTS  ingest only the first N records (default 0: all, about 990,000)
#   DATA       simulated data set (default bench/.out/data/sim-s42-1000000, as scan-benchmark.sh; made when missing)
#   WORK       where the seeded databases live (default: a temporary directory removed at exit); an existing WORK
#              with seeded databases of the same THREATS/EVENTS is reused without seeding again
#   PG_BIN     PostgreSQL server binaries (default: /usr/lib/postgresql/<highest>/bin, then pg_config --bindir)
#   PG_CONF    extra postgresql.conf lines (one a line), after the defaults below
#   SKIP_BUILD=1 use app/target as it is          MVN_ARGS  extra Maven arguments for the build (e.g. -o)
#   JAVA_OPTS  JVM flags of the bench JVM (default -XX:+UseParallelGC, as ./trailhound)
# Results (each step's output and the summary) go to bench/.out/results/service-<timestamp>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATABASES="${DATABASES:-h2 postgresql}"
STEPS="${STEPS:-query ingest}"
THREATS="${THREATS:-100000}"
EVENTS="${EVENTS:-2000000}"
REQUESTS="${REQUESTS:-200}"
WARMUP="${WARMUP:-40}"
CLIENTS="${CLIENTS:-4}"
BATCH="${BATCH:-1000}"
INGEST_EVENTS="${INGEST_EVENTS:-0}"
DATA="${DATA:-$ROOT/bench/.out/data/sim-s42-1000000}"
JAVA_OPTS="${JAVA_OPTS:--XX:+UseParallelGC}"
OUT="$ROOT/bench/.out/results/service-$(date -u +%Y%m%dT%H%M%SZ)"

log() { echo "service-benchmark: $*" >&2; }
die() { log "$*"; exit 1; }

for d in $DATABASES; do case "$d" in h2|postgresql) ;; *) die "DATABASES: h2 and/or postgresql, got '$d'" ;; esac; done
for s in $STEPS; do case "$s" in query|ingest) ;; *) die "STEPS: query and/or ingest, got '$s'" ;; esac; done

source "$ROOT/scripts/find-jdk.sh"
JAVA_HOME="$(find_java)"
export JAVA_HOME
read -r -a JVM <<<"$JAVA_OPTS"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building..."
    read -r -a MVN_EXTRA <<<"${MVN_ARGS:-}"
    (cd "$ROOT" && ./mvnw -q -B -DskipTests "${MVN_EXTRA[@]}" package) >&2 || die "the build failed"
fi
JARS=("$ROOT"/app/target/trailhound-app-*.jar)
JAR="${JARS[0]}"
[[ -f "$JAR" ]] || die "no application jar in app/target"
bench() { "$JAVA_HOME/bin/java" "${JVM[@]}" -jar "$JAR" bench-service "$@"; }

mkdir -p "$OUT"
TEMP_WORK=""
if [[ -z "${WORK:-}" ]]; then
    WORK="$(mktemp -d -t trailhound-service-bench.XXXXXX)"
    TEMP_WORK="$WORK"
fi
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

# ------------------------------------------------------------------------------------------------ PostgreSQL
PG_STARTED=""
PG_PORT=""
as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
    if [[ -n "$PG_STARTED" ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PG_STARTED" -m fast -w stop >/dev/null 2>&1 || true
        PG_STARTED=""
    fi
}
cleanup() {
    stop_postgres
    [[ -z "$TEMP_WORK" ]] || rm -rf "$TEMP_WORK"
}
trap cleanup EXIT

find_pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
    local v
    v="$(ls -1 /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)"
    if [[ -n "$v" && -x "/usr/lib/postgresql/$v/bin/postgres" ]]; then echo "/usr/lib/postgresql/$v/bin"; return; fi
    command -v pg_config >/dev/null && pg_config --bindir && return
    die "PostgreSQL server binaries not found (Debian: apt-get install postgresql), or set PG_BIN"
}

free_port() {
    local p
    for _ in $(seq 1 100); do
        p=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
    die "no free port found"
}

# A cluster in $WORK/pg (made once, with trust authentication on 127.0.0.1 only), started on a free port.
start_postgres() {
    PG_BIN="$(find_pg_bin)"
    local cluster="$WORK/pg"
    if [[ ! -f "$cluster/PG_VERSION" ]]; then
        mkdir -p "$cluster"
        [[ "$(id -u)" != 0 ]] || chown postgres "$cluster" "$WORK"
        as_postgres "$PG_BIN/initdb" -D "$cluster" -U trailhound --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$OUT/initdb.log" 2>&1 \
            || die "initdb failed (see $OUT/initdb.log)"
        {
            echo "# trailhound service benchmark: a server sized for this machine, durable as PostgreSQL's defaults"
            echo "listen_addresses = '127.0.0.1'"
            echo "unix_socket_directories = '$cluster'"
            echo "shared_buffers = 2GB"
            echo "effective_cache_size = 12GB"
            echo "work_mem = 16MB"
            echo "maintenance_work_mem = 512MB"
            echo "max_wal_size = 8GB"
            echo "random_page_cost = 1.1"
            [[ -z "${PG_CONF:-}" ]] || echo "$PG_CONF"
        } >>"$cluster/postgresql.conf"
    fi
    PG_PORT="$(free_port)"
    as_postgres "$PG_BIN/pg_ctl" -D "$cluster" -o "-p $PG_PORT" -l "$cluster/server.log" -w -t 120 start >/dev/null \
        || die "PostgreSQL did not start (see $cluster/server.log)"
    PG_STARTED="$cluster"
    log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT ($cluster)"
}

pg_url() { echo "jdbc:postgresql://127.0.0.1:$PG_PORT/$1"; }
pg_create() { as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U trailhound "$1"; }
pg_drop() { as_postgres "$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U trailhound --if-exists "$1"; }

# ------------------------------------------------------------------------------------------------------ data
NDJSON="$DATA.ndjson"
if [[ " $STEPS " == *" ingest "* || ! -f "$NDJSON" ]]; then
    if [[ ! -d "$DATA/AWSLogs" ]]; then
        log "simulating the data set into $DATA ..."
        mkdir -p "$DATA"
        "$JAVA_HOME/bin/java" "${JVM[@]}" -jar "$JAR" simulate --out "$DATA" --days 7 --seed 42 --scale 1000000 >&2
    fi
    if [[ ! -f "$NDJSON" ]]; then
        log "writing $NDJSON (event-time order, one record a line)..."
        bench prepare-ingest --out "$NDJSON" "$DATA/AWSLogs" >&2
    fi
fi

log "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB;"\
" $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "results in ${OUT#"$ROOT"/}; work directory $WORK"
{
    echo "service benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "seeded: $THREATS threats, $EVENTS session events; $REQUESTS timed requests per kind after $WARMUP warm-up"
} >"$OUT/summary.txt"

SEEDED_MARK="threats=$THREATS events=$EVENTS"
seed() {  # $1: h2|postgresql, then the database arguments
    local kind="$1"; shift
    local mark="$WORK/$kind.seeded"
    if [[ -f "$mark" && "$(cat "$mark")" == "$SEEDED_MARK" ]]; then
        log "$kind: reusing the seeded database in $WORK ($SEEDED_MARK)"
        return
    fi
    log "$kind: seeding $THREATS threats and $EVENTS events (not measured; a few minutes)..."
    # 20 large threats of 5,000 events (a quarter of EVENTS at most, for small smoke runs)
    local large_events=$(( EVENTS / 80 < 5000 ? EVENTS / 80 : 5000 ))
    bench seed "$@" --records "$NDJSON" --threats "$THREATS" --events "$EVENTS" \
        --large-threats 20 --large-threat-events "$large_events" >"$OUT/seed-$kind.out" 2>&1 \
        || { tail -20 "$OUT/seed-$kind.out" >&2; die "$kind: seeding failed (see $OUT/seed-$kind.out)"; }
    echo "$SEEDED_MARK" >"$mark"
}

for kind in $DATABASES; do
    if [[ "$kind" == postgresql ]]; then
        start_postgres
        echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{ print $3 }'): shared_buffers 2GB, effective_cache_size 12GB, work_mem 16MB, random_page_cost 1.1, durability as default${PG_CONF:+; plus: $PG_CONF}" >>"$OUT/summary.txt"
    fi
    if [[ " $STEPS " == *" query "* ]]; then
        if [[ "$kind" == h2 ]]; then
            DB_ARGS=(--data-dir "$WORK/h2")
        else
            [[ -f "$WORK/postgresql.seeded" ]] || { pg_drop seeded; pg_create seeded; }
            DB_ARGS=(--database-url "$(pg_url seeded)" --database-user trailhound)
        fi
        [[ "$kind" != h2 || -f "$WORK/h2.seeded" ]] || rm -rf "$WORK/h2"
        seed "$kind" "${DB_ARGS[@]}"
        log "$kind: timing the API ($REQUESTS requests per kind)..."
        bench query "${DB_ARGS[@]}" --requests "$REQUESTS" --warm-up "$WARMUP" | tee "$OUT/query-$kind.out" >&2 \
            || die "$kind: the query benchmark failed"
        { echo; echo "== $kind: API on $THREATS threats / $EVENTS events"; cat "$OUT/query-$kind.out"; } >>"$OUT/summary.txt"
    fi
    if [[ " $STEPS " == *" ingest "* ]]; then
        if [[ "$kind" == h2 ]]; then
            rm -rf "$WORK/h2-ingest"
            DB_ARGS=(--data-dir "$WORK/h2-ingest")
        else
            pg_drop ingest; pg_create ingest
            DB_ARGS=(--database-url "$(pg_url ingest)" --database-user trailhound)
        fi
        log "$kind: timing HTTP ingest with detection on ($CLIENTS clients, $BATCH records a request)..."
        bench ingest "${DB_ARGS[@]}" --input "$NDJSON" --clients "$CLIENTS" --batch "$BATCH" --max-events "$INGEST_EVENTS" \
            2>"$OUT/ingest-$kind.err" | tee "$OUT/ingest-$kind.out" >&2 || { tail -20 "$OUT/ingest-$kind.err" >&2; die "$kind: the ingest benchmark failed"; }
        { echo; echo "== $kind: HTTP ingest"; cat "$OUT/ingest-$kind.out"; } >>"$OUT/summary.txt"
        [[ "$kind" == h2 ]] && rm -rf "$WORK/h2-ingest"
    fi
    [[ "$kind" == postgresql ]] && stop_postgres
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/summary.txt"
echo >&2
cat "$OUT/summary.txt"
