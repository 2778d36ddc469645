#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than the lock file, so `npm start`
# and `npm test` work on a fresh clone without a separate install step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
marker=node_modules/.package-lock.json
if [[ ! -f $marker || package-lock.json -nt $marker ]]; then
  echo "deps: installing npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
