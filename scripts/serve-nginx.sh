#!/usr/bin/env bash
# Runs deploy/nginx.conf in the foreground on PORT, in front of the app instances, for local use and the
# system tests:  scripts/serve-nginx.sh 8080   (UPSTREAM="127.0.0.1:3000 127.0.0.1:3001" for several)
# The app should run with TRUSTED_PROXY_HOPS=1. Needs Debian's nginx (apt-get install -y nginx).
# Env: UPSTREAM (default 127.0.0.1:3000), NGINX_WORK (default /tmp/gejiu-nginx-PORT: config, cache, logs),
#      NGINX_WORKERS (default 1). Stop it with SIGTERM (or SIGQUIT to finish open requests).
set -euo pipefail
port=${1:?usage: scripts/serve-nginx.sh PORT}
[[ $port =~ ^[0-9]+$ ]] || { echo "PORT must be a number" >&2; exit 2; }
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "nginx is not installed: apt-get install -y nginx" >&2; exit 127; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=${NGINX_WORK:-/tmp/gejiu-nginx-$port}
upstreams=${UPSTREAM:-127.0.0.1:3000}

rm -rf "$work/cache"
mkdir -p "$work"/{cache,body,proxy,fastcgi,uwsgi,scgi}
servers=""
for u in $upstreams; do
  [[ $u =~ ^[][A-Za-z0-9.:_-]+$ ]] || { echo "bad upstream: $u" >&2; exit 2; }
  servers+="    server $u;\n"
done
# The site file with this machine's port, checkout and cache directory.
sed -e "s|^\(\s*\)listen 80;|\1listen $port;|" \
    -e '/listen \[::\]:80;/d' \
    -e "s|^    server 127.0.0.1:3000;|$servers|" \
    -e "s|/srv/gejiu|$root|g" \
    -e "s|/var/cache/nginx/gejiu|$work/cache|g" \
    "$root/deploy/nginx.conf" > "$work/gejiu.conf"

# As root, the workers run as nobody: give them the cache and temp directories.
user_line=""
if [ "$(id -u)" = 0 ]; then
  user_line="user nobody nogroup;"
  chown -R nobody:nogroup "$work"/{cache,body,proxy,fastcgi,uwsgi,scgi}
fi
cat > "$work/nginx.conf" <<CONF
$user_line
worker_processes ${NGINX_WORKERS:-1};
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  server_tokens off;
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  include $work/gejiu.conf;
}
CONF
"$nginx" -t -q -p "$work" -c "$work/nginx.conf" -g 'daemon off;'
echo "nginx on http://127.0.0.1:$port -> $upstreams (config and logs in $work)"
exec "$nginx" -p "$work" -c "$work/nginx.conf" -g 'daemon off;'
