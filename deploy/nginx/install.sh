#!/usr/bin/env bash
# Installs the nginx recipe on Debian (as root): nginx, Debian's brotli module when the archive has it,
# the site file with this machine's media folder, then checks and reloads nginx.
#   MEDIA_DIR=/srv/press-office/media bash deploy/nginx/install.sh
set -euo pipefail
cd "$(dirname "$0")"
MEDIA_DIR="${MEDIA_DIR:-/srv/press-office/media}"

export DEBIAN_FRONTEND=noninteractive
command -v nginx >/dev/null || apt-get install -y nginx
# Brotli is a bonus, never a requirement: gzip alone is fine.
if ! ls /etc/nginx/modules-enabled/*brotli-filter* >/dev/null 2>&1 && apt-cache show libnginx-mod-http-brotli-filter >/dev/null 2>&1; then
  apt-get install -y libnginx-mod-http-brotli-filter || echo "brotli module not installed; serving gzip only"
fi
if ls /etc/nginx/modules-enabled/*brotli-filter* >/dev/null 2>&1; then
  install -m 644 brotli.conf /etc/nginx/snippets/press-office-brotli.conf
  echo "brotli: on"
else
  rm -f /etc/nginx/snippets/press-office-brotli.conf
  echo "brotli: module not available, gzip only"
fi

sed "s#/srv/press-office/media/#${MEDIA_DIR%/}/#" press-office.conf > /etc/nginx/conf.d/press-office.conf
mkdir -p /var/cache/nginx
nginx -t
if command -v systemctl >/dev/null && systemctl is-active --quiet nginx; then systemctl reload nginx; else nginx -s reload 2>/dev/null || nginx; fi
echo "nginx serves the press office; edit server_name and the upstream list in /etc/nginx/conf.d/press-office.conf"
