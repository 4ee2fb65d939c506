#!/usr/bin/env bash
# The site as it runs when it outgrows one server: Varnish (Debian's package) on
# 127.0.0.1:$VARNISH_PORT in front of two gunicorn instances (production settings, plain
# HTTP) that share one database and one cache, each told to purge Varnish on every change
# (delivery.frontend_cache). Starts everything in the background, with the demo content on
# a fresh database, and returns once Varnish answers through both; tools/varnish/stop.sh
# stops it all. `make varnish` runs it for developers, `make test-varnish` tests through it.
#
#   DATABASE_URL=postgres://… REDIS_URL=redis://… tools/varnish/start.sh
#
# Without DATABASE_URL the two share a SQLite file, without REDIS_URL a cache folder: enough
# to try it on one machine; several machines need PostgreSQL and Redis (README).
# VARNISH_WORK (default build/varnish) holds the logs, the generated VCL and the PIDs.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD

VARNISH_PORT=${VARNISH_PORT:-6081}
APP_PORTS=${APP_PORTS:-"8101 8102"}
WORK=${VARNISH_WORK:-$REPO/build/varnish}

if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish >/dev/null
fi
VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)
make --no-print-directory install >/dev/null
tools/varnish/stop.sh >/dev/null 2>&1 || true
rm -rf "$WORK"
mkdir -p "$WORK"

export DJANGO_SETTINGS_MODULE=migraup.settings.production
export SECRET_KEY=${SECRET_KEY:-"varnish-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export PLAIN_HTTP=1 SERVE_MEDIA=1 TASKS_BACKEND=immediate LOG_FORMAT=${LOG_FORMAT:-text}
export DATABASE_URL=${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}
export MEDIA_ROOT=${MEDIA_ROOT:-$WORK/media} STATIC_ROOT=${STATIC_ROOT:-$WORK/static}
[ -n "${REDIS_URL:-}" ] || export CACHE_DIR=$WORK/cache
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-2} GUNICORN_THREADS=${GUNICORN_THREADS:-4}
# Varnish appends the reader's address to X-Forwarded-For: the login and contact-form
# limits count that, not Varnish's own address, which every reader would share.
export TRUSTED_PROXY_COUNT=${TRUSTED_PROXY_COUNT:-1}

MANAGE=".venv/bin/python manage.py"
$MANAGE load_demo_content --from-snapshot >/dev/null
$MANAGE collectstatic --noinput -v 0
# From here on, every change purges Varnish (the demo's loading had nothing to purge).
export FRONTEND_CACHE_URLS=http://127.0.0.1:$VARNISH_PORT

# The app servers' environment, for the tests and for manage.py beside them.
env | grep -E '^(DJANGO_SETTINGS_MODULE|SECRET_KEY|DATABASE_URL|REDIS_URL|CACHE_DIR|MEDIA_ROOT|STATIC_ROOT|FRONTEND_CACHE_URLS|PLAIN_HTTP|ALLOWED_HOSTS|TASKS_BACKEND|TRUSTED_PROXY_COUNT)=' \
    | sed 's/^/export /' >"$WORK/env"

backends="" adds=""
number=0
for port in $APP_PORTS; do
    number=$((number + 1))
    BIND="127.0.0.1:$port" .venv/bin/gunicorn --config migraup/gunicorn.conf.py \
        --pid "$WORK/app$number.pid" --control-socket "$WORK/app$number.ctl" --daemon --error-logfile "$WORK/app$number.log" migraup.wsgi
    backends+="backend app$number { .host = \"127.0.0.1\"; .port = \"$port\";
    .probe = { .url = \"/healthz\"; .interval = 2s; .timeout = 2s; .window = 3; .threshold = 2; } }
"
    adds+="    apps.add_backend(app$number);
"
done
cat >"$WORK/main.vcl" <<VCL
vcl 4.1;
import directors;

$backends
acl purgers { "127.0.0.1"; "::1"; }

sub vcl_init {
    new apps = directors.round_robin();
$adds}

include "$REPO/tools/varnish/migraup.vcl";
VCL

for port in $APP_PORTS; do
    for _ in $(seq 120); do
        curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || {
        echo "app server on $port did not start:" >&2; tail -20 "$WORK"/app*.log >&2; exit 1; }
done

"$VARNISHD" -n "$WORK/varnishd" -a "127.0.0.1:$VARNISH_PORT" -f "$WORK/main.vcl" \
    -s malloc,${VARNISH_MEMORY:-256m} -P "$WORK/varnishd.pid" -p default_grace=0 >"$WORK/varnishd.log" 2>&1
for _ in $(seq 40); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$VARNISH_PORT/de/")" = 200 ] && break
    sleep 0.5
done
echo "Varnish on http://127.0.0.1:$VARNISH_PORT/ in front of app servers on ports $APP_PORTS (logs in $WORK)"
