#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite and prints its DATABASE_URL.
# Installs Debian's `postgresql` package when it is missing (needs root, as on CI machines).
# Usage: DATABASE_URL=$(bash scripts/postgres.sh)   |   bash scripts/postgres.sh stop
set -euo pipefail

PGPORT="${LANTOA_PG_PORT:-54329}"
PGDATA="${LANTOA_PG_DATA:-/tmp/lantoa-pg-$PGPORT}"
SOCKET_DIR="${LANTOA_PG_SOCKET_DIR:-/tmp}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed; run: sudo apt-get install postgresql" >&2
    exit 1
  fi
  echo "Installing PostgreSQL (Debian package postgresql)…" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi

# The server refuses to run as root: use the postgres account when we are root.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-start}" = "stop" ]; then
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >&2 || true
  exit 0
fi

if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
  as_owner "$BIN/initdb" -D "$PGDATA" -U lantoa --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi

if ! as_owner "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  # Durability is irrelevant for a throwaway test server; speed is not.
  as_owner "$BIN/pg_ctl" -D "$PGDATA" -w -l "$PGDATA/server.log" start -o \
    "-p $PGPORT -k $SOCKET_DIR -c listen_addresses=127.0.0.1 -c fsync=off \
     -c synchronous_commit=off -c full_page_writes=off" >&2
fi

as_owner "$BIN/psql" -h "$SOCKET_DIR" -p "$PGPORT" -U lantoa -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'lantoa'" | grep -q 1 ||
  as_owner "$BIN/createdb" -h "$SOCKET_DIR" -p "$PGPORT" -U lantoa lantoa >&2

echo "postgres://lantoa@127.0.0.1:$PGPORT/lantoa"
