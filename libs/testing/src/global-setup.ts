import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { dockerAnswers, startContainers } from './containers';

/**
 * Gives the tests a Kafka and a PostgreSQL: the ones named by KAFKA_BROKERS / DATABASE_URL, else
 * containers when a Docker engine answers, else the local broker and server started by the
 * project's own scripts. Workers inherit the resulting environment.
 */
export default async function globalSetup(): Promise<void> {
  const external = process.env.KAFKA_BROKERS && process.env.DATABASE_URL;
  if (!external && (await dockerAnswers())) {
    const started = await startContainers();
    process.env.KAFKA_BROKERS = started.kafkaBrokers;
    process.env.DATABASE_URL = started.databaseUrl;
    return;
  }
  execFileSync('bash', [join(__dirname, '../../../deploy/local/infra.sh'), 'up'], { stdio: 'inherit' });
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
}
