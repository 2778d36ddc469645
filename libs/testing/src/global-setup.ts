import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { dockerAnswers, startContainers } from './containers';

/**
 * Gives the tests a Kafka and a PostgreSQL: the ones named by KAFKA_BROKERS / DATABASE_URL, else
 * containers when a Docker engine answers, else the local broker and server started by the
 * project's own scripts. Workers inherit the resulting environment. `npm run test:unit` sets
 * BANGBANG_UNIT_ONLY: pure-logic tests need none of it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.BANGBANG_UNIT_ONLY === '1') return;
  const needKafka = !process.env.KAFKA_BROKERS;
  const needPostgres = !process.env.DATABASE_URL;
  if ((needKafka || needPostgres) && (await dockerAnswers())) {
    const started = await startContainers({ kafka: needKafka, postgres: needPostgres });
    process.env.KAFKA_BROKERS ??= started.kafkaBrokers;
    process.env.DATABASE_URL ??= started.databaseUrl;
    return;
  }
  execFileSync('bash', [join(__dirname, '../../../deploy/local/infra.sh'), 'up'], { stdio: 'inherit' });
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
}
