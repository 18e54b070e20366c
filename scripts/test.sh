#!/usr/bin/env bash
# The whole suite: type check, lint, then every test in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME_PATH="$(bash scripts/find-chrome.sh)"
export CHROME_PATH

echo "== type check"
npx tsc --noEmit -p .
echo "== lint"
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== pure layers in Node (no DOM)"
node scripts/node-check.mjs
echo "== tests (headless Chromium: $CHROME_PATH)"
summary="$(mktemp)"
status=0
WTR_SUMMARY_FILE="$summary" npx wtr "$@" || status=$?
cat "$summary"
rm -f "$summary"
[ "$status" = 0 ] || exit "$status"
echo "== size budget"
node scripts/size-budget.mjs
