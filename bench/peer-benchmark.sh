#!/usr/bin/env bash
# Trailhound next to the peers of the team's benchmark harness (../shared/bench: jq, DuckDB, Esper, hand-written
# Java, and the Jackson parse-only floor), on the harness's own data set, in the same rounds.
#
#   bench/peer-benchmark.sh                  # 1M events (seed 42), 3 rounds
#   N=200000 RUNS=1 bench/peer-benchmark.sh  # smoke run
#
# The harness is not part of this repository: it is copied from $HARNESS (default ../shared/bench) into the
# gitignored bench/.out/harness at run time, and three peers are added to its peer list:
#   trailhound-none     scan --detect none        reading, ordering, de-duplication, sessions; no rules
#   trailhound-rules20  bench-rules bench/rules20 the pipeline with the harness's 20 rules written as Sigma;
#                                                 prints per-rule counts, which the harness checks
#   trailhound-pack     bench-rules (built-in)    the pipeline with the whole built-in rule pack
# Every peer runs as a whole process (JVM start included), JVM defaults except the heap cap below.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HARNESS="${HARNESS:-$ROOT/../shared/bench}"
WORK="$ROOT/bench/.out/harness"
HEAP="${HEAP:-512m}"
PEERS="${PEERS:-jackson3-stream-gz jackson-stream-gz-2t java-rules-jsonl java-rules-gz duckdb trailhound-none trailhound-rules20 trailhound-pack}"

source "$ROOT/scripts/find-jdk.sh"
JAVA_HOME="$(find_java)"
export JAVA_HOME BENCH_JAVA_HOME="${BENCH_JAVA_HOME:-$JAVA_HOME}"
[[ -d "$HARNESS" ]] || { echo "no harness at $HARNESS (set HARNESS=DIR)" >&2; exit 1; }

(cd "$ROOT" && ./mvnw -q -B -DskipTests package) >&2
JAR="$ROOT/app/target/trailhound-app-0.1.0-SNAPSHOT.jar"

# A fresh copy of the harness's scripts (its generated data in .out/ is kept between runs).
mkdir -p "$WORK"
rsync -a --exclude .out "$HARNESS"/ "$WORK"/ 2>/dev/null || { (cd "$HARNESS" && tar cf - --exclude=.out .) | (cd "$WORK" && tar xf -); }
chmod -R u+w "$WORK"
mkdir -p "$WORK/.out/data"
TH="\"\$JAVA\" -Xmx$HEAP -XX:+UseParallelGC -jar $JAR"
# Insert our peers before the harness's catch-all case.
python3 - "$WORK/run-peers.sh" "$TH" "$ROOT/bench/rules20" <<'PY'
import sys
path, th, rules = sys.argv[1:]
s = open(path).read()
ours = (f'        trailhound-none)      CMD=({th} scan --detect none --out /dev/null "$DATA/AWSLogs"); KIND=none ;;\n'
        f'        trailhound-rules20)   CMD=({th} bench-rules --no-built-in-rules --rules {rules} "$DATA/AWSLogs"); KIND=counts ;;\n'
        f'        trailhound-pack)      CMD=({th} bench-rules "$DATA/AWSLogs"); KIND=result ;;\n')
marker = '        *) log "unknown peer $1"; return 1 ;;'
assert marker in s, "the harness's peer list changed: update bench/peer-benchmark.sh"
open(path, "w").write(s.replace(marker, ours + marker))
PY
cd "$WORK"
PEERS="$PEERS" ./run-peers.sh "$@"
