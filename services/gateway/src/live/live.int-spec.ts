import { createEvent, TOPICS, toKafkaRecord } from '@bangbang/contracts';
import { testKafka, waitFor } from '@bangbang/testing';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import { parseSse } from '../../../console/src/live/sse';
import { startGateway, TestGateway } from '../../test/gateway-harness';

const JINCHENG = '/nanchang/jinxing/jincheng/';
const HUAIGU = '/nanchang/jinxing/huaigu/';

/** The live stream: in-scope request and dispatch facts for desk roles, a volunteer's own facts for the volunteers' app. */
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

  const onSite = (requestId: string, orgPath: string, providerId = 'p1') =>
    toKafkaRecord(
      createEvent('bangbang/dispatch', {
        type: 'bangbang.dispatch.on-site.v1',
        subject: requestId,
        data: { requestId, orgPath, categoryCode: 'pipe-unclogging', at: new Date().toISOString(), providerId, providerKind: 'merchant' },
      }),
    );

  /** Opens the stream with this token and collects its events until the test cancels it. */
  const listen = async (token: string) => {
    const res = await fetch(`${url}/live/events`, { headers: { authorization: `Bearer ${token}` } });
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
    const stop = async () => {
      await reader.cancel();
      await pump;
    };
    return { received, stop };
  };

  it('sends a community admin the changes in the community and nothing from the next one', async () => {
    const { received, stop } = await listen(await gw.token('jincheng.admin'));
    const [mine, theirs, marker] = [randomUUID(), randomUUID(), randomUUID()];
    // One key: one partition, so the other community's fact is read before the marker.
    const records = [onSite(mine, JINCHENG), onSite(theirs, HUAIGU), onSite(marker, JINCHENG)].map((r) => ({
      ...r,
      key: 'same-partition',
    }));
    await producer.send({ topic: `${gw.prefix}${TOPICS.dispatch}`, messages: records });
    await waitFor(async () => received.some((e) => e.event === 'change' && JSON.parse(e.data).requestId === marker), {
      timeoutMs: 30_000,
      what: 'the marker',
    });

    const changes = received.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data));
    expect(changes.map((c) => c.requestId)).toEqual([mine, marker]);
    expect(changes[0]).toMatchObject({ type: 'bangbang.dispatch.on-site.v1', orgPath: JINCHENG });
    await stop();
  });

  it('sends a volunteer the facts about their own offers and jobs only, whatever the community', async () => {
    const signUp = {
      username: 'live.volunteer',
      password: 'a-long-enough-password',
      displayName: '刘志愿',
      phone: '13812340001',
      communityCode: 'jincheng',
    };
    expect((await gw.app.inject({ method: 'POST', url: '/auth/volunteers', payload: signUp })).statusCode).toBeLessThan(300);
    const login = await gw.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: signUp.username, password: signUp.password },
    });
    const me = await gw.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${login.json().accessToken}` } });
    const { received, stop } = await listen(login.json().accessToken);

    const [theirs, mine, marker] = [randomUUID(), randomUUID(), randomUUID()];
    const records = [onSite(theirs, JINCHENG), onSite(mine, HUAIGU, me.json().id), onSite(marker, JINCHENG, me.json().id)].map((r) => ({
      ...r,
      key: 'same-partition',
    }));
    await producer.send({ topic: `${gw.prefix}${TOPICS.dispatch}`, messages: records });
    await waitFor(async () => received.some((e) => e.event === 'change' && JSON.parse(e.data).requestId === marker), {
      timeoutMs: 30_000,
      what: 'the marker',
    });

    const changes = received.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data));
    expect(changes.map((c) => c.requestId)).toEqual([mine, marker]);
    expect(changes[0]).toMatchObject({ providerId: me.json().id });
    await stop();
  });

  const callFact = (type: string, callId: string, data: object) =>
    toKafkaRecord(
      createEvent('/bangbang/request', {
        type,
        subject: callId,
        data: { callId, orgPath: JINCHENG, direction: 'in', at: new Date().toISOString(), ...data },
      }),
    );

  it('pops the caller only for the agent the call rang for, and tells everyone in scope it was answered', async () => {
    const agentToken = await gw.token('hotline.agent');
    const agentId = (await gw.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `Bearer ${agentToken}` } })).json().id;
    const agent = await listen(agentToken);
    const admin = await listen(await gw.token('jincheng.admin'));
    const callId = randomUUID();
    const caller = { number: '13812345678', householdId: randomUUID(), name: '王阿姨', address: '金城社区12栋****', openRequests: [] };
    await producer.send({
      topic: `${gw.prefix}${TOPICS.request}`,
      messages: [
        callFact('bangbang.request.call-rang.v1', callId, { extension: '8001', agentId, caller }),
        callFact('bangbang.request.call-answered.v1', callId, { extension: '8001', agentId }),
      ],
    });
    const answered = (received: { event: string; data: string }[]) =>
      received.some((e) => e.event === 'call' && JSON.parse(e.data).type === 'bangbang.request.call-answered.v1');
    await waitFor(async () => answered(agent.received) && answered(admin.received), { timeoutMs: 30_000, what: 'the answer' });

    const calls = (received: { event: string; data: string }[]) =>
      received.filter((e) => e.event === 'call').map((e) => JSON.parse(e.data));
    expect(calls(agent.received)).toMatchObject([
      { type: 'bangbang.request.call-rang.v1', callId, agentId, extension: '8001', caller },
      { type: 'bangbang.request.call-answered.v1', callId, agentId },
    ]);
    expect(calls(admin.received).map((c) => c.type)).toEqual(['bangbang.request.call-answered.v1']);
    await agent.stop();
    await admin.stop();
  });

  it('refuses auditors and anonymous callers', async () => {
    expect((await fetch(`${url}/live/events`, { headers: { authorization: `Bearer ${await gw.token('district.auditor')}` } })).status).toBe(
      403,
    );
    expect((await fetch(`${url}/live/events`)).status).toBe(401);
  });
});
