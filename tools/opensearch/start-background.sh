#!/usr/bin/env bash
# Build if needed, start a single-node OpenSearch in the background and wait until it answers.
#   OPENSEARCH_PORT (default 9201), OPENSEARCH_BASE_DIR (default: temp dir removed on stop),
#   OPENSEARCH_JAVA_OPTS (default "-Xms512m -Xmx512m"), OPENSEARCH_START_TIMEOUT (default 120 s).
# Writes var/opensearch-$PORT.pid and var/opensearch-$PORT.log; stop with stop.sh.
# Exits 0 when the node answers /_cluster/health with yellow or green (also if it already runs).
set -euo pipefail
# shellcheck source=_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

timeout="${OPENSEARCH_START_TIMEOUT:-120}"

if pid="$(os_running_pid)"; then
    status="$(os_health || true)"
    if [ "$status" = green ] || [ "$status" = yellow ]; then
        echo "opensearch: already running at $(os_url) (pid $pid, status $status)"
        exit 0
    fi
fi
if [ -n "$(os_health || true)" ]; then
    os_die "something else already answers at $(os_url); stop it or choose another OPENSEARCH_PORT"
fi

os_build_if_needed
os_java_cmd
mkdir -p "$(dirname "$OS_PIDFILE")" "$(dirname "$OS_LOGFILE")"

start=$(date +%s)
nohup "${OS_CMD[@]}" "$@" >"$OS_LOGFILE" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$OS_PIDFILE"

fail() {
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
    fi
    os_remove_temp_base "$OS_LOGFILE"
    rm -f "$OS_PIDFILE"
    {
        echo "opensearch: $1"
        echo "--- errors in $OS_LOGFILE:"
        grep -E 'failed to start|Caused by|Exception|ERROR' "$OS_LOGFILE" | grep -v '^\s*at ' | head -n 15 || true
        echo "--- last lines of $OS_LOGFILE:"
        tail -n 40 "$OS_LOGFILE" || true
    } >&2
    exit 1
}

while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
        fail "process $pid exited during startup"
    fi
    # Main prints "ready ..." after its post-start setup; then check HTTP too.
    if grep -q '^ready ' "$OS_LOGFILE" 2>/dev/null; then
        status="$(os_health || true)"
    else
        status=""
    fi
    if [ "$status" = green ] || [ "$status" = yellow ]; then
        echo "opensearch: ready at $(os_url) (pid $pid, status $status, $(( $(date +%s) - start )) s, log $OS_LOGFILE)"
        exit 0
    fi
    if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
        fail "not ready after ${timeout}s"
    fi
    sleep 0.5
done
