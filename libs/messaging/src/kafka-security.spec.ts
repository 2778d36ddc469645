import { loadConfig } from '@bangbang/observability';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKafka } from './kafka';
import { kafkaSecurity } from './kafka-security';
import { MessagingConfig } from './messaging.config';

const security = (env: NodeJS.ProcessEnv) => kafkaSecurity(loadConfig(MessagingConfig, env));

describe('Kafka connection security from the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');

  it('is plain TCP without any setting, as for the local broker', () => {
    expect(security({})).toEqual({});
  });

  it('passes SASL/SCRAM over TLS with a private CA through to kafkajs', () => {
    expect(
      security({
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'bangbang-request',
        KAFKA_SASL_PASSWORD: 's3cret',
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA: caFile,
      }),
    ).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'bangbang-request', password: 's3cret' },
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'], rejectUnauthorized: true },
    });
    expect(security({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
  });

  it('refuses incomplete or unsafe combinations at start-up, naming the variable', () => {
    expect(() => security({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'u' })).toThrow(/KAFKA_SASL_PASSWORD/);
    expect(() => security({ KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_USERNAME/);
    expect(() => security({ KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_MECHANISM/);
    expect(() => security({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SSL/);
    expect(() => security({ KAFKA_SSL_CA: caFile })).toThrow(/KAFKA_SSL_CA.*KAFKA_SSL=true/);
    expect(() => security({ KAFKA_SSL: 'true', KAFKA_SSL_CA: join(dir, 'missing.pem') })).toThrow(/KAFKA_SSL_CA/);
    expect(() => loadConfig(MessagingConfig, { KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM/);
  });

  it('is checked when the client is made, that is at start-up', () => {
    expect(() => createKafka(loadConfig(MessagingConfig, { KAFKA_SASL_MECHANISM: 'scram-sha-256' }), 'test')).toThrow(
      /KAFKA_SASL_USERNAME/,
    );
  });
});
