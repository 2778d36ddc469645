import { createEvent, TOPICS, toKafkaRecord } from '@bangbang/contracts';
import { testKafka, waitFor } from '@bangbang/testing';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { parseSse } from '../../../console/src/live/sse';
import { startGateway, TestGateway } from '../../test/gateway-harness';

const JINCHENG = '/nanchang/jinxing/jincheng/';
const HUAIGU = '/nanchang/jinxing/huaigu/';

/** The console's live stream: in-scope request and dispatch facts only, for desk roles only. */
describe('GET /live/events', () => {
  let gw: TestGateway;
  let url: string;
  let producer: Producer;

  beforeAll(async () => {
    gw = await startGateway();
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(gw.app.getHttpServer().address() as AddressInfo).port}`;
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gw?.stop();
  });

  const onSite = (requestId: string, orgPath: string) =>
    toKafkaRecord(createEvent('bangbang/dispatch', { type: 'bangbang.dispatch.on-site.v1', subject: requestId, data: { requestId, orgPath, categoryCode: 'pipe-unclogging', at: new Date().toISOString(), providerId: 'p1', providerKind: 'merchant' } }));

  it('sends a community admin the changes in the community and nothing from the next one', async () => {
    const res = await fetch(`${url}/live/events`, { headers: { authorization: `Bearer ${await gw.token('jincheng.admin')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const received: { event: string; data: string }[] = [];
    let buffer = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        received.push(...parsed.events);
      }
    })().catch(() => undefined);
    await waitFor(async () => received.some((e) => e.event === 'ready'), { timeoutMs: 60_000, what: 'the stream to be ready' });

    const [mine, theirs, marker] = [randomUUID(), randomUUID(), randomUUID()];
    // One key: one partition, so the other community's fact is read before the marker.
    const records = [onSite(mine, JINCHENG), onSite(theirs, HUAIGU), onSite(marker, JINCHENG)].map((r) => ({ ...r, key: 'same-partition' }));
    await producer.send({ topic: `${gw.prefix}${TOPICS.dispatch}`, messages: records });
    await waitFor(async () => received.some((e) => e.event === 'change' && JSON.parse(e.data).requestId === marker), { timeoutMs: 30_000, what: 'the marker' });

    const changes = received.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data));
    expect(changes.map((c) => c.requestId)).toEqual([mine, marker]);
    expect(changes[0]).toMatchObject({ type: 'bangbang.dispatch.on-site.v1', orgPath: JINCHENG });
    await reader.cancel();
    await pump;
  });

  it('refuses auditors and anonymous callers', async () => {
    expect((await fetch(`${url}/live/events`, { headers: { authorization: `Bearer ${await gw.token('district.auditor')}` } })).status).toBe(403);
    expect((await fetch(`${url}/live/events`)).status).toBe(401);
  });
});
