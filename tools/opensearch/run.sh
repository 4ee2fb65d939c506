#!/usr/bin/env bash
# Build if needed, then run a single-node OpenSearch in the foreground (Ctrl-C / SIGTERM stops it).
#   OPENSEARCH_PORT=9201 OPENSEARCH_BASE_DIR=<dir, default: temp dir removed on exit>
#   OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m"   ./tools/opensearch/run.sh
# Prints a line starting with "ready" once cluster health is yellow/green.
set -euo pipefail
# shellcheck source=_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

os_build_if_needed
os_java_cmd
exec "${OS_CMD[@]}" "$@"
