#!/usr/bin/env bash
# Make sure every Bangbang database and service role exists (idempotent; safe in CI).
#
#   deploy/local/postgres.sh [extra_db ...]
#
# Each service gets a login role bangbang_<service> that owns database bangbang_<service> and
# nothing else; nobody else may connect to it (superusers aside). A database created earlier by
# the admin is handed over to its role, objects and all. <SERVICE>_DB_PASSWORD (e.g.
# REQUEST_DB_PASSWORD), when set, becomes the role's password; without it the role relies on the
# server's local trust. Extra databases (tests, benchmarks) stay the admin's.
#
# Server: the one in DATABASE_URL (its database part is ignored), logging in as its user, a
# superuser; else postgres://postgres@127.0.0.1:5432/postgres.
set -euo pipefail

SERVICES=(gateway request dispatch merchant volunteer rating)
DBS=(bangbang_test "$@")
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
# The same server and login, in another database.
psql_in() { local db=$1; shift; psql "$scheme://$authority/$db$query" -X -v ON_ERROR_STOP=1 -Atq "$@"; }

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

# Names go into SQL unquoted, so only allow plain identifiers.
check_name() { [[ $1 =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "postgres: invalid database name '$1'" >&2; exit 1; }; }

db_exists() { [[ $(psql_admin -c "select 1 from pg_database where datname = '$1'") == 1 ]]; }

for db in "${DBS[@]}"; do
  check_name "$db"
  if db_exists "$db"; then
    echo "postgres: $db exists"
  else
    psql_admin -c "create database $db"
    echo "postgres: $db created"
  fi
done

for service in "${SERVICES[@]}"; do
  role=bangbang_$service db=bangbang_$service
  password_var="${service^^}_DB_PASSWORD"
  psql_admin <<SQL
DO \$\$ BEGIN
  CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object THEN NULL;
END \$\$;
SQL
  if [[ -n ${!password_var:-} ]]; then
    psql_admin -v pw="${!password_var}" <<SQL
ALTER ROLE $role PASSWORD :'pw';
SQL
  fi
  if db_exists "$db"; then
    psql_admin -c "alter database $db owner to $role"
  else
    psql_admin -c "create database $db owner $role"
  fi
  psql_admin -c "revoke all on database $db from public"
  # Objects an earlier run created as the admin (migrations, outbox, inbox) go to the role too.
  psql_in "$db" -v role="$role" <<'SQL'
SET bangbang.role TO :'role';
DO $$
DECLARE
  target text := current_setting('bangbang.role');
  r record;
BEGIN
  EXECUTE format('ALTER SCHEMA public OWNER TO %I', target);
  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_get_userbyid(c.relowner) <> target LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name, target);
  END LOOP;
  -- After the tables: a sequence owned by a column has moved with its table already.
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> target LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, target);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p') AND pg_get_userbyid(p.proowner) <> target LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.sig, target);
  END LOOP;
  FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm') AND pg_get_userbyid(t.typowner) <> target LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, target);
  END LOOP;
END $$;
SQL
  echo "postgres: $db owned by role $role"
done
