#!/usr/bin/env bash
# Starts the local services the tests and the local run need, as root on a Debian machine:
# clamd with the project's test signatures (127.0.0.1:3310), c-icap with its ClamAV antivirus
# service over that clamd (ICAP on 127.0.0.1:1344, service avscan) and vsftpd
# (127.0.0.1:2121, user argus/argus who writes, argus-probe who only reads); installs the test YARA rules and hash
# lists the probe's engines read, and installs clamscan for the command-line engine
# engines/cli/clamscan.yaml, and chromium with chromium-driver for the web UI's browser tests.
# Checks that RabbitMQ and PostgreSQL answer, creates the argus databases and one
# least-privilege RabbitMQ user per process in the test vhosts. Idempotent: a service that
# already answers is left alone. Exits non-zero with a sentence naming the missing service. Ends with
# .ci/fault-services.sh: the fault-injection suite's own RabbitMQ node (5673), PostgreSQL cluster (5433) and
# vsftpd (2122), which that suite stops and restarts, so the shared ones above are never disturbed.
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
  command -v clamscan >/dev/null || missing+=(clamav)   # the clamscan command-line engine (engines/cli/)
  { command -v yara >/dev/null && command -v yarac >/dev/null; } || missing+=(yara)
  command -v vsftpd >/dev/null || missing+=(vsftpd)
  { command -v c-icap && command -v c-icap-client; } >/dev/null || missing+=(c-icap)
  dpkg -s libc-icap-mod-virus-scan >/dev/null 2>&1 || missing+=(libc-icap-mod-virus-scan)
  # the standalone mode unpacks its PostgreSQL binaries with tar and xz
  command -v xz >/dev/null || missing+=(xz-utils)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  # The web UI's browser tests (e2e WebUiEndToEndTests) drive Debian's chromium through its chromedriver.
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # The extraction engine (docs/engines/extract.md) reads rar through bsdtar; its tests make archives with zip and 7z.
  command -v bsdtar >/dev/null || missing+=(libarchive-tools)
  command -v zip >/dev/null || missing+=(zip)
  command -v 7z >/dev/null || missing+=(p7zip-full)
  # The front doors' tests (docs/api.md, docs/operations.md) drive Argus with the clients people already have:
  # Debian's VirusTotal v2 client and pyclamd, run by Debian's own python3 (/usr/bin/python3).
  dpkg -s python3-virustotal-api >/dev/null 2>&1 || missing+=(python3-virustotal-api)
  dpkg -s python3-pyclamd >/dev/null 2>&1 || missing+=(python3-pyclamd)
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

