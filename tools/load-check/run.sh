#!/usr/bin/env bash
# CI's load check: the production set-up (gunicorn with its threads, production settings) on
# PostgreSQL, driven by wrk over the loopback for LOAD_SECONDS (20) per run:
#   1. the search page in six languages with the page cache off: stemming, highlighting and
#      the search backend under concurrent requests in every worker thread. Python switches
#      threads every 5 ms, so a race between threads shows only now and then; here the
#      workers run 4 threads that switch every 10 µs (a sitecustomize module), which turned
#      the shared stemmers of old into a 500 every few seconds;
#   2. pages with random query strings with the page cache on: they must be served from the
#      cache and must not fill it.
# Fails on any answer that is not 2xx, on an ERROR or "Search backend failed" line in the
# site's log, and when run 2 left more than MAX_CACHE_ENTRIES files in the cache.
#
#   DATABASE_URL=postgres://user@host:port/db tools/load-check/run.sh   (or: make test-load)
set -euo pipefail
cd "$(dirname "$0")/../.."

: "${DATABASE_URL:?Set DATABASE_URL to an empty PostgreSQL database (it gets the demo content).}"
case "$DATABASE_URL" in postgres*) ;; *) echo "DATABASE_URL must name PostgreSQL" >&2; exit 2 ;; esac
DURATION=${LOAD_SECONDS:-20}s
CONNECTIONS=${CONNECTIONS:-16}
PORT=${LOAD_CHECK_PORT:-8491}
MAX_CACHE_ENTRIES=${MAX_CACHE_ENTRIES:-100}

if ! command -v wrk >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
make --no-print-directory install >/dev/null

WORK=$(mktemp -d)
export DJANGO_SETTINGS_MODULE=migraup.settings.production
export SECRET_KEY="load-check-$(head -c 32 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media" SERVE_MEDIA=1
export BIND="127.0.0.1:$PORT" WEB_CONCURRENCY=2 GUNICORN_THREADS=4
export TASKS_BACKEND=immediate LOG_FORMAT=json LOG_LEVEL_REQUESTS=WARNING
MANAGE=".venv/bin/python manage.py"
SERVER=
stop_server() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    SERVER=
}
trap 'stop_server; rm -rf "$WORK"' EXIT

echo "== database, demo content and static files"
# A fresh database: the demo site from its snapshot (built and kept if there is none yet).
$MANAGE load_demo_content --from-snapshot >/dev/null
$MANAGE collectstatic --noinput -v 0

mkdir "$WORK/switch"
echo 'import sys; sys.setswitchinterval(1e-5)' >"$WORK/switch/sitecustomize.py"

failed=0
# run NAME PAGE_CACHE_SECONDS RANDOM_QUERY PATH...
run() {
    local name=$1 cache_seconds=$2 random_query=$3
    shift 3
    printf '%s\n' "$@" >"$WORK/$name.paths"
    export CACHE_DIR="$WORK/cache-$name"
    PYTHONPATH="$WORK/switch" PAGE_CACHE_SECONDS=$cache_seconds .venv/bin/gunicorn --config migraup/gunicorn.conf.py \
        migraup.wsgi >"$WORK/$name.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 60); do
        curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.5
    done
    echo "== $name: wrk $DURATION, $CONNECTIONS connections, page cache ${cache_seconds}s"
    BENCH_PATHS="$WORK/$name.paths" BENCH_RANDOM_QUERY=$random_query LC_ALL=C wrk --threads 2 \
        --connections "$CONNECTIONS" --duration "$DURATION" --timeout 10s \
        --script bench/load.lua "http://127.0.0.1:$PORT" | tee "$WORK/$name.wrk"
    stop_server
    if ! grep -q '^non-2xx answers: 0$' "$WORK/$name.wrk"; then
        echo "FAILED: $name had answers that were not 2xx" >&2
        failed=1
    fi
    if grep -q '^requests: 0 ' "$WORK/$name.wrk"; then
        echo "FAILED: $name got no answer at all" >&2
        failed=1
    fi
    if grep -E '"level": "(ERROR|CRITICAL)"|Search backend failed|Traceback' "$WORK/$name.log" | head -5 | grep .; then
        echo "FAILED: $name logged errors (above)" >&2
        failed=1
    fi
}

run search-uncached 0 0 \
    "/de/search/?q=Netzwerk" "/en/search/?q=network" "/es/search/?q=redes" \
    "/it/search/?q=rete" "/tr/search/?q=a%C4%9F" "/ar/search/?q=%D8%B4%D8%A8%D9%83%D8%A9" \
    "/de/search/?q=Beratungen+Pankow" "/de/search/?q=Migrantenorganisationen&type=project" "/de/search/?q=2017&type=archive&year=2017"

run random-query 600 1 \
    "/de/" "/en/" "/ar/" "/de/projekte/migrapower/" "/tr/projeler/migrapower/" \
    "/de/materialien/" "/de/archiv/" "/de/search/?q=Netzwerk"
entries=$(find "$WORK/cache-random-query" -type f | wc -l)
echo "cache entries after random query strings: $entries (at most $MAX_CACHE_ENTRIES)"
if [ "$entries" -gt "$MAX_CACHE_ENTRIES" ]; then
    echo "FAILED: random query strings filled the page cache" >&2
    failed=1
fi
exit $failed
