#!/usr/bin/env bash
# The console's browser tests drive a real Chromium (playwright-core ships no browser). A clean CI
# machine gets the distribution's package; CHROMIUM_PATH points elsewhere if it lives elsewhere.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[[ -x $CHROMIUM ]] && exit 0
echo "installing chromium for the console's browser tests" >&2
SUDO=$([[ $(id -u) -eq 0 ]] || echo sudo)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
