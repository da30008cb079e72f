#!/bin/bash
# Starts RabbitMQ, then creates or updates the Argus users in vhost "/" with the passwords of the environment
# (scripts/rabbitmq-users.sh: one user per process and one per engine of ARGUS_ENGINES) and the dead-letter policy
# of quorum queues (argus_rabbitmq_dead_letter_policy), the administrator argus (ARGUS_RABBITMQ_ADMIN_PASSWORD),
# deletes guest, and marks the broker ready for the health check. A missing
# password stops the broker. Changing a password in .env and restarting this service rotates it.
set -euo pipefail
rm -f /var/lib/rabbitmq/argus-users-ready
source /opt/argus/rabbitmq-users.sh
rabbitmq-server &
server=$!
trap 'rabbitmqctl -q stop >/dev/null 2>&1 || kill "$server"; wait "$server"' TERM INT
for _ in $(seq 1 120); do
  rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "[rabbitmq] the broker exited during start-up" >&2; exit 1; }
  sleep 1
done
rabbitmqctl -q await_startup
fail() { echo "[rabbitmq] $*" >&2; kill "$server"; wait "$server" || true; exit 1; }
[ -n "${ARGUS_RABBITMQ_ADMIN_PASSWORD:-}" ] || fail "set ARGUS_RABBITMQ_ADMIN_PASSWORD"
read -r -a engines <<<"${ARGUS_ENGINES:?set ARGUS_ENGINES}"
argus_rabbitmq_users / "${engines[@]}" || fail "could not create the Argus users"
argus_rabbitmq_dead_letter_policy / || fail "could not set the dead-letter policy"
{ rabbitmqctl -q add_user argus "$ARGUS_RABBITMQ_ADMIN_PASSWORD" >/dev/null 2>&1 \
    || rabbitmqctl -q change_password argus "$ARGUS_RABBITMQ_ADMIN_PASSWORD" >/dev/null; } \
  && rabbitmqctl -q set_user_tags argus administrator >/dev/null \
  && rabbitmqctl -q set_permissions -p / argus '.*' '.*' '.*' >/dev/null || fail "could not create the administrator"
rabbitmqctl -q delete_user guest >/dev/null 2>&1 || true
touch /var/lib/rabbitmq/argus-users-ready
echo "[rabbitmq] Argus users are in place; guest is gone"
wait "$server"
