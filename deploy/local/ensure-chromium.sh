#!/usr/bin/env bash
# The console's browser tests drive a real Chromium (playwright-core ships no browser). A clean CI
# machine gets the distribution's package, and a CJK font so the screenshots show Chinese rather
# than empty boxes; CHROMIUM_PATH points elsewhere if it lives elsewhere.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
[[ -x $CHROMIUM ]] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "installing ${missing[*]} for the console's browser tests" >&2
SUDO=$([[ $(id -u) -eq 0 ]] || echo sudo)
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
