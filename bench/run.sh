#!/usr/bin/env bash
# Benchmark of the meeting finder at 120,000 meetings, side by side with nginx serving the same
# response bytes as static files. Needs wrk and nginx (Debian packages; installed when missing).
#
#   bash bench/run.sh [MEETINGS] [SECONDS]        defaults: 120000 meetings, 10 s per run
#
# It prints: import time, start-up time, and for each query requests/s and p99 latency at 32
# connections for our server (response cache on, the default; and off, every request rendered
# from the database) and for nginx, with the ratio. Each URL is requested once before wrk runs.
set -euo pipefail
cd "$(dirname "$0")/.."
MEETINGS=${1:-120000}
SECONDS_PER_RUN=${2:-10}
WORK=target/bench
PORT=18080
NGINX_PORT=18081
mkdir -p "$WORK/www"

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx

cargo build --release --quiet
BIN=target/release/mutual-support

python3 bench/generate_feed.py --count "$MEETINGS" > "$WORK/feed.json"
rm -f "$WORK"/bench.sqlite3*
start=$(date +%s.%N)
"$BIN" import --db "$WORK/bench.sqlite3" "$WORK/feed.json" > "$WORK/import.txt"
end=$(date +%s.%N)
printf 'import of %s meetings: %s s (%s)\n' "$MEETINGS" "$(awk "BEGIN {printf \"%.2f\", $end - $start}")" "$(cat "$WORK/import.txt")"

QUERIES=(
  "open-on-a-day|/meetings?type=O&day=2"
  "types-day-time|/meetings?type=O&type=D&type=X&day=3&time=evening"
  "text-search|/meetings?q=serenity"
  "page-50|/meetings?page=50"
)

server_pid=""
nginx_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
}
trap cleanup EXIT

start_server() { # $1: cache entries
  start=$(date +%s.%N)
  RUST_LOG=warn "$BIN" serve --db "$WORK/bench.sqlite3" --bind "127.0.0.1:$PORT" --cache-entries "$1" &
  server_pid=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.02; done
  end=$(date +%s.%N)
  printf 'start-up (cache %s): %s s to the first healthy answer\n' "$1" "$(awk "BEGIN {printf \"%.3f\", $end - $start}")"
}

# Static copies of the responses for nginx.
start_server 0
for entry in "${QUERIES[@]}"; do
  name=${entry%%|*}; path=${entry#*|}
  curl -sf "http://127.0.0.1:$PORT$path" > "$WORK/www/$name.html"
done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

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

measure() { # $1 url → "rps p99"
  wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "$1" > "$WORK/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk.txt" | tr '\n' ' ')
  echo "$rps $p99 $errors"
}

declare -A NGINX
for entry in "${QUERIES[@]}"; do
  name=${entry%%|*}
  NGINX[$name]=$(measure "http://127.0.0.1:$NGINX_PORT/$name.html")
done

for cache in 2000 0; do
  start_server "$cache"
  for entry in "${QUERIES[@]}"; do
    name=${entry%%|*}; path=${entry#*|}
    curl -sf -o /dev/null "http://127.0.0.1:$PORT$path"   # one request first: the steady state is measured
    read -r ours_rps ours_p99 ours_errors <<< "$(measure "http://127.0.0.1:$PORT$path")"
    read -r nginx_rps nginx_p99 _ <<< "${NGINX[$name]}"
    ratio=$(awk "BEGIN {printf \"%.3f\", $ours_rps / $nginx_rps}")
    printf '%-15s cache=%-4s ours %9.0f req/s p99 %-8s nginx %9.0f req/s p99 %-8s ratio %s %s\n' \
      "$name" "$cache" "$ours_rps" "$ours_p99" "$nginx_rps" "$nginx_p99" "$ratio" "$ours_errors"
  done
  rss=$(awk '/VmRSS/ {print $2, $3}' "/proc/$server_pid/status")
  echo "resident memory after the runs (cache $cache): $rss"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
