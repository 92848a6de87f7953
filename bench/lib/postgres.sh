# A throwaway PostgreSQL 15 cluster for a benchmark's baseline, sourced by bench/*.sh (run as root: the
# cluster runs as the postgres user). Tuned for loading, not for keeping data: no fsync, no full pages.
pg_bin=/usr/lib/postgresql/15/bin

# pg_start WORK PORT LISTEN [SETTING...]: a new cluster in WORK/pg, started on PORT with its socket in
# WORK/pgsock, listening on LISTEN ('' for the socket only, 127.0.0.1 for loopback), with each SETTING
# ("shared_buffers=512MB") on top of the loading tuning.
pg_start() {
  local work=$1 port=$2 listen=$3 options=""
  shift 3
  for setting in "$@"; do options+=" -c $setting"; done
  mkdir -p "$work/pg" "$work/pgsock"
  chown postgres "$work" "$work/pg" "$work/pgsock"
  chmod 755 "$work"
  runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -w -l "$work/pg.log" -o \
    "-p $port -k $work/pgsock -c listen_addresses='$listen' -c fsync=off -c synchronous_commit=off \
     -c full_page_writes=off$options" start >/dev/null
}

# pg_stop WORK: stops the cluster in WORK/pg, if one runs there (for an EXIT trap).
pg_stop() {
  [ -f "$1/pg/postmaster.pid" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$1/pg" -m immediate stop >/dev/null 2>&1 || true
}
