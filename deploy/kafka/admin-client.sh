#!/bin/sh
# Writes the admin's client settings for the Kafka CLI tools (healthcheck, ACLs) from ADMIN_PASSWORD.
umask 077
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
ssl.truststore.type=PEM
ssl.truststore.location=/etc/kafka/certs/ca.pem
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$ADMIN_PASSWORD";
PROPS
