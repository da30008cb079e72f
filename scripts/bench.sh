#!/usr/bin/env bash
# The benchmark: raw clamd INSTREAM against the whole Argus pipeline on seeded corpora, in one run.
#   bash scripts/bench.sh [--client poll|longpoll|sse|count[,...]] [--workloads mixed:1,tiny:10,tiny:1]
#                         [--tiny-files 2000] [--mixed-files 500] [--jars DIR] [--mode processes|standalone]
#                         [--concurrency 2] [--seed 42] [--big-upload-mib 1024] [--warmup-load-files 600]
#                         [--latency-files 100] [--warmup-files 40]   (--profile P --files-per-scan N[,N]: older
#                         spelling of --workloads)
#   bash scripts/bench.sh --url http://host:8080 --api-key KEY [--pids frontend=1,brain=2,probe=3] [--logs a.log,b.log]
# Builds what it needs (the jars, the bench module), then prints the figures and writes bench/results/<time>-<mode>.json
# and .md. The processes mode uses RabbitMQ, PostgreSQL, vsftpd and clamd on this machine (.ci/services.sh) and
# EMPTIES the vhost and database it is given: ARGUS_BENCH_VHOST / ARGUS_BENCH_JDBC_URL, else ARGUS_E2E_VHOST /
# ARGUS_E2E_JDBC_URL, else argus-e2e / argus_e2e. See docs/performance.md.
# --jars DIR (or ARGUS_BENCH_JARS) starts another build: a worktree (<module>/target/argus-<module>.jar) or a
# directory of argus-<module>.jar, each with its scripts/jvm/ options; so one bench binary measures two builds
# alternately, e.g. for d in /tmp/ab/old /tmp/ab/new /tmp/ab/old /tmp/ab/new; do bash scripts/bench.sh --jars $d; done
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh

jars=(frontend/target/argus-frontend.jar brain/target/argus-brain.jar probe/target/argus-probe.jar
      standalone/target/argus-standalone.jar bench/target/argus-bench.jar)
stale=false
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f -print -quit)" ]; then
    stale=true
  fi
done
if [ "$stale" = true ]; then
  echo "[bench] building the jars"
  ./mvnw -B -q -ntp -DskipTests package
  # Maven leaves a jar whose content did not change untouched: mark them all as built now.
  touch "${jars[@]}"
fi
exec java -Xmx512m -jar bench/target/argus-bench.jar --repository "$PWD" "$@"
