#!/usr/bin/env bash
# Idle connections and a slowloris cannot stop the site: opens CONNECTIONS sockets (half send
# nothing, half send a request head one byte every 2 s) and times /healthz meanwhile; then
# counts how many of those sockets the server has closed (a request head must arrive within 5 s).
#
#   bash bench/idle.sh [CONNECTIONS] [SECONDS]        defaults: 2000, 20 s
MEETINGS=${MEETINGS:-2000}
CONNECTIONS=${1:-2000}
DURATION=${2:-20}
source "$(dirname "$0")/lib.sh"
quiet_machine
prepare_data "$MEETINGS"
ulimit -n $((CONNECTIONS + 1024)) 2>/dev/null || true
start_server
echo "== $CONNECTIONS idle and slow connections for ${DURATION} s =="
python3 - "$PORT" "$CONNECTIONS" "$DURATION" <<'PY'
import socket, subprocess, sys, time
port, count, duration = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
sockets = []
for n in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    sockets.append(s)
head = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"x" * 1000
times, failures, start, step = [], 0, time.time(), 0
while time.time() - start < duration:
    for s in sockets[1::2]:  # the slowloris half: one more byte
        try:
            s.send(head[step % len(head):step % len(head) + 1])
        except OSError:
            pass
    step += 1
    for _ in range(4):
        out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}",
                              "--max-time", "10", f"http://127.0.0.1:{port}/healthz"],
                             capture_output=True, text=True).stdout.split()
        if not out or out[0] != "200":
            failures += 1
        else:
            times.append(float(out[1]))
        time.sleep(0.5)
closed = 0
for s in sockets:
    try:
        data = s.recv(4096)
        if data == b"" or data.startswith(b"HTTP/1.1 408"):
            closed += 1
    except BlockingIOError:
        pass
    except OSError:
        closed += 1
times.sort()
if times:
    print(f"  /healthz: {len(times)} answers, median {times[len(times)//2]*1000:.1f} ms, "
          f"max {times[-1]*1000:.1f} ms, failures {failures}")
else:
    print(f"  /healthz: no answer ({failures} failures)")
print(f"  idle and slow sockets timed out by the server (408 or closed): {closed} of {count}")
PY
