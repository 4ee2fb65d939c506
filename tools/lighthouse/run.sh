#!/usr/bin/env bash
# Lighthouse on the home page, a project page and the search, mobile and desktop.
#
# Builds a throwaway site (a temporary SQLite file, media, cache and static folder, or the
# empty database in DATABASE_URL) with the demo content, serves it the way `make serve`
# does (production settings, collected static files through whitenoise, gunicorn) on
# 127.0.0.1:$LIGHTHOUSE_PORT, and runs Lighthouse (tools/browser-checks, Debian's Chromium)
# on each page with its default mobile settings and with --preset=desktop. Lighthouse's
# default simulated throttling is kept: it models a slow device and network from one
# unthrottled load, so the scores depend less on this machine than real throttling would.
# The performance score still moves with the machine's load, so each page and form factor
# is measured LIGHTHOUSE_RUNS times (default 3) and tools/lighthouse/scores.py takes the
# run with the median performance score (the middle one of three, not the best, so one
# lucky run cannot hide a slow page and one run disturbed by a busy CI neighbour cannot
# fail it). The reports stay in build/lighthouse/ (JSON and HTML) for reading.
#   LIGHTHOUSE_PORT (default 8391), LIGHTHOUSE_RUNS (default 3), LIGHTHOUSE_MIN (default 95).
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${LIGHTHOUSE_PORT:-8391}
runs=${LIGHTHOUSE_RUNS:-3}
base="http://127.0.0.1:$port"
lighthouse=tools/browser-checks/node_modules/.bin/lighthouse
out=build/lighthouse
# Name (of the report files), path and form factors of each page; Arabic, for right to
# left, on the phone only, where the layout changes most.
pages=(
    "home /de/ mobile,desktop"
    "project /de/projekte/migrapower/ mobile,desktop"
    "search /de/search/?q=Netzwerk mobile,desktop"
    "home-ar /ar/ mobile"
)
work=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$lighthouse" ]; then
    echo "Lighthouse is missing: run make checks-tools" >&2
    exit 1
fi
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

# The production settings, with what a throwaway site on loopback needs instead of the real
# environment: a random key, the loopback host, and no redirect to HTTPS (there is no TLS
# proxy here). HSTS and the secure cookie flags need no change: Django sends HSTS only on
# HTTPS requests, and anonymous readers get no cookies on these pages.
export DJANGO_SETTINGS_MODULE=migraup.settings.production
SECRET_KEY=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))")
export SECRET_KEY ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0
export DATABASE_URL="${DATABASE_URL:-sqlite:///$work/db.sqlite3}"
export MEDIA_ROOT="$work/media" STATIC_ROOT="$work/static" CACHE_DIR="$work/cache"
# No web server in front, so the application serves the demo images itself.
export SERVE_MEDIA=1 WAGTAILADMIN_BASE_URL="$base"
# Background tasks (search indexing among them) run at once: there is no `make worker` here.
export TASKS_BACKEND=immediate
# Two workers are plenty for one browser, and leave the CI machine's cores to Chromium.
export BIND="127.0.0.1:$port" WEB_CONCURRENCY=2 LOG_FORMAT=text LOG_LEVEL=WARNING
export LOG_LEVEL_REQUESTS=WARNING
manage() { .venv/bin/python manage.py "$@"; }
# collectstatic (40 s: whitenoise compresses every file twice) needs no database, so it runs
# beside the demo content.
manage collectstatic --noinput --verbosity 0 &
static_pid=$!
# A fresh database: the demo site from its snapshot (built and kept if there is none yet).
manage load_demo_content --from-snapshot >/dev/null
wait "$static_pid"

if curl -s -o /dev/null "$base/"; then
    echo "something already answers on port $port; choose another LIGHTHOUSE_PORT" >&2
    exit 1
fi
# Started directly, so that $! is gunicorn's master, which stops its workers with it.
.venv/bin/gunicorn --config migraup/gunicorn.conf.py migraup.wsgi >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
    curl -fs -o /dev/null "$base/healthz" && break
    sleep 1
done
# One request per page first: a fresh worker's first request loads templates and fills the
# page cache, which a running site has long done; Lighthouse measures the reader's visit.
for entry in "${pages[@]}"; do
    read -r _ path _ <<<"$entry"
    curl -fs -o /dev/null "$base$path"
done

echo "== the site was ready after $SECONDS s"
rm -rf "$out"
mkdir -p "$out"
started=$SECONDS
count=0
for entry in "${pages[@]}"; do
    read -r name path forms <<<"$entry"
    skip=()
    # Search results are kept out of search engines on purpose (robots.txt disallows
    # /<lang>/search/, the page says noindex), and is-crawlable checks exactly the
    # opposite, so it is skipped there; scores.py names the skipped audits in its table.
    [ "$name" = search ] && skip=(--skip-audits=is-crawlable)
    for form in ${forms//,/ }; do
        extra=("${skip[@]}")
        [ "$form" = desktop ] && extra+=(--preset=desktop)
        for run in $(seq 1 "$runs"); do
            # A fresh profile each run: no cache or service worker from the run before.
            profile="$work/chrome-$name-$form-$run"
            flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
            flags+=" --disable-background-networking --disable-component-update --disable-sync"
            flags+=" --user-data-dir=$profile"
            echo "== lighthouse $path ($form, run $run of $runs)"
            # Under load, Chromium now and then loses the trace (NO_NAVSTART, "please run
            # Lighthouse again"); that is a failed measurement, not a slow page: try again.
            # No full-page screenshot (1.3 s of each run): it only illustrates the HTML
            # report and changes no score.
            for attempt in 1 2 3; do
                rm -rf "$profile"
                "$lighthouse" "$base$path" "${extra[@]}" --quiet \
                    --only-categories=performance,accessibility,best-practices,seo \
                    --chrome-flags="$flags" --output=json --output=html \
                    --disable-full-page-screenshot \
                    --output-path="$out/$name-$form-$run" && break
                [ "$attempt" = 3 ] && exit 1
                echo "   Lighthouse failed; attempt $((attempt + 1)) of 3"
            done
            rm -rf "$profile"
            count=$((count + 1))
        done
    done
done
echo "== $((SECONDS - started)) s for $count Lighthouse runs"
.venv/bin/python tools/lighthouse/scores.py "$out"
