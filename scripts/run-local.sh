#!/usr/bin/env bash
# Runs Argus as three processes (brain, probe, frontend) against the services on this machine:
# RabbitMQ, PostgreSQL, vsftpd and clamd, and the test YARA rules and hash lists (all set up by
# .ci/services.sh). Builds the jars first if needed.
# Logs go to ./argus-data/logs. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh

bash .ci/services.sh
if [ ! -f frontend/target/argus-frontend.jar ] || [ ! -f brain/target/argus-brain.jar ] \
   || [ ! -f probe/target/argus-probe.jar ]; then
  echo "[argus] building the jars (first run only)"
  ./mvnw -B -q -ntp -DskipTests package
fi

mkdir -p argus-data/logs argus-data/probe-work
# The first admin's API key: ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY when set, else one made on the first run and kept
# in argus-data/admin-key (readable by this user only); the frontend's console goes to a log file, so the key
# it would print there is not used.
if [ -z "${ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY:-}" ]; then
  if [ ! -s argus-data/admin-key ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n/+=' > argus-data/admin-key)
  fi
  ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY=$(cat argus-data/admin-key)
  echo "[argus] the admin API key is in argus-data/admin-key"
fi
export ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY
pids=()
stop() { echo "[argus] stopping"; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM

start() { # module extra-args...
  local module=$1; shift
  # JVM options per process (heap, collector, stacks): scripts/jvm/<module>.options, see docs/performance.md
  MALLOC_ARENA_MAX=2 java "@scripts/jvm/$module.options" -jar "$module/target/argus-$module.jar" "$@" \
    >"argus-data/logs/$module.log" 2>&1 &
  pids+=($!)
  echo "[argus] $module started (pid $!, log argus-data/logs/$module.log)"
}
start brain
signatures="${ARGUS_PROBE_CLAMAV_DATABASE_DIRECTORY:-/var/lib/argus-ci/clamav/db}"
# Two engines: clamav (through clamd) and clamscan, the command-line engine of engines/cli/, both on the
# test signatures.
start probe --argus.probe.work-dir="$PWD/argus-data/probe-work" \
  --argus.probe.clamav.database-directory="$signatures" \
  --argus.probe.yara.rules-dir=/var/lib/argus-ci/yara \
  --argus.probe.hashlist.dir=/var/lib/argus-ci/hashlists \
  --argus.probe.cli.config-dir="$PWD/engines/cli" \
  --argus.probe.cli.variables.clamscan.database="$signatures"
start frontend

for _ in $(seq 1 120); do
  if curl -fs http://localhost:8080/actuator/health >/dev/null 2>&1; then
    echo "[argus] ready: http://localhost:8080  (API docs: http://localhost:8080/swagger-ui.html)"
    break
  fi
  sleep 0.5
done
wait -n "${pids[@]}"
echo "[argus] a process exited; see argus-data/logs" >&2
exit 1
