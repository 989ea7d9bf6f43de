# Shared by bench/feeds.sh, bench/load.sh and bench/soak.sh (sourced, not run).
# BIN overrides the binary (default: a release build, made here); MEETINGS generated meetings.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-target/bench-ops}
PORT=${PORT:-18090}
mkdir -p "$WORK"

need() { command -v "$1" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk

# Benchmarks on a busy machine measure the other work: refuse unless FORCE=1.
quiet_machine() {
  local load; load=$(awk '{print $1}' /proc/loadavg)
  if awk "BEGIN {exit !($load >= 1.5)}" && [ "${FORCE:-0}" != 1 ]; then
    echo "bench: load average $load >= 1.5: the machine is busy (FORCE=1 to run anyway)" >&2
    exit 2
  fi
}

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/mutual-support
fi

server_pid=""
cleanup_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true; }
trap cleanup_server EXIT

# Generates MEETINGS meetings (kept between runs of the same size) and imports them.
prepare_data() {
  local feed="$WORK/feed-$1.json"
  [ -s "$feed" ] || python3 bench/generate_feed.py --count "$1" > "$feed"
  rm -rf "$WORK"/bench.sqlite3* "$WORK/cache"
  "$BIN" import --db "$WORK/bench.sqlite3" "$feed" >/dev/null 2>&1
  FEED=$feed
}

start_server() {
  RUST_LOG=warn "$BIN" serve --db "$WORK/bench.sqlite3" --bind "127.0.0.1:$PORT" "$@" &
  server_pid=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.05; done
  # The finder's index is built in the background from start: wait for it, as run.sh does.
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/meetings"
}

rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }

# wrk's summary as "rps p50 p99 errors" from its output file.
summary() {
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$1")
  p50=$(awk '$1 == "50%" {print $2}' "$1")
  p99=$(awk '$1 == "99%" {print $2}' "$1")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s; ", $0}' "$1")
  echo "requests/s $rps  p50 $p50  p99 $p99  errors: ${errors:-none}"
}
