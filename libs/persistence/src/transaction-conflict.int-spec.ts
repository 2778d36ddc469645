import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { isTransactionConflict, LostConflict, transactionRetryingConflicts } from './transaction-conflict';

describe('transactions that lose a lock conflict', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions({ url: db.url, entities: [], migrations: [], poolSize: 4 })).initialize();
    await ds.query('CREATE TABLE pair (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)');
    await ds.query('INSERT INTO pair (id) VALUES (1), (2)');
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Two transactions that lock the two rows in opposite orders, each waiting for the other's first lock. */
  async function crossed(run: (work: (m: EntityManager) => Promise<void>) => Promise<void>): Promise<PromiseSettledResult<void>[]> {
    let firstLocks = 0;
    let bothLocked!: () => void;
    const both = new Promise<void>((resolve) => (bothLocked = resolve));
    const lockInOrder = (a: number, b: number) => async (m: EntityManager) => {
      await m.query('UPDATE pair SET n = n + 1 WHERE id = $1', [a]);
      if (++firstLocks === 2) bothLocked();
      await both;
      await m.query('UPDATE pair SET n = n + 1 WHERE id = $1', [b]);
    };
    return Promise.allSettled([run(lockInOrder(1, 2)), run(lockInOrder(2, 1))]);
  }

  it('are told apart from other failures', async () => {
    const results = await crossed((work) => ds.transaction(work));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(isTransactionConflict(failed[0].reason)).toBe(true);
    expect(isTransactionConflict(await ds.query('SELECT 1/0').catch((e: unknown) => e))).toBe(false);
    expect(isTransactionConflict(new LostConflict('beaten at commit'))).toBe(true);
  });

  it('are run again until they commit, each exactly once', async () => {
    const [{ before }] = await ds.query('SELECT sum(n)::int AS before FROM pair');
    const results = await crossed((work) => transactionRetryingConflicts(ds, work));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [{ after }] = await ds.query('SELECT sum(n)::int AS after FROM pair');
    expect(after - before).toBe(4);
  });
});
