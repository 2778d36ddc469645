import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { OrgUnitCopy1764000000010 } from '@bangbang/platform';
import { dataSourceOptions, runMigrationsLocked } from '@bangbang/persistence';
import { createTestDatabase } from '@bangbang/testing';
import { DataSource } from 'typeorm';
import { RATING_MIGRATIONS } from '../src/migrations';

/** A database with the rating service's tables and no service: for the figures' code alone. */
export async function figuresDatabase(): Promise<{ ds: DataSource; close: () => Promise<void> }> {
  const db = await createTestDatabase();
  const ds = await new DataSource(
    dataSourceOptions({
      url: db.url,
      entities: [],
      migrations: [MessagingTables1764000000000, OrgUnitCopy1764000000010, ...RATING_MIGRATIONS],
    }),
  ).initialize();
  await runMigrationsLocked(ds);
  return {
    ds,
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}
