#!/usr/bin/env bash
# The mixed finder workload (bench/finder_urls.py, bench/mixed.lua) at many connections.
#
#   bash bench/load.sh [MEETINGS] [SECONDS] [CONNECTIONS]     defaults: 120000, 60 s, 256
#
# Prints requests/s, p50, p99 and errors (non-2xx, socket errors, timeouts: wrk's --timeout 10 s)
# and resident memory after the run. Runs only on a quiet machine (FORCE=1 overrides).
MEETINGS=${1:-120000}
DURATION=${2:-60}
CONNECTIONS=${3:-256}
source "$(dirname "$0")/lib.sh"
quiet_machine
prepare_data "$MEETINGS"
python3 bench/finder_urls.py --feed "$FEED" --count 3000 > "$WORK/urls.txt"
start_server
echo "== $MEETINGS meetings, mixed 3,000 finder URLs, $CONNECTIONS connections, ${DURATION} s =="
URLS="$WORK/urls.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/mixed.lua \
  "http://127.0.0.1:$PORT" > "$WORK/wrk-load.txt"
echo "  $(summary "$WORK/wrk-load.txt")"
echo "  resident memory after: $(rss) kB"
