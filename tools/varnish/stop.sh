#!/usr/bin/env bash
# Stops what tools/varnish/start.sh started (gunicorn removes its own PID file as it exits).
cd "$(dirname "$0")/../.."
WORK=${VARNISH_WORK:-$PWD/build/varnish}
pids=()
for pidfile in "$WORK"/varnishd.pid "$WORK"/app*.pid; do
    pid=$(cat "$pidfile" 2>/dev/null) && [ -n "$pid" ] && pids+=("$pid")
done
[ ${#pids[@]} -gt 0 ] || exit 0
kill "${pids[@]}" 2>/dev/null || true
for pid in "${pids[@]}"; do
    for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
done
rm -f "$WORK"/varnishd.pid "$WORK"/app*.pid
