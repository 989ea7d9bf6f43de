#!/usr/bin/env bash
# A soak: the mixed finder workload at 64 connections for 5 minutes, resident memory every 30 s.
#
#   bash bench/soak.sh [MEETINGS] [SECONDS] [CONNECTIONS] [SAMPLE_EVERY]   defaults: 120000, 300, 64, 30
#
# Prints each memory sample, whether memory stayed flat (every sample within 10 % of the first
# after warm-up) and wrk's figures. Runs only on a quiet machine (FORCE=1 overrides).
MEETINGS=${1:-120000}
DURATION=${2:-300}
CONNECTIONS=${3:-64}
EVERY=${4:-30}
source "$(dirname "$0")/lib.sh"
quiet_machine
prepare_data "$MEETINGS"
python3 bench/finder_urls.py --feed "$FEED" --count 3000 > "$WORK/urls.txt"
start_server
echo "== soak: $MEETINGS meetings, mixed finder URLs, $CONNECTIONS connections, ${DURATION} s =="
URLS="$WORK/urls.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/mixed.lua \
  "http://127.0.0.1:$PORT" > "$WORK/wrk-soak.txt" &
wrk_pid=$!
: > "$WORK/soak-rss.txt"
elapsed=0
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep "$EVERY"
  elapsed=$((elapsed + EVERY))
  kill -0 "$wrk_pid" 2>/dev/null || break
  sample=$(rss)
  echo "$sample" >> "$WORK/soak-rss.txt"
  echo "  ${elapsed} s: resident memory $sample kB"
done
wait "$wrk_pid"
echo "  wrk: $(summary "$WORK/wrk-soak.txt")"
# The first sample is warm-up (the response cache filling) when there are three or more.
lines=$(wc -l < "$WORK/soak-rss.txt")
[ "$lines" -ge 3 ] && sed -i 1d "$WORK/soak-rss.txt"
awk 'NR == 1 {first = $1} {last = $1; if ($1 > max) max = $1}
     END { if (NR == 0) { print "  memory: no samples"; exit }
           printf "  memory: first %d kB, last %d kB, max %d kB: %s\n", first, last, max,
                  (max <= first * 1.10 ? "flat within 10 %" : "GREW more than 10 %") }' "$WORK/soak-rss.txt"
