#!/usr/bin/env bash
# Measures `trailhound scan` end to end against the speed limit of the same input, in the same run.
#
#   bench/scan-benchmark.sh                        # 1M simulated events, --detect none, 3 rounds
#   ROUNDS=5 bench/scan-benchmark.sh
#   DETECT=rules bench/scan-benchmark.sh           # the same, with the rule engine on (none|rules|all)
#   SCAN_ARGS="--rules my-rules/" DETECT=rules bench/scan-benchmark.sh
#   SCALE=100000 ROUNDS=1 bench/scan-benchmark.sh  # smoke run on a smaller data set
#   DETECT=all IDENTITIES=10000 bench/scan-benchmark.sh   # rules + baselines over 10,000 principals
#
# What it measures (details and the latest figures: bench/README.md):
#   limit  `java -jar app/target/trailhound-app-*.jar bench-parse-limit DATA`: the same files only gunzipped
#          and streamed through Jackson's token parser on all cores (counting records), as a whole process
#          with JVM defaults. No events are built, nothing is ordered or detected.
#   scan   `./trailhound scan --detect $DETECT --out /dev/null --summary-json ... DATA` with
#          TRAILHOUND_JAVA_OPTS=-Xmx$HEAP: exactly what a user runs, JVM start included.
# Each round runs the limit, then the scan (interleaved, so that a burst of load from elsewhere on the
# machine hits both). Wall time and peak RSS come from GNU time (/usr/bin/time -v); figures are medians over
# the rounds. ratio = scan events/s / limit events/s (goal: at least 0.7 on 2 cores; with --detect all over
# 10,000 identities, at least 0.5). With --detect all, the table also shows scan's `baselines:` line (identities
# with a baseline, their size in all and per identity) from the last round.
#
# Settings (environment):
#   DATA       data set directory (default bench/.out/data/sim-s$SEED-$SCALE, or sim-s$SEED-$SCALE-i$IDENTITIES;
#              gitignored); generated with `trailhound simulate` when it has no AWSLogs/ yet
#   SCALE      events to simulate (default 1000000)     DAYS   days (default 7)     SEED   seed (default 42)
#   IDENTITIES distinct principals to simulate (simulate --identities; default unset: the organisation's own cast)
#   ROUNDS     rounds (default 3)                        HEAP   scan's heap cap (default 512m)
#   DETECT     scan --detect mode: none|rules|all (default none)
#   SCAN_ARGS  extra scan options, e.g. "--rules DIR --disable-rule ID" (word-split)
#   THREADS    --threads for both commands (default: all cores, as a user runs it)
# Results (GNU time logs, summaries, the final table) go to bench/.out/results/<timestamp>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALE="${SCALE:-1000000}"
DAYS="${DAYS:-7}"
SEED="${SEED:-42}"
ROUNDS="${ROUNDS:-3}"
HEAP="${HEAP:-512m}"
DETECT="${DETECT:-none}"
SCAN_ARGS="${SCAN_ARGS:-}"
THREADS="${THREADS:-}"
IDENTITIES="${IDENTITIES:-}"
DATA="${DATA:-$ROOT/bench/.out/data/sim-s$SEED-$SCALE${IDENTITIES:+-i$IDENTITIES}}"
OUT="$ROOT/bench/.out/results/$(date -u +%Y%m%dT%H%M%SZ)"
GNU_TIME=/usr/bin/time

log() { echo "scan-benchmark: $*" >&2; }
die() { log "$*"; exit 1; }

case "$DETECT" in none|rules|all) ;; *) die "DETECT must be none, rules or all, got '$DETECT'" ;; esac
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive number, got '$ROUNDS'"
[[ -z "$IDENTITIES" || "$IDENTITIES" =~ ^[0-9]+$ ]] || die "IDENTITIES must be a number, got '$IDENTITIES'"
[[ -x "$GNU_TIME" ]] && "$GNU_TIME" -v true 2>/dev/null || die "needs GNU time at $GNU_TIME (Debian/Ubuntu: apt-get install time)"

# The same JDK the ./trailhound script picks (JAVA_HOME if 21+, then the usual places).
source "$ROOT/scripts/find-jdk.sh"
JAVA_HOME="$(find_java)"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

