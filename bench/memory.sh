#!/usr/bin/env bash
# How much memory a big send takes (a measurement, not a test): N letters of the benchmark campaign (bench/run.sh)
# sent with `send --live` to the SMTP sink on 127.0.0.1, once through the launcher (target/lettermerge, which caps
# the heap) and once through `java -jar target/lettermerge.jar` with the JVM's defaults (where the jar keeps the
# heap's growth in check itself), each on a fresh log. Prints each one's peak resident memory (the kernel's
# accounting of the whole process, /usr/bin/time's maximum resident set size), how long the command took, and the
# most the heap held after a collection. The aim (README, Memory): under 512 MB for 100,000 letters.
#
# Usage: bench/memory.sh [N] [CONNECTIONS]      defaults: 100000 letters, 4 connections
# Environment: BENCH_PORT (default 2599), BENCH_JAVA_OPTS (more options for both JVMs).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-100000}
K=${2:-4}
PORT=${BENCH_PORT:-2599}

mvn -q -B -DskipTests package   # the jar, and the test classes that hold the sink
CP=target/test-classes:target/lettermerge.jar
WORK=$(mktemp -d)
SINK_PID=
cleanup() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
# shellcheck source=bench/common.sh
. bench/common.sh

GIB=$(free -g | awk '/^Mem:/ { print $2 }')
echo "Memory: $N letters, $K connection(s), sink on 127.0.0.1:$PORT, $(nproc) cores, $GIB GiB"

# measure NAME LABEL COMMAND...: one send on a fresh log in $WORK/NAME; COMMAND is completed with the campaign file.
measure() {
  local dir="$WORK/$1" label=$2; shift 2
  mkdir -p "$dir"
  write_campaign "$dir" "$N" "$K"
  start_sink "$dir"/sink.stats
  /usr/bin/time -f "%e %M" -o "$dir"/time.txt "$@" "$dir"/campaign.yaml --live > "$dir"/out.txt 2>&1 \
    || { cat "$dir"/out.txt; exit 1; }
  stop_sink
  read -r SECS KB < "$dir"/time.txt
  LIVE=$(grep -oE '[0-9]+M->[0-9]+M' "$dir"/gc.log | cut -d'>' -f2 | tr -d M | sort -n | tail -1)
  printf "%-10s %4d MB resident at most, %s s, heap in use after a collection at most %s MB\n" \
    "$label:" $((KB / 1024)) "$SECS" "${LIVE:-?}"
  grep -E "^This run" "$dir"/out.txt
}

LETTERMERGE_JAVA_OPTS="-Xlog:gc:file=$WORK/launcher/gc.log ${BENCH_JAVA_OPTS:-}" \
  measure launcher "launcher" target/lettermerge send
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
measure jar "java -jar" java -Xlog:gc:file="$WORK/jar/gc.log" ${BENCH_JAVA_OPTS:-} -jar target/lettermerge.jar send
