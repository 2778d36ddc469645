import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { EntityRows } from './entity-rows';

@Entity('sample')
class Sample {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ type: 'jsonb' }) tags: string[];
  @Column({ type: 'jsonb' }) answers: Record<string, string>;
  @Column({ name: 'seen_at', type: 'timestamptz', nullable: true }) seenAt: Date | null;
  @Column({ type: 'int' }) visits: number;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'boolean', nullable: true }) solved: boolean | null;
  @Column({ type: 'bigint' }) total: string;
}

const ID = '3f0c6f4e-7d1a-4a36-9a39-1f3b1d5b2c01';

describe('an entity row read under its lock and written back', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions({ url: db.url, entities: [Sample], migrations: [], poolSize: 4 })).initialize();
    await ds.query(`CREATE TABLE sample (id uuid PRIMARY KEY, display_name text NOT NULL, tags jsonb NOT NULL, answers jsonb NOT NULL,
      seen_at timestamptz, visits int NOT NULL, lat double precision, solved boolean, total bigint NOT NULL)`);
  });
  beforeEach(async () => {
    await ds.query('TRUNCATE sample');
    await ds.manager.insert(Sample, {
      id: ID,
      displayName: '王阿姨',
      tags: ['老人', '独居'],
      answers: { floor: '3' },
      seenAt: new Date('2026-11-28T06:30:00.123Z'),
      visits: 2,
      lat: 31.2304,
      solved: null,
      total: '9007199254740993',
    });
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads what TypeORM reads, as an instance of the entity', async () => {
    const expected = await ds.manager.findOneByOrFail(Sample, { id: ID });
    const read = await ds.transaction((m) => EntityRows.of(m, Sample).lock(m, { id: ID }));
    expect(read).toBeInstanceOf(Sample);
    expect(read).toEqual(expected);
    expect(await ds.transaction((m) => EntityRows.of(m, Sample).lock(m, { id: '00000000-0000-4000-8000-000000000000' }))).toBeNull();
  });

  it('holds the row until its transaction ends', async () => {
    await ds.transaction(async (m) => {
      await EntityRows.of(m, Sample).lock(m, { id: ID });
      await expect(ds.query('SELECT 1 FROM sample WHERE id = $1 FOR UPDATE NOWAIT', [ID])).rejects.toMatchObject({ code: '55P03' });
    });
    await expect(ds.query('SELECT 1 FROM sample WHERE id = $1 FOR UPDATE NOWAIT', [ID])).resolves.toHaveLength(1);
  });

  it('writes the given columns as TypeORM would and leaves the rest', async () => {
    const seenAt = new Date('2026-11-28T07:00:00.456Z');
    await ds.transaction((m) =>
      EntityRows.of(m, Sample).update(
        m,
        { id: ID },
        { tags: ['康复'], answers: { floor: '4', lift: '无' }, seenAt, lat: null, solved: true },
      ),
    );
    expect(await ds.manager.findOneByOrFail(Sample, { id: ID })).toEqual({
      id: ID,
      displayName: '王阿姨',
      tags: ['康复'],
      answers: { floor: '4', lift: '无' },
      seenAt,
      visits: 2,
      lat: null,
      solved: true,
      total: '9007199254740993',
    });
  });

  it('runs a preceding statement in the same one, its placeholders first', async () => {
    await ds.query('CREATE TABLE IF NOT EXISTS sample_note (id uuid NOT NULL, note text NOT NULL)');
    await ds.transaction((m) =>
      EntityRows.of(m, Sample).update(
        m,
        { id: ID },
        { visits: 3 },
        { sql: 'WITH noted AS (INSERT INTO sample_note (id, note) VALUES ($1, $2))', values: [ID, '回访'] },
      ),
    );
    expect(await ds.query('SELECT note FROM sample_note WHERE id = $1', [ID])).toEqual([{ note: '回访' }]);
    expect((await ds.manager.findOneByOrFail(Sample, { id: ID })).visits).toBe(3);
  });

  it('refuses an update that names no column', async () => {
    await expect(ds.transaction((m) => EntityRows.of(m, Sample).update(m, { id: ID }, {}))).rejects.toThrow(
      'no column of Sample to update',
    );
  });
});
