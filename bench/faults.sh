#!/usr/bin/env bash
# Faults a bad day in operations brings, against the release binary, printing what each request
# got: a full disk (a small tmpfs: needs root), a write lock held by another process (sqlite3),
# and the database file replaced while the site serves.
#
#   bash bench/faults.sh            # builds the release binary first
#   BIN=target/release/mutual-support bash bench/faults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-target/bench-faults}
PORT=${PORT:-18095}
BASE="http://127.0.0.1:$PORT"
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/mutual-support
fi
BIN=$(realpath "$BIN")
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null; }
rm -rf "$WORK"
mkdir -p "$WORK"
WORK=$(realpath "$WORK")

server_pid="" holder_pid="" mounted=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null || true
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null || true
}
trap cleanup EXIT

python3 bench/generate_feed.py --count 2000 --seed 1 > "$WORK/feed.json"
python3 bench/generate_feed.py --count 300 --seed 2 > "$WORK/other.json"

start() { # DB [flags...]: serves DB, waits until it answers
  local db=$1; shift
  RUST_LOG=error "$BIN" serve --db "$db" --bind "127.0.0.1:$PORT" "$@" 2>>"$WORK/server.log" &
  server_pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null "$BASE/healthz" && return 0; sleep 0.1; done
  echo "  the server did not start"; return 1
}
stop() { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

# ask LABEL curl-arguments...: one request; its status, Retry-After and the body's gist.
ask() {
  local label=$1; shift
  local started code retry gist
  started=$(date +%s.%N)
  code=$(curl -s -o "$WORK/body" -D "$WORK/head" -w '%{http_code}' --max-time 30 "$@" || echo "---")
  retry=$(awk 'tolower($1) == "retry-after:" {print " Retry-After: " $2}' "$WORK/head" | tr -d '\r')
  if grep -q '^\[' "$WORK/body" 2>/dev/null; then
    gist="a JSON feed of $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/body" 2>/dev/null || echo '?') meetings"
  elif grep -q '^{' "$WORK/body" 2>/dev/null; then
    gist=$(head -c 200 "$WORK/body")
  elif grep -q 'BEGIN:VCALENDAR' "$WORK/body" 2>/dev/null; then
    gist="a calendar of $(grep -c 'BEGIN:VEVENT' "$WORK/body") events"
  else
    gist=$(sed -n 's:.*<h1[^>]*>\(.*\)</h1>.*:\1:p' "$WORK/body" | head -1)
  fi
  printf '  %-44s -> %s%s in %.1f s: %s\n' "$label" "$code" "$retry" "$(echo "$(date +%s.%N) - $started" | bc)" "$gist"
}

# form NAME=VALUE...: the urlencoded body of a form.
form() { python3 -c 'import sys, urllib.parse; print(urllib.parse.urlencode([tuple(a.split("=", 1)) for a in sys.argv[1:]]))' "$@"; }
public_request() { # LABEL NAME: asks for a new meeting on the public form
  ask "$1" -X POST -H 'content-type: application/x-www-form-urlencoded' \
    --data "$(form "name=$2" day=2 time=19:00 fellowship=alcoholics-anonymous types=O location=Hall message=hello)" \
    "$BASE/meetings/new"
}

echo "== 1. Full disk (a 40 MB tmpfs holding the database and its feed cache)"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$WORK/disk"
  mount -t tmpfs -o size=40m tmpfs "$WORK/disk" && mounted="$WORK/disk"
  DB="$WORK/disk/directory.sqlite3"
  "$BIN" import --db "$DB" "$WORK/feed.json" >/dev/null 2>&1
  start "$DB"
  ask "GET /feed/meetings.json (room on the disk)" "$BASE/feed/meetings.json"
  dd if=/dev/zero of="$WORK/disk/filler" bs=1M 2>/dev/null || true
  echo "  (disk filled: $(df -k --output=avail "$WORK/disk" | tail -1 | tr -d ' ') KB free)"
  "$BIN" import --db "$DB" "$WORK/other.json" >/dev/null 2>&1 || echo "  (an import on the full disk failed, as it must)"
  sqlite3 "$DB" "UPDATE revision SET value = value + 1" 2>/dev/null || true
  ask "GET /healthz" "$BASE/healthz"
  ask "GET / (HTML)" "$BASE/"
  ask "GET /meetings?type=O (HTML)" "$BASE/meetings?type=O"
  ask "GET /feed/meetings.json" "$BASE/feed/meetings.json"
  ask "GET /feed/meetings.json?type=C" "$BASE/feed/meetings.json?type=C"
  ask "GET /meetings.ics" "$BASE/meetings.ics"
  public_request "POST /meetings/new (a write)" "Full Disk Meeting"
  echo "  partial files left in cache/: $(find "$WORK/disk/cache" -name '*.partial*' | wc -l)"
  rm -f "$WORK/disk/filler"
  echo "  (filler removed: $(df -k --output=avail "$WORK/disk" | tail -1 | tr -d ' ') KB free)"
  ask "GET /healthz" "$BASE/healthz"
  ask "GET /feed/meetings.json?type=C" "$BASE/feed/meetings.json?type=C"
  echo "  feed files in cache/: $(find "$WORK/disk/cache" -name 'feed-*' ! -name '*.partial*' | wc -l), partial: $(find "$WORK/disk/cache" -name '*.partial*' | wc -l)"
  stop
  umount "$WORK/disk" && mounted=""
