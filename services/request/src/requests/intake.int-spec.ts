import { RequestAnswered, RequestCreatedV2Event } from '@bangbang/contracts';
import { RequestHarness, startRequestService } from '../../test/harness';

describe('intake', () => {
  let h: RequestHarness;
  let home: { id: string; residents: Array<{ id: string }> };
  let other: { id: string };

  beforeAll(async () => {
    h = await startRequestService();
    home = await h.household('jincheng', ['13812345678'], { lat: 31.5689, lng: 120.3017 });
    other = await h.household('yinxiu', ['13912345678']);
  });

  afterAll(() => h?.stop());

  const repair = () => ({
    householdId: home.id,
    residentId: home.residents[0].id,
    categoryCode: 'water-electric-repair',
    description: '厨房水龙头漏水',
    preferredWindow: { from: '2026-11-26T01:00:00.000Z', to: '2026-11-26T04:00:00.000Z' },
  });

  const stored = async () => ({
    requests: await h.count('service_request'),
    outbox: await h.count('outbox'),
    notifications: await h.count('notification'),
  });

  it('takes a repair request and publishes request.created.v2 with scope, kind, deadlines and a coarse location, without the resident’s words', async () => {
    const res = await h.call('agent', 'POST', '/requests', repair(), { 'x-correlation-id': 'call-20261125-0001' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      status: 'dispatching',
      kind: 'home_service',
      urgency: 'utilities',
      feePolicy: 'low_cost',
      channel: 'hotline',
      address: '金城社区12栋****',
    });
    expect(r.number).toMatch(/^R\d{8}-\d{6}$/);
    expect(Date.parse(r.responseDueAt) - Date.parse(r.receivedAt)).toBe(4 * 3_600_000);

    const [message] = await h.events(RequestCreatedV2Event, 1, (d) => d.requestId === r.id);
    expect(message.key).toBe(r.id);
    expect(message.headers).toMatchObject({ ce_type: RequestCreatedV2Event.type, ce_correlationid: 'call-20261125-0001' });
    expect(message.data).toEqual({
      requestId: r.id,
      number: r.number,
      communityId: 'jincheng',
      orgPath: '/nanchang/jinxing/jincheng/',
      categoryCode: 'water-electric-repair',
      kind: 'home_service',
      urgency: 'utilities',
      feePolicy: 'low_cost',
      responseDueAt: r.responseDueAt,
      resolutionDueAt: r.resolutionDueAt,
      location: { lat: 31.57, lng: 120.3 },
      preferredWindow: repair().preferredWindow,
      receivedAt: r.receivedAt,
    });

    const detail = (await h.call('agent', 'GET', `/requests/${r.id}`)).json();
    expect(detail.timeline.map((t: { action: string; to: string }) => `${t.action}→${t.to}`)).toEqual([
      'receive→received',
      'publish→dispatching',
    ]);
    expect(detail.timeline[0].actor).toEqual({ kind: 'staff', id: 'agent-1' });
    const [sms] = await h.ds.query(`SELECT recipient, template, body FROM notification WHERE request_id = $1`, [r.id]);
    expect(sms).toMatchObject({ recipient: '8613812345678', template: 'intake', body: expect.stringContaining(r.number) });
  });

  it('answers a consultation at intake, closing it and publishing request.answered.v1', async () => {
    const res = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'policy-consultation',
      description: '高龄津贴怎么申请？',
      answer: '携带身份证到社区服务中心办理，每月10日前。',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'closed', kind: 'consultation', answer: '携带身份证到社区服务中心办理，每月10日前。' });
    const [answered] = await h.events(RequestAnswered, 1);
    expect(answered.data).toMatchObject({ requestId: res.json().id, answeredBy: 'agent-1', orgPath: '/nanchang/jinxing/jincheng/' });
  });

  it('makes retries with the same Idempotency-Key safe, and refuses the key for another body', async () => {
    const headers = { 'idempotency-key': 'call-0002-attempt' };
    const first = await h.call('agent', 'POST', '/requests', repair(), headers);
    const before = await stored();
    const again = await h.call('agent', 'POST', '/requests', repair(), headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const changed = await h.call('agent', 'POST', '/requests', { ...repair(), description: '卫生间漏水' }, headers);
    expect(changed.statusCode).toBe(422);
    expect(changed.json().message).toMatch(/^Idempotency-Key: /);
    expect(await stored()).toEqual(before);
  });

  it('decides free from the eligibility valid at intake, and says only "free" to dispatch', async () => {
    await h.call('jinchengAdmin', 'POST', `/households/${home.id}/eligibility`, {
      reason: 'subsistence_allowance',
      evidence: '低保证 320211-0042',
      validUntil: new Date(Date.now() + 300 * 86_400_000).toISOString(),
    });
    const r = (await h.call('agent', 'POST', '/requests', { ...repair(), categoryCode: 'pipe-unclogging' })).json();
    expect(r.feePolicy).toBe('free');
    const [created] = await h.events(RequestCreatedV2Event, 1, (d) => d.requestId === r.id);
    expect(created.data.feePolicy).toBe('free');
    expect(JSON.stringify(created.data)).not.toMatch(/subsistence|低保/);
  });

  it.each([
    ['an unknown category', 'agent', { categoryCode: 'space-travel' }, 400, /^categoryCode: unknown category/],
    ['a household out of scope', 'yangmingAgent', {}, 404, /^householdId: /],
    ['a resident of another household', 'agent', { residentId: '7c1e0d9a-0000-4000-8000-000000000000' }, 400, /^residentId: /],
    ['an oversized description', 'agent', { description: '漏'.repeat(2001) }, 400, /description/],
    ['an answer to a home service', 'agent', { answer: '自己修' }, 400, /^answer: /],
    [
      'a window that ends before it starts',
      'agent',
      { preferredWindow: { from: '2026-11-26T04:00:00Z', to: '2026-11-26T01:00:00Z' } },
      400,
      /^preferredWindow\.to/,
    ],
    ['an unknown field', 'agent', { priority: 'vip' }, 400, /priority/],
    ['a NUL in the description', 'agent', { description: '厨房\u0000漏水' }, 400, /^description must not contain control characters/],
    ['a lone surrogate in the description', 'agent', { description: '漏水\ud83d' }, 400, /^description must be well-formed text/],
    [
      'a window in week dates',
      'agent',
      { preferredWindow: { from: '2026-W48', to: '2026-W49' } },
      400,
      /^preferredWindow\.from must be an ISO 8601 date/,
    ],
    ['a window that is an array', 'agent', { preferredWindow: [[]] }, 400, /^preferredWindow must be an object$/],
  ] as const)('refuses %s naming the field, and stores nothing', async (_, person, change, status, message) => {
    const before = await stored();
    const res = await h.call(person, 'POST', '/requests', { ...repair(), ...change });
    expect(res.statusCode).toBe(status);
    expect([res.json().message].flat().join('; ')).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it('refuses a category the community switched off, and takes it again once switched on', async () => {
    const off = await h.call('jinchengAdmin', 'PUT', '/catalogue/communities/jincheng/categories/home-haircut', { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(
      (await h.call('huaiguAdmin', 'PUT', '/catalogue/communities/jincheng/categories/home-haircut', { enabled: true })).statusCode,
    ).toBe(404);
    const listed = (await h.call('agent', 'GET', '/catalogue/categories?community=jincheng')).json();
    expect(listed.find((c: { code: string }) => c.code === 'home-haircut').enabled).toBe(false);
    expect(listed).toHaveLength(8);
    const refused = await h.call('agent', 'POST', '/requests', { ...repair(), categoryCode: 'home-haircut' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toMatch(/^categoryCode: home-haircut is switched off/);
    await h.call('jinchengAdmin', 'PUT', '/catalogue/communities/jincheng/categories/home-haircut', { enabled: true });
    expect((await h.call('agent', 'POST', '/requests', { ...repair(), categoryCode: 'home-haircut' })).statusCode).toBe(201);
  });

  it('refuses an illegal transition with 409 saying why, changing nothing', async () => {
    const r = (await h.call('agent', 'POST', '/requests', repair())).json();
    const before = await stored();
    const res = await h.call('agent', 'POST', `/requests/${r.id}/follow-up`, { solved: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('cannot sign off a request that is dispatching: the job must be reported completed first');
    expect((await h.call('agent', 'POST', `/requests/${r.id}/reopen`, { reason: 'x' })).statusCode).toBe(409);
    expect(await stored()).toEqual(before);
    expect((await h.call('agent', 'GET', `/requests/${r.id}`)).json().timeline).toHaveLength(2);
  });

  it('cancels on the resident’s word with a reason, publishing request.cancelled.v1, and then refuses to cancel again', async () => {
    const r = (await h.call('agent', 'POST', '/requests', repair())).json();
    const res = await h.call('agent', 'POST', `/requests/${r.id}/cancel`, { by: 'resident', reason: '已自行修好' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: '已自行修好' });
    expect((await h.call('agent', 'POST', `/requests/${r.id}/cancel`, { by: 'agent', reason: 'again' })).statusCode).toBe(409);
    expect((await h.call('huaiguAdmin', 'POST', `/requests/${r.id}/cancel`, { by: 'agent', reason: 'x' })).statusCode).toBe(404);
  });

  it('lists requests in scope only', async () => {
    const mine = (await h.call('jinchengAdmin', 'GET', '/requests')).json();
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((r: { communityCode: string }) => r.communityCode === 'jincheng')).toBe(true);
    expect((await h.call('huaiguAdmin', 'GET', '/requests')).json()).toEqual([]);
    expect(other.id).toBeDefined();
  });
});
