#!/usr/bin/env bash
# Stops what tools/varnish/start.sh started.
cd "$(dirname "$0")/../.."
WORK=${VARNISH_WORK:-$PWD/build/varnish}
for pidfile in "$WORK"/varnishd.pid "$WORK"/app*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
done
for pidfile in "$WORK"/varnishd.pid "$WORK"/app*.pid; do
    [ -f "$pidfile" ] || continue
    for _ in $(seq 40); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.25; done
    rm -f "$pidfile"
done
