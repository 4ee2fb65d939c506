#!/usr/bin/env bash
# Schemathesis against the live OpenAPI document of /api/v3/, over the demo content.
#
# Builds a throwaway site (a temporary SQLite file and media folder, or the database in
# DATABASE_URL), serves it on 127.0.0.1:$API_CHECK_PORT with DEBUG off, and runs
# schemathesis three times: every GET operation anonymously; every GET operation with a
# moderator's bearer token (drafts, revisions, sites, snippets), both at once; then every write
# operation with that token (creating, changing, publishing, moving, deleting the demo
# pages, which is why the site is a throwaway). Fails on any server error and on any
# response that does not conform to the schema (status code, content type, body, headers).
# Generation is deterministic (fixed seed), so CI repeats the same requests every time.
#   API_CHECK_PORT (default 8291), API_CHECK_EXAMPLES (default 50 per operation).
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${API_CHECK_PORT:-8291}
examples=${API_CHECK_EXAMPLES:-50}
venv=.venv-schemathesis
work=$(mktemp -d)
server_pid=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x "$venv/bin/schemathesis" ] || [ tools/schemathesis/requirements.txt -nt "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet -r tools/schemathesis/requirements.txt
    touch "$venv/bin/schemathesis"
fi

export DJANGO_SETTINGS_MODULE=migraup.settings.dev DEBUG=0 SERVE_MEDIA=1
export MEDIA_ROOT="$work/media" DATABASE_URL="${DATABASE_URL:-sqlite:///$work/db.sqlite3}"
export WAGTAILAPI_BASE_URL="http://127.0.0.1:$port"
manage() { .venv/bin/python manage.py "$@"; }
# A fresh database: the demo site from its snapshot (built and kept if there is none yet).
manage load_demo_content --from-snapshot >/dev/null
manage shell -v0 -c "
from django.contrib.auth.models import Group, User
user, _ = User.objects.get_or_create(username='api-check-moderator')
user.groups.add(Group.objects.get(name='Moderators'))"
token=$(manage api_tokens create --user api-check-moderator --name schemathesis | tail -n 1)

if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "something already answers on port $port; choose another API_CHECK_PORT" >&2
    exit 1
fi
# Started directly (not through manage()), so that $! is the server itself.
.venv/bin/python manage.py runserver "127.0.0.1:$port" --noreload >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 60); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/api/v3/openapi.json" && break
    sleep 1
done

run() {
    (cd "$work" && "$OLDPWD/$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/v3/openapi.json" \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
        -n "$examples" --workers 1 --seed 1 --generation-deterministic \
        --no-color "$@")
}
status=0
# The two read-only passes change nothing, so they run at the same time (one per core);
# each prints its report when both are done.
run --include-method GET >"$work/get-anonymous.log" 2>&1 &
anonymous=$!
run --include-method GET -H "Authorization: Bearer $token" >"$work/get-token.log" 2>&1 &
with_token=$!
wait "$anonymous" || status=1
wait "$with_token" || status=1
echo "== schemathesis: GET, anonymous"
cat "$work/get-anonymous.log"
echo "== schemathesis: GET, with a moderator's token"
cat "$work/get-token.log"
echo "== schemathesis: writes, with a moderator's token"
run --exclude-method GET -H "Authorization: Bearer $token" || status=1
if [ "$status" != 0 ]; then
    echo "== server log (last 40 lines)"
    tail -n 40 "$work/server.log"
fi
exit "$status"
