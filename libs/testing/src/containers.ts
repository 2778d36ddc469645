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

/** Starts what is asked for; the other of the pair comes from the environment. */
export async function startContainers(want: {
  kafka: boolean;
  postgres: boolean;
}): Promise<{ kafkaBrokers?: string; databaseUrl?: string }> {
  const [kafka, postgres] = await Promise.all([
    want.kafka ? new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start() : undefined,
    want.postgres ? new PostgreSqlContainer('postgres:15').start() : undefined,
  ]);
  holder[KEY] = [kafka, postgres].filter((c): c is NonNullable<typeof c> => c !== undefined);
  return {
    kafkaBrokers: kafka && `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    databaseUrl: postgres?.getConnectionUri(),
  };
}

export async function stopContainers(): Promise<void> {
  await Promise.all((holder[KEY] ?? []).map((c) => c.stop()));
  holder[KEY] = undefined;
}
