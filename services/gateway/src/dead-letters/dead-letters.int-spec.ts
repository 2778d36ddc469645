import { createEvent, toKafkaRecord, TOPICS } from '@bangbang/contracts';
import { ensureTopics, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { readTopic, testKafka } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

describe('dead letters: browse and redrive through the gateway', () => {
  let h: TestGateway;
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  const records = ids.map((id, n) =>
    toKafkaRecord(createEvent('/bangbang/request', { id, type: 'bangbang.request.created.v2', subject: `request-${n}`, data: { n } })),
  );

  beforeAll(async () => {
    h = await startGateway();
    const source = `${h.prefix}${TOPICS.request}`;
    const admin = testKafka().admin();
    await admin.connect();
    await ensureTopics(admin, [source], loadConfig(MessagingConfig, {}));
    await admin.disconnect();
    // As the dispatch service's consumer writes them when it gives up on an event.
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${source}.dlq`,
      messages: ids.map((_, n) => ({
        partition: 0,
        key: records[n].key,
        value: records[n].value,
        headers: {
          ...records[n].headers,
          dlq_reason: 'handler',
          dlq_error: `boom ${n}`,
          dlq_consumer_group: 'dispatch',
          dlq_source_topic: source,
          dlq_source_partition: '0',
          dlq_source_offset: String(40 + n),
          dlq_attempts: '5',
          dlq_time: '2026-11-27T01:00:00.000Z',
        },
      })),
    });
    await producer.disconnect();
  });

  afterAll(() => h?.stop());

  const call = async (user: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await h.app.inject({ method, url, payload, headers: bearer(await h.token(user)) });
    return { status: res.statusCode, body: res.json() };
  };
  const waiting = (query = '') => call('district.admin', 'GET', `/admin/dead-letters?topic=bangbang.request${query}`);

  it('lists each dead letter with what the consumer wrote about it, to district admins only', async () => {
    const { status, body } = await waiting();
    expect(status).toBe(200);
    expect(body).toHaveLength(3);
    expect(body[1]).toMatchObject({
      topic: TOPICS.request,
      partition: 0,
      offset: '1',
      key: 'request-1',
      eventId: ids[1],
      eventType: 'bangbang.request.created.v2',
      reason: 'handler',
      error: 'boom 1',
      consumerGroup: 'dispatch',
      sourcePartition: 0,
      sourceOffset: '41',
      attempts: 5,
      deadLetteredAt: '2026-11-27T01:00:00.000Z',
      redrivenAt: null,
      redrivenBy: null,
    });
    expect((await call('district.admin', 'GET', '/admin/dead-letters')).body).toHaveLength(3);
    expect((await call('jinxing.admin', 'GET', '/admin/dead-letters')).status).toBe(403);
    expect((await call('district.auditor', 'GET', '/admin/dead-letters')).status).toBe(403);
  });

  it('refuses a redrive that names no topic of the district, or neither a record nor all', async () => {
    const unknownTopic = await call('district.admin', 'POST', '/admin/dead-letters/redrive', {
      topic: 'bangbang.nope',
      all: true,
      reason: 'handler fixed',
    });
    expect(unknownTopic.status).toBe(400);
    expect(JSON.stringify(unknownTopic.body)).toMatch(/topic/);
    const noTarget = await call('district.admin', 'POST', '/admin/dead-letters/redrive', {
      topic: TOPICS.request,
      reason: 'handler fixed',
    });
    expect(noTarget.status).toBe(400);
    expect(JSON.stringify(noTarget.body)).toMatch(/partition/);
    expect(
      (await call('jinxing.admin', 'POST', '/admin/dead-letters/redrive', { topic: TOPICS.request, all: true, reason: 'handler fixed' }))
        .status,
    ).toBe(403);
  });

  it('redrives one record for the group that gave up on it, once, and audits it', async () => {
    const one = { topic: TOPICS.request, partition: 0, offset: '1', reason: 'dispatch 1.4.2 fixes the handler' };
    expect(await call('district.admin', 'POST', '/admin/dead-letters/redrive', one)).toEqual({ status: 200, body: { redriven: 1 } });
    const [back] = await readTopic(`${h.prefix}${TOPICS.request}`, 1);
    expect(back).toMatchObject({ key: 'request-1', value: records[1].value });
    expect(back.headers).toEqual({ ...records[1].headers, bangbang_redrive_for: 'dispatch' });

    expect((await call('district.admin', 'POST', '/admin/dead-letters/redrive', one)).status).toBe(409);
    expect((await waiting()).body.map((l: { eventId: string }) => l.eventId)).toEqual([ids[0], ids[2]]);
    const redriven = (await waiting('&state=redriven')).body;
    expect(redriven).toEqual([
      expect.objectContaining({ eventId: ids[1], redrivenBy: expect.any(String), redrivenAt: expect.any(String) }),
    ]);
  });

  it('redrives all that wait, then finds none left', async () => {
    const all = { topic: TOPICS.request, all: true, reason: 'dispatch 1.4.2 fixes the handler' };
    expect((await call('district.admin', 'POST', '/admin/dead-letters/redrive', all)).body).toEqual({ redriven: 2 });
    expect((await call('district.admin', 'POST', '/admin/dead-letters/redrive', all)).body).toEqual({ redriven: 0 });
    expect((await waiting()).body).toEqual([]);
    const copies = await readTopic(`${h.prefix}${TOPICS.request}`, 3);
    expect(copies.map((c) => c.headers.ce_id).sort()).toEqual([...ids].sort());

    const audit = await h.ds.query(
      `SELECT resource_id, purpose, actor_role FROM audit_record WHERE action = 'dead-letter.redriven' ORDER BY resource_id`,
    );
    expect(audit).toEqual(
      ['0/0', '0/1', '0/2'].map((place) => ({
        resource_id: `${TOPICS.request}.dlq/${place}`,
        purpose: 'dispatch 1.4.2 fixes the handler',
        actor_role: 'district_admin',
      })),
    );
  });
});
