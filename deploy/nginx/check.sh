#!/bin/sh
# Checks deploy/nginx/whats-palmas.conf with `nginx -t` without root's ports or a real certificate: a throwaway
# self-signed certificate and a wrapper config in a temporary directory, ports 18080/18443, upstream unchanged.
# Usage: sh deploy/nginx/check.sh   (needs nginx and openssl; starts nothing)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj '/CN=whats.palmas.to.gov.br' \
  -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
sed -e 's#listen 80;#listen 18080;#; s#listen \[::\]:80;#listen [::]:18080;#' \
    -e 's#listen 443 ssl http2;#listen 18443 ssl http2;#; s#listen \[::\]:443 ssl http2;#listen [::]:18443 ssl http2;#' \
    -e "s#/etc/letsencrypt/live/whats.palmas.to.gov.br/fullchain.pem#$dir/cert.pem#" \
    -e "s#/etc/letsencrypt/live/whats.palmas.to.gov.br/privkey.pem#$dir/key.pem#" \
    -e "s#/var/log/nginx/#$dir/logs/#" \
    "$here/whats-palmas.conf" > "$dir/site.conf"
cat > "$dir/nginx.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/site.conf;
}
CONF
nginx -t -c "$dir/nginx.conf"
