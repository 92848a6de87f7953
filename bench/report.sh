#!/usr/bin/env bash
# Benchmark: the half-year file for SCB and all KPIs of a half-year over 100,000 young people and about
# 2,000,000 events (DESIGN.md: < 200 ms, and at least 10x faster than the equivalent SQL in PostgreSQL).
# Lotsen folds the journal once into the typed history a server keeps in memory (timed apart, as the
# baselines' loading is), then catches it up and computes them (bench/report_bench.cc); the same figures are
# computed by SQL (bench/report/figures.sql) in PostgreSQL 15 and in SQLite over plain tables exported from
# the same database, in the same run, a round of each in turn. Prints the times (median of the runs), the ratios
# (also of each round), the budget, and every figure of the three side by side; exits 1 when they disagree on any
# figure.
# Usage: [RUNS=5] bench/report.sh [YOUTHS] [PERIOD]   (generated data is kept in build/bench-data/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
youths=${1:-100000}
period=${2:-2026H1}
runs=${RUNS:-5}
today=2026-11-22
data=build/bench-data/report-$youths
work=$(mktemp -d)
source bench/lib/postgres.sh
cleanup() {
  pg_stop "$work"
  rm -rf "$work"
}
trap cleanup EXIT

# The data: a Lotsen database written through the Store, and its current state as CSV for the baselines.
if [ ! -f "$data/plans.csv" ]; then
  mkdir -p "$data"
  rm -f "$data"/*
  echo "generating $youths young people into $data (once; takes a while)" >&2
  build/release/bench/generate_cases "$data/lotsen.db.tmp" --youths "$youths" --today "$today"
  mv "$data/lotsen.db.tmp" "$data/lotsen.db"
  (cd "$data" && sqlite3 lotsen.db <"$root/bench/report/export.sql")
fi
events=$(sqlite3 "$data/lotsen.db" "SELECT count(*) FROM events WHERE person_id IS NOT NULL")
cat "$data/lotsen.db" "$data"/*.csv >/dev/null  # warm the page cache

# The period's days, for SQL.
year=${period%H*}
if [ "${period#*H}" = 1 ]; then first=$year-01-01 last=$year-06-30; else first=$year-07-01 last=$year-12-31; fi
as_of=$([[ "$today" < "$last" ]] && echo "$today" || echo "$last")
deadline=$(sqlite3 "$data/lotsen.db" "SELECT value FROM settings WHERE key = 'first_contact_days'")
figures_sql() {  # DIALECT: the figures' SQL for sqlite or postgresql
  local days plus one
  if [ "$1" = sqlite ]; then
    days='CAST(julianday(\1) - julianday(\2) AS INTEGER)' plus="date(\\1, '+\\2 days')" one="printf('%.1f', \\1)"
  else
    days='(\1 - \2)' plus='(\1 + \2)' one='round(\1, 1)'
  fi
  sed -e "s/:F/$first/g" -e "s/:T/$last/g" -e "s/:A/$as_of/g" -e "s/:D/$deadline/g" \
      -e "s/DAYS(\([a-z_.]*\), \([a-z_.]*\))/$days/g" -e "s/PLUS_DAYS(\([a-z_.]*\), \([0-9]*\))/$plus/g" \
      -e "s/ONE_DECIMAL(\(avg(days)\))/$one/g" bench/report/figures.sql | grep -v '^--'
}
names="target_group open_at_end known_occupation with_plan in_measure first_attempt.started first_attempt.due
first_attempt.contacted first_attempt.within_deadline first_attempt.median_days file.registration file.contact
file.measure_started file.measure_ended file.responsibility_ended"
median() { sort -n | awk '{v[NR]=$1} END{print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
seconds() { date +%s.%N; }
elapsed_ms() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.0f", (b-a)*1000}'; }

# SQLite: the CSV files loaded into tables with indexes.
start=$(seconds)
{
  echo "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
  cat bench/report/schema.sql
  echo ".mode csv"
  for t in registrations contacts occupations measures plans; do echo ".import --skip 1 $data/$t.csv $t"; done
  echo "UPDATE registrations SET end_date = NULLIF(end_date, ''), end_reason = NULLIF(end_reason, '');"
  echo "UPDATE contacts SET registration_id = NULLIF(registration_id, ''), occupation = NULLIF(occupation, '');"
  echo "UPDATE measures SET registration_id = NULLIF(registration_id, ''), planned_start = NULLIF(planned_start, ''),
        start_date = NULLIF(start_date, ''), end_date = NULLIF(end_date, ''), end_reason = NULLIF(end_reason, ''),
        declined_on = NULLIF(declined_on, '');"
  echo "UPDATE plans SET registration_id = NULLIF(registration_id, ''), drawn_up_on = NULLIF(drawn_up_on, '');"
  cat bench/report/indexes.sql
  echo "ANALYZE;"
} | sqlite3 "$work/sqlite.db" >/dev/null
sqlite_load_ms=$(elapsed_ms "$start" "$(seconds)")

# PostgreSQL 15 in a temporary cluster, on a unix socket only (port 18800-18899 names the socket): the same.
port=$((18800 + RANDOM % 100))
pg_start "$work" "$port" "" shared_buffers=512MB work_mem=64MB maintenance_work_mem=256MB max_wal_size=4GB
psql_run() { psql -X -q -h "$work/pgsock" -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
start=$(seconds)
{
  sed 's/^CREATE TABLE/CREATE UNLOGGED TABLE/' bench/report/schema.sql
  for t in registrations contacts occupations measures plans; do
    echo "\\copy $t FROM '$root/$data/$t.csv' WITH (FORMAT csv, HEADER true)"
  done
  cat bench/report/indexes.sql
  echo "ANALYZE;"
} | psql_run >/dev/null
pg_load_ms=$(elapsed_ms "$start" "$(seconds)")

# The rounds, in turn: one of Lotsen, one query in PostgreSQL, one in SQLite, RUNS times, after a warm-up of each
# (the query's time alone: \timing, .timer). The machine's speed varies by half between minutes; in turn, it weighs
# on the three alike.
pg_round() { { echo "\\timing on"; figures_sql postgresql; } | psql_run -t -A; }
sqlite_round() { { echo ".timer on"; figures_sql sqlite; } | sqlite3 "$work/sqlite.db"; }
pg_round >/dev/null
sqlite_round >/dev/null
coproc LOTSEN { build/release/bench/report_bench "$data/lotsen.db" --period "$period" --today "$today" --runs "$runs" --paced; }
lotsen_pid=$LOTSEN_PID
exec {to_lotsen}>&"${LOTSEN[1]}" {from_lotsen}<&"${LOTSEN[0]}"
: >"$work/lotsen.out"
lotsen_round() {  # Lotsen's next round: what it printed up to the round's time
  echo go >&"$to_lotsen"
  while read -r key rest <&"$from_lotsen"; do
    echo "$key $rest" >>"$work/lotsen.out"
    [ "$key" = round_ms ] && return 0
  done
  return 1
}
for ((round = 0; round < runs; round++)); do
  lotsen_round
  pg_round >>"$work/pg.out"
  sqlite_round >>"$work/sqlite.out"
done
exec {to_lotsen}>&-
cat <&"$from_lotsen" >>"$work/lotsen.out"
wait "$lotsen_pid"
value() { awk -v k="$1" '$1==k{print $2}' "$work/lotsen.out"; }
lotsen_ms=$(value time.total_ms)
lotsen_figures=""
for n in $names; do
  case $n in file.*) lotsen_figures+="$(value "$n")|" ;; *) lotsen_figures+="$(value "kpi.$n")|" ;; esac
done
pg_times=$(awk '/^Time:/{print $2}' "$work/pg.out")
pg_ms=$(median <<<"$pg_times")
pg_figures="$(grep -v -e '^Time:' -e '^Timing' -e '^$' "$work/pg.out" | head -1)|"
sqlite_ms=$(awk '/^Run Time/{printf "%.1f\n", $4*1000}' "$work/sqlite.out" | median)
sqlite_figures="$(grep -v '^Run Time' "$work/sqlite.out" | head -1)|"
# Each round's ratio, PostgreSQL's query over Lotsen's round just before it.
round_ratios=$(paste -d' ' <(awk '$1=="round_ms"{print $2}' "$work/lotsen.out") <(echo "$pg_times") |
  awk '{printf "%s%.1f", (NR > 1 ? "," : ""), $2 / $1}')

# The table.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", a/b}'; }
printf 'report: %s young people, %s events, %s registrations; half-year %s as of %s\n' "$youths" "$events" \
  "$(($(wc -l <"$data/registrations.csv") - 1))" "$period" "$as_of"
printf '  %-44s %9s ms   (runs: %s)\n' "lotsen (history caught up + compute)" "$lotsen_ms" "$(value time.runs_ms)"
printf '  %-44s %9s ms\n' "  KPIs (kpiReport)" "$(value time.kpi_ms)"
printf '  %-44s %9s ms\n' "  half-year file (halfYearReport)" "$(value time.half_year_ms)"
printf '  %-44s %9s ms\n' "    the file now (halfYearFile)" "$(value time.half_year.file_ms)"
printf '  %-44s %9s ms\n' "    its text (halfYearText; not counted)" "$(value time.half_year.text_ms)"
printf '  %-44s %9s ms\n' "  catching up with no new event (one query)" "$(value time.catch_up_ms)"
printf '  %-44s %9s ms   (%s events, %s persons; once)\n' "  loading the history (CaseHistory::read)" "$(value time.load_ms)" "$(value journal.events)" "$(value journal.persons)"
printf '  %-44s %9s ms   (load %s ms)\n' "postgresql 15 query (median, in turn)" "$pg_ms" "$pg_load_ms"
printf '  %-44s %9s ms   (load %s ms)\n' "sqlite query (median, in turn)" "$sqlite_ms" "$sqlite_load_ms"
pg_ratio=$(ratio "$pg_ms" "$lotsen_ms")
printf '  ratio postgresql / lotsen: %sx   sqlite / lotsen: %sx   (postgresql / lotsen each round: %s)\n' \
  "$pg_ratio" "$(ratio "$sqlite_ms" "$lotsen_ms")" "$round_ratios"
verdict=$(awk -v t="$lotsen_ms" -v r="$pg_ratio" 'BEGIN{print (t < 200 && r >= 10) ? "within budget" : "OVER BUDGET"}')
printf '  budget (< 200 ms, >= 10x postgresql): %s\n' "$verdict"
printf '  %-36s %10s %10s %10s\n' figure lotsen postgresql sqlite
agree=yes
i=1
for n in $names; do
  l=$(cut -d'|' -f$i <<<"$lotsen_figures") p=$(cut -d'|' -f$i <<<"$pg_figures") s=$(cut -d'|' -f$i <<<"$sqlite_figures")
  mark=""
  [ "$l" = "$p" ] && [ "$l" = "$s" ] || { mark="  DIFFERS"; agree=no; }
  printf '  %-36s %10s %10s %10s%s\n' "$n" "$l" "$p" "$s" "$mark"
  i=$((i + 1))
done
printf '  (not compared: %s problems in the file; %s records removed and %s added by corrections since the period ended)\n' \
  "$(value info.file_problems)" "$(value info.records_removed_since_period_end)" "$(value info.records_added_since_period_end)"
if [ "$agree" = no ]; then
  echo "  the three DISAGREE on the figures marked" >&2
  exit 1
fi
echo "  all three agree on every figure"
