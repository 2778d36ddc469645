import { loadConfig } from '@bangbang/observability';
import {
  createTestDatabase,
  exited,
  groupLag,
  readTopic,
  serviceEnv,
  spawnTs,
  startTestApp,
  TestDatabase,
  uniqueId,
  waitFor,
} from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Messaging, MessagingConfig, MessagingTables1764000000000, writeToOutbox } from '../src';
import { pingService } from './ping.app';
import { Ping } from './ping.contract';

describe('outbox relay', () => {
  const prefix = `${uniqueId('t')}.`;
  let producerDb: TestDatabase;
  let consumerDb: TestDatabase;
  let ds: DataSource;
  let consumer: NestFastifyApplication | undefined;
  let messaging: Messaging | undefined;

  beforeAll(async () => {
    [producerDb, consumerDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    ds = await new DataSource({ type: 'postgres', url: producerDb.url, migrations: [MessagingTables1764000000000] }).initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    await consumer?.close();
    await messaging?.stop();
    await ds?.destroy();
    await Promise.all([producerDb?.drop(), consumerDb?.drop()]);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(writeToOutbox(ds.manager, Ping, { subject: 'k', data: { n: 0 } })).rejects.toThrow(/inside the transaction/);
  });

  it('refuses an event that breaks its own contract, and writes nothing', async () => {
    const bad = ds.transaction((m) => writeToOutbox(m, Ping, { subject: 'k', data: { n: 'x' as unknown as number } }));
    await expect(bad).rejects.toThrow(/data\.n/);
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
  });

  it('delivers an event once more after the relay dies between publish and mark-sent, applied once', async () => {
    const event = await ds.transaction((m) => writeToOutbox(m, Ping, { subject: 'order-1', data: { n: 1 } }));
    const env = serviceEnv(producerDb, prefix);

    const crashing = spawnTs(join(__dirname, 'crashing-relay.main.ts'), env);
    expect(await exited(crashing)).toEqual({ code: null, signal: 'SIGKILL' });

    const topic = `${prefix}${Ping.topic}`;
    const published = await readTopic(topic, 1);
    expect(published[0].headers.ce_id).toBe(event.id);
    const [row] = await ds.query('SELECT sent_at, attempts FROM outbox WHERE id = $1', [event.id]);
    expect(row.sent_at).toBeNull();

    messaging = new Messaging('pingtest', ds, { config: loadConfig(MessagingConfig, env) });
    await messaging.start();
    await waitFor(async () => (await ds.query('SELECT sent_at FROM outbox WHERE id = $1', [event.id]))[0].sent_at, {
      what: 'the restarted relay to mark the row sent',
    });
    const copies = await readTopic(topic, 2);
    expect(copies.map((m) => m.headers.ce_id)).toEqual([event.id, event.id]);

    consumer = await startTestApp(pingService, serviceEnv(consumerDb, prefix));
    await waitFor(async () => (await groupLag(`${prefix}pingtest`, topic)) === 0, { what: 'the consumer to catch up' });
    const consumerDs = consumer.get(DataSource);
    expect(await consumerDs.query('SELECT event_id FROM ping_effect')).toEqual([{ event_id: event.id }]);
    expect(await consumerDs.query(`SELECT outcome FROM inbox WHERE event_id = $1`, [event.id])).toEqual([{ outcome: 'applied' }]);
  });

  it('publishes one aggregate in the order its writers committed, however they interleave', async () => {
    // Five concurrent writers, ten small transactions each, all on one aggregate.
    await Promise.all(
      Array.from({ length: 5 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 10; i++) {
            await ds.transaction((m) => writeToOutbox(m, Ping, { subject: 'order-2', data: { n: w * 100 + i } }));
          }
        })(),
      ),
    );
    const committed = (await ds.query(`SELECT payload FROM outbox WHERE key = 'order-2' ORDER BY seq`)).map(
      (r: { payload: string }) => (JSON.parse(r.payload) as { n: number }).n,
    );
    const all = await readTopic(`${prefix}${Ping.topic}`, 52);
    const published = all.filter((m) => m.key === 'order-2').map((m) => (JSON.parse(m.value) as { n: number }).n);
    expect(published).toEqual(committed);
    for (let w = 0; w < 5; w++) {
      const own = published.filter((n) => Math.floor(n / 100) === w);
      expect(own).toEqual([...own].sort((a, b) => a - b));
    }
  });

  it("sets aside a row Kafka refuses, publishes the others, and holds back that row's aggregate", async () => {
    const tooLarge = 'x'.repeat(2 * 1024 * 1024);
    await ds.query(
      `INSERT INTO outbox (id, topic, key, type, headers, payload) VALUES
         (gen_random_uuid(), $1, 'huge', $2, '{}', $3),
         (gen_random_uuid(), $1, 'huge', $2, '{}', '{"n":701}'),
         (gen_random_uuid(), $1, 'small', $2, '{}', '{"n":702}')`,
      [Ping.topic, Ping.type, tooLarge],
    );
    await ds.query(`SELECT pg_notify('bangbang_outbox', '')`);
    await waitFor(async () => (await ds.query(`SELECT sent_at FROM outbox WHERE key = 'small'`))[0].sent_at, {
      what: 'the row behind the refused one to be published',
    });
    const rows = await ds.query(
      `SELECT key, payload = '{"n":701}' AS second, attempts, last_error, sent_at FROM outbox WHERE key = 'huge' ORDER BY seq`,
    );
    expect(rows[0]).toMatchObject({ attempts: expect.any(Number), sent_at: null });
    expect(rows[0].attempts).toBeGreaterThanOrEqual(1);
    expect(rows[0].last_error).toBeTruthy();
    expect(rows[1]).toMatchObject({ second: true, attempts: 0, sent_at: null });
  });
});
