#!/usr/bin/env bash
# Makes sure Debian's redis-server is there for the sync server's scale-out test, installing it
# when running as root with apt-get and it is missing (the test starts and stops its own, on
# 127.0.0.1 and a free port). Exits 1 with instructions otherwise.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "No redis-server found: installing Debian's redis-server with apt-get..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
  # Debian starts the service it installs; the test runs its own instance instead.
  if command -v systemctl >/dev/null 2>&1; then systemctl stop redis-server >/dev/null 2>&1 || true; fi
  if command -v redis-server >/dev/null 2>&1; then exit 0; fi
fi

cat >&2 <<'MSG'
redis-server was not found for the sync server's scale-out test. Install it, then run again:
  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y redis-server
  macOS:          brew install redis
MSG
exit 1
