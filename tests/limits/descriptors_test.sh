#!/usr/bin/env bash
# Descriptors and connections (issue 11, finding 11): with a low descriptor limit (ulimit -n 160) and 300
# connections opened at once, the server keeps to its connection cap and answers the rest 503, its accept
# loop does not spin (little CPU, a few log lines instead of millions), /healthz answers on the operations
# address throughout and on the API's address again once the connections close.
# Usage: descriptors_test.sh LOTSEN_BINARY
set -euo pipefail
lotsen=$1
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "descriptors test: $*" >&2; tail -5 "$work/server.log" >&2 2>/dev/null || true; exit 1; }

(ulimit -n 160; exec "$lotsen" serve --db "$work/fd.db" --listen 127.0.0.1:0 --metrics-listen 127.0.0.1:0) \
  >"$work/server.log" 2>&1 &
server=$!
url=$("$(dirname "$0")/../../scripts/lotsen-url" "$work/server.log") || fail "the server did not start"
metrics=$(grep -a -o 'på http://127\.0\.0\.1:[0-9]*/metrics' "$work/server.log" | sed 's/^på //; s#/metrics##')
[ -n "$metrics" ] || fail "no operations address in the log"

python3 - "$url" "$metrics" "$server" >"$work/result" <<'PY' || fail "$(cat "$work/result")"
import os, socket, sys, time, urllib.request
url, metrics, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
host, port = url.split("//")[1].split(":")
def cpu():  # seconds of CPU the server has used
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
held = []
for _ in range(300):
    s = socket.socket()
    s.settimeout(5)
    try:
        s.connect((host, int(port)))
        held.append(s)
    except OSError:
        s.close()
before = cpu()
time.sleep(2)
spent = cpu() - before
health = urllib.request.urlopen(metrics + "/healthz", timeout=5).status
busy = 0
for s in held:
    s.settimeout(0.2)
    try:
        if s.recv(64).startswith(b"HTTP/1.1 503"):
            busy += 1
    except OSError:
        pass
for s in held:
    s.close()
print(f"connected={len(held)} answered503={busy} cpu_seconds={spent:.2f} operations_healthz={health}")
if health != 200: sys.exit("/healthz did not answer on the operations address")
if spent > 1.0: sys.exit(f"the server spent {spent:.2f} s of CPU in 2 s with idle connections: a spinning accept loop")
if busy == 0: sys.exit("no connection over the cap was answered 503")
PY
cat "$work/result"
for _ in $(seq 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz" || true)" = 200 ] && break
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")" = 200 ] || fail "/healthz does not answer after the load"
lines=$(wc -l <"$work/server.log")
[ "$lines" -lt 50 ] || fail "the log has $lines lines: the warnings are not rate-limited"
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=
echo "descriptors test: ok"
