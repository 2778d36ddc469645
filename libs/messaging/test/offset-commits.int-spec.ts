import { createEvent } from '@bangbang/contracts';
import { eventsConsumed, kafkaRequests, offsetCommits } from '@bangbang/observability';
import { createTestDatabase, groupLag, serviceEnv, startTestApp, TestDatabase, testKafka, uniqueId, waitFor } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pingService } from './ping.app';
import { Echo, Ping } from './ping.contract';
import { createPingTopic, producePingEvents, producePings } from './ping-producer';

const ONE_BY_ONE = 30;
const COMMIT_MS = 5_000;

async function consumed(group: string, outcome: string): Promise<number> {
  const { values } = await eventsConsumed.get();
  return values.filter((v) => v.labels.group === group && v.labels.outcome === outcome).reduce((sum, v) => sum + v.value, 0);
}

async function offsetCommitRequests(): Promise<number> {
  const { values } = await kafkaRequests.get();
  return values.find((v) => v.labels.client === 'consumer' && v.labels.api === 'OffsetCommit')?.value ?? 0;
}

async function commits(group: string, kind: 'deferred' | 'at_once'): Promise<number> {
  const { values } = await offsetCommits.get();
  return values.find((v) => v.labels.group === group && v.labels.kind === kind)?.value ?? 0;
}

/**
 * What a consumer reads past (events no handler takes, or whose handler's `when` refuses them), and
 * how it commits: how far it read now and then, not batch by batch; a dead letter at once.
 */
