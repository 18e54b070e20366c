#!/usr/bin/env bash
# Prints the path of a Chrome/Chromium for the browser tests, installing Debian's chromium
# when running as root with apt-get and none is found. Exits 1 with instructions otherwise.
set -euo pipefail

find_chrome() {
  local c
  for c in "${CHROME_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome \
    /usr/bin/google-chrome-stable; do
    if [ -n "$c" ] && [ -x "$c" ]; then
      printf '%s\n' "$c"
      return 0
    fi
  done
  return 1
}

if find_chrome; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "No Chrome/Chromium found: installing Debian's chromium with apt-get (about 20 s)..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  if find_chrome; then exit 0; fi
fi

cat >&2 <<'MSG'
No Chrome or Chromium was found for the browser tests.
Install one, then run the command again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium
  macOS:          brew install --cask chromium
or point CHROME_PATH at an existing Chrome/Chromium binary:
  CHROME_PATH=/path/to/chrome npm test
MSG
exit 1
