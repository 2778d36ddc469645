import { waitFor } from '@bangbang/testing';
import {
  COMMUNITY,
  DispatchHarness,
  NEIGHBOUR,
  OTHER_STREET,
  profile,
  providerPrincipal,
  request,
  staff,
} from '../../test/dispatch-harness';

/**
 * A free job nobody takes climbs the whole ladder, everything observed on the bus: community →
 * street → district → the community admin's queue, where staff assign it by hand.
 */
describe('escalation ladder, end to end through Kafka', () => {
  let h: DispatchHarness;
  // The response deadline is set when the request is made, a few seconds ahead, so it passes in the queue.
  let job = request();
  const communityAdmin = staff('community_admin', COMMUNITY);

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '60000', DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '300' });
    await h.instance();
    await h.watchPublished();
    await h.providers(
      profile('p-home', { coverage: [COMMUNITY] }),
      profile('p-neighbour', { providerKind: 'volunteer', coverage: [NEIGHBOUR] }),
      profile('p-far', { coverage: [OTHER_STREET] }),
      profile('p-inactive', { active: false }),
      profile('p-elsewhere', { coverage: ['/beitang/huangxiang/dongfeng/'] }),
      // The best placed of all, but it takes no free jobs.
      profile('p-paid', { coverage: ['/nanchang/'], takesFreeJobs: false }),
    );
  });

  afterAll(() => h?.stop());

  const decline = async (providerId: string) => {
    const offer = (await h.offers(job.requestId)).find((o) => o.provider_id === providerId && o.status === 'open')!;
    expect(
      (await h.as(providerPrincipal(providerId), 'POST', `/offers/${offer.offer_id}/decline`, { reason: 'fully booked' })).statusCode,
    ).toBe(200);
  };

  it('widens to the street, then the district, then queues the job for the admin with the reason', async () => {
    job = request({ feePolicy: 'free', responseDueAt: new Date(Date.now() + 5_000).toISOString() });
    await h.requests(job);
    await h.publishedFor(job.requestId, (t) => t.includes('offered'), 'the first offer');
    await decline('p-home');
    await h.publishedFor(job.requestId, (t) => t.filter((x) => x === 'offered').length === 2, 'the street-level offer');
    // p-neighbour is a volunteer: its offer runs out on its own after 300 ms.
    await h.publishedFor(job.requestId, (t) => t.filter((x) => x === 'offered').length === 3, 'the district-level offer');
    await decline('p-far');
    const ladder = (types: string[]) => types.filter((t) => t !== 'deadline-breached');
    const events = (
      await h.publishedFor(job.requestId, (t) => ladder(t).length === 9 && ladder(t).at(-1) === 'escalated', 'the manual queue')
    ).filter((e) => !e.type.endsWith('deadline-breached.v1'));

    expect(events.map((e) => [e.type.split('.')[2], e.data.providerId ?? e.data.level])).toEqual([
      ['offered', 'p-home'],
      ['declined', 'p-home'],
      ['escalated', 'street'],
      ['offered', 'p-neighbour'],
      ['expired', 'p-neighbour'],
      ['escalated', 'district'],
      ['offered', 'p-far'],
      ['declined', 'p-far'],
      ['escalated', 'manual'],
    ]);
    expect(events.at(-1)!.data.reason).toMatch(/^no provider in \/nanchang\/ accepted: 3 offered this round; filtered out: .*free-jobs 1/);
    expect(events.some((e) => e.data.providerId === 'p-paid')).toBe(false);
    expect(await h.job(job.requestId)).toMatchObject({ state: 'manual', level: 'manual' });
  });

  it('breaches the response deadline while the job waits in the queue, and shows it first', async () => {
    const [breach] = (await h.publishedFor(job.requestId, (t) => t.includes('deadline-breached'), 'the response breach')).filter((e) =>
      e.type.endsWith('deadline-breached.v1'),
    );
    expect(breach.data).toMatchObject({ deadline: 'response', manualQueue: true, dueAt: job.responseDueAt });

    const other = request({ feePolicy: 'low_cost', categoryCode: 'haircut' });
    await h.requests(other);
    await waitFor(async () => (await h.job(other.requestId))?.state === 'manual', { what: 'the second job queued' });

    const listed = await h.as(communityAdmin, 'GET', '/jobs?state=manual&community=jincheng');
    expect(listed.statusCode).toBe(200);
    const [first, second] = listed.json();
    expect(first).toMatchObject({ requestId: job.requestId, breached: { response: true, resolution: false }, state: 'manual' });
    expect(first.responseLeftMs).toBeLessThan(0);
    expect(first.resolutionLeftMs).toBeGreaterThan(0);
    expect(first.manualReason).toMatch(/^no provider in \/nanchang\//);
    expect(second).toMatchObject({ requestId: other.requestId, breached: { response: false } });
    expect(second.responseLeftMs).toBeGreaterThan(0);

    const elsewhere = await h.as(staff('street_admin', '/nanchang/yangming/'), 'GET', '/jobs');
    expect(elsewhere.json()).toEqual([]);
    expect((await h.as(staff('community_admin', NEIGHBOUR), 'GET', `/jobs/${job.requestId}/offers`)).statusCode).toBe(404);
    expect((await h.as(communityAdmin, 'GET', '/jobs?state=lost')).statusCode).toBe(400);
  });

  it('shows agents the full offer history and the ranked candidates with reasons at every level', async () => {
    const res = await h.as(communityAdmin, 'GET', `/jobs/${job.requestId}/offers`);
    expect([res.statusCode, res.body.slice(0, 300)]).toEqual([200, expect.any(String)]);
    const history = res.json();
    expect(history.map((o: { providerId: string; status: string; level: string }) => [o.level, o.providerId, o.status])).toEqual([
      ['community', 'p-home', 'declined'],
      ['street', 'p-neighbour', 'expired'],
      ['district', 'p-far', 'declined'],
    ]);
    const rankings = (await h.as(staff('agent'), 'GET', `/jobs/${job.requestId}/candidates`)).json();
    expect(rankings.map((r: { level: string; scope: string }) => [r.level, r.scope])).toEqual([
      ['community', COMMUNITY],
      ['street', '/nanchang/jinxing/'],
      ['district', '/nanchang/'],
    ]);
    const [community] = rankings;
    expect(community.ranked[0]).toMatchObject({ providerId: 'p-home', rank: 1 });
    expect(Object.keys(community.ranked[0].factors).sort()).toEqual(['fairness', 'load', 'quality', 'reliability']);
    expect(community.ranked[0].factors.quality.reason).toMatch(/no ratings yet/);
    expect(community.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ providerId: 'p-inactive', rule: 'inactive' }),
        expect.objectContaining({ providerId: 'p-paid', rule: 'free-jobs', reason: 'takes no free jobs' }),
      ]),
    );
  });

  it('refuses a manual assignment that breaks a rule, naming the rule, and changes nothing', async () => {
    const assign = (providerId: string, who = communityAdmin, reason: string | undefined = 'called them') =>
      h.as(who, 'POST', `/jobs/${job.requestId}/assign`, { providerId, reason });
    for (const [providerId, rule] of [
      ['p-inactive', 'inactive'],
      ['p-elsewhere', 'coverage'],
      ['p-paid', 'free-jobs'],
      ['nobody', 'unknown-provider'],
    ]) {
      const refused = await assign(providerId);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ rule });
    }
    expect((await assign('p-inactive')).json().message).toBe('cannot assign to p-inactive: it is not active');
    expect((await assign('p-elsewhere')).json().message).toBe('cannot assign to p-elsewhere: it does not cover /nanchang/');
    const noReason = await h.as(communityAdmin, 'POST', `/jobs/${job.requestId}/assign`, { providerId: 'p-home' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().message)).toContain('reason');
    expect((await assign('p-home', staff('auditor'))).statusCode).toBe(403);
    expect((await assign('p-home', staff('community_admin', NEIGHBOUR))).statusCode).toBe(404);
    expect((await assign('p-home', providerPrincipal('p-home'))).statusCode).toBe(403);
    expect(await h.job(job.requestId)).toMatchObject({ state: 'manual', provider_id: null });
  });

  it('assigns by hand with the reason, and reassigns naming the previous provider', async () => {
    const assigned = await h.as(communityAdmin, 'POST', `/jobs/${job.requestId}/assign`, {
      providerId: 'p-home',
      reason: 'phoned the owner, he can go at 3',
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', provider: { id: 'p-home' } });
    const reassigned = await h.as(staff('agent'), 'POST', `/jobs/${job.requestId}/assign`, {
      providerId: 'p-far',
      reason: 'p-home fell ill',
    });
    expect(reassigned.statusCode).toBe(200);
    const events = await h.publishedFor(job.requestId, (t) => t.includes('reassigned'), 'the reassignment');
    const [a] = events.filter((e) => e.type.endsWith('.assigned.v1'));
    const [r] = events.filter((e) => e.type.endsWith('.reassigned.v1'));
    expect(a.data).toMatchObject({ providerId: 'p-home', assignedBy: communityAdmin.id, reason: 'phoned the owner, he can go at 3' });
    expect(r.data).toMatchObject({
      providerId: 'p-far',
      previousProviderId: 'p-home',
      assignedBy: 'staff-agent',
      reason: 'p-home fell ill',
    });
    const audits = await h.rows<{ type: string }>(
      `SELECT type FROM outbox WHERE type = 'bangbang.dispatch.audit-recorded.v1' AND key = $1`,
      [job.requestId],
    );
    expect(audits).toHaveLength(2);
    expect((await h.as(communityAdmin, 'POST', `/jobs/${job.requestId}/assign`, { providerId: 'p-far', reason: 'again' })).statusCode).toBe(
      409,
    );
  });
});
