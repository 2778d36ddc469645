import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

describe('a pool that keeps statements prepared', () => {
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
});