# Build once, before measuring, so that no round pays for a build.
log "building..."
(cd "$ROOT" && ./mvnw -q -B -DskipTests package) >&2 || die "the build failed"
JARS=("$ROOT"/app/target/trailhound-app-*.jar)
JAR="${JARS[0]}"
[[ -f "$JAR" ]] || die "no application jar in app/target"
touch "$JAR"  # as ./trailhound does after a build, so that it sees the build as current

# The data set: generated once, then reused.
if [[ ! -d "$DATA/AWSLogs" ]]; then
    IDENTITY_ARGS=()
    [[ -n "$IDENTITIES" ]] && IDENTITY_ARGS=(--identities "$IDENTITIES")
    log "simulating $SCALE events over $DAYS days (seed $SEED${IDENTITIES:+, about $IDENTITIES identities}) into $DATA ..."
    mkdir -p "$DATA"
    "$ROOT/trailhound" simulate --out "$DATA" --days "$DAYS" --seed "$SEED" --scale "$SCALE" "${IDENTITY_ARGS[@]}" >&2
fi
INPUT="$DATA/AWSLogs"
mkdir -p "$OUT"

THREAD_ARGS=()
[[ -n "$THREADS" ]] && THREAD_ARGS=(--threads "$THREADS")
# SCAN_ARGS is split into words on purpose (options and their values)
read -r -a EXTRA <<<"$SCAN_ARGS"

