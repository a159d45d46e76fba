#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when missing and starts a private
# throw-away cluster for the tests on 127.0.0.1:${PGPORT:-54329}. Prints the URL
# of the database named by the first argument (default handelwijzer_test).
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=${PGPORT:-54329}
DBNAME=${1:-handelwijzer_test}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL installeren (Debian-pakket)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
data=/tmp/handelwijzer-pg/data
run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
mkdir -p /tmp/handelwijzer-pg
[ "$(id -u)" = 0 ] && chown postgres /tmp/handelwijzer-pg
if [ ! -f "$data/PG_VERSION" ]; then
  run_as "$bin/initdb -D $data --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
fi
if ! run_as "$bin/pg_ctl -D $data status" >/dev/null 2>&1; then
  run_as "$bin/pg_ctl -D $data -l /tmp/handelwijzer-pg/server.log -o '-p $PGPORT -k /tmp/handelwijzer-pg -c listen_addresses=127.0.0.1' -w start" >&2
fi
run_as "$bin/psql -h 127.0.0.1 -p $PGPORT -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname='$DBNAME'\"" | grep -q 1 \
  || run_as "$bin/createdb -h 127.0.0.1 -p $PGPORT -U postgres $DBNAME"
echo "postgresql://postgres@127.0.0.1:$PGPORT/$DBNAME"
