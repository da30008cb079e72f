#!/bin/bash
# First start: initdb with scram-sha-256 for every connection and the superuser's password from
# ARGUS_POSTGRES_ADMIN_PASSWORD. Every start: the roles argus_frontend and argus_brain (login, no superuser, no
# createdb, no createrole) get their passwords from the environment (so rotating one is a restart), database argus
# exists, and each role owns its own schema only (frontend, brain); PUBLIC loses the public schema.
set -euo pipefail
for name in ARGUS_POSTGRES_ADMIN_PASSWORD ARGUS_POSTGRES_FRONTEND_PASSWORD ARGUS_POSTGRES_BRAIN_PASSWORD; do
  [ -n "${!name:-}" ] || { echo "[postgres] set $name" >&2; exit 1; }
done
rm -f /tmp/argus-roles-ready
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile="$(mktemp)"
  printf '%s\n' "$ARGUS_POSTGRES_ADMIN_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '*'
unix_socket_directories = '/tmp'
password_encryption = scram-sha-256
max_connections = 200
shared_buffers = 128MB
CONF
  printf 'local all all scram-sha-256\nhost all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' \
    > "$PGDATA/pg_hba.conf"
  echo "[postgres] cluster created"
fi
postgres -D "$PGDATA" &
server=$!
trap 'kill -INT "$server"; wait "$server"' TERM INT
export PGPASSWORD="$ARGUS_POSTGRES_ADMIN_PASSWORD"
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres \
  -v frontend="$ARGUS_POSTGRES_FRONTEND_PASSWORD" -v brain="$ARGUS_POSTGRES_BRAIN_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY['argus_frontend', 'argus_brain']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE argus_frontend LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'frontend';
ALTER ROLE argus_brain LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'brain';
SELECT 'CREATE DATABASE argus' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'argus') \gexec
REVOKE ALL ON DATABASE argus FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE argus TO argus_frontend, argus_brain;
\connect argus
REVOKE ALL ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS frontend AUTHORIZATION argus_frontend;
CREATE SCHEMA IF NOT EXISTS brain AUTHORIZATION argus_brain;
REVOKE ALL ON SCHEMA frontend FROM PUBLIC;
REVOKE ALL ON SCHEMA brain FROM PUBLIC;
ALTER ROLE argus_frontend SET search_path = frontend;
ALTER ROLE argus_brain SET search_path = brain;
SQL
unset PGPASSWORD
touch /tmp/argus-roles-ready
echo "[postgres] roles argus_frontend and argus_brain own their schemas"
wait "$server"
