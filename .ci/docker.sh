#!/usr/bin/env bash
# Installs Debian's Docker engine, docker-compose and debootstrap (with jq and ClamAV's test corpus, which the
# deployment test uses) when missing, and starts dockerd in the background when no engine answers. As root on
# Debian. Exits non-zero with a sentence when the engine does not come up.
set -euo pipefail
log() { printf '[docker] %s\n' "$*"; }
die() { printf '[docker] ERROR: %s\n' "$*" >&2; exit 1; }

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v jq >/dev/null || missing+=(jq)
[ -d /usr/share/clamav-testfiles ] || missing+=(clamav-testfiles)
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  mkdir -p /var/log/argus-ci
  log "starting dockerd (log /var/log/argus-ci/dockerd.log)"
  nohup dockerd >/var/log/argus-ci/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || die "dockerd did not answer within 60 s (see /var/log/argus-ci/dockerd.log)"
fi
log "Docker $(docker version -f '{{.Server.Version}}') answers (storage driver $(docker info -f '{{.Driver}}'))"
