# Sourced by the scripts: picks a JDK 21+ (the machine default may be 17).
if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ -z "${JAVA_HOME:-}" ]; then
  echo "[argus] ERROR: set JAVA_HOME to a JDK 21 or newer" >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
