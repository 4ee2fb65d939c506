# Shared helpers for run.sh / start-background.sh / stop.sh. Source, don't execute.
# shellcheck shell=bash

OS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OS_TARGET="$OS_DIR/target"
OS_STAMP="$OS_TARGET/.build-stamp"
OS_JAR="$OS_TARGET/opensearch-local.jar"
OS_JSA="$OS_TARGET/opensearch.jsa"
OS_VAR="${OPENSEARCH_VAR_DIR:-$OS_DIR/var}"

OPENSEARCH_PORT="${OPENSEARCH_PORT:-9201}"
OPENSEARCH_HOST="${OPENSEARCH_HOST:-127.0.0.1}"
export OPENSEARCH_PORT OPENSEARCH_HOST

OS_PIDFILE="${OPENSEARCH_PIDFILE:-$OS_VAR/opensearch-$OPENSEARCH_PORT.pid}"
OS_LOGFILE="${OPENSEARCH_LOGFILE:-$OS_VAR/opensearch-$OPENSEARCH_PORT.log}"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    OS_JAVA="$JAVA_HOME/bin/java"
else
    OS_JAVA="$(command -v java || true)"
fi

# Heap and JIT; override with OPENSEARCH_JAVA_OPTS. C1 only (TieredStopAtLevel=1) halves the
# start-up time on 2 cores and was also faster for test-sized workloads.
OPENSEARCH_JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m -XX:TieredStopAtLevel=1}"
# The system properties OpenSearch's own launcher would set.
OS_SYSTEM_JAVA_OPTS=(
    -Dfile.encoding=UTF-8
    -Djava.awt.headless=true
    -Djna.nosys=true
    -XX:-OmitStackTraceInFastThrow
    -Dio.netty.noUnsafe=true
    -Dio.netty.noKeySetOptimization=true
    -Dio.netty.recycler.maxCapacityPerThread=0
    -Dlog4j.shutdownHookEnabled=false
    -Dlog4j2.disable.jmx=true
    -Dlog4j2.formatMsgNoLookups=true
    -Djava.locale.providers=SPI,COMPAT
)
# OPENSEARCH_CDS=0 turns off the class-data-sharing archive (target/opensearch.jsa) that is
# recorded once after each build and cuts the start-up time roughly in half again.
OS_CDS="${OPENSEARCH_CDS:-1}"

os_die() { echo "opensearch: $*" >&2; exit 1; }

os_stale() {
    [ ! -f "$OS_STAMP" ] || [ ! -d "$OS_TARGET/lib" ] || [ ! -f "$OS_JAR" ] \
        || [ -n "$(find "$OS_DIR/pom.xml" "$OS_DIR/src" -newer "$OS_STAMP" -print -quit)" ]
}

# Build target/opensearch-local.jar + target/lib unless up to date with pom.xml and src/;
# then (once per build) record the CDS archive.
os_build_if_needed() {
    [ -n "$OS_JAVA" ] || os_die "java not found (need Java 17; set JAVA_HOME)"
    if ! os_stale && { [ "$OS_CDS" = 0 ] || [ -f "$OS_JSA" ] || [ -f "$OS_TARGET/.cds-tried" ]; }; then
        return 0
    fi
    mkdir -p "$OS_TARGET"
    (
        # Serialise concurrent builds (e.g. two scripts started at once).
        if command -v flock >/dev/null; then
            exec 9>"$OS_TARGET/.build-lock"
            flock 9
        fi
        if os_stale; then
            command -v "${MVN:-mvn}" >/dev/null \
                || os_die "maven (mvn) not found; install it (Debian package: maven)"
            echo "opensearch: building $OS_DIR (mvn package) ..." >&2
            rm -f "$OS_JSA" "$OS_TARGET/.cds-tried"
            # Fresh target/lib only when the dependencies may have changed. (Rebuilding while
            # a node runs from target/ is a bad idea: stop it first.)
            if [ ! -f "$OS_STAMP" ] || [ "$OS_DIR/pom.xml" -nt "$OS_STAMP" ]; then
                rm -rf "$OS_TARGET/lib"
            fi
            # shellcheck disable=SC2086
            if ! "${MVN:-mvn}" -q -B -Dstyle.color=never ${MVN_ARGS:-} -f "$OS_DIR/pom.xml" \
                package >"$OS_TARGET/build.log" 2>&1; then
                tail -n 60 "$OS_TARGET/build.log" >&2
                os_die "maven build failed (full log: $OS_TARGET/build.log)"
            fi
            touch "$OS_STAMP"
        fi
        if [ "$OS_CDS" != 0 ] && [ ! -f "$OS_JSA" ] && [ ! -f "$OS_TARGET/.cds-tried" ]; then
            os_make_cds
        fi
    )
}

