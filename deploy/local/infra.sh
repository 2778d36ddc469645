#!/usr/bin/env bash
# Local infrastructure for Bangbang without Docker: PostgreSQL databases + Kafka.
#
#   deploy/local/infra.sh up|down|status
#
# `down` only stops Kafka: PostgreSQL is the machine's shared server.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

case ${1:-} in
  up)
    "$HERE/postgres.sh"
    "$HERE/kafka.sh" start
    ;;
  down)
    "$HERE/kafka.sh" stop
    ;;
  status)
    rc=0
    url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
    if pg_isready -q -d "$url"; then echo "postgres up"; else echo "postgres down"; rc=1; fi
    "$HERE/kafka.sh" status || rc=1
    exit "$rc"
    ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
