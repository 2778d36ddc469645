#!/usr/bin/env bash
# `npm run bench [name]`: runs the benchmarks under bench/ (all, or those whose file name contains
# the argument) against the local Kafka and PostgreSQL, and prints their figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash deploy/local/ensure-deps.sh
bash deploy/local/infra.sh up >/dev/null
# Benchmarks run on a developer machine: development conveniences on.
# The lifecycle and idle benchmarks run the compiled services, as `npm start` does.
if [[ -z ${1:-} || bench/lifecycle.bench.ts == *"$1"* || bench/idle.bench.ts == *"$1"* ]]; then npm run --silent build; fi
export SWC_NODE_PROJECT=$PWD/tsconfig.json LOG_LEVEL=${LOG_LEVEL:-warn} BANGBANG_DEV=1
for bench in bench/*.bench.ts; do
  [[ -z ${1:-} || $bench == *"$1"* ]] || continue
  echo "== $bench"
  node -r @swc-node/register "$bench"
done
