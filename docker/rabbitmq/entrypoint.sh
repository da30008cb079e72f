#!/bin/bash
# Starts RabbitMQ, then creates or updates the Argus users in vhost "/" with the passwords of the environment
# (scripts/rabbitmq-users.sh: one user per process, one per probe engine, and the administrator), deletes guest,
# and marks the broker ready for the health check. Refuses to start when a password is missing.
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
argus_rabbitmq_users / || { echo "[rabbitmq] could not create the Argus users" >&2; kill "$server"; exit 1; }
rabbitmqctl -q delete_user guest >/dev/null 2>&1 || true
touch /var/lib/rabbitmq/argus-users-ready
echo "[rabbitmq] Argus users are in place; guest is gone"
wait "$server"