# Start a throw-away node (temp dir, random HTTP port) with -XX:ArchiveClassesAtExit, stop it
# once ready; the JVM writes the archive on exit. Best effort: on failure we run without it.
os_make_cds() {
    local tmp="$OS_JSA.tmp" log="$OS_TARGET/cds-training.log" pid i
    touch "$OS_TARGET/.cds-tried"
    rm -f "$tmp"
    echo "opensearch: recording class-data archive (once per build, ~15 s) ..." >&2
    os_java_cmd nocds
    env -u OPENSEARCH_BASE_DIR OPENSEARCH_PORT=0 \
        "${OS_CMD[0]}" -XX:ArchiveClassesAtExit="$tmp" "${OS_CMD[@]:1}" >"$log" 2>&1 &
    pid=$!
    for i in $(seq 1 240); do
        grep -q '^ready ' "$log" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if grep -q '^ready ' "$log" && [ -s "$tmp" ]; then
        # Rename, never copy over: a running JVM maps the archive, and rewriting the file
        # in place kills it with SIGBUS.
        mv -f "$tmp" "$OS_JSA"
    else
        rm -f "$tmp"
        echo "opensearch: could not record the archive (see $log); starting without it" >&2
    fi
}

# The java command line (array OS_CMD) that runs the node.
os_java_cmd() {
    # shellcheck disable=SC2206
    local user_opts=($OPENSEARCH_JAVA_OPTS) cds=()
    if [ "${1:-}" != nocds ] && [ "$OS_CDS" != 0 ] && [ -f "$OS_JSA" ]; then
        cds=(-XX:SharedArchiveFile="$OS_JSA")
    fi
    mkdir -p "$OS_VAR"
    OS_CMD=("$OS_JAVA" "${user_opts[@]}" "${cds[@]}" "${OS_SYSTEM_JAVA_OPTS[@]}"
        -XX:ErrorFile="$OS_VAR/hs_err_pid%p.log"
        -cp "$OS_JAR:$OS_TARGET/lib/*" local.opensearch.Main)
}

os_url() { echo "http://$OPENSEARCH_HOST:$OPENSEARCH_PORT"; }

# Prints the cluster health status (green/yellow/red) or nothing if the node does not answer.
os_health() {
    curl -fsS --max-time 3 "$(os_url)/_cluster/health" 2>/dev/null \
        | sed -n 's/.*"status" *: *"\([a-z]*\)".*/\1/p'
}

# Prints the pid if the pid file names a live process that is our node.
os_running_pid() {
    [ -f "$OS_PIDFILE" ] || return 1
    local pid
    pid="$(cat "$OS_PIDFILE" 2>/dev/null)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'local.opensearch.Main' || return 1
    echo "$pid"
}

# Removes the node's temporary base dir named in LOG (only "opensearch-local-<digits>" dirs that
# Main created because OPENSEARCH_BASE_DIR was unset). Main deletes it on a clean shutdown; this
# covers a SIGKILL or a crash. Call only after the process has exited.
os_remove_temp_base() {
    local base
    base="$(sed -n 's/^Base Path: *\(\/.*\/opensearch-local-[0-9]*\)$/\1/p' "$1" 2>/dev/null | tail -n 1)"
    if [ -n "$base" ] && [ -d "$base" ]; then
        rm -rf "$base"
    fi
}