install_engine_files() {
  # The yara and hashlist engines read these directories (argus.probe.yara.rules-dir,
  # argus.probe.hashlist.dir); copied on every run so edited test files take effect.
  mkdir -p "$state/yara" "$state/hashlists"
  cp "$here"/yara/*.yar "$state/yara/"
  cp "$here"/hashlists/*.txt "$here"/hashlists/*.csv "$state/hashlists/"
  yarac "$state"/yara/*.yar /dev/null \
    || die "yarac rejects the test YARA rules in $here/yara (see its message above)"
  log "test YARA rules in $state/yara, test hash lists in $state/hashlists"
}

# c-icap's virus_scan service scanning through clamd_mod, i.e. through the clamd above (so it
# knows exactly the project's test signatures), also reachable as srv_clamav and as avscan (the
# "simple" mode that never answers before the whole file is scanned; the one Argus uses). Must
# start after clamd: when clamd_mod cannot reach clamd at start-up, c-icap runs without an
# antivirus engine and answers 204 (clean) to every file, which is why an EICAR check follows
# every start.
start_cicap() {
  if port_open 1344; then
    log "an ICAP server already answers on 1344"
  else
    port_open 3310 || die "c-icap needs clamd, which does not answer on 127.0.0.1:3310"
    local modules clamd_conf
    modules="$(dirname "$(dpkg -L libc-icap-mod-virus-scan | grep '/virus_scan\.so$')")"
    if [ -S "$state/clamav/run/clamd.sock" ]; then
      clamd_conf="clamd_mod.ClamdSocket $state/clamav/run/clamd.sock"
    else
      clamd_conf=$'clamd_mod.ClamdHost 127.0.0.1\nclamd_mod.ClamdPort 3310'
    fi
    mkdir -p "$state/c-icap/run" "$state/c-icap/log" "$state/c-icap/tmp"
    cat > "$state/c-icap/c-icap.conf" <<CONF
PidFile $state/c-icap/run/c-icap.pid
CommandsSocket $state/c-icap/run/c-icap.ctl
Port 127.0.0.1:1344
User root
Group root
Timeout 300
MaxKeepAliveRequests 100
KeepAliveTimeout 600
StartServers 1
MaxServers 4
MinSpareThreads 4
MaxSpareThreads 20
ThreadsPerChild 10
MaxRequestsPerChild 0
ServerName argus-ci
TmpDir $state/c-icap/tmp
MaxMemObject 131072
DebugLevel 1
Pipelining on
ModulesDir $modules
ServicesDir $modules
TemplateDir /usr/share/c_icap/templates/
TemplateDefaultLanguage en
LoadMagicFile /etc/c-icap/c-icap.magic
ServerLog $state/c-icap/log/server.log
AccessLog $state/c-icap/log/access.log
Module common clamd_mod.so
$clamd_conf
Service antivirus_module virus_scan.so
ServiceAlias srv_clamav virus_scan
ServiceAlias avscan virus_scan?allow204=on&sizelimit=off&mode=simple
virus_scan.ScanFileTypes TEXT DATA EXECUTABLE ARCHIVE GRAPHICS STREAM DOCUMENT
virus_scan.SendPercentData 0
virus_scan.Allow204Responces on
virus_scan.PassOnError off
virus_scan.MaxObjectSize 300M
virus_scan.DefaultEngine clamd
CONF
    log "starting c-icap (virus_scan over clamd, alias avscan) on 127.0.0.1:1344"
    c-icap -f "$state/c-icap/c-icap.conf" \
      || die "c-icap did not start (see $state/c-icap/log/server.log)"
    wait_port 1344 20 "c-icap (see $state/c-icap/log/server.log)"
  fi
  local probe answer
  probe="$(mktemp -d)"
  printf '%s' 'X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*' > "$probe/eicar.com"
  answer="$(c-icap-client -i 127.0.0.1 -p 1344 -s avscan -f "$probe/eicar.com" -o "$probe/answer" -v 2>&1 || true)"
  rm -rf "$probe"
  grep -q 'X-Infection-Found:.*Eicar' <<<"$answer" \
    || die "the ICAP server on 127.0.0.1:1344 does not detect EICAR with its avscan service, so it is not scanning (another c-icap, or one started before clamd? see $state/c-icap/log/server.log); its answer: $(tr '\n' ' ' <<<"$answer")"
  log "c-icap answers on 1344 and detects EICAR"
}

# Three FTP accounts (docs/security.md#internal-credentials): argus (the frontend) writes, argus-extract (the
# extraction probe, which stores the members it finds in archives) writes as a member of group argus, argus-probe
# (every other probe) only reads. The probe account is read-only twice over: write_enable=NO in its per-user config,
# and the files belong to argus or argus-extract with mode 664 (directories 775, group argus), so even a vsftpd started
# before this account existed refuses its STOR and DELE.
add_ftp_accounts() {
  id argus >/dev/null 2>&1 || useradd --system --home-dir "$state/ftp" --shell /bin/bash argus
  echo 'argus:argus' | chpasswd
  id argus-probe >/dev/null 2>&1 || useradd --system --home-dir "$state/ftp" --shell /bin/bash argus-probe
  echo "argus-probe:${ARGUS_FTP_PROBE_PASSWORD:-argus-probe-ci}" | chpasswd
  # primary group argus: what either account makes (folders 775, files 664) the other may write into
  id argus-extract >/dev/null 2>&1 \
    || useradd --system --home-dir "$state/ftp" --shell /bin/bash --gid argus argus-extract
  [ "$(id -gn argus-extract)" = argus ] || usermod --gid argus argus-extract
  echo "argus-extract:${ARGUS_FTP_EXTRACT_PASSWORD:-argus-extract-ci}" | chpasswd
  mkdir -p "$state/ftp" "$state/vsftpd-users"
  chown argus:argus "$state/ftp"
  chmod 775 "$state/ftp"
  # folders made before the extraction account existed (umask 022), or by it before its group was argus
  find "$state/ftp" -mindepth 1 -maxdepth 2 -type d ! -group argus -exec chgrp argus {} +
  find "$state/ftp" -mindepth 1 -maxdepth 2 -type d ! -perm -g+w -exec chmod g+w {} +
  printf 'write_enable=NO\n' > "$state/vsftpd-users/argus-probe"
}

# A vsftpd configuration for the argus/argus-probe accounts: file port root users-dir pasv-min pasv-max background.
vsftpd_config() {
  cat > "$1" <<CONF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$2
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=002
chroot_local_user=YES
allow_writeable_chroot=YES
local_root=$3
user_config_dir=$4
pasv_enable=YES
pasv_min_port=$5
pasv_max_port=$6
pasv_address=127.0.0.1
seccomp_sandbox=NO
max_clients=200
max_per_ip=200
secure_chroot_dir=/var/run/vsftpd/empty
pam_service_name=vsftpd
xferlog_enable=NO
background=$7
CONF
}

start_vsftpd() {
  add_ftp_accounts
  mkdir -p /var/run/vsftpd/empty
  local wanted
  wanted="$(mktemp)"
  vsftpd_config "$wanted" 2121 "$state/ftp" "$state/vsftpd-users" 40000 40100 YES
  if port_open 2121; then
    if cmp -s "$wanted" "$state/vsftpd.conf"; then
      rm -f "$wanted"
      log "an FTP server already answers on 2121"
      return
    fi
    log "restarting vsftpd on 2121: its configuration changed"
    pkill -f "^vsftpd $state/vsftpd.conf" || true
    for _ in $(seq 1 50); do port_open 2121 || break; sleep 0.1; done
  fi
  mv "$wanted" "$state/vsftpd.conf"
  log "starting vsftpd on 127.0.0.1:2121"
  vsftpd "$state/vsftpd.conf"
  wait_port 2121 20 vsftpd
}

check_rabbitmq() {
  port_open 5672 || rabbitmq-server -detached 2>/dev/null || true
  wait_port 5672 60 "RabbitMQ (start it with: rabbitmq-server -detached)"
  # Tests run in their own virtual hosts, so a local Argus on "/" never competes for their messages.
  # argus-test-quorum: quorum queues with the dead-letter policy (messaging QuorumQueuesIntegrationTests).
  for vhost in argus-test argus-e2e argus-test-quorum; do
    rabbitmqctl -q add_vhost "$vhost" >/dev/null 2>&1 || true
    rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null \
      || die "cannot grant guest access to RabbitMQ vhost $vhost (is rabbitmqctl allowed to talk to the node?)"
  done
  add_rabbitmq_users argus-test argus-e2e argus-test-quorum
  argus_rabbitmq_dead_letter_policy argus-test-quorum || die "cannot set the dead-letter policy in argus-test-quorum"
  for vhost in argus-test argus-e2e; do
    argus_rabbitmq_queue_limits "$vhost" || die "cannot set the queue limits in $vhost"
  done
  log "RabbitMQ answers; vhosts argus-test, argus-e2e and argus-test-quorum exist, with users argus-frontend," \
    "argus-brain, argus-probe-<engine>"
}

# The least-privilege RabbitMQ users of scripts/rabbitmq-users.sh (see docs/security.md#internal-credentials):
# argus-frontend, argus-brain and one argus-probe-<engine> per engine of the probe module, plus the test engines
# "scripted" (probe JobFlowIntegrationTests), and the shared argus-probe of the end-to-end tests' multi-engine probe. CI passwords come from ARGUS_RABBITMQ_<ROLE>_PASSWORD and
# ARGUS_RABBITMQ_PROBE_<ENGINE>_PASSWORD (default: the user name with "-ci"). guest keeps full rights in the test
# vhosts for the existing tests. With --node NAME first, on that RabbitMQ node (the fault-injection suite's own,
# .ci/fault-services.sh).
add_rabbitmq_users() { # [--node NAME] vhost...
  # shellcheck source=../scripts/rabbitmq-users.sh
  source "$here/../scripts/rabbitmq-users.sh"
  local ARGUS_RABBITMQCTL=rabbitmqctl
  if [ "${1:-}" = --node ]; then ARGUS_RABBITMQCTL="rabbitmqctl -n $2"; shift 2; fi
  export ARGUS_RABBITMQCTL
  export ARGUS_RABBITMQ_FRONTEND_PASSWORD="${ARGUS_RABBITMQ_FRONTEND_PASSWORD:-argus-frontend-ci}"
  export ARGUS_RABBITMQ_BRAIN_PASSWORD="${ARGUS_RABBITMQ_BRAIN_PASSWORD:-argus-brain-ci}"
  local engines=("${ARGUS_RABBITMQ_ENGINES[@]}" scripted) engine variable vhost
  for engine in "${engines[@]}"; do
    variable="ARGUS_RABBITMQ_PROBE_$(tr 'a-z-' 'A-Z_' <<<"$engine")_PASSWORD"
    export "$variable=${!variable:-argus-probe-$engine-ci}"
  done
  export ARGUS_RABBITMQ_PROBE_PASSWORD="${ARGUS_RABBITMQ_PROBE_PASSWORD:-argus-probe-ci}"
  for vhost in "$@"; do
    argus_rabbitmq_users "$vhost" "${engines[@]}" || die "cannot set up the RabbitMQ users in vhost $vhost"
    argus_rabbitmq_shared_probe_user "$vhost" || die "cannot set up the RabbitMQ user argus-probe in vhost $vhost"
  done
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

# Sourced by .ci/fault-services.sh for its functions only.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then return 0; fi

install_packages
check_rabbitmq
check_postgres
start_clamd
start_cicap
start_vsftpd
install_engine_files
log "all services up: RabbitMQ 5672, PostgreSQL 5432, clamd 3310, c-icap 1344, FTP 2121"
# The fault-injection suite's own RabbitMQ node, PostgreSQL cluster and vsftpd, which it restarts.
bash "$here/fault-services.sh"
