#!/usr/bin/env bash
# Benchmark: durable contact-attempt POSTs (each answered only after its commit is on disk) from 64
# concurrent wrk connections, against SQLite's own single-connection insert rate with the same
# durability (WAL, synchronous=FULL), on the same disk in the same run. Budget (DESIGN.md): at least
# 5,000 acknowledged writes/s on 2 cores through group commit. Usage: bench/contact_write.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${BENCH_SECONDS:-10}}
lotsen=build/release/src/cli/lotsen
work=$(mktemp -d -p "${BENCH_DIR:-$PWD/build}")
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
today=$(date -u +%F)

"$lotsen" demo --db "$work/bench.db" --date "$today" 2>/dev/null
person=$(sqlite3 "$work/bench.db" "SELECT person_id FROM registrations WHERE end_date IS NULL LIMIT 1")
"$lotsen" serve --db "$work/bench.db" --listen 127.0.0.1:0 --metrics-listen off >"$work/lotsen.log" 2>&1 &
server=$!
url=$(scripts/lotsen-url "$work/lotsen.log")
csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"demo","password":"lotsen-demo-2026"}' "$url/api/v1/session" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
cookie="lotsen_session=$(awk '$6=="lotsen_session"{print $7}' "$work/cookies")"
before=$(sqlite3 "$work/bench.db" "SELECT count(*) FROM case_records")

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"date":"$today","time":"10:00","channel":"phone","reached":false}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$cookie"
wrk.headers["X-CSRF-Token"] = "$csrf"
LUA
wrk -t2 -c64 -d"${seconds}s" --latency -s "$work/post.lua" "$url/api/v1/persons/$person/contact-attempts" >"$work/wrk.txt"
non2xx=$(awk '/Non-2xx/{print $5}' "$work/wrk.txt")
[ -z "$non2xx" ] || { echo "bench: $non2xx non-2xx responses" >&2; exit 1; }
rps=$(awk '/^Requests\/sec:/{print $2}' "$work/wrk.txt")
p99=$(awk '$1=="99%"{print $2}' "$work/wrk.txt")
after=$(sqlite3 "$work/bench.db" "SELECT count(*) FROM case_records")
baseline=$(build/release/bench/sqlite_insert_rate "$work/baseline.db" "$seconds")

printf 'contact_write: durable POST /api/v1/persons/{id}/contact-attempts, wrk 2 threads 64 connections %ss\n' "$seconds"
printf '  lotsen           %8.0f acknowledged writes/s  p99 %s  (%d rows stored)\n' "$rps" "$p99" "$((after - before))"
printf '  sqlite baseline  %8.0f inserts/s, one connection, one transaction each, same durability\n' "$baseline"
printf '  ratio            %8s  (budget: >= 5000 writes/s): %s\n' "$(awk -v a="$rps" -v b="$baseline" 'BEGIN{printf "%.1f", a/b}')" \
  "$(awk -v a="$rps" 'BEGIN{print (a>=5000) ? "within budget" : "OVER BUDGET"}')"
