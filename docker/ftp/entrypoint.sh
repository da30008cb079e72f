#!/bin/bash
# Sets the two accounts' passwords from the environment (refusing to start without them), makes the store's
# first-level folders (00..ff, owned by the frontend's account) on a new volume, and runs vsftpd.
set -euo pipefail
for name in ARGUS_FTP_PASSWORD ARGUS_FTP_PROBE_PASSWORD; do
  [ -n "${!name:-}" ] || { echo "[ftp] set $name" >&2; exit 1; }
done
printf 'argus:%s\nargus-probe:%s\n' "$ARGUS_FTP_PASSWORD" "$ARGUS_FTP_PROBE_PASSWORD" | chpasswd
chown root:root /srv/argus-store
chmod 755 /srv/argus-store
for i in $(seq 0 255); do
  dir=/srv/argus-store/$(printf '%02x' "$i")
  [ -d "$dir" ] || install -d -o argus -g argus -m 755 "$dir"
done
echo "[ftp] store ready; vsftpd on 21 (passive 21000-21010)"
# bash stays process 1 and reaps what the health checks leave behind: vsftpd as process 1 crashes on reaping a
# process that is not one of its own sessions.
vsftpd /etc/vsftpd/argus.conf &
server=$!
trap 'kill -TERM "$server"' TERM INT
wait "$server"
