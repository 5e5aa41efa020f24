#!/usr/bin/env bash
# The dashboard's speed on a delivery log: time to first byte and to the whole page, for the campaigns page, a
# campaign's page (its first 50 recipients) and a page deep in the table, as a browser would ask for them.
# Usage: bench/dashboard.sh LOG [CAMPAIGN] [RUNS]; bench/run.sh N runs it on the N-recipient log it makes.
# A measurement, not a test. Needs curl.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=${1:?usage: bench/dashboard.sh LOG [CAMPAIGN] [RUNS]}
RUNS=${3:-20}
[ -x target/lettermerge ] || mvn -q -B -DskipTests package
OUT=$(mktemp)
target/lettermerge serve --db "$LOG" --port 0 > "$OUT" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 100); do grep -q 'token=' "$OUT" && break; sleep 0.1; done
URL=$(grep -o 'http://[^ ]*' "$OUT")
BASE=${URL%%/?token=*}
COOKIE=$(curl -s -o /dev/null -D - "$URL" | grep -i '^set-cookie:' | sed -E 's/^[^:]+: ([^;]+);.*/\1/')
CAMPAIGN=${2:-$(curl -s -H "Cookie: $COOKIE" "$BASE/api/campaigns" | grep -o '"name":"[^"]*"' | head -1 | cut -d'"' -f4)}
C=$(printf %s "$CAMPAIGN" | jq -sRr @uri 2>/dev/null || printf %s "$CAMPAIGN")
measure() {
  local label=$1 path=$2
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o /dev/null -H "Cookie: $COOKIE" -w '%{time_starttransfer} %{time_total}\n' "$BASE$path"
  done | sort -n | awk -v label="$label" '{ f[NR] = $1; t[NR] = $2 } END {
    m = int((NR + 1) / 2); printf "%-30s first byte %4.0f ms, whole page %4.0f ms (median of %d)\n", label ":", f[m] * 1000, t[m] * 1000, NR }'
}
# Rows are numbered from 1 in a log with one campaign (the benchmark's): a page near the end, a recipient midway.
TOTAL=$(curl -s -H "Cookie: $COOKIE" "$BASE/api/campaigns" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2)
echo "Dashboard on $LOG, campaign $CAMPAIGN ($TOTAL recipients), $(date -u +%F)"
curl -s -o /dev/null -H "Cookie: $COOKIE" "$BASE/campaign?log=0&c=$C"   # warm-up
measure "campaigns" "/campaigns"
measure "a campaign (first page)" "/campaign?log=0&c=$C"
measure "a campaign (last 1,000 rows)" "/campaign?log=0&c=$C&after=$((TOTAL > 1000 ? TOTAL - 1000 : 0))"
measure "a campaign, search" "/campaign?log=0&c=$C&q=zz-no-such"
measure "a campaign, by name" "/campaign?log=0&c=$C&sort=name"
measure "a campaign, by address" "/campaign?log=0&c=$C&sort=address"
measure "a campaign, by state" "/campaign?log=0&c=$C&sort=state"
measure "a recipient (the letter)" "/recipient?log=0&c=$C&id=$((TOTAL / 2 > 0 ? TOTAL / 2 : 1))"
