#!/usr/bin/env bash
# `npm test`: install if needed, type-check (services and the console), lint, then every unit and
# integration test; the console's browser tests build the console themselves and need Chromium. Jest's global
# setup brings up Kafka and PostgreSQL (Testcontainers with Docker, else deploy/local/infra.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash deploy/local/ensure-deps.sh
bash deploy/local/ensure-chromium.sh
bash deploy/local/ensure-kubectl.sh
npm run --silent typecheck
npx eslint .
npx prettier --check . --log-level warn
npx jest --ci "$@"
