#!/usr/bin/env bash
# The fault-injection suite's own services (e2e FaultInjectionEndToEndTests), as root on a Debian machine. That
# suite stops, kills and restarts them while it scans, so it must never touch the shared ones of
# .ci/services.sh (RabbitMQ 5672, PostgreSQL 5432, vsftpd 2121) that other tests and people use meanwhile:
# - RabbitMQ node argus-fault@localhost on 127.0.0.1:5673 (distribution port 25673, no plugins), its data and
#   logs in $state/fault/rabbitmq, vhost argus-fault with the same least-privilege users argus-frontend,
#   argus-brain and argus-probe-<engine> (add_rabbitmq_users of .ci/services.sh) and guest;
#   control it with: rabbitmqctl -n argus-fault@localhost stop_app | start_app
# - PostgreSQL cluster <version> argusfault on 127.0.0.1:5433 (trust for 127.0.0.1), role argus/argus,
#   database argus_fault; restart it with: pg_ctlcluster <version> argusfault restart -m fast
# - vsftpd on 127.0.0.1:2122 (passive ports 40200-40300, root $state/fault/ftp) with the accounts of
#   .ci/services.sh (argus writes, argus-probe only reads), in its own process group whose id is in
#   $state/fault/vsftpd.pid; "kill -KILL -- -<that id>" stops it.
# Idempotent: a service that already answers is left alone, so the suite restarts one service by running
# this script with its name: bash .ci/fault-services.sh [rabbitmq] [postgresql] [vsftpd] (default: all three).
# Exits non-zero with a sentence naming the service that could not be started.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/services.sh"

log() { printf '[fault-services] %s\n' "$*"; }
die() { printf '[fault-services] ERROR: %s\n' "$*" >&2; exit 1; }

fault="$state/fault"
rabbit_node="${ARGUS_FAULT_RABBIT_NODE:-argus-fault@localhost}"
rabbit_port="${ARGUS_FAULT_RABBIT_PORT:-5673}"
rabbit_dist_port="${ARGUS_FAULT_RABBIT_DIST_PORT:-25673}"
rabbit_vhost=argus-fault
pg_cluster=argusfault
pg_port="${ARGUS_FAULT_PG_PORT:-5433}"
ftp_port="${ARGUS_FAULT_FTP_PORT:-2122}"

start_fault_rabbitmq() {
  if port_open "$rabbit_port"; then
    log "RabbitMQ $rabbit_node already answers on $rabbit_port"
  elif rabbitmqctl -q -n "$rabbit_node" status >/dev/null 2>&1; then
    # the node runs but its application was stopped (a suite interrupted between stop_app and start_app)
    log "starting the stopped RabbitMQ application of $rabbit_node"
    rabbitmqctl -q -n "$rabbit_node" start_app >/dev/null \
      || die "RabbitMQ node $rabbit_node runs but its application does not start (see $fault/rabbitmq/log)"
  else
    local dir="$fault/rabbitmq"
    mkdir -p "$dir/mnesia" "$dir/log"
    printf 'listeners.tcp.local = 127.0.0.1:%s\n' "$rabbit_port" > "$dir/rabbitmq.conf"
    printf '[].\n' > "$dir/enabled_plugins"
    # Not /etc/rabbitmq/rabbitmq-env.conf: it names the shared node.
    cat > "$dir/rabbitmq-env.conf" <<CONF
ERL_EPMD_ADDRESS=127.0.0.1
export ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}"
CONF
    chown -R rabbitmq:rabbitmq "$dir"
    log "starting RabbitMQ node $rabbit_node on 127.0.0.1:$rabbit_port (data and logs in $dir)"
    # The Debian wrapper runs the server as the rabbitmq user and keeps these variables.
    env RABBITMQ_NODENAME="$rabbit_node" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$rabbit_port" \
      RABBITMQ_DIST_PORT="$rabbit_dist_port" RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
      RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
      RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
      rabbitmq-server -detached \
      || die "RabbitMQ node $rabbit_node did not start (see $dir/log)"
  fi
  wait_port "$rabbit_port" 120 "RabbitMQ node $rabbit_node (see $fault/rabbitmq/log)"
  rabbitmqctl -q -n "$rabbit_node" add_vhost "$rabbit_vhost" >/dev/null 2>&1 || true
  rabbitmqctl -q -n "$rabbit_node" set_permissions -p "$rabbit_vhost" guest '.*' '.*' '.*' >/dev/null \
    || die "cannot grant guest access to vhost $rabbit_vhost of RabbitMQ node $rabbit_node"
  add_rabbitmq_users --node "$rabbit_node" "$rabbit_vhost"
  log "RabbitMQ $rabbit_node answers on $rabbit_port; vhost $rabbit_vhost with users argus-frontend, argus-brain, argus-probe-<engine>"
}

