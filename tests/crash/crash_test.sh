#!/usr/bin/env bash
# Durability: runs a writing load against a real `lotsen serve`, kills it with SIGKILL at random moments
# (ROUNDS times, default 20), restarts it, and checks that every write answered 2xx is in the database
# and that `PRAGMA integrity_check` is ok. Usage: crash_test.sh LOTSEN_BINARY
set -Eeuo pipefail  # -E: the ERR trap below also reports failures inside functions
lotsen=$1
rounds=${ROUNDS:-20}
writers=4
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  jobs -p | xargs -r kill 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "crash test: failed at line $LINENO; server log:" >&2; tail -5 "$work/server.log" >&2 2>/dev/null' ERR
db=$work/crash.db
today=$(TZ=Europe/Stockholm date +%F)  # the Swedish day: a contact may not be later than now

"$lotsen" demo --db "$db" --date "$today" 2>/dev/null
person=$(sqlite3 "$db" "SELECT person_id FROM registrations WHERE end_date IS NULL LIMIT 1")
echo "a-long-password" | "$lotsen" user add --db "$db" --name crash --role unit_manager --unit "KAA Norr" --unit "KAA Söder" --password-stdin >/dev/null

start_server() {
  "$lotsen" serve --db "$db" --listen 127.0.0.1:0 --metrics-listen off >"$work/server.log" 2>&1 &
  server=$!
  url=$("$(dirname "$0")/../../scripts/lotsen-url" "$work/server.log")
}

start_server
login=$(curl -s --retry 5 --retry-connrefused -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"crash","password":"a-long-password"}' "$url/api/v1/session")
csrf=$(sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p' <<<"$login")
[ -n "$csrf" ] || { echo "crash test: login failed: $login" >&2; exit 1; }

writer() {  # writer ROUND ID: posts until the server is gone; logs each acknowledged note
  local n=0 status
  while :; do
    n=$((n + 1))
    status=$(curl -s -o "$work/last-$1-$2" -w '%{http_code}' -b "$work/cookies" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: application/json' --max-time 5 \
      -d "{\"date\":\"$today\",\"time\":\"00:00\",\"channel\":\"phone\",\"reached\":false,\"note\":\"w$1-$2-$n\"}" \
      "$url/api/v1/persons/$person/contact-attempts") || true
    case $status in
      201) echo "w$1-$2-$n" >>"$work/acked" ;;
      000) return 0 ;;  # connection refused or cut: the server is down
      *) echo "crash test: unexpected status $status: $(cat "$work/last-$1-$2")" >&2; return 1 ;;
    esac
  done
}

: >"$work/acked"
for round in $(seq "$rounds"); do
  [ "$round" -gt 1 ] && start_server
  pids=()
  for w in $(seq "$writers"); do writer "$round" "$w" & pids+=($!); done
  sleep "0.$((RANDOM % 8 + 2))"
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  server=
  for p in "${pids[@]}"; do wait "$p"; done
done

acked=$(wc -l <"$work/acked")
missing=0
sqlite3 "$db" "SELECT json_extract(data, '$.note') FROM case_records WHERE kind = 'contact_attempt'" | sort >"$work/stored"
sort "$work/acked" >"$work/acked.sorted"
missing=$(comm -23 "$work/acked.sorted" "$work/stored" | wc -l)
integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
echo "crash test: $rounds kills, $acked acknowledged writes, $missing missing, integrity_check: $integrity"
[ "$acked" -gt 0 ] && [ "$missing" -eq 0 ] && [ "$integrity" = "ok" ]
