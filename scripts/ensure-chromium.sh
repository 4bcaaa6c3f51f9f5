#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists. Playwright never
# downloads a browser here: it drives Debian's Chromium (or CHROMIUM_PATH).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "error: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  echo "  hint: point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium." >&2
  exit 1
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $browser: installing Debian's chromium package with apt-get (about 20 s)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "Installed: $("$browser" --version 2>/dev/null || echo chromium)"
  exit 0
fi
cat >&2 <<MSG
error: no Chromium found at $browser, and it cannot be installed automatically here
  (that needs root and apt-get).
  hint: install Chromium (on Debian or Ubuntu: sudo apt-get install chromium),
        or set CHROMIUM_PATH to an existing Chromium or Chrome binary, then run the tests again.
MSG
exit 1
