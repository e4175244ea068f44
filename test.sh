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
