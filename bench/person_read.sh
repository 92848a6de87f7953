#!/usr/bin/env bash
# Benchmark: authenticated GET /api/v1/persons/{id} against nginx serving a static file of the same size,
# both on this machine in the same run, with wrk at 64 connections. Prints requests/s, p99 and the ratio.
# Budget (DESIGN.md): ratio >= 0.5 and p99 < 5 ms. Usage: bench/person_read.sh [SECONDS [ROUNDS]]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${BENCH_SECONDS:-10}}
rounds=${2:-${BENCH_ROUNDS:-3}}
lotsen=build/release/src/cli/lotsen
work=$(mktemp -d)
# Both servers log every request, to memory (tmpfs) where there is one. On the database's disk, the kernel's
# writeback of the log (about 5 MB/s here) stalls every fdatasync behind it: p99 rose from about 4 ms to
# 70-190 ms, a measure of the shared disk rather than of either server. See docs/operations.md.
logs=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work" "$logs"; }
trap cleanup EXIT

"$lotsen" demo --db "$work/bench.db" --date 2026-11-22 2>/dev/null
"$lotsen" serve --db "$work/bench.db" --listen 127.0.0.1:0 --metrics-listen off >"$logs/lotsen.log" 2>&1 &
pids+=($!)
url=$(scripts/lotsen-url "$logs/lotsen.log")
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"demo","password":"lotsen-demo-2026"}' "$url/api/v1/session" >/dev/null
cookie="lotsen_session=$(awk '$6=="lotsen_session"{print $7}' "$work/cookies")"
curl -sf -H "Cookie: $cookie" "$url/api/v1/persons/1" >"$work/person.json"
size=$(stat -c %s "$work/person.json")

nginx_port=$(( (RANDOM % 20000) + 30000 ))
while ss -ltn | grep -q ":$nginx_port "; do nginx_port=$(( (RANDOM % 20000) + 30000 )); done
mkdir -p "$work/www/api/v1/persons"
cp "$work/person.json" "$work/www/api/v1/persons/1"
chmod -R a+rX "$work"  # nginx workers run as an unprivileged user
chmod a+rwx "$logs"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $logs/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log $logs/nginx-access.log;
  default_type application/json;
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
sleep 0.5

measure() {  # URL → "requests_per_second p99_ms"
  wrk -t2 -c64 -d"${seconds}s" --latency -H "Cookie: $cookie" "$1" >"$work/wrk.txt"
  rps=$(awk '/^Requests\/sec:/{print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/{print $5}' "$work/wrk.txt")
  [ -z "$non2xx" ] || { echo "bench: $non2xx non-2xx responses from $1" >&2; exit 1; }
  echo "$rps $p99"
}

# Rounds alternate which server goes first, so that a burst of noise from the shared machine does not
# fall on one side only; the verdict uses the median of the rounds.
median() { sort -g | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
printf 'person_read: %d-byte response, wrk 2 threads 64 connections %ss, %d rounds\n' "$size" "$seconds" "$rounds"
: >"$work/rounds"
for round in $(seq "$rounds"); do
  if ((round % 2)); then
    read -r lotsen_rps lotsen_p99 < <(measure "$url/api/v1/persons/1")
    read -r nginx_rps nginx_p99 < <(measure "http://127.0.0.1:$nginx_port/api/v1/persons/1")
  else
    read -r nginx_rps nginx_p99 < <(measure "http://127.0.0.1:$nginx_port/api/v1/persons/1")
    read -r lotsen_rps lotsen_p99 < <(measure "$url/api/v1/persons/1")
  fi
  ratio=$(awk -v a="$lotsen_rps" -v b="$nginx_rps" 'BEGIN{printf "%.2f", a/b}')
  printf '  round %d: lotsen %8.0f req/s p99 %6.2f ms | nginx %8.0f req/s p99 %6.2f ms | ratio %s\n' "$round" \
    "$lotsen_rps" "$lotsen_p99" "$nginx_rps" "$nginx_p99" "$ratio"
  echo "$lotsen_rps $lotsen_p99 $nginx_rps $nginx_p99 $ratio" >>"$work/rounds"
done
lotsen_rps=$(awk '{print $1}' "$work/rounds" | median)
lotsen_p99=$(awk '{print $2}' "$work/rounds" | median)
nginx_rps=$(awk '{print $3}' "$work/rounds" | median)
nginx_p99=$(awk '{print $4}' "$work/rounds" | median)
ratio=$(awk '{print $5}' "$work/rounds" | median)
verdict=$(awk -v r="$ratio" -v p="$lotsen_p99" 'BEGIN{print (r>=0.5 && p<5) ? "within budget" : "OVER BUDGET"}')
printf '  median  lotsen %8.0f req/s p99 %6.2f ms | nginx %8.0f req/s p99 %6.2f ms\n' "$lotsen_rps" "$lotsen_p99" \
  "$nginx_rps" "$nginx_p99"
printf '  ratio   %s (budget >= 0.5, p99 < 5 ms): %s\n' "$ratio" "$verdict"
