#!/usr/bin/env bash
# Starts the local services the tests and the local run need, as root on a Debian machine:
# clamd with the project's test signatures (127.0.0.1:3310) and vsftpd (127.0.0.1:2121,
# user argus/argus). Checks that RabbitMQ and PostgreSQL answer and creates the argus
# database. Idempotent: a service that already answers is left alone. Exits non-zero
# with a sentence naming the missing service.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${ARGUS_SERVICES_DIR:-/var/lib/argus-ci}"

log() { printf '[services] %s\n' "$*"; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port seconds name
  for _ in $(seq 1 "$(( $2 * 2 ))"); do port_open "$1" && return 0; sleep 0.5; done
  die "$3 did not open 127.0.0.1:$1 within $2 s"
}

install_packages() {
  local missing=()
  command -v clamd >/dev/null || missing+=(clamav-daemon)
  command -v clamdscan >/dev/null || missing+=(clamdscan)
  command -v yara >/dev/null || missing+=(yara)
  command -v vsftpd >/dev/null || missing+=(vsftpd)
  # the standalone mode unpacks its PostgreSQL binaries with tar and xz
  command -v xz >/dev/null || missing+=(xz-utils)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start_clamd() {
  if port_open 3310; then log "clamd already answers on 3310"; return; fi
  mkdir -p "$state/clamav/db" "$state/clamav/run"
  cp "$here"/clamav/*.hdb "$here"/clamav/*.ndb "$state/clamav/db/"
  cat > "$state/clamav/clamd.conf" <<CONF
DatabaseDirectory $state/clamav/db
TCPSocket 3310
TCPAddr 127.0.0.1
LocalSocket $state/clamav/run/clamd.sock
PidFile $state/clamav/run/clamd.pid
LogFile $state/clamav/clamd.log
User root
Foreground no
MaxThreads 4
StreamMaxLength 300M
MaxScanSize 400M
MaxFileSize 300M
CONF
  log "starting clamd with the test signatures"
  clamd --config-file="$state/clamav/clamd.conf"
  wait_port 3310 60 clamd
}

start_vsftpd() {
  if port_open 2121; then log "an FTP server already answers on 2121"; return; fi
  id argus >/dev/null 2>&1 || useradd --system --home-dir "$state/ftp" --shell /bin/bash argus
  echo 'argus:argus' | chpasswd
  mkdir -p "$state/ftp" /var/run/vsftpd/empty
  chown argus:argus "$state/ftp"
  cat > "$state/vsftpd.conf" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=2121
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
chroot_local_user=YES
allow_writeable_chroot=YES
local_root=$state/ftp
pasv_enable=YES
pasv_min_port=40000
pasv_max_port=40100
pasv_address=127.0.0.1
seccomp_sandbox=NO
max_clients=200
max_per_ip=200
secure_chroot_dir=/var/run/vsftpd/empty
pam_service_name=vsftpd
xferlog_enable=NO
background=YES
CONF
  log "starting vsftpd on 127.0.0.1:2121"
  vsftpd "$state/vsftpd.conf"
  wait_port 2121 20 vsftpd
}

check_rabbitmq() {
  port_open 5672 || rabbitmq-server -detached 2>/dev/null || true
  wait_port 5672 60 "RabbitMQ (start it with: rabbitmq-server -detached)"
  # Tests run in their own virtual hosts, so a local Argus on "/" never competes for their messages.
  for vhost in argus-test argus-e2e; do
    rabbitmqctl -q add_vhost "$vhost" >/dev/null 2>&1 || true
    rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null \
      || die "cannot grant guest access to RabbitMQ vhost $vhost (is rabbitmqctl allowed to talk to the node?)"
  done
  log "RabbitMQ answers; vhosts argus-test and argus-e2e exist"
}

check_postgres() {
  port_open 5432 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start || true
  wait_port 5432 30 "PostgreSQL"
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='argus'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "CREATE ROLE argus LOGIN PASSWORD 'argus'" >/dev/null
  for db in argus argus_test argus_e2e; do
    psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db OWNER argus" >/dev/null
  done
  log "PostgreSQL answers; databases argus, argus_test and argus_e2e exist"
}

install_packages
check_rabbitmq
check_postgres
start_clamd
start_vsftpd
log "all services up: RabbitMQ 5672, PostgreSQL 5432, clamd 3310, FTP 2121"
