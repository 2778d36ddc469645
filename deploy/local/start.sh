#!/usr/bin/env bash
# `npm start`: install if needed, build, bring up Kafka and PostgreSQL, start every service under a
# small supervisor (a crashed service is restarted, as Docker's restart policy would), wait until
# each is ready, seed the demo district, print where to go. Ctrl-C stops everything.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STATE=${BANGBANG_STATE_DIR:-$ROOT/.local}
LOGS=$STATE/logs
SERVICES=(gateway:3000 request:3001 dispatch:3002 merchant:3003 volunteer:3004 rating:3005)

bash deploy/local/ensure-deps.sh
echo "build: compiling services" >&2
npm run --silent build
bash deploy/local/infra.sh up
mkdir -p "$LOGS"

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo "stopping services" >&2
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

supervise() {
  local name=$1 port=$2
  # Each service logs in as its own role (deploy/local/postgres.sh); a password only where the server asks for one.
  local password_var="${name^^}_DB_PASSWORD"
  while true; do
    # A developer machine: development conveniences are opt-in, never the default.
    DATABASE_PASSWORD=${!password_var:-} BANGBANG_DEV=1 SERVICE_NAME=$name PORT=$port node "dist/services/$name/src/main.js" >>"$LOGS/$name.log" 2>&1 &
    local child=$!
    trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
    wait $child || true
    echo "{\"level\":\"warn\",\"msg\":\"supervisor: $name exited, restarting in 2 s\"}" >>"$LOGS/$name.log"
    sleep 2
  done
}

for entry in "${SERVICES[@]}"; do
  supervise "${entry%%:*}" "${entry##*:}" &
  pids+=($!)
done

for entry in "${SERVICES[@]}"; do
  name=${entry%%:*} port=${entry##*:}
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "$name did not become ready; see $LOGS/$name.log" >&2; exit 1; }
  echo "ready: $name on http://127.0.0.1:$port" >&2
done

if [[ -f dist/deploy/seed/seed.js ]]; then DATABASE_PASSWORD=${GATEWAY_DB_PASSWORD:-} node dist/deploy/seed/seed.js; fi

cat <<MSG

Bangbang is up.
  Console (sign in below):     http://127.0.0.1:3000/
  Gateway (one public entry):  http://127.0.0.1:3000
  Service logs:                $LOGS/<service>.log
Press Ctrl-C to stop.
MSG
wait
