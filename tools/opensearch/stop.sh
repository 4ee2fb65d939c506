#!/usr/bin/env bash
# Stop the node started by start-background.sh for OPENSEARCH_PORT (default 9201).
# SIGTERM (clean shutdown, temp data dir removed), SIGKILL after OPENSEARCH_STOP_TIMEOUT (30 s).
set -euo pipefail
# shellcheck source=_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

timeout="${OPENSEARCH_STOP_TIMEOUT:-30}"
if ! pid="$(os_running_pid)"; then
    rm -f "$OS_PIDFILE"
    echo "opensearch: not running (port $OPENSEARCH_PORT)"
    exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 $(( timeout * 10 ))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
    echo "opensearch: pid $pid did not stop after ${timeout}s; killing" >&2
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
# A killed node cannot remove its temporary data dir; do it here.
os_remove_temp_base "$OS_LOGFILE"
rm -f "$OS_PIDFILE"
echo "opensearch: stopped (pid $pid)"
