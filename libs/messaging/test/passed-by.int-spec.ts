import { createEvent } from '@bangbang/contracts';
import { eventsConsumed, offsetCommits } from '@bangbang/observability';
import { createTestDatabase, groupLag, serviceEnv, startTestApp, TestDatabase, uniqueId, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pingService } from './ping.app';
import { Ping } from './ping.contract';
import { createPingTopic, producePingEvents, producePings } from './ping-producer';

const PASSED_BY = 30;
const COMMIT_MS = 5_000;

async function ignored(group: string): Promise<number> {
  const { values } = await eventsConsumed.get();
  return values.filter((v) => v.labels.group === group && v.labels.outcome === 'ignored').reduce((sum, v) => sum + v.value, 0);
}

async function commits(group: string, kind: 'applied' | 'passed_by'): Promise<number> {
  const { values } = await offsetCommits.get();
  return values.find((v) => v.labels.group === group && v.labels.kind === kind)?.value ?? 0;
}

/** Events on a group's topics that none of its handlers takes: read past, committed now and then. */
describe('events a group passes by', () => {
  const prefix = `${uniqueId('t')}.`;
  const topic = `${prefix}${Ping.topic}`;
  const group = 'pingtest';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    await createPingTopic(prefix);
    app = await startTestApp(pingService, serviceEnv(db, prefix, { CONSUMER_PASSED_BY_COMMIT_MS: String(COMMIT_MS) }));
    ds = app.get(DataSource);
    await producePings(prefix, [{ key: 'k', data: { n: 1 } }]);
    await waitFor(async () => (await groupLag(`${prefix}${group}`, topic)) === 0, { timeoutMs: 60_000, what: 'the first ping' });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('commits how far it read in a few commits, not one a batch, and still reaches the end of the topic', async () => {
    const before = { applied: await commits(group, 'applied'), passedBy: await commits(group, 'passed_by') };
    const started = Date.now();
    // Each read before the next is sent, so that each is a fetched batch of its own, as at a quiet hour.
    for (let i = 0; i < PASSED_BY; i++) {
      const read = await ignored(group);
      await producePingEvents(prefix, [createEvent(Ping.source, { type: 'bangbang.test.pong.v1', subject: `p${i}`, data: { i } })]);
      await waitFor(async () => (await ignored(group)) > read, { what: `pong ${i} to be read` });
    }
    await waitFor(async () => (await groupLag(`${prefix}${group}`, topic)) === 0, { timeoutMs: 60_000, what: 'the pongs to be passed by' });
    expect(await commits(group, 'applied')).toBe(before.applied);
    const passedBy = (await commits(group, 'passed_by')) - before.passedBy;
    expect(passedBy).toBeGreaterThan(0);
    expect(passedBy).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / COMMIT_MS) + 1);
    expect(passedBy).toBeLessThan(PASSED_BY / 2);
  });

  it('still commits an applied event at once, with what it passed by before it', async () => {
    const before = await commits(group, 'applied');
    await producePingEvents(prefix, [createEvent(Ping.source, { type: 'bangbang.test.pong.v1', subject: 'p', data: {} })]);
    await producePings(prefix, [{ key: 'k', data: { n: 2 } }]);
    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 2'))[0].c === 1, {
      what: 'the ping to be applied',
    });
    await waitFor(async () => (await groupLag(`${prefix}${group}`, topic)) === 0, { timeoutMs: 60_000, what: 'the commit' });
    expect(await commits(group, 'applied')).toBeGreaterThan(before);
  });
});
