#!/bin/bash
# Makes a self-signed certificate for ARGUS_TLS_HOSTNAME (default localhost) when the volume has none, then runs nginx.
set -euo pipefail
tls=/var/lib/argus-tls
if [ ! -s "$tls/cert.pem" ] || [ ! -s "$tls/key.pem" ]; then
  host="${ARGUS_TLS_HOSTNAME:-localhost}"
  (umask 077; openssl req -x509 -newkey rsa:3072 -nodes -days 825 -subj "/CN=$host" \
     -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
     -keyout "$tls/key.pem" -out "$tls/cert.pem" 2>/dev/null)
  chmod 644 "$tls/cert.pem"
  echo "[nginx] made a self-signed certificate for $host (replace $tls/cert.pem and key.pem with your own)"
fi
exec nginx -g 'daemon off;'
