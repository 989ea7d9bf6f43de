#!/usr/bin/env bash
# Eight clients looping on the full feed and the full calendar while /healthz is sampled.
#
#   bash bench/feeds.sh [MEETINGS] [SECONDS]          defaults: 120000 meetings, 20 s
#
# wrk -c8 alternates /feed/meetings.json and /meetings.ics (no gzip: the heaviest case); every
# 0.5 s curl times /healthz; every second the server's resident memory is read. Prints wrk's
# figures, /healthz latency (median, p99, max, non-200 answers) and peak resident memory.
# Runs only on a quiet machine (load average < 1.5; FORCE=1 overrides).
MEETINGS=${1:-120000}
DURATION=${2:-20}
source "$(dirname "$0")/lib.sh"
quiet_machine
prepare_data "$MEETINGS"
start_server
cat > "$WORK/feeds.lua" <<'LUA'
local n = 0
function request()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/meetings.ics") end
  return wrk.format("GET", "/feed/meetings.json")
end
LUA
echo "== $MEETINGS meetings, 8 clients on the full feed and calendar for ${DURATION} s =="
echo "  resident memory before: $(rss) kB"
wrk -t2 -c8 -d"${DURATION}s" --timeout 30s --latency -s "$WORK/feeds.lua" "http://127.0.0.1:$PORT" > "$WORK/wrk-feeds.txt" &
wrk_pid=$!
: > "$WORK/healthz.txt"; : > "$WORK/rss.txt"
tick=0
while kill -0 "$wrk_pid" 2>/dev/null; do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 "http://127.0.0.1:$PORT/healthz" >> "$WORK/healthz.txt" || true
  (( tick % 2 == 0 )) && rss >> "$WORK/rss.txt"
  tick=$((tick + 1))
  sleep 0.5
done
wait "$wrk_pid"
echo "  wrk: $(summary "$WORK/wrk-feeds.txt")"
echo "  bytes read: $(awk '/read$/ {print $(NF-1)}' "$WORK/wrk-feeds.txt")"
sort -k2 -n "$WORK/healthz.txt" | awk '
  { t[NR] = $2; if ($1 != 200) bad++ }
  END { p99 = int(NR * 0.99); if (p99 < 1) p99 = 1
        printf "  /healthz: %d samples, median %.1f ms, p99 %.1f ms, max %.1f ms, non-200: %d\n",
        NR, t[int((NR + 1) / 2)] * 1000, t[p99] * 1000, t[NR] * 1000, bad + 0 }'
echo "  resident memory: peak $(sort -n "$WORK/rss.txt" | tail -1) kB, end $(rss) kB"
ls -la "$WORK/cache" 2>/dev/null | awk '/feed-/ {print "  feed file:", $5, "bytes", $9}'
