import {
  AuditRecorded,
  JobAssigned,
  JobCompleted,
  JobEscalated,
  JobOnSite,
  JobProviderCancelled,
  RedoRequested,
  RequestClosed,
  RequestReopened,
  RequestSignedOff,
} from '@bangbang/contracts';
import { sha256Hex } from '@bangbang/auth';
import { waitFor, watchTransactions } from '@bangbang/testing';
import { RequestHarness, startRequestService } from '../../test/harness';
import { RequestsService } from './requests.service';
import { FakeSmsGateway } from '../../test/sms-gateway';
import { RequestCloser } from './request-closer';

const DAY = 86_400_000;
const RATING_PAGE = 'https://bangbang.example/api/rating/public';

describe('a request’s story, driven by dispatch and rating events through Kafka', () => {
  const sms = new FakeSmsGateway();
  let h: RequestHarness;
  let home: { id: string };
  const t0 = Date.now() - 3_600_000;
  const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

  beforeAll(async () => {
    sms.up = true;
    h = await startRequestService({ SMS_GATEWAY_URL: await sms.start(), RATING_LINK_BASE_URL: RATING_PAGE });
    home = await h.household('jincheng', ['13812345678']);
  });

  afterAll(async () => {
    await h?.stop();
    await sms.stop();
  });

  const intake = async () => {
    const res = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'water-electric-repair',
      description: '卫生间跳闸',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; number: string };
  };
  const job = (id: string, minutes: number) => ({
    requestId: id,
    orgPath: '/nanchang/jinxing/jincheng/',
    categoryCode: 'water-electric-repair',
    at: at(minutes),
  });
  const plumber = (id: string, minutes: number, providerId = 'm-0042') => ({
    ...job(id, minutes),
    providerId,
    providerKind: 'merchant' as const,
  });
  const assigned = (id: string, minutes: number, providerId = 'm-0042') => ({
    ...plumber(id, minutes, providerId),
    providerName: providerId === 'm-0042' ? '李师傅水电' : '张师傅维修',
    responseDueAt: at(240),
  });
  const get = async (id: string) => (await h.call('agent', 'GET', `/requests/${id}`)).json();
  const reaches = (id: string, status: string) =>
    waitFor(
      async () => {
        const r = await get(id);
        return r.status === status && r;
      },
      { what: `request ${id} ${status}` },
    );
  /** The resident got the n-th rating link by SMS; the stored copy keeps the link without its token. */
  const ratingLinkSent = async (id: string, n: number) => {
    const link = await waitFor(async () => sms.ratingLinks(id)[n - 1], { what: `rating link ${n} of ${id} texted` });
    expect(link.url).toBe(`${RATING_PAGE}/rate/${id}?token=${link.token}`);
    expect(link.to).toBe('+8613812345678');
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    const rows = await waitFor(
      async () => {
        const sent: Array<{ body: string; status: string }> = await h.ds.query(
          `SELECT body, status FROM notification WHERE request_id = $1 AND template = 'rating_link' ORDER BY created_at`,
          [id],
        );
        return sent.length === n && sent.every((s) => s.status === 'sent') && sent;
      },
      { what: 'the rating link marked sent' },
    );
    expect(rows[n - 1].body).toMatch(new RegExp(`^【帮帮团】.*${RATING_PAGE}/rate/${id}\\?token=\\[redacted\\]$`));
    const leaks = await h.ds.query(
      `SELECT 'notification' FROM notification WHERE strpos(body, $1) > 0 UNION ALL SELECT 'outbox' FROM outbox WHERE strpos(payload, $1) > 0`,
      [link.token],
    );
    expect(leaks).toEqual([]);
    return link;
  };
  const consumed = (eventId: string) =>
    waitFor(async () => (await h.ds.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).length > 0, {
      what: `event ${eventId} consumed`,
    });
  /** The resident got the n-th sign-off code by SMS; once sent, the stored copy keeps no code. */
  const codeTexted = async (r: { id: string; number: string }, n: number) => {
    const code = await waitFor(async () => sms.signOffCodes(r.number)[n - 1], { what: `sign-off code ${n} of ${r.number} texted` });
    const rows = await waitFor(
      async () => {
        const sent: Array<{ body: string; status: string }> = await h.ds.query(
          `SELECT body, status FROM notification WHERE request_id = $1 AND template = 'sign_off_request' ORDER BY created_at`,
          [r.id],
        );
        return sent.length >= n && sent[n - 1].status === 'sent' && sent;
      },
      { what: 'the sign-off code marked sent' },
    );
    expect(rows[n - 1].body).toContain('确认码[redacted]');
    expect(rows.some((row) => row.body.includes(code))).toBe(false);
    return code;
  };

  it('goes from received to signed off, then redo, then closed, each step on the timeline', async () => {
    const r = await intake();
    await h.produce(JobAssigned, r.id, assigned(r.id, 1));
    const a = await reaches(r.id, 'assigned');
    expect(a.provider).toEqual({ id: 'm-0042', kind: 'merchant', name: '李师傅水电' });
    expect(a.assignedAt).toBe(at(1));

    expect((await h.call('otherPlumber', 'GET', `/requests/${r.id}/contact`)).statusCode).toBe(404);
    const contact = await h.call('plumber', 'GET', `/requests/${r.id}/contact`);
    expect(contact.json()).toEqual({ address: '无锡市梁溪区金星街道金城社区12栋3单元502室', name: '王阿姨', phones: ['13812345678'] });
    const [audit] = await h.events(AuditRecorded.request, 1, (d) => d.action === 'request.contact-read');
    expect(audit.data).toMatchObject({ actorId: 'm-0042', actorKind: 'merchant', resourceId: r.id, purpose: 'home visit' });

    await h.produce(JobOnSite, r.id, plumber(r.id, 30));
    expect((await reaches(r.id, 'on_site')).arrivedAt).toBe(at(30));
    await h.produce(JobCompleted, r.id, { ...plumber(r.id, 55), priceChargedFen: 3000, notes: '更换空开' });
    const done = await reaches(r.id, 'completed');
    expect((await h.call('plumber', 'GET', `/requests/${r.id}/contact`)).statusCode).toBe(409);
    expect(done).toMatchObject({ completedAt: at(55), priceChargedFen: 3000 });

    const templates = await h.ds.query('SELECT template FROM notification WHERE request_id = $1 ORDER BY created_at', [r.id]);
    expect(templates.map((n: { template: string }) => n.template)).toEqual(['intake', 'assigned', 'completed', 'sign_off_request']);
    const [codeRow] = await h.ds.query('SELECT code_hash FROM sign_off_code WHERE request_id = $1', [r.id]);
    const code = await codeTexted(r, 1);
    expect(codeRow.code_hash).not.toContain(code);

    expect((await h.call('otherPlumber', 'POST', `/requests/${r.id}/sign-off`, { code, solved: true })).statusCode).toBe(404);
    expect((await h.call('agent', 'POST', `/requests/${r.id}/sign-off`, { code, solved: true })).statusCode).toBe(403);
    const wrong = await h.call('plumber', 'POST', `/requests/${r.id}/sign-off`, {
      code: code === '000000' ? '111111' : '000000',
      solved: true,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().message).toBe('code: wrong code, 4 tries left');
    const wrongAgain = await h.call('plumber', 'POST', `/requests/${r.id}/sign-off`, {
      code: code === '000000' ? '111111' : '000000',
      solved: true,
    });
    expect(wrongAgain.json().message).toBe('code: wrong code, 3 tries left');
    const signed = await h.call('plumber', 'POST', `/requests/${r.id}/sign-off`, { code, solved: true });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed_off', solved: true });
    const [fact] = await h.events(RequestSignedOff, 1, (d) => d.requestId === r.id);
    expect(fact.data).toMatchObject({
      providerId: 'm-0042',
      providerKind: 'merchant',
      via: 'code',
      solved: true,
      feePolicy: 'low_cost',
      arrivedAt: at(30),
      completedAt: at(55),
    });
    const firstLink = await ratingLinkSent(r.id, 1);
    expect(fact.data.ratingTokenHash).toBe(sha256Hex(firstLink.token));
    expect((await h.call('plumber', 'POST', `/requests/${r.id}/sign-off`, { code, solved: true })).statusCode).toBe(409);

    const now = Date.now();
    await h.produce(RedoRequested, r.id, { ...job(r.id, 0), at: new Date(now).toISOString(), reason: '又跳闸了', providerId: 'm-0042' });
    const redo = await reaches(r.id, 'dispatching');
    expect(redo).toMatchObject({ reopenCount: 1, provider: null, signedOffAt: null });
    const [reopened] = await h.events(RequestReopened, 1, (d) => d.requestId === r.id);
    expect(reopened.data).toMatchObject({ reason: '又跳闸了', previousProviderId: 'm-0042' });

    const later = (s: number) => new Date(now + s * 1_000).toISOString();
    await h.produce(JobAssigned, r.id, { ...assigned(r.id, 0, 'm-0099'), at: later(1) });
    await reaches(r.id, 'assigned');
    await h.produce(JobCompleted, r.id, { ...plumber(r.id, 0, 'm-0099'), at: later(2), priceChargedFen: 0 });
    await reaches(r.id, 'completed');
    const followUp = await h.call('agent', 'POST', `/requests/${r.id}/follow-up`, { solved: true, note: '回访：已修好' });
    expect(followUp.json()).toMatchObject({ status: 'signed_off', provider: { id: 'm-0099' }, arrivedAt: null });
    const [viaCall] = await h.events(RequestSignedOff, 1, (d) => d.requestId === r.id && d.via === 'follow_up');
    expect(viaCall.data.providerId).toBe('m-0099');
    const secondLink = await ratingLinkSent(r.id, 2);
    expect(secondLink.token).not.toBe(firstLink.token);
    expect(viaCall.data.ratingTokenHash).toBe(sha256Hex(secondLink.token));

    const closer = h.app.get(RequestCloser);
    expect(await closer.closeDue(new Date(now + 6 * DAY))).toBe(0);
    expect(await closer.closeDue(new Date(now + 8 * DAY))).toBe(1);
    expect((await get(r.id)).status).toBe('closed');
    await h.events(RequestClosed, 1, (d) => d.requestId === r.id);

    const tooLate = await h.produce(RedoRequested, r.id, {
      ...job(r.id, 0),
      at: new Date(now + 9 * DAY).toISOString(),
      reason: '还是不行',
    });
    await consumed(tooLate);
    const final = await get(r.id);
    expect(final.status).toBe('closed');
    expect(final.timeline.map((t: { action: string }) => t.action)).toEqual([
      'receive',
      'publish',
      'assign',
      'arrive',
      'complete',
      'sign_off',
      'reopen',
      'assign',
      'complete',
      'sign_off',
      'close',
    ]);
    expect(final.timeline[2].actor).toEqual({ kind: 'system', id: 'dispatch' });
    expect(final.timeline[6]).toMatchObject({ actor: { kind: 'system', id: 'rating' }, note: '又跳闸了' });
  });

  it('counts wrong codes per request across codes and rations new codes; the follow-up call still signs off', async () => {
    const r = await intake();
    await h.produce(JobAssigned, r.id, assigned(r.id, 1));
    await reaches(r.id, 'assigned');
    await h.produce(JobCompleted, r.id, { ...plumber(r.id, 40), priceChargedFen: 0 });
    await reaches(r.id, 'completed');
    const notThis = (code: string) => (code === '000000' ? '111111' : '000000');
    const tryCode = (code: string) => h.call('plumber', 'POST', `/requests/${r.id}/sign-off`, { code, solved: true });
    const askForCode = () => h.call('plumber', 'POST', `/requests/${r.id}/sign-off-code`);
    const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

    const first = await codeTexted(r, 1);
    expect((await tryCode(notThis(first))).json().message).toBe('code: wrong code, 4 tries left');
    expect((await tryCode(notThis(first))).json().message).toBe('code: wrong code, 3 tries left');

    expect((await askForCode()).statusCode).toBe(202);
    const second = await codeTexted(r, 2);
    // A new code brings no new tries.
    expect((await tryCode(notThis(second))).json().message).toBe('code: wrong code, 2 tries left');

    expect((await askForCode()).statusCode).toBe(202);
    const third = await codeTexted(r, 3);
    const rationed = await askForCode();
    expect(rationed.statusCode).toBe(429);
    expect(rationed.json().message).toMatch(/^sign-off code: 3 codes sent for this request within 24 h; .*follow-up call$/);
    expect(retryAfter(rationed)).toBeGreaterThan(23 * 3_600);
    expect(retryAfter(rationed)).toBeLessThanOrEqual(24 * 3_600);

    expect((await tryCode(notThis(third))).json().message).toBe('code: wrong code, 1 try left');
    expect((await tryCode(notThis(third))).json().message).toBe('code: wrong code, 0 tries left');
    const locked = await tryCode(third);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/^code: 5 wrong codes for this request within 24 h; .*follow-up call$/);
    expect(retryAfter(locked)).toBeGreaterThan(23 * 3_600);
    const noUse = await askForCode();
    expect(noUse.statusCode).toBe(429);
    expect(noUse.json().message).toMatch(/^code: 5 wrong codes/);
    expect(sms.signOffCodes(r.number)).toHaveLength(3);
    expect((await get(r.id)).status).toBe('completed');

    const followUp = await h.call('agent', 'POST', `/requests/${r.id}/follow-up`, { solved: true, note: '回访：已修好' });
    expect(followUp.statusCode).toBe(200);
    expect(followUp.json().status).toBe('signed_off');
  });

  it("reads a change's answer in the change's own transaction, so a failed read undoes the change and a 503 stays true", async () => {
    const reads = watchTransactions(h.app.get(RequestsService), 'get', 2);
    try {
      const r = await intake();
      await h.produce(JobAssigned, r.id, assigned(r.id, 1));
      await reaches(r.id, 'assigned');
      await h.produce(JobCompleted, r.id, { ...plumber(r.id, 55), priceChargedFen: 0 });
      await reaches(r.id, 'completed');
      const code = await codeTexted(r, 1);
      reads.inTransaction.length = 0;
      expect((await h.call('plumber', 'POST', `/requests/${r.id}/sign-off`, { code, solved: true })).statusCode).toBe(200);
      const other = await intake();
      expect((await h.call('agent', 'POST', `/requests/${other.id}/cancel`, { by: 'resident', reason: '已自行修好' })).statusCode).toBe(
        200,
      );
    } finally {
      reads.restore();
    }
    expect(reads.inTransaction).toEqual([true, true]);
  });

  it('changes nothing when an event is replayed, or when a late, older fact arrives', async () => {
    const r = await intake();
    const assignment = assigned(r.id, 10);
    const eventId = await h.produce(JobAssigned, r.id, assignment);
    await reaches(r.id, 'assigned');
    const snapshot = async () => ({
      request: await get(r.id),
      outbox: await h.count('outbox'),
      notifications: await h.count('notification'),
      inbox: await h.count('inbox'),
    });
    const before = await snapshot();

    await h.produce(JobAssigned, r.id, assignment, eventId);
    const olderFact = await h.produce(JobProviderCancelled, r.id, { ...plumber(r.id, 5), reason: 'stale' });
    const probe = await h.produce(JobEscalated, r.id, { ...job(r.id, 11), level: 'street', reason: 'after assignment: does not apply' });
    await consumed(probe);
    await consumed(olderFact);

    const after = await snapshot();
    expect(after.request).toEqual(before.request);
    expect(after.outbox).toBe(before.outbox);
    expect(after.notifications).toBe(before.notifications);
    expect(after.inbox).toBe(before.inbox + 2);
  });

  it('follows escalation and a provider handing the job back', async () => {
    const r = await intake();
    await h.produce(JobEscalated, r.id, { ...job(r.id, 20), level: 'street', reason: 'no one in the community accepted' });
    expect((await reaches(r.id, 'escalated')).escalationLevel).toBe('street');
    await h.produce(JobAssigned, r.id, assigned(r.id, 25));
    await reaches(r.id, 'assigned');
    await h.produce(JobProviderCancelled, r.id, { ...plumber(r.id, 26), reason: '材料不够' });
    const back = await reaches(r.id, 'dispatching');
    expect(back.provider).toBeNull();
    expect(back.timeline.at(-1)).toMatchObject({ action: 'provider_cancel', from: 'assigned', to: 'dispatching', note: '材料不够' });
  });
});
