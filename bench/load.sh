#!/usr/bin/env bash
# Load benchmark of the production set-up (not a test): gunicorn with the production
# settings on PostgreSQL, driven by wrk over home pages, project and network pages, search
# and the API for DURATION. Prints requests per second, p50/p99 latency and the number of
# answers that were not 2xx (which must be 0).
#
#   DATABASE_URL=postgres://user@host:port/db bench/load.sh
#
# The database is migrated and filled with the demo content. Options (environment):
# DURATION (180s), CONNECTIONS (16), BENCH_PORT (8390), PAGE_CACHE_SECONDS (600; 0 measures
# every page rendered afresh), WEB_CONCURRENCY (gunicorn workers; its default otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?Set DATABASE_URL to a PostgreSQL database (it gets the demo content).}"
case "$DATABASE_URL" in postgres*) ;; *) echo "DATABASE_URL must name PostgreSQL" >&2; exit 2 ;; esac
DURATION=${DURATION:-180s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${BENCH_PORT:-8390}

if ! command -v wrk >/dev/null; then
    echo "== installing wrk"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
make --no-print-directory install >/dev/null

WORK=$(mktemp -d)
export DJANGO_SETTINGS_MODULE=migraup.settings.production
export SECRET_KEY="bench-only-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1 CACHE_DIR="$WORK/cache" STATIC_ROOT="$WORK/static"
export MEDIA_ROOT="$WORK/media" SERVE_MEDIA=1 PORT
# Requests are counted by wrk; the line per request would only measure the terminal.
export LOG_LEVEL_REQUESTS=WARNING TASKS_BACKEND=immediate
MANAGE=".venv/bin/python manage.py"

echo "== database and static files"
$MANAGE migrate --noinput -v 0
$MANAGE load_demo_content >/dev/null
$MANAGE collectstatic --noinput -v 0

echo "== gunicorn on 127.0.0.1:$PORT"
.venv/bin/gunicorn --config migraup/gunicorn.conf.py migraup.wsgi >"$WORK/gunicorn.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 60); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 1
done

cat >"$WORK/paths" <<'PATHS'
/de/
/en/
/ar/
/de/projekte/migrapower/
/en/projects/migrapower/
/tr/projeler/migrapower/
/de/projekte/kommune-interkulturell/
/de/fachvernetzung/ak-diversity/
/de/materialien/
/de/archiv/?year=2017
/de/search/?q=Netzwerk
/en/search/?q=network
/de/search/?q=Beratung+Pankow
/api/v3/pages/?type=projects.ProjectPage&locale=de
/api/v3/pages/?locale=en&limit=20
PATHS
# Every address must answer 200 itself (a redirect would count as non-2xx below); the
# second request of each shows its time with a warm cache.
echo "== one request each (ms, after a first one)"
while read -r path; do
    url="http://127.0.0.1:$PORT$path"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$url")
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
    curl -s -o /dev/null -w "%{time_total} $path\n" -H 'X-Forwarded-Proto: https' "$url" |
        awk '{ printf "%8.1f  %s\n", $1 * 1000, $2 }'
done <"$WORK/paths"

echo "== wrk: $DURATION, $CONNECTIONS connections, $(wc -l <"$WORK/paths") addresses," \
    "page cache ${PAGE_CACHE_SECONDS:-600}s, $(nproc) cores"
BENCH_PATHS="$WORK/paths" LC_ALL=C wrk --threads 2 --connections "$CONNECTIONS" --duration "$DURATION" \
    --timeout 10s --script bench/load.lua "http://127.0.0.1:$PORT"
echo "== answers other than 2xx, 3xx (from the site's request log)"
grep -c '"status": [45]' "$WORK/gunicorn.log" || true
grep '"status": [45]' "$WORK/gunicorn.log" | head -5 || true
