#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests (fsync off, loopback only) and prints its DATABASE_URL.
# Usage: scripts/pg-throwaway.sh [dir] [port]    Stop with: pg_ctl -D <dir> stop
set -euo pipefail
dir=${1:-/tmp/gejiu-pg}
port=${2:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  run "$bindir/initdb -D $dir -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! run "$bindir/pg_ctl -D $dir status" >/dev/null 2>&1; then
  if ! run "$bindir/pg_ctl -D $dir -l $dir/server.log -w -o '-p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -k /tmp' start" >/dev/null; then
    # Say why (a port or socket lock already taken, shared memory...), since the caller may delete $dir.
    echo "PostgreSQL did not start on port $port; the end of $dir/server.log:" >&2
    tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    exit 1
  fi
fi
run "$bindir/psql -h 127.0.0.1 -p $port -U postgres -tAc \"select 1 from pg_database where datname='gejiu'\"" | grep -q 1 \
  || run "$bindir/createdb -h 127.0.0.1 -p $port -U postgres gejiu"
echo "postgres://postgres@127.0.0.1:$port/gejiu"
