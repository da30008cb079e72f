#!/usr/bin/env bash
# Runs Argus in one process (standalone mode): frontend, brain and probe with an embedded AMQP broker, PostgreSQL
# and FTP server, and clamd found or started. Data in ./argus-data (override: --argus.standalone.data-dir=DIR);
# serves http://localhost:8080 (override: --server.port=PORT). Extra arguments go to the application.
#
# First run (and after a change to the sources): builds the jar (./mvnw package), unpacks it next to itself, and on
# JDK 25+ records a JVM AOT cache with one training run (start and stop on a scratch data directory, about a
# minute): starts then take about 6 s instead of 12-15 s. The plain `java -jar standalone/target/argus-standalone.jar` works too, slower.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh

# The engines' tools: clamd for ClamAV (a running one is used, else Argus starts the installed binary), clamscan
# for the command-line engine, yara for YARA. Missing ones are installed when possible; else those engines stay off.
missing=()
{ command -v clamd >/dev/null || [ -x /usr/sbin/clamd ]; } || missing+=(clamav-daemon)
command -v clamscan >/dev/null || missing+=(clamav)
{ command -v yara >/dev/null && command -v yarac >/dev/null; } || missing+=(yara)
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[argus] installing ${missing[*]} for the engines (first run only)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
      || echo "[argus] could not install ${missing[*]}: their engines stay off"
  else
    echo "[argus] not installed: ${missing[*]}; their engines stay off (Debian: apt-get install ${missing[*]})"
  fi
fi

jar=standalone/target/argus-standalone.jar
app=standalone/target/argus-standalone
aot=standalone/target/argus-standalone.aot

# Build when the jar is missing or older than a source file (after a pull, say).
if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main .ci/clamav .ci/yara .ci/hashlists engines/cli -newer "$jar" -type f -print -quit)" ]; then
  echo "[argus] building the standalone jar (the first build takes a few minutes)"
  ./mvnw -B -q -ntp -DskipTests -pl standalone -am package
fi

# The unpacked layout (plain jars on the class path) starts faster and is what an AOT cache can describe.
if [ ! -f "$app/argus-standalone.jar" ] || [ "$jar" -nt "$app/argus-standalone.jar" ]; then
  rm -rf "$app" "$aot"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
fi

java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
aot_flags=()
if [ "${java_major:-0}" -ge 25 ]; then
  if [ ! -f "$aot" ]; then
    echo "[argus] one-time training run for a faster start (about a minute; log: standalone/target/aot-training.log)"
    scratch=$(mktemp -d)
    # a throwaway admin key, so that the scratch instance prints no generated key into the training log
    training_key=$(head -c 32 /dev/urandom | base64 | tr -d '\n/+=')
    if ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY="$training_key" \
       java -XX:AOTCacheOutput="$aot" -jar "$app/argus-standalone.jar" --argus.standalone.data-dir="$scratch" \
         --argus.standalone.exit-when-ready=true --server.port=0 >standalone/target/aot-training.log 2>&1; then
      echo "[argus] training done"
    else
      echo "[argus] training run failed (see standalone/target/aot-training.log); starting without the AOT cache"
      rm -f "$aot"
    fi
    rm -rf "$scratch"
  fi
  # -Xlog: the JVM warns about parts of the cache it cannot use, which it then simply does without
  [ -f "$aot" ] && aot_flags=(-XX:AOTCache="$aot" -Xlog:aot*=off)
fi

exec java "${aot_flags[@]}" -jar "$app/argus-standalone.jar" "$@"
