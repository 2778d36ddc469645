#!/usr/bin/env bash
# Single-node Kafka (KRaft) for local dev/CI on machines without Docker.
# The broker jars come from Maven Central, so only Java 17 + Maven are needed.
#
#   deploy/local/kafka.sh start|stop|status|classpath
#
# `classpath` prints the broker's Java classpath (resolved once, then cached): the chaos run starts
# a broker of its own from it, on its own ports and data, to kill.
#
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), BANGBANG_STATE_DIR
# (<repo>/.local), KAFKA_START_TIMEOUT (90 s). If KAFKA_BROKERS is set, `start`
# assumes an external broker and does nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${BANGBANG_STATE_DIR:-$ROOT/.local}/kafka
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
TIMEOUT=${KAFKA_START_TIMEOUT:-90}
HOST=127.0.0.1
POM=$ROOT/deploy/local/kafka/pom.xml
PIDFILE=$STATE/kafka.pid
CPFILE=$STATE/classpath.txt
LOGDIR=$STATE/logs
LOG=$LOGDIR/server.log
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

log() { echo "kafka: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Only trust the pid file if it still points at *our* broker: pids get reused.
running_pid() {
  [[ -f $PIDFILE ]] || return 1
  local pid; pid=$(<"$PIDFILE")
  if [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF "kafka.Kafka $STATE/server.properties"; then
    echo "$pid"
  else
    log "removing stale pid file ($pid)"; rm -f "$PIDFILE"; return 1
  fi
}

# Maven is slow-ish and may be offline later, so resolve once and cache. The
# cache is keyed on the pom and dropped if ~/.m2 lost a jar.
classpath() {
  local key; key=$(sha256sum "$POM" | cut -d' ' -f1)
  if [[ -f $CPFILE && -f $CPFILE.key && $(<"$CPFILE.key") == "$key" ]]; then
    local cp jar jars ok=1; cp=$(<"$CPFILE")
    IFS=: read -ra jars <<<"$cp"
    for jar in "${jars[@]}"; do [[ -f $jar ]] || { ok=0; break; }; done
    if ((ok)); then echo "$cp"; return; fi
  fi
  log "resolving Kafka jars with Maven (first run only)"
  mvn -q -B -f "$POM" dependency:build-classpath -Dmdep.outputFile="$CPFILE.tmp" \
    </dev/null >"$LOGDIR/maven.log" 2>&1 || { cat "$LOGDIR/maven.log" >&2; exit 1; }
  mv "$CPFILE.tmp" "$CPFILE"; echo "$key" >"$CPFILE.key"
  cat "$CPFILE"
}

# Regenerated on every start so port changes take effect; data stays put.
write_config() {
  cat >"$STATE/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$STATE/data
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
# Services must declare their topics; typos should fail, not create topics.
auto.create.topics.enable=false
EOF
  cat >"$STATE/log4j.properties" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$LOG
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

fail_with_log() {
  log "$1"
  tail -n 40 "$LOG" "$LOGDIR/stdout.log" >&2 2>/dev/null || true
  exit 1
}

start() {
  if [[ -n ${KAFKA_BROKERS:-} ]]; then
    log "KAFKA_BROKERS=$KAFKA_BROKERS is set: using that external broker, not starting one"
    return
  fi
  mkdir -p "$STATE/data" "$LOGDIR"
  local pid
  if pid=$(running_pid); then
    port_open "$PORT" || fail_with_log "broker pid $pid is alive but $HOST:$PORT does not answer"
    log "already running (pid $pid)"; echo "kafka ready on $HOST:$PORT"; return
  fi
  if port_open "$PORT"; then log "$HOST:$PORT is taken by another process"; exit 1; fi

  local cp; cp=$(classpath)
  write_config
  if [[ ! -f $STATE/data/meta.properties ]]; then
    # Kafka cluster ids are 16 random bytes, base64url without padding.
    local id; id=$(head -c 16 /dev/urandom | base64 | tr -d '=' | tr '+/' '-_')
    id=${id/#-/A} # a leading '-' would be parsed as an option
    log "formatting storage (cluster id $id)"
    "$JAVA" -cp "$cp" -Dlog4j.configuration="file:$STATE/log4j.properties" \
      kafka.tools.StorageTool format -t "$id" -c "$STATE/server.properties" >"$LOGDIR/format.log" 2>&1 \
      || { cat "$LOGDIR/format.log" >&2; exit 1; }
  fi

  # Fresh log per run so the readiness grep cannot match a previous start.
  [[ -f $LOG ]] && mv "$LOG" "$LOG.prev"
  # setsid+nohup: the broker must outlive this shell and its terminal/CI step.
  setsid nohup "$JAVA" -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$STATE/log4j.properties" -Dkafka.logs.dir="$LOGDIR" \
    -cp "$cp" kafka.Kafka "$STATE/server.properties" \
    </dev/null >"$LOGDIR/stdout.log" 2>&1 &
  pid=$!
  echo "$pid" >"$PIDFILE"

  local deadline=$((SECONDS + TIMEOUT))
  until grep -q "Kafka Server started" "$LOG" 2>/dev/null && port_open "$PORT"; do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; fail_with_log "broker exited during startup"; }
    ((SECONDS < deadline)) || { stop >/dev/null 2>&1 || true; fail_with_log "broker not ready after ${TIMEOUT}s"; }
    sleep 0.5
  done
  echo "kafka ready on $HOST:$PORT"
}

stop() {
  local pid
  if ! pid=$(running_pid); then log "not running"; return; fi
  kill -TERM "$pid"
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; log "stopped (pid $pid)"; return; }
    sleep 0.5
  done
  log "no exit after 30s, sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

status() {
  local pid
  if pid=$(running_pid) && port_open "$PORT"; then
    echo "kafka running (pid $pid) on $HOST:$PORT"
  else
    echo "kafka not running"; return 1
  fi
}

case ${1:-} in
  start | stop | status) "$1" ;;
  classpath) mkdir -p "$LOGDIR" && classpath ;;
  *) echo "usage: $0 start|stop|status|classpath" >&2; exit 2 ;;
esac
