import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource, EntityManager } from 'typeorm';
import { MessagingTables1764000000000, writeToOutbox } from '../src';
import { Ping } from './ping.contract';

describe('events written to the outbox', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url, migrations: [MessagingTables1764000000000] }).initialize();
    await ds.runMigrations();
  });
  beforeEach(() => ds.query('TRUNCATE outbox'));
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const ping = (m: EntityManager, subject: string, n: number) => writeToOutbox(m, Ping, { subject, data: { n } });
  const stored = async () =>
    ((await ds.query('SELECT key, payload FROM outbox ORDER BY seq')) as { key: string; payload: string }[]).map(
      (r) => `${r.key}:${(JSON.parse(r.payload) as { n: number }).n}`,
    );

  it('are stored when their transaction commits, in the order they were written', async () => {
    const written = await ds.transaction(async (m) => [await ping(m, 'b', 1), await ping(m, 'a', 2), await ping(m, 'b', 3)]);
    expect(await stored()).toEqual(['b:1', 'a:2', 'b:3']);
    const [{ ids }] = await ds.query('SELECT array_agg(id::text ORDER BY seq) AS ids FROM outbox');
    expect(ids).toEqual(written.map((e) => e.id));
  });

  it('are not stored when their transaction rolls back', async () => {
    await expect(
      ds.transaction(async (m) => {
        await ping(m, 'a', 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await ds.transaction((m) => ping(m, 'a', 2));
    expect(await stored()).toEqual(['a:2']);
  });

  it('go with a nested transaction: kept when it commits, dropped when it rolls back, the outer ones kept', async () => {
    await ds.transaction(async (m) => {
      await ping(m, 'a', 1);
      await m.transaction((inner) => ping(inner, 'a', 2));
      await expect(
        m.transaction(async (inner) => {
          await ping(inner, 'a', 3);
          throw new Error('the inner change failed');
        }),
      ).rejects.toThrow('the inner change failed');
      await ping(m, 'a', 4);
    });
    expect(await stored()).toEqual(['a:1', 'a:2', 'a:4']);
  });

  it('of two aggregates, written in opposite orders by two transactions at once, do not deadlock them', async () => {
    let firsts = 0;
    let bothWrote!: () => void;
    const both = new Promise<void>((resolve) => (bothWrote = resolve));
    const writeInOrder = (first: string, second: string, n: number) =>
      ds.transaction(async (m) => {
        await ping(m, first, n);
        if (++firsts === 2) bothWrote();
        await both;
        await ping(m, second, n);
      });
    const results = await Promise.allSettled([writeInOrder('a', 'b', 1), writeInOrder('b', 'a', 2)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await stored()).sort()).toEqual(['a:1', 'a:2', 'b:1', 'b:2']);
  });
});
