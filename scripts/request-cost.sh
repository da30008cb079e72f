#!/usr/bin/env bash
# The frontend's CPU time per warm request (bench/src/main/java/dev/argus/bench/request/RequestCost.java): starts a
# frontend with the given JVM options, sends warm-up then measured requests to GET /actuator/health,
# GET /api/v1/probes and GET /api/v1/scans/{id} (a finished one-file scan), prints CPU ms per request read from
# /proc/<pid>/stat, and stops the frontend. Prints figures only.
#
# Needs the services of scripts/run-local.sh, and a running brain and probe (scripts/run-local.sh without its
# frontend, or any earlier run) unless SCAN names a finished scan the admin key may read.
#
#   scripts/request-cost.sh [label]
# BRAIN_PID=<pid of a running brain> measures CPU per scan instead (brain and frontend; SCAN_WARMUP, SCANS).
#   JAR=/tmp/other.jar OPTIONS=scripts/jvm/frontend.options JAVA_EXTRA="-XX:TieredStopAtLevel=1" \
#     WARMUP=3000 REQUESTS=2000 ROUNDS=1 SCAN=<id> PORT=8080 scripts/request-cost.sh c1-only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh

jar="${JAR:-frontend/target/argus-frontend.jar}"
options="${OPTIONS:-scripts/jvm/frontend.options}"
port="${PORT:-8080}"
label="${1:-$(basename "$options" .options)}"
mkdir -p argus-data/logs
if [ -z "${ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY:-}" ]; then
  if [ ! -s argus-data/admin-key ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n/+=' > argus-data/admin-key)
  fi
  ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY=$(cat argus-data/admin-key)
fi
export ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY

# The rate limit stays on (its filter runs on every request) but high enough for the measured requests.
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java "@$options" ${JAVA_EXTRA:-} -jar "$jar" --server.port="$port" \
  --argus.security.rate-limit.requests-per-minute=100000000 >"argus-data/logs/request-cost-frontend.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
until curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "[request-cost] the frontend exited; see argus-data/logs/request-cost-frontend.log" >&2; exit 1; }
  sleep 0.5
done

java bench/src/main/java/dev/argus/bench/request/RequestCost.java --base="http://localhost:$port" --pid="$pid" \
  --key="$ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY" --warmup="${WARMUP:-3000}" --requests="${REQUESTS:-2000}" \
  --rounds="${ROUNDS:-1}" --label="$label" ${SCAN:+--scan="$SCAN"} \
  ${BRAIN_PID:+--brain-pid="$BRAIN_PID" --scan-warmup="${SCAN_WARMUP:-600}" --scans="${SCANS:-300}"}
