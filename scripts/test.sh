#!/usr/bin/env bash
# The whole suite: type check, lint, every test in headless Chromium, the library build (checked)
# the package as packed (publint, attw, two consumer apps) and the size budget.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME_PATH="$(bash scripts/find-chrome.sh)"
export CHROME_PATH

echo "== type check"
npx tsc --noEmit -p .
echo "== lint (ESLint, type-aware; Lit templates; import cycles; Prettier)"
npx eslint .
if ! out="$(npx lit-analyzer src --strict --maxWarnings 0 --format list 2>&1)"; then
  echo "$out"
  exit 1
fi
echo "$out" | tail -n 1
node scripts/check-imports.mjs
npx prettier --check . >/dev/null || { npx prettier --check .; exit 1; }
echo "== pure layers in Node (no DOM)"
node scripts/node-check.mjs
echo "== server rendering in Node (@lit-labs/ssr, no DOM)"
ssr="$(node scripts/ssr-check.mjs 2>&1)" || { echo "$ssr"; exit 1; }
echo "$ssr" | grep -E '^# (pass|fail) '
echo "== tests (headless Chromium: $CHROME_PATH)"
summary="$(mktemp)"
status=0
WTR_SUMMARY_FILE="$summary" npx wtr "$@" || status=$?
cat "$summary"
rm -f "$summary"
[ "$status" = 0 ] || exit "$status"
echo "== sync server in Node (Hocuspocus on 127.0.0.1, SQLite, tokens, two instances behind Redis)"
bash scripts/find-redis.sh
sync_log="$(mktemp)"
for f in test/sync-server/*.node-test.ts; do
  node --import tsx --test "$f" >>"$sync_log" 2>&1 || { cat "$sync_log"; rm -f "$sync_log"; exit 1; }
done
grep -E '^# (pass|fail) ' "$sync_log" | paste -sd ' ' -
rm -f "$sync_log"
echo "== library build (ES modules, standalone files, types, manifest; then checked)"
log="$(mktemp)"
npm run build >"$log" 2>&1 || { cat "$log"; rm -f "$log"; exit 1; }
tail -n 1 "$log"
rm -f "$log"
echo "== package (publint, attw, React 19 and Vue 3 apps type-checked from the packed tarball)"
node scripts/check-package.mjs
echo "== size budget (as a visitor pays: the README's snippets in Chromium)"
node scripts/size-budget.mjs
echo "== iframe embed (dist/embed.html in the README's host snippet, Chromium)"
embed="$(node --test scripts/embed-check.mjs 2>&1)" || { echo "$embed"; exit 1; }
echo "$embed" | grep -E '^# (pass|fail) '
echo "== server rendering hydrated (the built package: README's server and page snippets, Chromium)"
hydrate="$(node --test scripts/hydrate-check.mjs 2>&1)" || { echo "$hydrate"; exit 1; }
echo "$hydrate" | grep -E '^# (pass|fail) '
