#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the store tests: `scripts/postgres.sh start` prints the
# URL to export as LAGEBILD_TEST_POSTGRES; `scripts/postgres.sh stop` removes it again.
set -euo pipefail
PORT="${LAGEBILD_PG_PORT:-54329}"
DIR="${LAGEBILD_PG_DIR:-/tmp/lagebild-pg-$PORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$BIN" ] || { echo "postgres.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    if [ -f "$DIR/data/PG_VERSION" ] && as_postgres "$BIN/pg_ctl -D $DIR/data status" >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$PORT/postgres"  # already running: reuse it
      exit 0
    fi
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_postgres "$BIN/initdb -D $DIR/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
    fi
    as_postgres "$BIN/pg_ctl -D $DIR/data -l $DIR/log -w -o '-c listen_addresses=127.0.0.1 -p $PORT -k $DIR' start" >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -f "$DIR/data/PG_VERSION" ] && as_postgres "$BIN/pg_ctl -D $DIR/data -m fast -w stop" >/dev/null || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: scripts/postgres.sh start|stop" >&2; exit 2 ;;
esac
