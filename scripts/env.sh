#!/usr/bin/env bash
# Prints a .env for docker-compose.yml with a new random secret for every credential of the deployment:
#   bash scripts/env.sh > .env && chmod 600 .env
# With --cluster it also selects the compose profile "cluster" (three RabbitMQ nodes) and quorum queues
# (docs/operations.md#broker-cluster).
# Run it once; running it again makes new secrets (rotation: see docs/operations.md#rotating-secrets).
set -euo pipefail
cluster=false
for arg in "$@"; do
  case "$arg" in
    --cluster) cluster=true ;;
    *) echo "env.sh: unknown option $arg (known: --cluster)" >&2; exit 2 ;;
  esac
done
secret() { head -c 32 /dev/urandom | base64 | tr -d '\n/+=' | head -c 40; }
engines=(clamav clamscan hashlist icap yara metadata executable extract)
echo "# Argus deployment secrets, made by scripts/env.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Keep this file private."
for name in ARGUS_RABBITMQ_ADMIN_PASSWORD ARGUS_RABBITMQ_FRONTEND_PASSWORD ARGUS_RABBITMQ_BRAIN_PASSWORD \
    ARGUS_POSTGRES_ADMIN_PASSWORD ARGUS_POSTGRES_FRONTEND_PASSWORD ARGUS_POSTGRES_BRAIN_PASSWORD \
    ARGUS_FTP_PASSWORD ARGUS_FTP_PROBE_PASSWORD ARGUS_FTP_EXTRACT_PASSWORD ARGUS_SECURITY_BOOTSTRAP_ADMIN_KEY ARGUS_RABBITMQ_ERLANG_COOKIE; do
  echo "$name=$(secret)"
done
for engine in "${engines[@]}"; do
  echo "ARGUS_RABBITMQ_PROBE_${engine^^}_PASSWORD=$(secret)"
done
if $cluster; then
  echo "# A three-node RabbitMQ cluster with quorum queues."
  echo "COMPOSE_PROFILES=cluster"
  echo "ARGUS_RABBITMQ_CLUSTER_SIZE=3"
  echo "ARGUS_RABBITMQ_ADDRESSES=rabbitmq:5672,rabbitmq-2:5672,rabbitmq-3:5672"
  echo "ARGUS_MESSAGING_QUEUE_TYPE=quorum"
fi
