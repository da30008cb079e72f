#!/bin/bash
# c-icap's clamd module takes an IP address, not a name: resolve the clamd service (ARGUS_CLAMD_HOST) at every start.
set -euo pipefail
address=""
for _ in $(seq 1 60); do
  address="$(getent ahostsv4 "$ARGUS_CLAMD_HOST" | awk 'NR==1 {print $1}')" && [ -n "$address" ] && break
  sleep 1
done
[ -n "$address" ] || { echo "[icap] cannot resolve $ARGUS_CLAMD_HOST" >&2; exit 1; }
sed "s/@CLAMD_ADDRESS@/$address/" /etc/c-icap/argus.conf > /tmp/c-icap.conf
exec c-icap -N -f /tmp/c-icap.conf
