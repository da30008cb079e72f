#!/bin/sh
# Writes the broker's definitions (docker/rabbitmq/definitions.json: the admin user and one least-privilege user
# per Argus process) with the passwords from the environment, then starts RabbitMQ, which imports them at boot.
set -eu
for name in ARGUS_RABBITMQ_PASSWORD ARGUS_RABBITMQ_FRONTEND_PASSWORD ARGUS_RABBITMQ_BRAIN_PASSWORD \
    ARGUS_RABBITMQ_PROBE_PASSWORD; do
  eval "value=\${$name:-}"
  case "$value" in
    '') echo "set $name" >&2; exit 1 ;;
    *[\"\\\|]*) echo "$name may not contain \" \\ or |" >&2; exit 1 ;;
  esac
done
sed -e "s|@ADMIN_PASSWORD@|$ARGUS_RABBITMQ_PASSWORD|" \
    -e "s|@FRONTEND_PASSWORD@|$ARGUS_RABBITMQ_FRONTEND_PASSWORD|" \
    -e "s|@BRAIN_PASSWORD@|$ARGUS_RABBITMQ_BRAIN_PASSWORD|" \
    -e "s|@PROBE_PASSWORD@|$ARGUS_RABBITMQ_PROBE_PASSWORD|" \
    /etc/argus/rabbitmq/definitions.json > /tmp/argus-definitions.json
chmod 600 /tmp/argus-definitions.json
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-rabbit load_definitions \"/tmp/argus-definitions.json\""
exec docker-entrypoint.sh rabbitmq-server