# Fields of a GNU `time -v` log: wall seconds, peak RSS in MB, CPU seconds (user + sys).
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
cpu_s() { awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$1"; }
# A number field of the one-line summary JSON scan writes.
json_field() { sed -E "s/.*\"$2\":([0-9]+).*/\1/" "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Warm-up (not measured): reads every input file once into the page cache, and runs each command once on a
# small part of the data, which also writes the class-data archive ./trailhound keeps for fast JVM start.
log "warming up (page cache, JVM class-data archive)..."
find "$INPUT" -type f -exec cat {} + >/dev/null
SAMPLE_DIR="$(find "$INPUT" -type f -name '*.json.gz' -not -path '*CloudTrail-Digest*' -print -quit)"
SAMPLE_DIR="$(dirname "${SAMPLE_DIR:-$INPUT/x}")"
"$JAVA" -jar "$JAR" bench-parse-limit "$SAMPLE_DIR" >/dev/null
TRAILHOUND_JAVA_OPTS="-Xmx$HEAP" "$ROOT/trailhound" scan --detect "$DETECT" --out /dev/null "${EXTRA[@]}" "$SAMPLE_DIR" 2>"$OUT/warm-up.err" \
    || { cat "$OUT/warm-up.err" >&2; die "scan failed on $SAMPLE_DIR"; }

log "input: $INPUT ($(find "$INPUT" -type f -not -path '*CloudTrail-Digest*' | wc -l) files, $(du -sh "$INPUT" | cut -f1))"
log "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); $("$JAVA" -version 2>&1 | head -1)"
log "results in ${OUT#"$ROOT"/}"

for ((r = 1; r <= ROUNDS; r++)); do
    # (a) the limit
    "$GNU_TIME" -v -o "$OUT/limit-$r.time" "$JAVA" -jar "$JAR" bench-parse-limit "${THREAD_ARGS[@]}" "$INPUT" \
        >"$OUT/limit-$r.out" 2>"$OUT/limit-$r.err" || die "round $r: bench-parse-limit failed (see $OUT/limit-$r.err)"
    records="$(sed -nE 's/.*RESULT .*records=([0-9]+).*/\1/p' "$OUT/limit-$r.out")"
    [[ -n "$records" ]] || die "round $r: bench-parse-limit printed no RESULT line"

    # (b) scan as a user runs it; a round in which ./trailhound rebuilt (sources changed meanwhile) is redone
    for attempt in 1 2 3; do
        # ./trailhound execs the JVM, so GNU time measures the JVM (and the script's up-to-date check)
        TRAILHOUND_JAVA_OPTS="-Xmx$HEAP" "$GNU_TIME" -v -o "$OUT/scan-$r.time" "$ROOT/trailhound" scan --detect "$DETECT" \
            --out /dev/null --summary-json "$OUT/scan-$r.json" "${THREAD_ARGS[@]}" "${EXTRA[@]}" "$INPUT" \
            >/dev/null 2>"$OUT/scan-$r.err" || die "round $r: scan failed (see $OUT/scan-$r.err)"
        grep -q 'trailhound: building' "$OUT/scan-$r.err" || break
        log "round $r: ./trailhound rebuilt first (sources changed during the run): running the scan again"
    done
    events="$(json_field "$OUT/scan-$r.json" events)"
    duplicates="$(json_field "$OUT/scan-$r.json" duplicates)"
    rejected="$(json_field "$OUT/scan-$r.json" rejected)"
    # scan reads every record: events processed + duplicates dropped; the limit counts every record too
    scanned=$((events + duplicates))
    [[ "$scanned" == "$records" ]] || log "round $r: scan read $scanned records (events $events + duplicates $duplicates), the limit counted $records"
    [[ "$rejected" == 0 ]] || log "round $r: scan rejected $rejected records or files (see $OUT/scan-$r.err)"

    echo "$r $records $(wall_s "$OUT/limit-$r.time") $(rss_mb "$OUT/limit-$r.time") $(cpu_s "$OUT/limit-$r.time") $scanned $events $(wall_s "$OUT/scan-$r.time") $(rss_mb "$OUT/scan-$r.time") $(cpu_s "$OUT/scan-$r.time")" >>"$OUT/rounds.txt"
    awk '{ printf "round %d: limit %.2f s (%.0f events/s, %s MB, CPU %s s) | scan %.2f s (%.0f events/s, %s MB, CPU %s s) | ratio %.2f\n",
           $1, $3, $2 / $3, $4, $5, $8, $6 / $8, $9, $10, ($6 / $8) / ($2 / $3) }' <(tail -1 "$OUT/rounds.txt") >&2
done

# Medians over the rounds (each column on its own), and the ratio of the median rates.
col() { awk -v c="$1" '{ print $c }' "$OUT/rounds.txt" | median; }
records="$(col 2)"; scanned="$(col 6)"; events="$(col 7)"
limit_wall="$(col 3)"; limit_rss="$(col 4)"; limit_cpu="$(col 5)"
scan_wall="$(col 8)"; scan_rss="$(col 9)"; scan_cpu="$(col 10)"
awk -v rec="$records" -v scanned="$scanned" -v events="$events" -v lw="$limit_wall" -v lr="$limit_rss" -v lc="$limit_cpu" \
    -v sw="$scan_wall" -v sr="$scan_rss" -v sc="$scan_cpu" -v rounds="$ROUNDS" -v detect="$DETECT" -v heap="$HEAP" \
    -v cores="$(nproc)" -v extra="$SCAN_ARGS" -v date="$(date -u +%Y-%m-%dT%H:%MZ)" 'BEGIN {
    lrate = rec / lw; srate = scanned / sw
    printf "\nscan benchmark, %s, %d cores, median of %d rounds\n", date, cores, rounds
    printf "  records read      %d (scan: %d events after de-duplication)\n", rec, events
    printf "  limit             %8.0f events/s  %6.2f s wall  %6.2f s CPU  peak RSS %5d MB  (bench-parse-limit, JVM defaults)\n", lrate, lw, lc, lr
    printf "  scan              %8.0f events/s  %6.2f s wall  %6.2f s CPU  peak RSS %5d MB  (scan --detect %s%s, -Xmx%s)\n", srate, sw, sc, sr, detect, (extra != "" ? " " extra : ""), heap
    printf "  ratio scan/limit  %.2f%s\n", srate / lrate, (detect == "none" ? "  (goal for --detect none: >= 0.70)" : detect == "all" ? "  (goal for --detect all: >= 0.50)" : "")
}' | tee "$OUT/summary.txt"
# What scan says about its baselines (--detect all), from the last round: identities, KB, bytes per identity.
baselines="$(grep -m1 '^baselines: ' "$OUT/scan-$ROUNDS.err" || true)"
[[ -z "$baselines" ]] || echo "  ${baselines/baselines: /baselines         }" | tee -a "$OUT/summary.txt"
