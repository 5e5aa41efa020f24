#!/usr/bin/env bash
# The Lettermerge benchmark (not a test): N letters of the example campaign — the real letter with its 121
# signatories, text and HTML — sent through the real CLI (target/lettermerge send --live, its JVM's heap capped at
# 256 MB) with pacing off, to a fast SMTP sink on 127.0.0.1, with the delivery log durable (every handoff synced
# before its final ".").
# Prints messages per second, time to first message, peak heap, and a bare loop over one Angus connection
# (the same letter, rendered once, no log) run in the same session for comparison; then how long `status`, its CSV,
# its JSON and the report take on the log just written, and their peak resident memory; then the dashboard's pages
# over that log (bench/dashboard.sh).
#
# Usage: bench/run.sh [N] [CONNECTIONS]      defaults: 10000 letters, 4 connections
# Environment: BENCH_HEAP (heap cap, default 256m), BENCH_PORT (default 2599), BENCH_JAVA_OPTS (more options for
# the CLI's JVM, e.g. a profiler agent).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
K=${2:-4}
PORT=${BENCH_PORT:-2599}
HEAP=${BENCH_HEAP:-256m}

mvn -q -B -DskipTests package   # the jar, and the test classes that hold the sink and the bare loop
CP=target/test-classes:target/lettermerge.jar
WORK=$(mktemp -d)
SINK_PID=
cleanup() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# shellcheck source=bench/common.sh
. bench/common.sh
write_campaign "$WORK" "$N" "$K"

echo "Benchmark: $N letters, $K connection(s), heap capped at $HEAP, sink on 127.0.0.1:$PORT"

# 1. The yardstick: one Angus connection, the same letter over and over, no log.
start_sink "$WORK"/bare.stats
BARE=$(java -cp "$CP" org.lettermerge.bench.BareLoop "$WORK"/campaign.yaml "$PORT" "$N")
stop_sink

# 2. The real thing: the CLI as users run it (the launcher), the log, rendering every letter, the scheduler.
start_sink "$WORK"/cli.stats
START=$(date +%s%3N)
LETTERMERGE_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$WORK/gc.log ${BENCH_JAVA_OPTS:-}" \
  target/lettermerge send "$WORK"/campaign.yaml --live \
  > "$WORK"/out.txt 2> "$WORK"/err.txt || { cat "$WORK"/out.txt "$WORK"/err.txt; exit 1; }
END=$(date +%s%3N)
sleep 0.3
read -r SENT FIRST LAST < "$WORK"/cli.stats
stop_sink

BYTES=$(echo "$BARE" | grep -oE 'letter [0-9]+ bytes' | grep -oE '[0-9]+')
# Before a collection: how full the heap got (the collector lets it fill up to the cap). After one: what was
# still in use, the heap the run needs.
PEAK=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK"/gc.log | cut -d- -f1 | tr -d M | sort -n | tail -1)
LIVE=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK"/gc.log | cut -d'>' -f2 | tr -d M | sort -n | tail -1)
BARE_RATE=$(echo "$BARE" | grep -oE '[0-9]+ msg/s' | cut -d' ' -f1)
awk -v n="$SENT" -v start="$START" -v first="$FIRST" -v last="$LAST" -v end="$END" -v bare="$BARE_RATE" \
    -v peak="${PEAK:-?}" -v live="${LIVE:-?}" -v heap="$HEAP" -v bytes="$BYTES" 'BEGIN {
  rate = n / ((last - start) / 1000)
  printf "letter size:            %s bytes\n", bytes
  printf "messages at the sink:   %d\n", n
  printf "end to end:             %.0f msg/s (from the command start to the last message)\n", rate
  printf "sending:                %.0f msg/s (from the first message to the last)\n", n / ((last - first) / 1000)
  printf "time to first message:  %.2f s (JVM start, checks, queuing)\n", (first - start) / 1000
  printf "whole command:          %.2f s\n", (end - start) / 1000
  printf "peak heap:              %s MB in use after a collection; %s MB before one (capped at %s)\n", live, peak, heap
  printf "bare loop, 1 connection: %d msg/s; the CLI reaches %.0f%% of it end to end, %.0f%% while sending\n", bare,
    100 * rate / bare, 100 * (n / ((last - first) / 1000)) / bare
}'
grep -E "^This run" "$WORK"/out.txt

# 3. Reading the log back as organizers do, on the N-recipient log just written: the whole status table, its CSV,
# its JSON and the HTML report, each as a whole process (seconds, and peak resident memory from the kernel's
# accounting).
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK"/time.txt "$@" > /dev/null 2>> "$WORK"/read-err.txt \
    || { cat "$WORK"/read-err.txt; exit 1; }
  read -r SECS KB < "$WORK"/time.txt
  printf "%-24s%s s, %d MB resident\n" "$label:" "$SECS" $((KB / 1024))
}
measure "status (table)" target/lettermerge status "$WORK"/campaign.yaml
measure "status --format csv" target/lettermerge status "$WORK"/campaign.yaml --format csv
measure "status --format json" target/lettermerge status "$WORK"/campaign.yaml --format json
measure "report" target/lettermerge report "$WORK"/campaign.yaml --out "$WORK"/report.html
# The CSV's first row as a spreadsheet or a script sees it: from the command's start to the header and one row.
CSV_START=$(date +%s%3N)
target/lettermerge status "$WORK"/campaign.yaml --format csv | {
  read -r _header; read -r _first
  printf "%-24s%s ms\n" "status csv, first row:" $(( $(date +%s%3N) - CSV_START ))
  cat > /dev/null
}

# 4. The dashboard over the same log, as a browser asks for its pages: time to the first byte and to the whole page.
bench/dashboard.sh "$WORK"/bench.db "" 10
