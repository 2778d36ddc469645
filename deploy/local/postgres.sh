#!/usr/bin/env bash
# Make sure every Bangbang database exists (idempotent; safe in CI).
#
#   deploy/local/postgres.sh [extra_db ...]
#
# Server: the one in DATABASE_URL (its database part is ignored), else
# postgres://postgres@127.0.0.1:5432/postgres.
set -euo pipefail

DBS=(bangbang_gateway bangbang_request bangbang_dispatch bangbang_merchant
  bangbang_volunteer bangbang_rating bangbang_test "$@")
URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
TIMEOUT=${POSTGRES_WAIT_TIMEOUT:-30}
export PGCONNECT_TIMEOUT=5

# Point the URL at the maintenance db: the app's own db may not exist yet.
query=""; [[ $URL == *\?* ]] && query="?${URL#*\?}"
rest=${URL%%\?*}; scheme=${rest%%://*}; rest=${rest#*://}
authority=${rest%%/*}
ADMIN_URL="$scheme://$authority/postgres$query"
host=${authority##*@}; host=${host%:*}

psql_admin() { psql "$ADMIN_URL" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

tried_local_start=0
deadline=$((SECONDS + TIMEOUT))
until psql_admin -c 'select 1' >/dev/null 2>&1; do
  if [[ $tried_local_start == 0 && $host =~ ^(127\.0\.0\.1|localhost|)$ ]] && [[ -d /etc/postgresql ]]; then
    tried_local_start=1
    version=$(basename "$(printf "%s\n" /etc/postgresql/*/ | sort -V | tail -n1)")
    echo "postgres: local server not answering, starting cluster $version/main" >&2
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  if ((SECONDS >= deadline)); then
    echo "postgres: $host not answering after ${TIMEOUT}s" >&2
    psql_admin -c 'select 1' # let psql print the real error
    exit 1
  fi
  sleep 1
done

for db in "${DBS[@]}"; do
  # Names go into SQL unquoted, so only allow plain identifiers.
  [[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres: invalid database name '$db'" >&2; exit 1; }
  if [[ $(psql_admin -c "select 1 from pg_database where datname = '$db'") == 1 ]]; then
    echo "postgres: $db exists"
  else
    psql_admin -c "create database $db"
    echo "postgres: $db created"
  fi
done
