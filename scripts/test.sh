#!/usr/bin/env bash
# The test command: starts the services the tests need (clamd with the test signatures, c-icap, vsftpd, RabbitMQ
# vhosts and users, PostgreSQL databases; a Docker engine), builds the deployment's images (scripts/images.sh;
# the container tests run on them), builds and runs every test (./mvnw verify, including the end-to-end tests that
# start the three packaged jars), then the deployment test scripts/compose-test.sh. Fails when a service is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/java-home.sh
bash .ci/services.sh
bash .ci/docker.sh
bash scripts/images.sh --jars
./mvnw -B -ntp verify "$@"
bash scripts/compose-test.sh
