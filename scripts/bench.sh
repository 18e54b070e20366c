#!/usr/bin/env bash
# Every benchmark, one table each: the engine (node), the forecast and the funnel against its peers (Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
CHROME_PATH="$(bash scripts/find-chrome.sh)"
export CHROME_PATH
echo "== simulation engine"
node bench/sim/run.mjs
echo
echo "== forecast of open deals against a naive per-deal loop (headless Chromium)"
node bench/forecast/run.mjs
echo
echo "== <sales-funnel> against its peers (headless Chromium)"
node bench/funnel/run.mjs
echo
echo "== <sales-simulator>: slider to rendered, Monte Carlo band (headless Chromium)"
node bench/simulator/run.mjs
if [ -f bench/store/run.mjs ]; then
  echo
  echo "== <sales-pipeline> and the store (headless Chromium)"
  node bench/store/run.mjs
fi
echo
echo "== issue 16: fault suites, bounded validation, search at 100,000 deals (headless Chromium)"
node bench/faults/run.mjs
echo
echo "== team sync: 5 clients through one sync server on loopback (Node)"
node --expose-gc --import tsx bench/sync/run.ts