describe('reading past and committing offsets', () => {
  const prefix = `${uniqueId('t')}.`;
  const topic = `${prefix}${Ping.topic}`;
  const group = 'pingtest';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let ds: DataSource;

  const effects = async (n: number) => (await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = $1', [n]))[0].c;
  const drained = () => waitFor(async () => (await groupLag(`${prefix}${group}`, topic)) === 0, { timeoutMs: 60_000, what: 'the commits' });

  beforeAll(async () => {
    db = await createTestDatabase();
    await createPingTopic(prefix);
    app = await startTestApp(pingService, serviceEnv(db, prefix, { CONSUMER_COMMIT_INTERVAL_MS: String(COMMIT_MS) }));
    ds = app.get(DataSource);
    await producePings(prefix, [{ key: 'k', data: { n: 1 } }]);
    await drained();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /** Sends each event once the one before it was read, so each is a fetched batch of its own, as at a quiet hour. */
  async function oneByOne(outcome: string, send: (i: number) => Promise<unknown>): Promise<void> {
    for (let i = 0; i < ONE_BY_ONE; i++) {
      const read = await consumed(group, outcome);
      await send(i);
      await waitFor(async () => (await consumed(group, outcome)) > read, { what: `event ${i} to be read` });
    }
  }

  function expectFewCommits(deferred: number, started: number): void {
    expect(deferred).toBeGreaterThan(0);
    expect(deferred).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / COMMIT_MS) + 1);
    expect(deferred).toBeLessThan(ONE_BY_ONE / 2);
  }

  it('commits how far it read past events it has no handler for in a few commits, and reaches the end of the topic', async () => {
    const before = { atOnce: await commits(group, 'at_once'), deferred: await commits(group, 'deferred') };
    const started = Date.now();
    await oneByOne('ignored', (i) =>
      producePingEvents(prefix, [createEvent(Ping.source, { type: 'bangbang.test.pong.v1', subject: `p${i}`, data: { i } })]),
    );
    await drained();
    expect(await commits(group, 'at_once')).toBe(before.atOnce);
    expectFewCommits((await commits(group, 'deferred')) - before.deferred, started);
  });

  it('commits applied events the same way, each applied once', async () => {
    const before = {
      atOnce: await commits(group, 'at_once'),
      deferred: await commits(group, 'deferred'),
      requests: await offsetCommitRequests(),
    };
    const started = Date.now();
    await oneByOne('applied', (i) => producePings(prefix, [{ key: `k${i}`, data: { n: 1000 + i } }]));
    await drained();
    expect(await commits(group, 'at_once')).toBe(before.atOnce);
    expectFewCommits((await commits(group, 'deferred')) - before.deferred, started);
    // What the broker was sent, as `bangbang_kafka_requests_total` counts it for the bench.
    expectFewCommits((await offsetCommitRequests()) - before.requests, started);
    const [row] = await ds.query('SELECT count(*)::int AS c, count(DISTINCT n)::int AS d FROM ping_effect WHERE n >= 1000');
    expect(row).toEqual({ c: ONE_BY_ONE, d: ONE_BY_ONE });
  });

  it('commits a dead letter at once, since no inbox row would stop it being dead-lettered again', async () => {
    const before = await commits(group, 'at_once');
    await producePings(prefix, [{ key: 'bad', data: { n: 'not a number' } }]);
    await waitFor(async () => (await commits(group, 'at_once')) > before, { what: 'the dead letter to be committed' });
    await producePings(prefix, [{ key: 'k', data: { n: 2 } }]);
    await waitFor(async () => (await effects(2)) === 1, { what: 'the ping after it to be applied' });
    await drained();
  });

  it("passes by without a transaction or an inbox row an event its handler's `when` refuses, and applies the others", async () => {
    const before = await consumed(group, 'ignored');
    const echo = (n: number, ours: boolean) => createEvent(Echo.source, { type: Echo.type, subject: 'e', data: { n, ours } });
    const [notOurs, ours] = await producePingEvents(prefix, [echo(3001, false), echo(3002, true)]);
    await waitFor(async () => (await effects(3002)) === 1, { what: 'its own echo applied' });
    await drained();
    expect(await effects(3001)).toBe(0);
    expect(await ds.query('SELECT event_id FROM inbox WHERE event_id = ANY($1)', [[notOurs.id, ours.id]])).toEqual([{ event_id: ours.id }]);
    expect((await consumed(group, 'ignored')) - before).toBe(1);
  });

  it('passes by a record of a type it has no handler for without reading its value; one of a type it takes that is not JSON is dead-lettered', async () => {
    const ignored = await consumed(group, 'ignored');
    const dead = await consumed(group, 'dead_lettered');
    const record = (type: string) => ({
      key: 'raw',
      value: '{not json',
      headers: { 'content-type': 'application/json', ce_specversion: '1.0', ce_id: randomUUID(), ce_source: Ping.source, ce_type: type },
    });
    const producer = testKafka().producer();
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [record('bangbang.test.pong.v1'), record(Ping.type)] });
    } finally {
      await producer.disconnect();
    }
    await waitFor(async () => (await consumed(group, 'dead_lettered')) - dead === 1, {
      what: 'the ping that is not JSON to be dead-lettered',
    });
    await drained();
    expect((await consumed(group, 'ignored')) - ignored).toBe(1);
    expect((await consumed(group, 'dead_lettered')) - dead).toBe(1);
  });

  it('asks `when` before the contract: a refused event is passed by unchecked, an accepted one that breaks it is dead-lettered', async () => {
    const ignored = await consumed(group, 'ignored');
    const dead = await consumed(group, 'dead_lettered');
    const broken = (ours: unknown) =>
      createEvent(Echo.source, { type: Echo.type, subject: 'e', data: { n: 'not a number', ours } as never });
    const [refused, accepted, unreadable] = await producePingEvents(prefix, [
      broken(false),
      broken(true),
      createEvent(Echo.source, { type: Echo.type, subject: 'e', data: null as never }),
    ]);
    await waitFor(async () => (await consumed(group, 'dead_lettered')) - dead === 2, { what: 'the two it took to be dead-lettered' });
    await drained();
    expect((await consumed(group, 'ignored')) - ignored).toBe(1);
    const rows = await ds.query('SELECT event_id, outcome FROM inbox WHERE event_id = ANY($1) ORDER BY event_id', [
      [refused.id, accepted.id, unreadable.id],
    ]);
    expect(rows).toEqual([accepted.id, unreadable.id].sort().map((id) => ({ event_id: id, outcome: 'dead_lettered' })));
  });
});
