#!/usr/bin/env bash
# `npm start`: install if needed, build, bring up Kafka and PostgreSQL, start every service under a
# small supervisor (a crashed service is restarted, as Docker's restart policy would), wait until
# each is ready, seed the demo district, start the simulator of the people around it (unless
# `npm start -- --quiet` or BANGBANG_QUIET=1), print where to go. Ctrl-C stops everything.
# BANGBANG_INSTANCES=2 npm start runs two instances of every service and of the gateway (the second
# on its port + 100, and so on); each gateway spreads calls over every instance of each service.
set -euo pipefail
QUIET=${BANGBANG_QUIET:-0}
INSTANCES=${BANGBANG_INSTANCES:-1}
[[ $INSTANCES =~ ^[1-9]$ ]] || { echo "BANGBANG_INSTANCES must be 1 to 9" >&2; exit 2; }
for arg in "$@"; do
  case $arg in
    --quiet) QUIET=1 ;;
    *) echo "usage: npm start [-- --quiet]" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STATE=${BANGBANG_STATE_DIR:-$ROOT/.local}
LOGS=$STATE/logs
SERVICES=(gateway:3000 request:3001 dispatch:3002 merchant:3003 volunteer:3004 rating:3005)
# Every instance as name:port:number, the first instances first (the gateway's first of all).
INSTANCE_LIST=()
for ((i = 0; i < INSTANCES; i++)); do
  for entry in "${SERVICES[@]}"; do INSTANCE_LIST+=("${entry%%:*}:$((${entry##*:} + 100 * i)):$((i + 1))"); done
done
# What the gateways call: each service's instances, comma-separated.
urls_of() {
  local port=$1 list=() i
  for ((i = 0; i < INSTANCES; i++)); do list+=("http://127.0.0.1:$((port + 100 * i))"); done
  (IFS=,; echo "${list[*]}")
}
GATEWAY_UPSTREAMS="REQUEST_URL=$(urls_of 3001) DISPATCH_URL=$(urls_of 3002) MERCHANT_URL=$(urls_of 3003) VOLUNTEER_URL=$(urls_of 3004) RATING_URL=$(urls_of 3005)"
SIM_SMS_PORT=${SIM_SMS_PORT:-3010}
SIM_WEBHOOK_PORT=${SIM_WEBHOOK_PORT:-3011}
export SIM_SMS_PORT SIM_WEBHOOK_PORT

# Each service's extra settings for the local demo (on top of BANGBANG_DEV=1, set for every service below).
declare -A ENV_OF=(
  # Every simulated resident calls from 127.0.0.1, so the per-address limit of public routes is raised.
  [gateway]="RATE_LIMIT_PUBLIC_BURST=2000 RATE_LIMIT_PUBLIC_PER_MINUTE=30000 $GATEWAY_UPSTREAMS"
  # Texts go to the simulator's fake SMS gateway; while it is not running they wait and are retried.
  # Residents' texted links open the residents' site the gateway serves at /m/.
  [request]="SMS_GATEWAY_URL=http://127.0.0.1:$SIM_SMS_PORT/sms NOTIFY_RETRY_MAX_MS=10000 RATING_LINK_BASE_URL=http://127.0.0.1:3000/m"
  [dispatch]=""
  # The units' simulated systems listen on loopback over plain http.
  [merchant]="WEBHOOK_ALLOW_LOCAL_HTTP=true WEBHOOK_SCHEDULE_SCALE=0.01"
  [volunteer]=""
  [rating]=""
)
if [[ $QUIET != 1 ]]; then
  # The simulated people act in seconds where real ones take minutes; the clocks follow.
  ENV_OF[dispatch]="DISPATCH_OFFER_TIMEOUT_MERCHANT_MS=20000 DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS=30000"
  ENV_OF[rating]="FOLLOW_UP_AFTER_SECONDS=120 FOLLOW_UP_POLL_MS=2000"
fi

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
  local name=$1 port=$2 number=$3
  # Each service logs in as its own role (deploy/local/postgres.sh); a password only where the server asks for one.
  local password_var="${name^^}_DB_PASSWORD"
  local log="$LOGS/$name.log"
  [[ $number == 1 ]] || log="$LOGS/$name.$number.log"
  # Each instance reads the signing keys from the gateway instance of its own number.
  local jwks="AUTH_JWKS_URL=http://127.0.0.1:$((3000 + 100 * (number - 1)))/.well-known/jwks.json"
  [[ $name != gateway ]] || jwks=""
  while true; do
    # A developer machine: development conveniences are opt-in, never the default.
    # shellcheck disable=SC2086 # ENV_OF holds space-separated NAME=value words
    env ${ENV_OF[$name]} $jwks DATABASE_PASSWORD=${!password_var:-} BANGBANG_DEV=1 SERVICE_NAME=$name PORT=$port node "dist/services/$name/src/main.js" >>"$log" 2>&1 &
    local child=$!
    trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
    wait $child || true
    echo "{\"level\":\"warn\",\"msg\":\"supervisor: $name #$number exited, restarting in 2 s\"}" >>"$log"
    sleep 2
  done
}

for entry in "${INSTANCE_LIST[@]}"; do
  IFS=: read -r name port number <<<"$entry"
  supervise "$name" "$port" "$number" &
  pids+=($!)
done

for entry in "${INSTANCE_LIST[@]}"; do
  IFS=: read -r name port number <<<"$entry"
  for _ in $(seq 1 $((120 * INSTANCES))); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "$name #$number did not become ready; see $LOGS/$name*.log" >&2; exit 1; }
  echo "ready: $name #$number on http://127.0.0.1:$port" >&2
done
# Services take calls before their consumers have joined; the seed's events need them consuming.
for entry in "${INSTANCE_LIST[@]}"; do
  IFS=: read -r name port number <<<"$entry"
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/consumers" >/dev/null && break
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/health/consumers" >/dev/null || { echo "$name #$number's consumers did not join; see $LOGS/$name*.log" >&2; exit 1; }
done

DATABASE_PASSWORD=${GATEWAY_DB_PASSWORD:-} node dist/deploy/seed/seed.js

if [[ $QUIET != 1 ]]; then
  # A gentle pace: a new request every three seconds or so, a simulated minute in a real second.
  node dist/deploy/simulator/main.js --rate "${SIM_RATE:-20}" >>"$LOGS/simulator.log" 2>&1 &
  pids+=($!)
  SIMULATING="  Simulated residents, units, volunteers and agents: $LOGS/simulator.log
  (npm start -- --quiet starts without them; npm run simulate -- --help for a run of your own)"
else
  SIMULATING="  Quiet: nothing happens until you act (npm run simulate -- --rate 30 --minutes 10 to bring it to life)"
fi

cat <<MSG

Bangbang is up.
  Console (sign in below):     http://127.0.0.1:3000/
  Residents' site (public):    http://127.0.0.1:3000/m/
  Volunteers' app:             http://127.0.0.1:3000/v/
  Gateway (one public entry):  http://127.0.0.1:3000
  Service logs:                $LOGS/<service>.log
$SIMULATING
Press Ctrl-C to stop.
MSG
wait
