#!/usr/bin/env bash
# Fills deploy/k8s/secrets/values/ with random values where a file is missing (never overwrites one:
# a changed signing-key encryption key no longer opens the gateway's keys). git ignores values/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
umask 077
mkdir -p values
make() { [[ -s values/$1 ]] || printf '%s' "$2" >"values/$1"; }
for service in gateway request dispatch merchant volunteer rating; do make "$service-db-password" "$(openssl rand -hex 24)"; done
# base64 of exactly 32 bytes, as the gateway's config demands.
make signing-key-encryption-key "$(openssl rand -base64 32)"
make notification-key "$(openssl rand -hex 24)"
make webhook-secret-key "$(openssl rand -hex 24)"
echo "secrets: values in $PWD/values; now: kubectl apply -k $PWD"
