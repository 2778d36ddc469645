import { databaseUrlFor, serverUrl, serverUser } from '@bangbang/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const uniqueId = (prefix: string): string => `${prefix}_${randomBytes(4).toString('hex')}`;

export function kafkaBrokers(): string {
  return process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
}

async function onServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database of its own for one test file, so tests never see each other's rows. */
export async function createTestDatabase(prefix = 'bangbang_t'): Promise<TestDatabase> {
  const name = uniqueId(prefix);
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  const url = databaseUrlFor('unused', { DATABASE_URL: serverUrl(), DATABASE_NAME: name, DATABASE_USER: serverUser() });
  return {
    name,
    url,
    drop: () => onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** The environment one in-process service instance runs with under test. */
export function serviceEnv(db: TestDatabase, topicPrefix: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: serverUrl(),
    DATABASE_NAME: db.name,
    // Throwaway databases are the admin's; the services' own roles are tested on their own.
    DATABASE_USER: serverUser(),
    KAFKA_BROKERS: kafkaBrokers(),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    // Development conveniences (e.g. the merchant's development sealing key) are opt-in.
    BANGBANG_DEV: '1',
    // Quiet by default: failing tests say what broke; TEST_LOG_LEVEL=debug shows the services' logs.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
    CONSUMER_RETRY_INITIAL_MS: '20',
    CONSUMER_RETRY_MAX_MS: '100',
    CONSUMER_SESSION_TIMEOUT_MS: '6000',
    CONSUMER_HEARTBEAT_MS: '1000',
    ...extra,
  };
}
