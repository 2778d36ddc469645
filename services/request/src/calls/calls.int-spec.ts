import { CallbackDone, CallbackEscalated, CallbackOpened, CallEnded, CallRang, PbxEventReceived, PbxEventV1 } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { RequestHarness, startRequestService } from '../../test/harness';
import { CallbackEscalator } from './callback-escalator';

const PBX = randomUUID();
// Ten minutes ago: the callbacks opened below are not yet due when the test looks at the queue.
const T0 = Date.now() - 600_000;
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** Calls built from the PBX's reports as the gateway publishes them: pops, out-of-order reports, callbacks, escalation, figures. */
describe('calls from the PBX', () => {
  let h: RequestHarness;
  let home: { id: string; residents: Array<{ id: string }> };

  beforeAll(async () => {
    // Working hours all day, so a callback is due 30 minutes after the missed call whenever the test runs.
    h = await startRequestService({ CALLBACK_WORK_START_HOUR: '0', CALLBACK_WORK_END_HOUR: '24', CALLBACK_SWEEP_MS: '3600000' });
    home = await h.household('jincheng', ['13812345678'], { name: '王阿姨' });
    expect((await h.call('agent', 'PUT', '/extensions/8001', { agentId: 'agent-1' })).statusCode).toBe(200);
  });

  afterAll(() => h?.stop());

  const report = (callId: string, event: PbxEventV1['event'], second: number, extra: Partial<PbxEventV1> = {}) =>
    h.produce(PbxEventReceived, callId, {
      pbxId: PBX,
      orgPath: '/nanchang/',
      callId,
      event,
      at: at(second),
      receivedAt: new Date().toISOString(),
      ...extra,
    });

  const callOf = async (pbxCallId: string, until: (c: any) => boolean = () => true) =>
    waitFor(
      async () => {
        const [row] = await h.ds.query('SELECT id FROM call WHERE pbx_call_id = $1', [pbxCallId]);
        if (!row) return undefined;
        const res = await h.call('agent', 'GET', `/calls/${row.id}`);
        return until(res.json()) && res.json();
      },
      { what: `call ${pbxCallId}` },
    );

  it('pops the caller’s household at the agent mapped to the ringing extension', async () => {
    await report('pop-1', 'newCall', 0, { direction: 'in', from: '+86 138 1234 5678', to: '12345' });
    await report('pop-1', 'ringing', 3, { extension: '8001' });
    const [pop] = await h.events(CallRang, 1, (d) => d.extension === '8001' && d.caller.number === '13812345678');
    expect(pop.data).toMatchObject({
      agentId: 'agent-1',
      householdId: home.id,
      orgPath: '/nanchang/jinxing/jincheng/',
      caller: { number: '13812345678', householdId: home.id, name: '王阿姨', communityCode: 'jincheng', openRequests: [] },
    });
    expect(pop.data.caller.address).toContain('****');
  });

  it('pops just the number for a caller no household has', async () => {
    await report('pop-2', 'newCall', 10, { from: '13700001111' });
    await report('pop-2', 'ringing', 12, { extension: '8002' });
    const [pop] = await h.events(CallRang, 1, (d) => d.caller.number === '13700001111');
    expect(pop.data.caller).toEqual({ number: '13700001111', openRequests: [] });
    expect(pop.data).not.toHaveProperty('agentId');
  });

  it('keeps the timeline in the order things happened when a hang-up arrives before its answer', async () => {
    await report('ooo-1', 'hangup', 200, { cause: 'normal' });
    await report('ooo-1', 'newCall', 0, { from: '13812345678' });
    const early = await callOf('ooo-1', (c) => c.timeline.length === 2);
    expect(early).toMatchObject({ outcome: 'answered', answeredAt: null, householdId: home.id });
    await report('ooo-1', 'answer', 15, { extension: '8001' });
    const call = await callOf('ooo-1', (c) => c.timeline.length === 3);
    expect(call.timeline.map((e: { event: string }) => e.event)).toEqual(['newCall', 'answer', 'hangup']);
    expect(call).toMatchObject({ outcome: 'answered', answeredBy: 'agent-1', waitSeconds: 15, talkSeconds: 185, number: '138****5678' });
    expect(await h.count('callback')).toBe(0);
  });

  it('takes a request during the call and lists it on the call', async () => {
    const call = await callOf('pop-1');
    const res = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'water-electric-repair',
      description: '厨房水龙头漏水',
      callId: call.id,
    });
    expect(res.statusCode).toBe(201);
    expect((await h.call('agent', 'GET', `/calls/${call.id}`)).json().requests).toEqual([
      expect.objectContaining({ id: res.json().id, categoryCode: 'water-electric-repair' }),
    ]);
    const unknown = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'water-electric-repair',
      description: '再来一次',
      callId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/callId/);
  });

  it('turns a call abandoned in the queue into a callback, returned by an agent’s outbound call', async () => {
    await report('lost-1', 'newCall', 300, { from: '13912345678' });
    await report('lost-1', 'hangup', 345, { cause: 'abandoned' });
    const [opened] = await h.events(CallbackOpened, 1, (d) => d.reason === 'abandoned');
    expect(new Date(opened.data.dueAt).getTime() - new Date(at(345)).getTime()).toBe(30 * 60_000);
    const [ended] = await h.events(CallEnded, 1, (d) => d.callId === opened.data.callId);
    expect(ended.data).toMatchObject({ outcome: 'abandoned', cause: 'abandoned', waitSeconds: 45 });

    // A second missed call from the same number joins the callback waiting for it.
    await report('lost-2', 'newCall', 400, { from: '13912345678' });
    await report('lost-2', 'hangup', 430, { cause: 'noAnswer' });
    await waitFor(async () => (await h.call('agent', 'GET', '/callbacks')).json()[0]?.missedCalls === 2, {
      what: 'the second missed call',
    });
    const [queued] = (await h.call('agent', 'GET', '/callbacks')).json();
    expect(queued).toMatchObject({ id: opened.data.callbackId, number: '13912345678', status: 'open', overdue: false, missedCalls: 2 });

    await report('back-1', 'newCall', 600, { direction: 'out', from: '8001', to: '13912345678' });
    await report('back-1', 'answer', 610, { extension: '8001' });
    await report('back-1', 'hangup', 700, { cause: 'normal' });
    const [done] = await h.events(CallbackDone, 1, (d) => d.callbackId === opened.data.callbackId);
    expect(done.data).toMatchObject({ doneBy: 'agent-1', onTime: true, returnCallId: (await callOf('back-1')).id });
    expect((await h.call('agent', 'GET', '/callbacks')).json()).toEqual([]);
    const all = (await h.call('agent', 'GET', '/callbacks?status=all')).json();
    expect(all[0]).toMatchObject({ status: 'done', attempts: 1, doneBy: 'agent-1' });
  });

  it('escalates a callback nobody returned by its deadline, to the street, once', async () => {
    await report('late-1', 'newCall', 800, { from: '13812345678' });
    await report('late-1', 'hangup', 820, { cause: 'busy' });
    const [opened] = await h.events(CallbackOpened, 1, (d) => d.reason === 'missed' && d.householdId === home.id);
    const escalator = h.app.get(CallbackEscalator);
    expect(await escalator.escalateDue(new Date(new Date(opened.data.dueAt).getTime() - 1000))).toBe(0);
    expect(await escalator.escalateDue(new Date(new Date(opened.data.dueAt).getTime() + 1000))).toBe(1);
    expect(await escalator.escalateDue(new Date(new Date(opened.data.dueAt).getTime() + 2000))).toBe(0);
    const [escalated] = await h.events(CallbackEscalated, 1);
    expect(escalated.data).toMatchObject({ callbackId: opened.data.callbackId, level: 'street', orgPath: '/nanchang/jinxing/jincheng/' });
    const done = await h.call('agent', 'POST', `/callbacks/${opened.data.callbackId}/done`, { note: '已回电，居民说已修好' });
    expect(done.json()).toMatchObject({ status: 'done', doneBy: 'agent-1', note: '已回电，居民说已修好' });
    expect((await h.call('agent', 'POST', `/callbacks/${opened.data.callbackId}/done`, {})).statusCode).toBe(409);
  });

  it('counts the calls in the figures, per community, as JSON and CSV', async () => {
    const from = new Date(T0 - 60_000).toISOString();
    const to = new Date(T0 + 3_600_000).toISOString();
    const res = await h.call('districtAdmin', 'GET', `/calls/figures?from=${from}&to=${to}&bucket=day&by=community`);
    expect(res.statusCode).toBe(200);
    // ooo-1 answered (jincheng), lost-1 abandoned and lost-2 missed (unknown number), late-1 missed (jincheng); pop-1 and pop-2 go on.
    expect(res.json().total).toMatchObject({
      offered: 4,
      answered: 1,
      abandoned: 1,
      missed: 2,
      answerRate: 0.25,
      callbacks: 2,
      callbacksDoneOnTime: 2,
      callbacksOnTimeRate: 1,
    });
    expect(res.json().rows.map((r: { group: string; offered: number }) => [r.group, r.offered])).toEqual([
      ['jincheng', 2],
      ['unknown', 2],
    ]);
    const csv = await h.call('districtAdmin', 'GET', `/calls/figures?from=${from}&to=${to}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const bad = await h.call('districtAdmin', 'GET', `/calls/figures?from=${to}&to=${from}`);
    expect(bad.statusCode).toBe(400);
  });

  it('lets an agent map only their own extension, and admins anyone', async () => {
    expect((await h.call('agent', 'PUT', '/extensions/8009', { agentId: 'agent-2' })).statusCode).toBe(403);
    expect((await h.call('districtAdmin', 'PUT', '/extensions/8009', { agentId: 'agent-2' })).statusCode).toBe(200);
    expect((await h.call('agent', 'PUT', '/extensions/bad ext', { agentId: 'agent-1' })).statusCode).toBe(400);
    const listed = (await h.call('agent', 'GET', '/extensions')).json();
    expect(listed.map((e: { extension: string; agentId: string }) => [e.extension, e.agentId])).toEqual([
      ['8001', 'agent-1'],
      ['8009', 'agent-2'],
    ]);
    expect((await h.call('agent', 'DELETE', '/extensions/8009')).statusCode).toBe(403);
    expect((await h.call('districtAdmin', 'DELETE', '/extensions/8009')).statusCode).toBe(204);
  });
});
