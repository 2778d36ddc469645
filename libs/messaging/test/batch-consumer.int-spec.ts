import {
  createTestDatabase,
  groupLag,
  readTopic,
  serviceEnv,
  startTestApp,
  TestDatabase,
  testKafka,
  uniqueId,
  waitFor,
} from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AFTER_COMMIT, AfterCommitReadings, pingService } from './ping.app';
import { Ping } from './ping.contract';
import { createPingTopic, producePingEvents, producePings } from './ping-producer';

const KEYS = 6;
const PER_KEY = 100;
const POISON_KEY_EVENTS = 20;

/** The n of each key's effects in the order they were written. */
async function effectsByKey(ds: DataSource): Promise<Map<string, number[]>> {
  const rows: Array<{ n: number }> = await ds.query('SELECT n FROM ping_effect ORDER BY id');
  const byKey = new Map<string, number[]>();
  for (const { n } of rows) {
    const key = n >= 10_000 ? 'poisoned' : `k${n % KEYS}`;
    byKey.set(key, [...(byKey.get(key) ?? []), n]);
  }
  return byKey;
}

describe('batch consumption', () => {
  const prefix = `${uniqueId('t')}.`;
  const topic = `${prefix}${Ping.topic}`;
  const group = `${prefix}pingtest`;
  // Small chunks, so the backlog below crosses many of them within each fetched batch.
  const env = (db: TestDatabase) =>
    serviceEnv(db, prefix, { CONSUMER_BATCH_SIZE: '40', CONSUMER_MAX_ATTEMPTS: '2', PING_READ_AFTER_COMMIT: '1' });
  let db: TestDatabase;
  let app: NestFastifyApplication | undefined;
  let ds: DataSource;
  const poisonN = 10_000 + POISON_KEY_EVENTS / 2;

  beforeAll(async () => {
    db = await createTestDatabase();
    await createPingTopic(prefix);
    // A backlog before the consumer starts: its first fetches bring large batches.
    await producePings(prefix, [
      ...Array.from({ length: KEYS * PER_KEY }, (_, n) => ({ key: `k${n % KEYS}`, data: { n } })),
      ...Array.from({ length: POISON_KEY_EVENTS }, (_, i) => ({
        key: 'poisoned',
        data: 10_000 + i === poisonN ? { n: 10_000 + i, mode: 'poison' } : { n: 10_000 + i },
      })),
    ]);
    app = await startTestApp(pingService, env(db));
    ds = app.get(DataSource);
    await waitFor(async () => (await groupLag(group, topic)) === 0, { timeoutMs: 90_000, what: 'the backlog to be consumed' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('applies a backlog in shared transactions, each event once and each key in order', async () => {
    const byKey = await effectsByKey(ds);
    for (let k = 0; k < KEYS; k++) {
      expect(byKey.get(`k${k}`)).toEqual(Array.from({ length: PER_KEY }, (_, i) => i * KEYS + k));
    }
    const [inbox] = await ds.query(
      `SELECT count(*)::int AS rows, count(DISTINCT xmin::text)::int AS transactions FROM inbox WHERE event_type = $1`,
      [Ping.type],
    );
    expect(inbox.rows).toBe(KEYS * PER_KEY + POISON_KEY_EVENTS);
    // Rows written by one transaction share its xmin: far fewer transactions than events.
    expect(inbox.transactions).toBeLessThanOrEqual(inbox.rows / 4);
  });

  it('tells each handler whether other events share its transaction', async () => {
    const transactions: Array<{ effects: number; in_chunk: boolean[] }> = await ds.query(
      'SELECT count(*)::int AS effects, array_agg(DISTINCT in_chunk) AS in_chunk FROM ping_effect GROUP BY xmin::text',
    );
    // The backlog holds no repeats, so a transaction of several events wrote several effects.
    for (const t of transactions) expect(t.in_chunk).toEqual([t.effects > 1]);
    // The poisoned chunk's events were applied again one at a time.
    expect(transactions.some((t) => t.effects === 1)).toBe(true);
  });

  it('runs what a handler asks for after commit once per event applied, after its commit, and never for a rolled-back chunk', async () => {
    const readings = await Promise.all(app!.get<AfterCommitReadings>(AFTER_COMMIT));
    expect(readings.every((r) => r.visible)).toBe(true);
    const effects: Array<{ n: number }> = await ds.query('SELECT n FROM ping_effect ORDER BY n');
    // The poisoned chunk rolled back before its events were applied one by one: had its steps run,
    // the events before the poison would show here twice.
    expect(readings.map((r) => r.n).sort((a, b) => a - b)).toEqual(effects.map((e) => e.n));
  });

  it('isolates a poison event in the middle of a batch: it is dead-lettered, the others applied once, in order', async () => {
    const expected = Array.from({ length: POISON_KEY_EVENTS }, (_, i) => 10_000 + i).filter((n) => n !== poisonN);
    expect((await effectsByKey(ds)).get('poisoned')).toEqual(expected);
    const [dead] = await readTopic(`${topic}.dlq`, 1);
    expect(JSON.parse(dead.value)).toMatchObject({ n: poisonN, mode: 'poison' });
    expect(dead.headers).toMatchObject({ dlq_reason: 'handler', dlq_attempts: '2' });
  });

  it('applies nothing twice when the whole log is delivered again, nor an event repeated within a batch', async () => {
    const before = (await ds.query('SELECT count(*)::int AS c FROM ping_effect'))[0].c;
    await app!.close();
    app = undefined;
    const admin = testKafka().admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: group, topic, earliest: true });
    await admin.disconnect();
    const [twice] = await producePings(prefix, [{ key: 'k0', data: { n: 20_000 } }]);
    await producePingEvents(prefix, [twice, twice]);

    app = await startTestApp(pingService, env(db));
    ds = app.get(DataSource);
    await waitFor(async () => (await groupLag(group, topic)) === 0, { timeoutMs: 90_000, what: 'the redelivered log to be consumed' });
    expect((await ds.query('SELECT count(*)::int AS c FROM ping_effect'))[0].c).toBe(before + 1);
    expect((await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE event_id = $1', [twice.id]))[0].c).toBe(1);
  });
});
