#!/bin/bash
# Sets the three accounts' passwords from the environment (refusing to start without them), makes the store's
# first-level folders (00..ff, owned by the frontend's account, writable by its group: the extraction probe) on a new
# volume, and runs vsftpd.
set -euo pipefail
for name in ARGUS_FTP_PASSWORD ARGUS_FTP_PROBE_PASSWORD ARGUS_FTP_EXTRACT_PASSWORD; do
  [ -n "${!name:-}" ] || { echo "[ftp] set $name" >&2; exit 1; }
done
printf 'argus:%s\nargus-probe:%s\nargus-extract:%s\n' "$ARGUS_FTP_PASSWORD" "$ARGUS_FTP_PROBE_PASSWORD" \
  "$ARGUS_FTP_EXTRACT_PASSWORD" | chpasswd
chown root:root /srv/argus-store
chmod 755 /srv/argus-store
for i in $(seq 0 255); do
  dir=/srv/argus-store/$(printf '%02x' "$i")
  [ -d "$dir" ] || install -d -o argus -g argus -m 775 "$dir"
done
# a volume made before the extraction probe had folders of mode 755: let the group write them
find /srv/argus-store -mindepth 1 -maxdepth 2 -type d ! -group argus -exec chgrp argus {} +
find /srv/argus-store -mindepth 1 -maxdepth 2 -type d ! -perm -g+w -exec chmod g+w {} +
echo "[ftp] store ready; vsftpd on 21 (passive 21000-21010)"
# bash stays process 1 and reaps what the health checks leave behind: vsftpd as process 1 crashes on reaping a
# process that is not one of its own sessions.
vsftpd /etc/vsftpd/argus.conf &
server=$!
trap 'kill -TERM "$server"' TERM INT
wait "$server"
