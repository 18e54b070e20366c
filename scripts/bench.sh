#!/usr/bin/env bash
# Every benchmark, one table each: the engine (node) and the funnel against its peers (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
CHROME_PATH="$(bash scripts/find-chrome.sh)"
export CHROME_PATH
echo "== simulation engine"
node bench/sim/run.mjs
echo
echo "== <sales-funnel> against its peers (headless Chromium)"
node bench/funnel/run.mjs
