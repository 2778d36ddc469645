import { createEvent, toKafkaRecord } from '@bangbang/contracts';
import { createTestDatabase, readTopic, serviceEnv, startTestApp, TestDatabase, testKafka, uniqueId, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pingService } from './ping.app';
import { Ping } from './ping.contract';
import { REDRIVE_FOR_HEADER } from '../src';
import { producePingEvents, producePings } from './ping-producer';

describe('dead-lettering', () => {
  const prefix = `${uniqueId('t')}.`;
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await startTestApp(pingService, serviceEnv(db, prefix, { CONSUMER_MAX_ATTEMPTS: '3' }));
    ds = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('moves a poison event and a contract breaker to the DLQ and carries on behind them', async () => {
    // One key, so all four share a partition and the good ones queue behind the bad ones.
    const [, poison, breaker] = await producePings(prefix, [
      { key: 'same', data: { n: 1 } },
      { key: 'same', data: { n: 2, mode: 'poison' } },
      { key: 'same', data: { n: 'three' } },
      { key: 'same', data: { n: 4 } },
    ]);

    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect'))[0].c === 2, {
      what: 'the events behind the bad ones to be applied',
    });
    expect((await ds.query('SELECT n FROM ping_effect ORDER BY n')).map((r: { n: number }) => r.n)).toEqual([1, 4]);

    const dead = await readTopic(`${prefix}${Ping.topic}.dlq`, 2);
    const byId = new Map(dead.map((m) => [m.headers.ce_id, m.headers]));
    expect(byId.get(poison.id)).toMatchObject({
      dlq_reason: 'handler',
      dlq_error: 'poison pill 2',
      dlq_attempts: '3',
      dlq_consumer_group: 'pingtest',
    });
    expect(byId.get(breaker.id)).toMatchObject({ dlq_reason: 'contract', dlq_attempts: '0' });
    expect(byId.get(breaker.id)?.dlq_error).toMatch(/data\.n: n must be an integer number/);

    const outcomes = await ds.query('SELECT event_id, outcome FROM inbox WHERE outcome = $1', ['dead_lettered']);
    expect(new Set(outcomes.map((r: { event_id: string }) => r.event_id))).toEqual(new Set([poison.id, breaker.id]));
  });
  it('applies a dead-lettered event that is redriven, and nothing else twice', async () => {
    const [redriven] = await producePings(prefix, [{ key: 'redrive', data: { n: 9 } }]);
    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 9'))[0].c === 1, {
      what: 'the event to be applied',
    });
    // As if it had failed before: mark it dead-lettered, then put the same event back on the topic.
    await ds.query(`UPDATE inbox SET outcome = 'dead_lettered' WHERE event_id = $1`, [redriven.id]);
    await producePingEvents(prefix, [redriven, redriven]);
    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 9'))[0].c === 2, {
      what: 'the redriven event to be applied once more',
    });
    await waitFor(async () => (await ds.query(`SELECT outcome FROM inbox WHERE event_id = $1`, [redriven.id]))[0].outcome === 'applied', {
      what: 'the inbox to record the redrive',
    });
    await producePings(prefix, [{ key: 'redrive', data: { n: 10 } }]);
    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 10'))[0].c === 1, {
      what: 'a later event on the same key',
    });
    expect((await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 9'))[0].c).toBe(2);
  });

  it('applies a redrive only in the group it names', async () => {
    const forOther = createEvent(Ping.source, { type: Ping.type, subject: 'redrive-for', data: { n: 21 } });
    const forUs = createEvent(Ping.source, { type: Ping.type, subject: 'redrive-for', data: { n: 22 } });
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${prefix}${Ping.topic}`,
      messages: [
        { ...toKafkaRecord(forOther), headers: { ...toKafkaRecord(forOther).headers, [REDRIVE_FOR_HEADER]: 'another-group' } },
        { ...toKafkaRecord(forUs), headers: { ...toKafkaRecord(forUs).headers, [REDRIVE_FOR_HEADER]: 'pingtest' } },
      ],
    });
    await producer.disconnect();
    await waitFor(async () => (await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 22'))[0].c === 1, {
      what: 'the redrive for this group',
    });
    expect((await ds.query('SELECT count(*)::int AS c FROM ping_effect WHERE n = 21'))[0].c).toBe(0);
    expect(await ds.query('SELECT 1 FROM inbox WHERE event_id = $1', [forOther.id])).toEqual([]);
  });
});