start_fault_postgresql() {
  local version
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  [ -n "$version" ] || die "no PostgreSQL installed (/etc/postgresql is empty)"
  # ask pg_lsclusters, not the configuration folder: a dropped cluster leaves our conf.d file (and the folder) behind
  if ! pg_lsclusters --no-header | awk '{print $1 "/" $2}' | grep -qx "$version/$pg_cluster"; then
    rm -rf "/etc/postgresql/$version/$pg_cluster"
    log "creating PostgreSQL cluster $version $pg_cluster on port $pg_port"
    pg_createcluster "$version" "$pg_cluster" --port "$pg_port" --start-conf manual \
      -- --auth-local trust --auth-host trust >/dev/null \
      || die "cannot create PostgreSQL cluster $version $pg_cluster"
  fi
  printf "listen_addresses = '127.0.0.1'\n" > "/etc/postgresql/$version/$pg_cluster/conf.d/argus-fault.conf"
  if port_open "$pg_port"; then
    log "PostgreSQL $version $pg_cluster already answers on $pg_port"
  else
    log "starting PostgreSQL cluster $version $pg_cluster on 127.0.0.1:$pg_port"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$pg_cluster" start \
      || die "PostgreSQL cluster $version $pg_cluster did not start (see /var/log/postgresql/postgresql-$version-$pg_cluster.log)"
  fi
  wait_port "$pg_port" 60 "PostgreSQL cluster $version $pg_cluster"
  local psql=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1)
  "${psql[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname='argus'" | grep -q 1 \
    || "${psql[@]}" -c "CREATE ROLE argus LOGIN PASSWORD 'argus'" >/dev/null \
    || die "cannot create role argus in PostgreSQL cluster $pg_cluster"
  "${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname='argus_fault'" | grep -q 1 \
    || "${psql[@]}" -c "CREATE DATABASE argus_fault OWNER argus" >/dev/null \
    || die "cannot create database argus_fault in PostgreSQL cluster $pg_cluster"
  log "PostgreSQL $pg_cluster answers on $pg_port; database argus_fault exists"
}

start_fault_vsftpd() {
  add_ftp_accounts
  if port_open "$ftp_port"; then log "an FTP server already answers on $ftp_port"; return; fi
  mkdir -p /var/run/vsftpd/empty "$fault/ftp" "$fault/vsftpd-users"
  chown argus:argus "$fault/ftp"
  chmod 775 "$fault/ftp"
  printf 'write_enable=NO\n' > "$fault/vsftpd-users/argus-probe"
  vsftpd_config "$fault/vsftpd.conf" "$ftp_port" "$fault/ftp" "$fault/vsftpd-users" 40200 40300 NO
  log "starting vsftpd on 127.0.0.1:$ftp_port (root $fault/ftp)"
  # In the foreground in a session of its own: its id is the process group of the listener and of every
  # FTP session, which the suite kills as a whole.
  setsid vsftpd "$fault/vsftpd.conf" </dev/null >>"$fault/vsftpd.log" 2>&1 &
  echo $! > "$fault/vsftpd.pid"
  wait_port "$ftp_port" 20 "vsftpd (see $fault/vsftpd.log)"
}

mkdir -p "$fault"
services=("$@")
((${#services[@]})) || services=(rabbitmq postgresql vsftpd)
for service in "${services[@]}"; do
  case "$service" in
    rabbitmq) start_fault_rabbitmq ;;
    postgresql) start_fault_postgresql ;;
    vsftpd) start_fault_vsftpd ;;
    *) die "unknown service $service (rabbitmq, postgresql or vsftpd)" ;;
  esac
done
log "fault-injection services up: ${services[*]}"
