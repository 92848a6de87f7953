#!/usr/bin/env bash
# Memory after a large upload (issue 11, finding 1): a 60 MB register upload is read, refused (it is not
# a register) and its memory given back, so that the server's resident size returns close to where it
# started. Runs the release build (tcmalloc, no sanitizer: resident sizes mean what they say); skipped
# (77) when there is none. Usage: upload_memory_test.sh RELEASE_LOTSEN_BINARY
set -euo pipefail
lotsen=$1
[ -x "$lotsen" ] || { echo "upload memory test: no release build at $lotsen; skipped"; exit 77; }
work=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "upload memory test: $*" >&2; tail -5 "$work/server.log" >&2 2>/dev/null || true; exit 1; }

echo "a-long-password" | "$lotsen" user add --db "$work/m.db" --name admin --role admin --password-stdin >/dev/null
"$lotsen" serve --db "$work/m.db" --listen 127.0.0.1:0 --metrics-listen off >"$work/server.log" 2>&1 &
server=$!
url=$("$(dirname "$0")/../../scripts/lotsen-url" "$work/server.log") || fail "the server did not start"
rss() { awk '/VmRSS/{print $2}' "/proc/$server/status"; }
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' -d '{"username":"admin","password":"a-long-password"}' \
  "$url/api/v1/session" >"$work/login.json" || fail "login"
token=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/login.json")
python3 -c '
import sys
with open(sys.argv[1], "w") as f:
    f.write("personnummer;fornamn;efternamn;utdelningsadress;postnummer;postort;kommunkod;folkbokford_datum;skyddsmarkering\n")
    row = "20080101-0000;Åsa;Öberg;Storgatan 1;50330;Borås;1490;2008-01-01;\n"
    f.write(row * (60_000_000 // len(row.encode())))
' "$work/population.csv"
before=$(rss)
status=$(curl -s -o "$work/answer.json" -w '%{http_code}' -b "$work/cookies" -H "X-CSRF-Token: $token" \
  -F date=2026-11-22 -F municipality=1490 -F dry_run=true -F population=@"$work/population.csv" \
  -F enrolments=@"$work/population.csv" "$url/api/v1/identification-runs")
[ "$status" = 422 ] || fail "expected 422 for a file of bad rows, got $status"
sleep 2
after=$(rss)
echo "resident before ${before} KiB, after a 60 MB upload ${after} KiB"
[ $((after - before)) -lt 40000 ] || fail "the server kept $(( (after - before) / 1024 )) MiB after the upload"
kill -TERM "$server"
wait "$server" || fail "the server did not stop cleanly"
server=
echo "upload memory test: ok"
