#!/bin/bash
# Container health check of an Argus process without curl: asks its readiness endpoint over bash's /dev/tcp
# (port ARGUS_HEALTH_PORT) and succeeds on HTTP 200.
set -eu
exec 3<>"/dev/tcp/127.0.0.1/${ARGUS_HEALTH_PORT:?}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status <&3
[[ "$status" == *" 200 "* ]]
