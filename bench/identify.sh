#!/usr/bin/env bash
# Benchmark: identification at national scale (10.5 M residents across 290 municipalities, 2 M enrolments,
# 1 M completions), `lotsen identify --dry-run --municipality all` against the same rules as SQL in
# PostgreSQL 15 and SQLite on the same files, in the same run. Prints wall time and peak memory, load and
# query separately, and the ratios. Budget (DESIGN.md): Lotsen < 3 s and < 2 GiB on 2 cores, and at
# least 10x faster than PostgreSQL's load and query together.
# Usage: bench/identify.sh [RESIDENTS]   (the generated files are kept in build/bench-data/)
set -euo pipefail
cd "$(dirname "$0")/.."
residents=${1:-10500000}
date=2026-11-22
lotsen=build/release/src/cli/lotsen
data=build/bench-data/national-$residents
work=$(mktemp -d)
source bench/lib/postgres.sh
cleanup() {
  pg_stop "$work"
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$data/completions.csv" ]; then
  build/release/bench/generate_registers "$data" --residents "$residents" --date "$date"
fi
for f in population enrolments completions; do cat "$data/$f.csv" >/dev/null; done  # warm the page cache for all

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b-a}'; }
peak_kib() { awk '/Maximum resident set size/{print $6}' "$1"; }

# Lotsen: reads, validates (UTF-8, control characters) and decides in one process. Three runs, the
# median counts: on a shared 2-core machine a single run varies by half a second either way.
runs=()
for round in 1 2 3; do
  start=$(seconds)
  /usr/bin/time -v "$lotsen" identify --db "$work/lotsen.db" --date "$date" --municipality all --dry-run --json --quiet \
    --population "$data/population.csv" --enrolments "$data/enrolments.csv" --completions "$data/completions.csv" \
    >"$work/lotsen.json" 2>"$work/lotsen.time"
  runs+=("$(elapsed "$start" "$(seconds)")")
done
lotsen_s=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
lotsen_kib=$(peak_kib "$work/lotsen.time")
lotsen_group=$(sed -n 's/^{[^{]*"target_group":\([0-9]*\).*/\1/p' "$work/lotsen.json")

# The same rules in SQL (the date is after 2018-07-01, so every GY and GYS enrolment takes a person out).
read -r -d '' query <<SQL || true
WITH p AS (
  SELECT personnummer, kommunkod,
         CAST(substr(personnummer, 1, 4) AS INTEGER) AS y,
         printf('%s-%s-%02d', substr(personnummer, 1, 4), substr(personnummer, 5, 2),
                CAST(substr(personnummer, 7, 2) AS INTEGER) % 60) AS birth
  FROM population
), scoped AS (
  SELECT * FROM p
  WHERE '$date' >= (y + 16) || '-07-01' AND '$date' < date(birth, '+20 years')
)
SELECT count(*) FROM scoped s
WHERE NOT EXISTS (SELECT 1 FROM completions c WHERE c.personnummer = s.personnummer
                  AND c.bevis <> 'studiebevis' AND c.datum <= '$date')
  AND NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.personnummer = s.personnummer
                  AND e.skolform IN ('GY', 'GYS') AND e.startdatum <= '$date'
                  AND (coalesce(e.slutdatum, '') = '' OR e.slutdatum >= '$date'));
SQL

# SQLite: .import, indexes, then the query.
sqlite_load() {
  sqlite3 "$work/sqlite.db" <<SQL
PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
CREATE TABLE population (personnummer, fornamn, efternamn, utdelningsadress, postnummer, postort, kommunkod, folkbokford_datum, skyddsmarkering);
CREATE TABLE enrolments (personnummer, skolform, programkod, skolenhetskod, huvudman, startdatum, slutdatum, avbrott);
CREATE TABLE completions (personnummer, bevis, datum);
.mode csv
.separator ;
.import --skip 1 $data/population.csv population
.import --skip 1 $data/enrolments.csv enrolments
.import --skip 1 $data/completions.csv completions
CREATE INDEX enrolments_pnr ON enrolments(personnummer);
CREATE INDEX completions_pnr ON completions(personnummer);
SQL
}
start=$(seconds)
/usr/bin/time -v bash -c "$(declare -f sqlite_load); work=$work data=$data sqlite_load" >/dev/null 2>"$work/sqlite-load.time"
sqlite_load_s=$(elapsed "$start" "$(seconds)")
start=$(seconds)
sqlite_group=$(/usr/bin/time -v sqlite3 "$work/sqlite.db" "$query" 2>"$work/sqlite-query.time")
sqlite_query_s=$(elapsed "$start" "$(seconds)")

