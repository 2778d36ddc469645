import { ConfigError } from '@bangbang/observability';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import { readFileSync } from 'node:fs';
import { MessagingConfig } from './messaging.config';

/**
 * How a service authenticates to the brokers and encrypts the connection: SASL (PLAIN or SCRAM)
 * with the service's own Kafka user, so that the brokers' ACLs decide which topics it may write
 * and read, and TLS. Half a setting is refused rather than silently ignored, and PLAIN, which
 * sends the password itself, only goes over TLS.
 */
export function kafkaSecurity(config: MessagingConfig): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const problems: string[] = [];
  const mechanism = config.KAFKA_SASL_MECHANISM;
  if (mechanism) {
    if (!config.KAFKA_SASL_USERNAME) problems.push(`KAFKA_SASL_USERNAME: required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (!config.KAFKA_SASL_PASSWORD) problems.push(`KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM=${mechanism}`);
    if (mechanism === 'plain' && !config.KAFKA_SSL)
      problems.push('KAFKA_SASL_MECHANISM: plain sends the password in clear; it needs KAFKA_SSL=true');
  } else if (config.KAFKA_SASL_USERNAME || config.KAFKA_SASL_PASSWORD) {
    problems.push('KAFKA_SASL_MECHANISM: required with KAFKA_SASL_USERNAME/KAFKA_SASL_PASSWORD');
  }
  let ca: string | undefined;
  if (config.KAFKA_SSL_CA) {
    if (!config.KAFKA_SSL) problems.push('KAFKA_SSL_CA: only used with KAFKA_SSL=true');
    try {
      ca = readFileSync(config.KAFKA_SSL_CA, 'utf8');
    } catch (err) {
      problems.push(`KAFKA_SSL_CA: cannot read ${config.KAFKA_SSL_CA} (${(err as NodeJS.ErrnoException).code})`);
    }
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);

  const security: Pick<KafkaConfig, 'sasl' | 'ssl'> = {};
  if (mechanism) security.sasl = { mechanism, username: config.KAFKA_SASL_USERNAME, password: config.KAFKA_SASL_PASSWORD } as SASLOptions;
  if (config.KAFKA_SSL) security.ssl = ca ? { ca: [ca], rejectUnauthorized: true } : true;
  return security;
}
