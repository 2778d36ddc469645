import { DataSource, DataSourceOptions, MigrationInterface, MixedList } from 'typeorm';
import { QueryLogger } from './query-logger';
import { serviceClient } from './service-client';

/** An entity class as TypeORM takes it; its constructor is never called by us. */
export type EntityClass = new (...args: never[]) => unknown;
export type MigrationClass = new () => MigrationInterface;

export interface ServiceDataSourceInput {
  url: string;
  entities: MixedList<EntityClass>;
  migrations: MixedList<MigrationClass>;
  poolSize?: number;
  /** Longest wait for a pooled connection; the pool's error then answers 503 (libs/platform). */
  poolWaitMs?: number;
  /** Statements each connection keeps prepared (`serviceClient`); none when 0. */
  preparedStatements?: number;
}

/** A statement slower than this is logged (without its parameters). */
const SLOW_QUERY_MS = 1_000;

/** Migrations create every table; `synchronize` stays off everywhere. */
export function dataSourceOptions(input: ServiceDataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: input.entities,
    migrations: input.migrations,
    synchronize: false,
    migrationsRun: false,
    logger: new QueryLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: SLOW_QUERY_MS,
    extra: {
      max: input.poolSize ?? 10,
      connectionTimeoutMillis: input.poolWaitMs ?? 3_000,
      Client: serviceClient(input.preparedStatements ?? 0),
    },
  };
}

const MIGRATION_LOCK = 727_001;

/** Several instances may start together; an advisory lock lets one of them migrate at a time. */
/** The URL a DataSource built by `dataSourceOptions` connects with: for a connection of one's own (LISTEN, a leader's lock). */
export function urlOf(ds: DataSource): string {
  return (ds.options as { url: string }).url;
}

export async function runMigrationsLocked(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
