#!/usr/bin/env bash
# Benchmark of the meeting finder, side by side with nginx serving the same response bytes as
# static files, in one run. Needs wrk and nginx (Debian packages; installed when missing).
#
#   bash bench/run.sh [MEETINGS[,MEETINGS...]] [SECONDS]     defaults: 120000, 10 s per run
#   bash bench/run.sh 30000,120000,500000 10                  how cost grows with the data
#
# For each size it prints the import time, the start-up time, and at 32 connections:
# - mixed: 3,000 distinct finder URLs (bench/finder_urls.py: every filter, near and upcoming
#   included, a fifth of them in Spanish under /es) cycled through by wrk (bench/mixed.lua), ours
#   with the response cache on and off,
#   nginx serving the 3,000 responses as files;
# - repeated: four single URLs asked again and again (what a cache answers), cache on and off;
# with requests/s, p50 and p99, the ratio to nginx, and resident memory after the runs. Each
# mixed run (ours and nginx's alike) follows 3 s of the same workload that are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-120000}
SECONDS_PER_RUN=${2:-10}
WARM_UP=3
WORK=target/bench
PORT=18080
NGINX_PORT=18081
URL_COUNT=3000

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx

cargo build --release --quiet
BIN=target/release/mutual-support

server_pid=""
nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
}
trap cleanup EXIT

start_server() { # $1: response cache in MB (0: off)
  local start end
  start=$(date +%s.%N)
  RUST_LOG=warn "$BIN" serve --db "$WORK/bench.sqlite3" --bind "127.0.0.1:$PORT" --cache-mb "$1" &
  server_pid=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.02; done
  end=$(date +%s.%N)
  STARTUP=$(awk "BEGIN {printf \"%.3f\", $end - $start}")
  # The finder's index is built in the background from start; the first finder page waits for it.
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/meetings"
  end=$(date +%s.%N)
  INDEXED=$(awk "BEGIN {printf \"%.3f\", $end - $start}")
}

stop_server() {
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

# wrk at 32 connections → "rps p50 p99 errors"; $1 URL, $2 optional list of paths (mixed).
measure() {
  if [ -n "${2:-}" ]; then
    # The mixed workload is measured in the steady state: first the same URLs for WARM_UP seconds,
    # not counted (a server just started has yet to fault in its heap; start-up is timed apart).
    URLS="$2" wrk -t2 -c32 -d"${WARM_UP}s" -s bench/mixed.lua "$1" > /dev/null
    URLS="$2" wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s bench/mixed.lua "$1" > "$WORK/wrk.txt"
  else
    wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$1" > "$WORK/wrk.txt"
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$WORK/wrk.txt")
  echo "$rps $p50 $p99 ${errors:-none}"
}

report() { # $1 label, $2 ours "rps p50 p99 errors", $3 nginx "rps p50 p99"
  local ours_rps ours_p50 ours_p99 ours_errors nginx_rps nginx_p50 nginx_p99
  read -r ours_rps ours_p50 ours_p99 ours_errors <<< "$2"
  read -r nginx_rps nginx_p50 nginx_p99 _ <<< "$3"
  printf '  %-28s ours %8.0f req/s p50 %-8s p99 %-8s | nginx %8.0f req/s p99 %-8s | ratio %.3f  errors: %s\n' \
    "$1" "$ours_rps" "$ours_p50" "$ours_p99" "$nginx_rps" "$nginx_p99" \
    "$(awk "BEGIN {print $ours_rps / $nginx_rps}")" "$ours_errors"
}

REPEATED=(
  "open-on-a-day|/meetings?type=O&day=2"
  "types-day-time|/meetings?type=O&type=D&type=X&day=3&time=evening"
  "text-search|/meetings?q=serenity"
  "page-50|/meetings?page=50"
)

for MEETINGS in ${SIZES//,/ }; do
  echo "== $MEETINGS meetings =="
  rm -rf "$WORK/www"; mkdir -p "$WORK/www"
  python3 bench/generate_feed.py --count "$MEETINGS" > "$WORK/feed.json"
  python3 bench/finder_urls.py --feed "$WORK/feed.json" --count "$URL_COUNT" > "$WORK/urls.txt"
  rm -f "$WORK"/bench.sqlite3*
  start=$(date +%s.%N)
  "$BIN" import --db "$WORK/bench.sqlite3" "$WORK/feed.json" > "$WORK/import.txt" 2>/dev/null
  end=$(date +%s.%N)
  printf '  import: %s s (%s)\n' "$(awk "BEGIN {printf \"%.2f\", $end - $start}")" "$(cat "$WORK/import.txt")"

  # The responses nginx serves: the same bytes, fetched once from our server.
  start_server 0
  : > "$WORK/nginx-urls.txt"
  n=0
  while read -r path; do
    n=$((n + 1))
    curl -sf "http://127.0.0.1:$PORT$path" > "$WORK/www/m$n.html"
    echo "/m$n.html" >> "$WORK/nginx-urls.txt"
  done < "$WORK/urls.txt"
  for entry in "${REPEATED[@]}"; do
    curl -sf "http://127.0.0.1:$PORT${entry#*|}" > "$WORK/www/${entry%%|*}.html"
  done
  stop_server
  printf '  mixed URLs: %s distinct, mean response %s bytes\n' "$n" \
    "$(du -cb "$WORK"/www/m*.html | tail -1 | awk -v n="$n" '{printf "%d", $1 / n}')"

  cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $PWD/$WORK/nginx.pid;
error_log $PWD/$WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $PWD/$WORK/www;
    default_type text/html;
  }
}
CONF
  nginx -c "$PWD/$WORK/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  sleep 0.5
  NGINX_MIXED=$(measure "http://127.0.0.1:$NGINX_PORT" "$WORK/nginx-urls.txt")
  declare -A NGINX_REPEATED
  for entry in "${REPEATED[@]}"; do
    NGINX_REPEATED[${entry%%|*}]=$(measure "http://127.0.0.1:$NGINX_PORT/${entry%%|*}.html")
  done
  kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""

  for cache in 16 0; do
    start_server "$cache"
    echo "  -- response cache ${cache} MB (start-up: first healthy answer ${STARTUP} s, first finder page ${INDEXED} s)"
    report "mixed ($URL_COUNT URLs)" "$(measure "http://127.0.0.1:$PORT" "$WORK/urls.txt")" "$NGINX_MIXED"
    for entry in "${REPEATED[@]}"; do
      name=${entry%%|*}; path=${entry#*|}
      curl -sf -o /dev/null "http://127.0.0.1:$PORT$path"
      report "repeated $name" "$(measure "http://127.0.0.1:$PORT$path")" "${NGINX_REPEATED[$name]}"
    done
    echo "  resident memory after the runs: $(awk '/VmRSS/ {print $2, $3}' "/proc/$server_pid/status")"
    stop_server
  done
done
