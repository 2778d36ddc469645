import { KafkaContainer, StartedKafkaContainer } from '@testcontainers/kafka';
import { PostgreSqlContainer, StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { getContainerRuntimeClient } from 'testcontainers';

type Started = StartedKafkaContainer | StartedPostgreSqlContainer;
const KEY = Symbol.for('bangbang.testcontainers');
const holder = globalThis as unknown as Record<symbol, Started[] | undefined>;

export async function dockerAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function startContainers(): Promise<{ kafkaBrokers: string; databaseUrl: string }> {
  const [kafka, postgres] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new PostgreSqlContainer('postgres:15').start(),
  ]);
  holder[KEY] = [kafka, postgres];
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    databaseUrl: postgres.getConnectionUri(),
  };
}

export async function stopContainers(): Promise<void> {
  await Promise.all((holder[KEY] ?? []).map((c) => c.stop()));
  holder[KEY] = undefined;
}