else
  echo "  skipped: mounting a tmpfs needs root"
fi

echo "== 2. A write lock held by another process (sqlite3: BEGIN IMMEDIATE)"
DB="$WORK/lock/directory.sqlite3"
"$BIN" import --db "$DB" "$WORK/feed.json" >/dev/null 2>&1
echo "a long enough password" | "$BIN" user add --db "$DB" --role editor editor@example.org >/dev/null
start "$DB"
JAR="$WORK/cookies"
curl -s -c "$JAR" -o "$WORK/login.html" "$BASE/staff/login"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/login.html" | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST -H 'content-type: application/x-www-form-urlencoded' \
  --data "$(form "csrf=$csrf" email=editor@example.org "password=a long enough password")" "$BASE/staff/login"
curl -s -b "$JAR" -o "$WORK/staff.html" "$BASE/staff"
staff_csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/staff.html" | head -1)
(echo "BEGIN IMMEDIATE;"; sleep 60) | sqlite3 "$DB" &
holder_pid=$!
sleep 0.5
ask "POST /staff/meetings/new (a staff edit)" -b "$JAR" -X POST -H 'content-type: application/x-www-form-urlencoded' \
  --data "$(form "csrf=$staff_csrf" "name=Typed While Locked" fellowship=alcoholics-anonymous day=2 time=18:30 timezone=America/Chicago location=Hall types=O)" \
  "$BASE/staff/meetings/new"
echo "  the form came back with what was typed: $(grep -c 'value="Typed While Locked"' "$WORK/body")"
public_request "POST /meetings/new (a change request)" "Request While Locked"
echo "  the form came back with what was typed: $(grep -c 'value="Request While Locked"' "$WORK/body")"
curl -s -c "$WORK/jar2" -o "$WORK/login2.html" "$BASE/staff/login"
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$WORK/login2.html" | head -1)
ask "POST /staff/login" -b "$WORK/jar2" -X POST -H 'content-type: application/x-www-form-urlencoded' \
  --data "$(form "csrf=$csrf" email=editor@example.org "password=a long enough password")" "$BASE/staff/login"
ask "GET /meetings (a read)" "$BASE/meetings"
ask "GET /healthz" "$BASE/healthz"
echo "  CLI import while locked: $("$BIN" import --db "$DB" "$WORK/other.json" 2>&1 >/dev/null | tail -3)"
kill "$holder_pid" 2>/dev/null; wait "$holder_pid" 2>/dev/null || true; holder_pid=""
sleep 0.3
public_request "POST /meetings/new (lock released)" "Request After The Lock"
stop

echo "== 3. The database file replaced while the site serves"
DB="$WORK/replace/directory.sqlite3"
"$BIN" import --db "$DB" "$WORK/feed.json" >/dev/null 2>&1
start "$DB"
ask "GET /healthz (before)" "$BASE/healthz"
"$BIN" import --db "$WORK/replace/moved-in.sqlite3" "$WORK/other.json" >/dev/null 2>&1
before=$(sha256sum < "$WORK/replace/moved-in.sqlite3")
mv "$WORK/replace/moved-in.sqlite3" "$DB"
echo "  (a 300-meeting file moved over the served 2,000-meeting one)"
sleep 1.2
ask "GET /healthz" "$BASE/healthz"
ask "GET /meetings (HTML)" "$BASE/meetings"
public_request "POST /meetings/new (a write)" "Written After The Move"
stop
after=$(sha256sum < "$DB")
echo "  after the server stopped, the moved-in file is $([ "$before" = "$after" ] && echo unchanged || echo CHANGED)"
echo "  meetings in it: $(sqlite3 "$DB" 'SELECT count(*) FROM meetings WHERE archived = 0'), sample ones: $(sqlite3 "$DB" 'SELECT count(*) FROM meetings WHERE sample = 1')"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "  the file deleted, a start says: $("$BIN" serve --db "$DB" --bind "127.0.0.1:$PORT" 2>&1 | tail -1) (exit code $?)"
echo "  a file was made: $([ -e "$DB" ] && echo yes || echo no)"
start "$DB" --seed
ask "GET /healthz (serve --seed)" "$BASE/healthz"
stop