# PostgreSQL 15 on loopback, tuned for loading (no fsync, unlogged tables).
port=$(( (RANDOM % 20000) + 30000 ))
pg_start "$work" "$port" 127.0.0.1 shared_buffers=2GB work_mem=256MB maintenance_work_mem=1GB max_wal_size=8GB
psql_run() { psql -X -q -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
pg_memory_kib() {  # the proportional set size of every postgres process, summed
  local total=0
  for pid in $(pgrep -u postgres postgres); do
    total=$(( total + $(awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
sample_pg() {  # prints the peak of pg_memory_kib while the given command runs
  local peak=0 m
  "$@" & local pid=$!
  while kill -0 "$pid" 2>/dev/null; do m=$(pg_memory_kib); (( m > peak )) && peak=$m; sleep 0.2; done
  wait "$pid"
  echo "$peak"
}
pg_load() {
  psql_run <<SQL
CREATE UNLOGGED TABLE population (personnummer text, fornamn text, efternamn text, utdelningsadress text, postnummer text, postort text, kommunkod text, folkbokford_datum date, skyddsmarkering text);
CREATE UNLOGGED TABLE enrolments (personnummer text, skolform text, programkod text, skolenhetskod text, huvudman text, startdatum date, slutdatum date, avbrott text);
CREATE UNLOGGED TABLE completions (personnummer text, bevis text, datum date);
\copy population FROM '$data/population.csv' WITH (FORMAT csv, HEADER true, DELIMITER ';')
\copy enrolments FROM '$data/enrolments.csv' WITH (FORMAT csv, HEADER true, DELIMITER ';')
\copy completions FROM '$data/completions.csv' WITH (FORMAT csv, HEADER true, DELIMITER ';')
CREATE INDEX enrolments_pnr ON enrolments(personnummer);
CREATE INDEX completions_pnr ON completions(personnummer);
ANALYZE;
SQL
}
pg_query_sql=$(sed -e "s/printf('%s-%s-%02d', substr(personnummer, 1, 4), substr(personnummer, 5, 2),/make_date(substr(personnummer, 1, 4)::int, substr(personnummer, 5, 2)::int,/" \
                   -e "s/CAST(substr(personnummer, 7, 2) AS INTEGER) % 60) AS birth/substr(personnummer, 7, 2)::int % 60) AS birth/" \
                   -e "s/'$date' >= (y + 16) || '-07-01' AND '$date' < date(birth, '+20 years')/DATE '$date' >= make_date(y + 16, 7, 1) AND DATE '$date' < (birth + interval '20 years')::date/" \
                   -e "s/c.datum <= '$date'/c.datum <= DATE '$date'/" \
                   -e "s/e.startdatum <= '$date'/e.startdatum <= DATE '$date'/" \
                   -e "s/(coalesce(e.slutdatum, '') = '' OR e.slutdatum >= '$date')/(e.slutdatum IS NULL OR e.slutdatum >= DATE '$date')/" <<<"$query")
start=$(seconds)
pg_load_kib=$(sample_pg pg_load)
pg_load_s=$(elapsed "$start" "$(seconds)")
start=$(seconds)
pg_query_kib=$(sample_pg bash -c "psql -X -q -t -A -h 127.0.0.1 -p $port -U postgres -c \"$pg_query_sql\" > $work/pg.out")
pg_query_s=$(elapsed "$start" "$(seconds)")
pg_group=$(cat "$work/pg.out")

mib() { awk -v k="$1" 'BEGIN{printf "%6.0f MiB", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", a/b}'; }
printf 'identify: %s residents, %s enrolments, %s completions; target group on %s\n' "$residents" \
  "$(($(wc -l <"$data/enrolments.csv") - 1))" "$(($(wc -l <"$data/completions.csv") - 1))" "$date"
printf '  %-28s %8s s  %s   target group %s   (median of %s)\n' "lotsen (read+decide)" "$lotsen_s" "$(mib "$lotsen_kib")" \
  "$lotsen_group" "${runs[*]}"
printf '  %-28s %8s s  %s\n' "postgresql 15 load" "$pg_load_s" "$(mib "$pg_load_kib")"
printf '  %-28s %8s s  %s   target group %s\n' "postgresql 15 query" "$pg_query_s" "$(mib "$pg_query_kib")" "$pg_group"
printf '  %-28s %8s s  %s\n' "sqlite load" "$sqlite_load_s" "$(mib "$(peak_kib "$work/sqlite-load.time")")"
printf '  %-28s %8s s  %s   target group %s\n' "sqlite query" "$sqlite_query_s" "$(mib "$(peak_kib "$work/sqlite-query.time")")" "$sqlite_group"
pg_total=$(awk -v a="$pg_load_s" -v b="$pg_query_s" 'BEGIN{print a+b}')
sqlite_total=$(awk -v a="$sqlite_load_s" -v b="$sqlite_query_s" 'BEGIN{print a+b}')
printf '  ratio postgresql (load+query) / lotsen: %sx;  query only: %sx\n' "$(ratio "$pg_total" "$lotsen_s")" "$(ratio "$pg_query_s" "$lotsen_s")"
printf '  ratio sqlite (load+query) / lotsen:     %sx;  query only: %sx\n' "$(ratio "$sqlite_total" "$lotsen_s")" "$(ratio "$sqlite_query_s" "$lotsen_s")"
verdict=$(awk -v t="$lotsen_s" -v m="$lotsen_kib" -v r="$(ratio "$pg_total" "$lotsen_s")" 'BEGIN{print (t<3 && m<2*1024*1024 && r>=10) ? "within budget" : "OVER BUDGET"}')
printf '  budget (< 3 s, < 2 GiB, >= 10x postgresql): %s\n' "$verdict"
[ "$lotsen_group" = "$pg_group" ] && [ "$lotsen_group" = "$sqlite_group" ] || echo "  WARNING: the target group sizes differ" >&2
