#!/usr/bin/env bash
# Per-service Kafka ACLs: who may produce to which topic, read which, and use which group.
# Run once against a broker with an authorizer (docker-compose.secure.yml runs it as the
# kafka-acls one-shot container). Idempotent: adding an existing ACL changes nothing.
#
#   BOOTSTRAP=kafka:9092 COMMAND_CONFIG=/tmp/admin.properties [KAFKA_TOPIC_PREFIX=...] acls.sh
#
# A service writes its own topic (the outbox relay) and the dead-letter topics of what it
# consumes; it reads the topics it consumes, in its own consumer group. It may create those
# topics (services create what they use at start-up) but nothing else. Housekeeping reads the
# retention of the topics it consumes (DescribeConfigs). The gateway also browses every dead-letter
# topic in throwaway groups and redrives records to their source topic (GET/POST /admin/dead-letters).
set -euo pipefail
P=${KAFKA_TOPIC_PREFIX:-}
ACLS=${KAFKA_ACLS:-/opt/kafka/bin/kafka-acls.sh}

# service  produces-to  consumes (from libs/contracts and the services' @OnEvent handlers)
RULES=(
  "gateway   bangbang.directory  bangbang.directory bangbang.request bangbang.dispatch bangbang.merchant bangbang.volunteer bangbang.rating"
  "request   bangbang.request    bangbang.directory bangbang.dispatch bangbang.rating bangbang.telephony"
  "dispatch  bangbang.dispatch   bangbang.directory bangbang.request bangbang.merchant bangbang.volunteer bangbang.rating"
  "merchant  bangbang.merchant   bangbang.directory bangbang.request bangbang.dispatch bangbang.rating"
  "volunteer bangbang.volunteer  bangbang.directory bangbang.request bangbang.dispatch bangbang.rating"
  "rating    bangbang.rating     bangbang.directory bangbang.request bangbang.dispatch bangbang.rating"
)

acl() { "$ACLS" --bootstrap-server "$BOOTSTRAP" --command-config "$COMMAND_CONFIG" --add --force "$@" >/dev/null; }

for rule in "${RULES[@]}"; do
  read -r service produces consumes <<<"$rule"
  user="User:$service"
  acl --allow-principal "$user" --operation Write --operation Describe --operation Create --topic "$P$produces"
  acl --allow-principal "$user" --operation Create --operation Describe --topic "$P$produces.dlq"
  for topic in $consumes; do
    acl --allow-principal "$user" --operation Read --operation Describe --operation DescribeConfigs --operation Create --topic "$P$topic"
    acl --allow-principal "$user" --operation Write --operation Describe --operation Create --topic "$P$topic.dlq"
  done
  acl --allow-principal "$user" --operation Read --group "$P$service"
  echo "kafka-acls: $service writes $P$produces, reads $consumes"
done

# The gateway also takes the PBX's reports (bangbang.telephony), and redrives to every source topic.
acl --allow-principal User:gateway --operation Write --operation Describe --operation Create --topic "${P}bangbang.telephony"
acl --allow-principal User:gateway --operation Create --operation Describe --topic "${P}bangbang.telephony.dlq"
for topic in bangbang.directory bangbang.request bangbang.dispatch bangbang.merchant bangbang.volunteer bangbang.rating bangbang.telephony; do
  acl --allow-principal User:gateway --operation Write --operation Describe --topic "$P$topic"
  acl --allow-principal User:gateway --operation Read --operation Describe --topic "$P$topic.dlq"
done
acl --allow-principal User:gateway --operation Read --operation Delete --resource-pattern-type prefixed --group "${P}dead-letter-reader-"
echo "kafka-acls: gateway reads every dead-letter topic and redrives to its source topic"
