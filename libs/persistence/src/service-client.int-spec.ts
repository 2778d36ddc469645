import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { planEachRun } from './service-client';

describe("the services' pg client", () => {
  let db: TestDatabase;
  const sources: DataSource[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(sources.map((ds) => ds.destroy()));
    await db?.drop();
  });

  /** One connection, so what the test runs and what it reads of pg_prepared_statements share a session. */
  async function pool(preparedStatements?: number): Promise<DataSource> {
    const ds = await new DataSource(
      dataSourceOptions({ url: db.url, entities: [], migrations: [], poolSize: 1, preparedStatements }),
    ).initialize();
    sources.push(ds);
    return ds;
  }

  const prepared = async (ds: DataSource) =>
    (await ds.query<Array<{ name: string; statement: string }>>('SELECT name, statement FROM pg_prepared_statements ORDER BY name')).map(
      (s) => s.statement,
    );

  it('prepares a statement the second time it runs, and answers the same', async () => {
    const ds = await pool(8);
    const text = 'SELECT $1::int + 1 AS n';
    expect(await ds.query(text, [1])).toEqual([{ n: 2 }]);
    expect(await prepared(ds)).toEqual([]);
    expect(await ds.query(text, [2])).toEqual([{ n: 3 }]);
    expect(await ds.query(text, [3])).toEqual([{ n: 4 }]);
    expect(await prepared(ds)).toEqual([text]);
  });

  it('keeps at most as many statements as it is allowed on a connection', async () => {
    const ds = await pool(2);
    const texts = ['SELECT $1::int AS a', 'SELECT $1::int AS b', 'SELECT $1::int AS c'];
    for (const text of [...texts, ...texts]) await ds.query(text, [1]);
    expect(await prepared(ds)).toEqual(texts.slice(0, 2));
    expect(await ds.query(texts[2], [7])).toEqual([{ c: 7 }]);
  });

  it('prepares nothing when told 0, as for a pooler in transaction mode', async () => {
    const ds = await pool(0);
    for (let i = 0; i < 3; i++) await ds.query('SELECT $1::int AS d', [i]);
    expect(await prepared(ds)).toEqual([]);
  });

  it('plans a statement marked to be planned on every run for the table as it is, where a prepared one keeps its first plan', async () => {
    const ds = await pool(8);
    // Analyzed while small, then grown before its next analysis (never, without autovacuum).
    await ds.query('CREATE TABLE parcel (id int PRIMARY KEY, note text) WITH (autovacuum_enabled = false)');
    await ds.query('INSERT INTO parcel SELECT g, NULL FROM generate_series(1, 10) g');
    await ds.query('ANALYZE parcel');
    const marked = planEachRun('UPDATE parcel SET note = $2 WHERE id = ANY($1)');
    const unmarked = 'UPDATE parcel SET note = $2 WHERE id = ANY($1) AND true';
    const ids = [1, 2, 3, 4, 5, 6, 7, 8];
    for (let i = 0; i < 8; i++) for (const text of [marked, unmarked]) await ds.query(text, [ids, `run ${i}`]);
    expect(await prepared(ds)).toEqual([unmarked]);

    await ds.query('INSERT INTO parcel SELECT g, NULL FROM generate_series(11, 100000) g');
    // The session's counts not yet reported to the server's statistics, read before and after the statement.
    const counts = async (m: EntityManager) =>
      (
        await m.query<[{ seq: number; idx: number }]>(
          "SELECT seq_scan::int AS seq, idx_scan::int AS idx FROM pg_stat_xact_user_tables WHERE relname = 'parcel'",
        )
      )[0];
    const scans = (text: string) =>
      ds.transaction(async (m) => {
        const before = await counts(m);
        await m.query(text, [ids, 'grown']);
        const after = await counts(m);
        return { seq: after.seq - before.seq, idx: after.idx - before.idx };
      });
    const [planned, kept] = [await scans(marked), await scans(unmarked)];
    expect(planned.seq).toBe(0);
    expect(planned.idx).toBeGreaterThan(0);
    expect(kept).toEqual({ seq: 1, idx: 0 });
    expect(await prepared(ds)).toEqual([unmarked]);
  });

  it('after a migration added a column under a prepared SELECT *, fails that one call and prepares the text anew', async () => {
    const ds = await pool(8);
    await ds.query('CREATE TABLE widget (id int PRIMARY KEY)');
    await ds.query('INSERT INTO widget VALUES (1)');
    const text = 'SELECT * FROM widget WHERE id = $1';
    await ds.query(text, [1]);
    expect(await ds.query(text, [1])).toEqual([{ id: 1 }]);
    await ds.query('ALTER TABLE widget ADD COLUMN colour text');
    await expect(ds.query(text, [1])).rejects.toMatchObject({ driverError: { code: '0A000' } });
    expect(await ds.query(text, [1])).toEqual([{ id: 1, colour: null }]);
    expect(await ds.query(text, [1])).toEqual([{ id: 1, colour: null }]);
    expect(await prepared(ds)).toEqual([text, text]);
  });

  describe("sends a transaction's BEGIN with its first statement", () => {
    let ds: DataSource;
    beforeAll(async () => {
      ds = await pool(8);
      await ds.query('CREATE TABLE note (id int PRIMARY KEY)');
    });

    const txid = async (m: EntityManager | DataSource, n = 0) =>
      (await m.query<[{ t: string }]>('SELECT txid_current()::text AS t, $1::int AS n', [n]))[0].t;

    /** The answers the server finished (ReadyForQuery): one per round trip. */
    async function roundTrips(work: (m: EntityManager) => Promise<unknown>): Promise<number> {
      const runner = ds.createQueryRunner();
      await runner.connect();
      const wire = (runner as unknown as { databaseConnection: { connection: NodeJS.EventEmitter } }).databaseConnection.connection;
      let answers = 0;
      const count = () => answers++;
      wire.on('readyForQuery', count);
      try {
        await runner.startTransaction();
        await work(runner.manager);
        await runner.commitTransaction();
      } finally {
        wire.off('readyForQuery', count);
        await runner.release();
      }
      return answers;
    }

    it('in one round trip, and the statements after it run in that transaction', async () => {
      let inside: string[] = [];
      expect(
        await roundTrips(async (m) => {
          inside = [await txid(m, 1), await txid(m, 2)];
        }),
      ).toBe(3);
      expect(inside[0]).toBe(inside[1]);
      expect(await txid(ds)).not.toBe(await txid(ds));
      // A first statement without parameters goes on its own, behind a BEGIN of its own.
      expect(await roundTrips((m) => m.query('SELECT 1'))).toBe(3);
    });

    it('undoes the transaction when a later statement fails, and when the first one does', async () => {
      await expect(
        ds.transaction(async (m) => {
          await m.query('INSERT INTO note VALUES ($1)', [1]);
          await m.query('SELECT 1 / $1::int', [0]);
        }),
      ).rejects.toThrow(/division by zero/);
      await expect(ds.transaction((m) => m.query('INSERT INTO note VALUES ($1), ($1)', [2]))).rejects.toThrow(/duplicate key/);
      expect(await ds.query('SELECT count(*)::int AS n FROM note')).toEqual([{ n: 0 }]);
      expect(await txid(ds)).not.toBe(await txid(ds));
    });

    it('ends a transaction that ran nothing without a round trip', async () => {
      expect(await roundTrips(async () => undefined)).toBe(0);
      expect(await txid(ds)).not.toBe(await txid(ds));
    });

    it('prepares a statement that first runs behind a BEGIN, and parses again one that failed to parse there', async () => {
      const text = 'SELECT $1::int * 2 AS n';
      await ds.query(text, [1]);
      expect(await ds.transaction((m) => m.query(text, [2]))).toEqual([{ n: 4 }]);
      expect(await prepared(ds)).toContain(text);
      const broken = 'SELECT $1::int FROM nowhere_at_all';
      for (let i = 0; i < 3; i++) {
        await expect(ds.transaction((m) => m.query(broken, [i]))).rejects.toMatchObject({ driverError: { code: '42P01' } });
      }
    });
  });
});
