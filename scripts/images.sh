#!/usr/bin/env bash
# Builds every image of the container deployment (docker-compose.yml) on this machine, with no registry:
#   argus/base:bookworm   Debian bookworm (debootstrap --variant=minbase, then docker import); built once, cached
#   argus/java            the base plus a jlink runtime made from this machine's JDK (scripts/java-home.sh)
#   argus/frontend, argus/brain, argus/probe (every engine's tools; ARGUS_PROBE_ENGINES picks the engine)
#   argus/clamd, argus/icap, argus/rabbitmq, argus/postgres, argus/ftp, argus/nginx, argus/prometheus
# Every other image is built FROM these with Debian's packages. Builds the jars first when they are missing
# (or always with --jars). --rebuild-base makes the base image again. No secret goes into any layer: passwords
# reach the containers at run time from .env (scripts/env.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh

log() { printf '[images] %s\n' "$*"; }
die() { printf '[images] ERROR: %s\n' "$*" >&2; exit 1; }

rebuild_base=false build_jars=false
for arg in "$@"; do
  case "$arg" in
    --rebuild-base) rebuild_base=true ;;
    --jars) build_jars=true ;;
    *) die "unknown option $arg (known: --rebuild-base --jars)" ;;
  esac
done

docker info >/dev/null 2>&1 || die "no Docker engine answers (start dockerd first; .ci/docker.sh does it)"

base_image() {
  if ! $rebuild_base && docker image inspect argus/base:bookworm >/dev/null 2>&1; then
    log "argus/base:bookworm is cached"
    return
  fi
  command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
  local root
  root="$(mktemp -d /var/tmp/argus-base.XXXXXX)"
  log "debootstrap bookworm (minbase) into $root"
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
  # No package caches or documentation in the layers of the images built from it.
  cat > "$root/etc/apt/apt.conf.d/90argus" <<'CONF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
CONF
  printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' \
    > "$root/etc/dpkg/dpkg.cfg.d/90argus-nodoc"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import -c 'ENV LANG=C.UTF-8' - argus/base:bookworm >/dev/null
  rm -rf "$root"
  log "argus/base:bookworm imported"
}

java_runtime() {
  local out=target/images/jre
  if [ -x "$out/bin/java" ] && [ "$out/release" -nt "$JAVA_HOME/release" ]; then return; fi
  rm -rf "$out"
  mkdir -p target/images
  log "jlink: a Java runtime from $JAVA_HOME"
  "$JAVA_HOME/bin/jlink" --output "$out" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
}

jars() {
  if $build_jars || [ ! -f frontend/target/argus-frontend.jar ] || [ ! -f brain/target/argus-brain.jar ] \
      || [ ! -f probe/target/argus-probe.jar ]; then
    log "building the jars"
    ./mvnw -B -q -ntp -DskipTests package
  fi
}

build() { # image dockerfile-dir [build-arg...]
  local image=$1 dir=$2; shift 2
  local args=()
  for a in "$@"; do args+=(--build-arg "$a"); done
  log "building $image"
  local output
  output="$(mktemp)"
  if ! docker build -q -t "$image" -f "docker/$dir/Dockerfile" "${args[@]}" . >"$output" 2>&1; then
    cat "$output" >&2
    rm -f "$output"
    die "docker build of $image failed (docker/$dir/Dockerfile)"
  fi
  rm -f "$output"
}

started=$SECONDS
base_image
java_runtime
jars
build argus/java java
for module in frontend brain; do build "argus/$module" app "MODULE=$module"; done
build argus/probe probe
build argus/clamd clamd
build argus/icap icap
build argus/rabbitmq rabbitmq
build argus/postgres postgres
build argus/ftp ftp
build argus/nginx nginx
build argus/prometheus prometheus
log "all images built in $((SECONDS - started)) s"
