#!/usr/bin/env bash
# Builds and tests the whole solution the way CI does, on a fresh Debian 12 machine as root or on a dev box.
# The last line printed is always "N passed, N failed, N skipped", read from the TRX files dotnet test writes.
set -euo pipefail

cd "$(dirname "$0")"

CONFIGURATION=Release
RESULTS_DIR=TestResults

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# Browser tests drive Debian's Chromium; Playwright must never try to download its own browser (no internet here).
export PORTAL_CHROMIUM=/usr/bin/chromium

# Test servers live here while the run lasts; the trap below stops them however the run ends.
SERVERS_DIR=$(mktemp -d /tmp/portal-servers.XXXXXX)
PG_SHARED="$SERVERS_DIR/postgres"

as_postgres() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_servers() {
    local status=$?
    # The shared cluster, then any cluster a test started and could not stop (a killed test host leaves them running).
    for data in "$PG_SHARED/data" /tmp/portal-tests/postgres/*/data; do
        if [[ -f "$data/postmaster.pid" ]]; then
            as_postgres "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
    done
    # Redis servers and nginx balancers a killed test left running (each wrote its pid file under /tmp/portal-tests).
    for pidfile in /tmp/portal-tests/redis/*/redis.pid /tmp/portal-tests/nginx-*/nginx.pid; do
        if [[ -f "$pidfile" ]]; then
            kill "$(cat "$pidfile")" >/dev/null 2>&1 || true
        fi
    done
    rm -rf "$SERVERS_DIR" /tmp/portal-tests/postgres /tmp/portal-tests/redis
    exit $status
}
trap stop_servers EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

install_packages() {
    local missing=("$@")
    if [[ ${#missing[@]} -eq 0 ]]; then
        return
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "test.sh: missing ${missing[*]}; only root can install them (apt-get install ${missing[*]})." >&2
        exit 1
    fi
    echo "==> Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}

install_browser() {
    if [[ -x /usr/bin/chromium ]]; then
        return
    fi
    if [[ $(id -u) -ne 0 ]]; then
        echo "test.sh: /usr/bin/chromium is missing and only root can install it (apt-get install chromium fonts-noto-cjk)." >&2
        exit 1
    fi
    echo "==> Installing chromium and fonts-noto-cjk (Chinese text in screenshots)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium fonts-noto-cjk
}

install_browser

# PostgreSQL: the data tests run on it as well as on SQLite. Debian's package registers a cluster of its own that nothing
# starts here; the tests use throw-away clusters on free loopback ports instead.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    install_packages postgresql
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

# Redis and nginx: the tests of several instances start their own on free loopback ports (a bus, a load balancer).
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
install_packages "${missing[@]}"

export PORTAL_POSTGRES_BIN="$PG_BIN"

start_postgres() {
    local port
    port=$(free_port)
    mkdir -p "$PG_SHARED"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$SERVERS_DIR" "$PG_SHARED"
    fi
    echo "==> Starting PostgreSQL on 127.0.0.1:$port"
    as_postgres "$PG_BIN/initdb" -D "$PG_SHARED/data" -A trust -U portal --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    # fsync off: a test cluster must survive a crashed test, not a power cut. Many test apps share it at once.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_SHARED/data" -l "$PG_SHARED/log" -w -t 60 \
        -o "-p $port -k $PG_SHARED -c listen_addresses=127.0.0.1 -c max_connections=1000 -c shared_buffers=64MB -c fsync=off -c full_page_writes=off" \
        start >/dev/null
    export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=portal;Maximum Pool Size=40;Connection Idle Lifetime=15;Timeout=30"
}
start_postgres

if [[ -f dotnet-tools.json || -f .config/dotnet-tools.json ]]; then
    echo "==> dotnet tool restore"
    dotnet tool restore
fi

echo "==> dotnet build Portal.sln -c $CONFIGURATION"
dotnet build Portal.sln -c "$CONFIGURATION"

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

# One test project today; a second one would need its own LogFileName (or LogFilePrefix), as both would write
# TestResults/results.trx.
echo "==> dotnet test Portal.sln"
test_status=0
dotnet test Portal.sln -c "$CONFIGURATION" --no-build \
    --logger "trx;LogFileName=results.trx" \
    --results-directory "$RESULTS_DIR" || test_status=$?

echo "==> Test results and artifacts (screenshots of browser tests) are under $(pwd)/$RESULTS_DIR (artifacts in $RESULTS_DIR/artifacts)"

# dotnet test's own exit code says "something failed", but not what: count from every TRX file, so the summary is
# right even when several test projects (each with its own results.trx) ran.
summary_status=0
summary=$(python3 - "$RESULTS_DIR" <<'PY'
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
FAILED = ("failed", "error", "timeout", "aborted")
SKIPPED = ("notExecuted", "notRunnable", "disconnected", "warning", "inconclusive", "pending")

passed = failed = skipped = 0
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.trx"))
for trx in files:
    try:
        counters = ET.parse(trx).getroot().find(f"{NS}ResultSummary/{NS}Counters")
    except ET.ParseError as error:
        print(f"{trx}: {error}", file=sys.stderr)
        counters = None
    if counters is None:
        # An unreadable result file is a run we cannot vouch for: count it as one failure.
        print(f"{trx}: no ResultSummary/Counters", file=sys.stderr)
        failed += 1
        continue
    counts = {name: int(value) for name, value in counters.attrib.items()}
    passed += counts.get("passed", 0)
    failed += sum(counts.get(name, 0) for name in FAILED)
    skipped += sum(counts.get(name, 0) for name in SKIPPED)

if not files:
    print("No .trx file was written: dotnet test ran nothing.", file=sys.stderr)
elif passed + failed == 0:
    print("No test ran.", file=sys.stderr)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed + failed == 0 else 0)
PY
) || summary_status=$?

if [[ $test_status -ne 0 ]]; then
    echo "dotnet test exited with $test_status." >&2
fi
# Last line, whatever happened: CI reads it.
echo "$summary"
if [[ $summary_status -ne 0 ]]; then
    exit "$summary_status"
fi
exit "$test_status"
