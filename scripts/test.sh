#!/usr/bin/env bash
# The test command: starts the services the tests need (clamd with the test signatures, vsftpd, RabbitMQ
# vhosts, PostgreSQL databases; fails if one is missing), then builds and runs every test, including the
# end-to-end tests that start the three packaged jars.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh
bash .ci/services.sh
./mvnw -B -ntp verify "$@"
