#!/bin/bash
# Starts RabbitMQ. On the first node (ARGUS_RABBITMQ_JOIN unset) it then creates or updates the Argus users in vhost
# "/" with the passwords of the environment (scripts/rabbitmq-users.sh: one user per process and one per engine of
# ARGUS_ENGINES), the administrator argus (ARGUS_RABBITMQ_ADMIN_PASSWORD) and the dead-letter policy of quorum
# queues with the queue length limit (argus_rabbitmq_dead_letter_policy, ARGUS_RABBITMQ_MAX_QUEUE_LENGTH), deletes guest,
# waits until the cluster has ARGUS_RABBITMQ_CLUSTER_SIZE running nodes (default 1: no cluster), and marks the
# broker ready for the health check. A missing password stops the broker. Changing a password in .env and
# restarting this service rotates it.
# A further node of a cluster (docker-compose.yml's profile "cluster") sets ARGUS_RABBITMQ_JOIN to the first node's
# name (rabbit@rabbitmq): at its first start it joins that node's cluster (users, permissions and policies are the
# cluster's), at every start it adds itself to every quorum queue that lacks it. Nodes of one cluster share the
# Erlang cookie ARGUS_RABBITMQ_ERLANG_COOKIE.
set -euo pipefail
rm -f /var/lib/rabbitmq/argus-users-ready
source /opt/argus/rabbitmq-users.sh
if [ -n "${ARGUS_RABBITMQ_ERLANG_COOKIE:-}" ]; then
  (umask 077 && rm -f "$HOME/.erlang.cookie" && printf '%s' "$ARGUS_RABBITMQ_ERLANG_COOKIE" > "$HOME/.erlang.cookie")
  chmod 400 "$HOME/.erlang.cookie"
fi
rabbitmq-server &
server=$!
trap 'rabbitmqctl -q stop >/dev/null 2>&1 || kill "$server"; wait "$server"' TERM INT
for _ in $(seq 1 300); do
  rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "[rabbitmq] the broker exited during start-up" >&2; exit 1; }
  sleep 1
done
rabbitmqctl -q await_startup
fail() { echo "[rabbitmq] $*" >&2; kill "$server"; wait "$server" || true; exit 1; }

if [ -n "${ARGUS_RABBITMQ_JOIN:-}" ]; then
  if ! rabbitmqctl -q cluster_status --formatter json | grep -q "\"$ARGUS_RABBITMQ_JOIN\""; then
    echo "[rabbitmq] joining the cluster of $ARGUS_RABBITMQ_JOIN"
    joined=false
    for _ in $(seq 1 60); do
      rabbitmqctl -q stop_app >/dev/null && rabbitmqctl -q reset >/dev/null \
        && rabbitmqctl -q join_cluster "$ARGUS_RABBITMQ_JOIN" >/dev/null 2>&1 && { joined=true; break; }
      rabbitmqctl -q start_app >/dev/null 2>&1 || true
      sleep 5
    done
    $joined || fail "could not join $ARGUS_RABBITMQ_JOIN"
    rabbitmqctl -q start_app >/dev/null || fail "could not start after joining $ARGUS_RABBITMQ_JOIN"
  fi
  node="$(rabbitmqctl -q eval 'node().' | tr -d "'")"
  rabbitmq-queues -q grow "$node" all >/dev/null 2>&1 || echo "[rabbitmq] could not add $node to the quorum queues"
  touch /var/lib/rabbitmq/argus-users-ready
  echo "[rabbitmq] $node runs in the cluster of $ARGUS_RABBITMQ_JOIN"
  wait "$server"
  exit $?
fi

[ -n "${ARGUS_RABBITMQ_ADMIN_PASSWORD:-}" ] || fail "set ARGUS_RABBITMQ_ADMIN_PASSWORD"
read -r -a engines <<<"${ARGUS_ENGINES:?set ARGUS_ENGINES}"
argus_rabbitmq_users / "${engines[@]}" || fail "could not create the Argus users"
argus_rabbitmq_dead_letter_policy / || fail "could not set the dead-letter policy"
{ rabbitmqctl -q add_user argus "$ARGUS_RABBITMQ_ADMIN_PASSWORD" >/dev/null 2>&1 \
    || rabbitmqctl -q change_password argus "$ARGUS_RABBITMQ_ADMIN_PASSWORD" >/dev/null; } \
  && rabbitmqctl -q set_user_tags argus administrator >/dev/null \
  && rabbitmqctl -q set_permissions -p / argus '.*' '.*' '.*' >/dev/null || fail "could not create the administrator"
rabbitmqctl -q delete_user guest >/dev/null 2>&1 || true
size="${ARGUS_RABBITMQ_CLUSTER_SIZE:-1}"
for _ in $(seq 1 120); do
  running="$(rabbitmqctl -q cluster_status --formatter json | grep -o '"running_nodes":\[[^]]*\]' | grep -o '"rabbit@' | wc -l)"
  [ "$running" -ge "$size" ] && break
  sleep 5
done
[ "$running" -ge "$size" ] || echo "[rabbitmq] only $running of $size cluster nodes run; ready anyway"
touch /var/lib/rabbitmq/argus-users-ready
echo "[rabbitmq] Argus users are in place; guest is gone; $running node(s) run"
wait "$server"
