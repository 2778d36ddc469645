#!/usr/bin/env bash
# `npm test`: install if needed, type-check, then every unit and integration test. Jest's global
# setup brings up Kafka and PostgreSQL (Testcontainers with Docker, else deploy/local/infra.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash deploy/local/ensure-deps.sh
npx tsc -p tsconfig.json
npx jest --ci "$@"
