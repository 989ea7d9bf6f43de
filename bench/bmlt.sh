#!/usr/bin/env bash
# The BMLT semantic interface against our finder page, for the same questions, side by side with
# nginx serving the very same bytes, in one run: "meetings on one weekday within 10 miles of a
# point" at MEETINGS meetings, 7 weekdays × 40 towns (bench/bmlt_urls.py), cycled by wrk at 32
# connections (bench/mixed.lua), response cache off and on; and the same BMLT questions with
# page_size=25, a finder page's worth (the generated data is dense: 10 miles hold thousands).
#
#   bash bench/bmlt.sh [MEETINGS] [SECONDS]      defaults: 120000, 10 s per run
#
# Each mixed run follows 3 s of the same workload that are not counted. Refuses to run when the
# load average is 1.5 or more (FORCE=1 overrides; the ratios are of one run, under one load).
WORK=${WORK:-target/bench-bmlt}
PORT=${PORT:-18095}
NGINX_PORT=${NGINX_PORT:-18096}
MEETINGS=${1:-120000}
SECONDS_PER_RUN=${2:-10}
source "$(dirname "$0")/lib.sh"
need nginx nginx
quiet_machine

nginx_pid=""
trap 'cleanup_server; [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true' EXIT

prepare_data "$MEETINGS"
python3 bench/bmlt_urls.py --feed "$FEED" --towns 40 --bmlt "$WORK/bmlt.txt" --finder "$WORK/finder.txt" \
  --paged "$WORK/paged.txt"

# wrk over a list of paths: 3 s not counted, then SECONDS_PER_RUN measured → "rps p50 p99 errors".
measure() { # $1 base URL, $2 file of paths
  URLS="$2" wrk -t2 -c32 -d3s -s bench/mixed.lua "$1" > /dev/null
  URLS="$2" wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency -s bench/mixed.lua "$1" > "$WORK/wrk.txt"
  summary "$WORK/wrk.txt"
}

# The responses nginx serves: each path's bytes, fetched once from our server.
rm -rf "$WORK/www"; mkdir -p "$WORK/www"
start_server --cache-mb 0
for kind in bmlt paged finder; do
  : > "$WORK/nginx-$kind.txt"; n=0
  while read -r path; do
    n=$((n + 1))
    curl -sf "http://127.0.0.1:$PORT$path" > "$WORK/www/$kind$n"
    echo "/$kind$n" >> "$WORK/nginx-$kind.txt"
  done < "$WORK/$kind.txt"
  printf '%s: %s questions, mean answer %s bytes, %s meetings in the first answer\n' "$kind" "$n" \
    "$(du -cb "$WORK"/www/"$kind"* | tail -1 | awk -v n="$n" '{printf "%d", $1 / n}')" \
    "$(if [ "$kind" != finder ]; then python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$WORK/www/bmlt1"; else echo "a page of"; fi)"
done
cleanup_server; server_pid=""

cat > "$WORK/nginx.conf" <<CONF
worker_processes 2;
pid $PWD/$WORK/nginx.pid;
error_log $PWD/$WORK/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$NGINX_PORT; root $PWD/$WORK/www; default_type application/json; } }
CONF
nginx -c "$PWD/$WORK/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 0.5
NGINX_BMLT=$(measure "http://127.0.0.1:$NGINX_PORT" "$WORK/nginx-bmlt.txt")
NGINX_PAGED=$(measure "http://127.0.0.1:$NGINX_PORT" "$WORK/nginx-paged.txt")
NGINX_FINDER=$(measure "http://127.0.0.1:$NGINX_PORT" "$WORK/nginx-finder.txt")
kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""

echo "== $MEETINGS meetings, one weekday and a point with geo_width=10 (within=10 mi), 280 distinct questions =="
echo "  nginx, the BMLT answers' bytes:    $NGINX_BMLT"
echo "  nginx, the same with page_size=25: $NGINX_PAGED"
echo "  nginx, the finder pages' bytes:    $NGINX_FINDER"
for cache in 0 16; do
  # The finder's index and the interface's projection are built together, once per data revision,
  # from start: start_server waits for the first finder page.
  start=$(date +%s.%N)
  start_server --cache-mb "$cache"
  built=$(awk "BEGIN {printf \"%.2f\", $(date +%s.%N) - $start}")
  start=$(date +%s.%N)
  curl -sf -o /dev/null "http://127.0.0.1:$PORT$(head -1 "$WORK/bmlt.txt")"
  first=$(awk "BEGIN {printf \"%.3f\", $(date +%s.%N) - $start}")
  echo "  -- response cache $cache MB (start to the first finder page, index and projection built: $built s; then the first BMLT answer: $first s)"
  echo "  ours, GetSearchResults:           $(measure "http://127.0.0.1:$PORT" "$WORK/bmlt.txt")"
  echo "  ours, GetSearchResults page_size=25: $(measure "http://127.0.0.1:$PORT" "$WORK/paged.txt")"
  echo "  ours, finder page:                $(measure "http://127.0.0.1:$PORT" "$WORK/finder.txt")"
  echo "  resident memory after the runs: $(rss) kB"
  cleanup_server; server_pid=""
done
