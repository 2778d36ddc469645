import {
  ProviderQuality,
  ProviderQualityV1,
  RequestCancelled,
  RequestCreated,
  RequestReopened,
  RequestSignedOff,
  VolunteerProviderProfile,
} from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { DataSource } from 'typeorm';
import { Dispatcher } from './dispatcher';
import { IllegalTransition } from './job-state';
import { COMMUNITY, DispatchHarness, profile, providerPrincipal, request } from '../../test/dispatch-harness';

const quality = (providerId: string, meanStars: number, ratingsCount: number, version: number): ProviderQualityV1 => ({
  providerId,
  providerKind: 'merchant',
  ratingsCount,
  meanStars,
  bayesianScore: 0.5,
  satisfactionRate: 0.9,
  responseRate: 0.9,
  resolutionRate: 0.9,
  composite: 0.9,
  asOf: new Date().toISOString(),
  version,
});

describe("following the request's story", () => {
  let h: DispatchHarness;
  const fact = (requestId: string) => ({ requestId, orgPath: COMMUNITY, categoryCode: 'plumbing', at: new Date().toISOString() });
  const accept = async (requestId: string, providerId: string, kind: 'merchant' | 'volunteer' = 'merchant') => {
    const offer = (await h.offers(requestId)).find((o) => o.provider_id === providerId && o.status === 'open')!;
    expect((await h.as(providerPrincipal(providerId, kind), 'POST', `/offers/${offer.offer_id}/accept`)).statusCode).toBe(200);
  };

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '60000', DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '60000' });
    await h.instance();
  });

  afterAll(() => h?.stop());

  it('opens no job for a consultation answered at intake', async () => {
    const r = request({ kind: 'consultation', categoryCode: 'policy-question' });
    const [event] = await h.produce(RequestCreated, [{ subject: r.requestId, data: r }]);
    await h.applied(event);
    expect(await h.job(r.requestId)).toBeUndefined();
  });

  it('never offers a free job to a merchant that takes no free jobs, even the one the resident chose', async () => {
    await h.providers(
      profile('f-paid-only', { categories: ['repair'], takesFreeJobs: false }),
      profile('f-free', { categories: ['repair'], takesFreeJobs: true }),
      profile('f-vol-1', { categories: ['repair'], providerKind: 'volunteer', takesFreeJobs: false }),
      profile('f-vol-2', { categories: ['repair'], providerKind: 'volunteer' }),
    );
    await h.produce(ProviderQuality, [{ subject: 'f-paid-only', data: quality('f-paid-only', 5, 400, 1) }]);
    const r = request({ categoryCode: 'repair', feePolicy: 'free', urgency: 'emergency', chosenProviderId: 'f-paid-only' });
    await h.requests(r);
    const offers = await h.waitForOffers(r.requestId, (o) => o.length === 3, 'the emergency fan-out');
    expect(offers.map((o) => o.provider_id).sort()).toEqual(['f-free', 'f-vol-1', 'f-vol-2']);
    for (const o of offers) {
      await h.as(
        providerPrincipal(o.provider_id, o.provider_id.startsWith('f-vol') ? 'volunteer' : 'merchant'),
        'POST',
        `/offers/${o.offer_id}/decline`,
      );
    }
    await waitFor(async () => (await h.job(r.requestId))?.state === 'manual', { what: 'the manual queue' });
    expect((await h.offers(r.requestId)).map((o) => o.provider_id)).not.toContain('f-paid-only');
  });

  it('withdraws open offers and stops the clocks when the request is cancelled', async () => {
    await h.providers(profile('c-1'), profile('c-2'), profile('c-3'));
    const r = request({ urgency: 'emergency' });
    await h.requests(r);
    const offers = await h.waitForOffers(r.requestId, (o) => o.length === 3, 'three offers');
    const [event] = await h.produce(RequestCancelled, [
      { subject: r.requestId, data: { ...fact(r.requestId), by: 'resident', reason: 'fixed it myself' } },
    ]);
    await h.applied(event);
    expect((await h.offers(r.requestId)).map((o) => [o.status, o.reason])).toEqual(offers.map(() => ['withdrawn', 'cancelled']));
    expect(await h.job(r.requestId)).toMatchObject({ state: 'cancelled' });
    expect(await h.rows('SELECT 1 FROM dispatch_clock WHERE request_id = $1', [r.requestId])).toEqual([]);
    const late = await h.as(providerPrincipal(offers[0].provider_id), 'POST', `/offers/${offers[0].offer_id}/accept`);
    expect(late.json()).toMatchObject({ offerStatus: 'withdrawn', message: 'the offer was withdrawn: the request was cancelled' });
    // The one method that changes a job refuses any move out of a final state, whoever calls it.
    const ds = h.app.get(DataSource);
    const dispatcher = h.app.get(Dispatcher);
    await expect(
      ds.transaction(async (m) => dispatcher.patch(m, await dispatcher.lock(m, r.requestId), { state: 'assigned' }, new Date())),
    ).rejects.toThrow(IllegalTransition);
    expect(await h.job(r.requestId)).toMatchObject({ state: 'cancelled' });
  });

  it("frees the provider's slot on sign-off, and on a redo asks the same provider first", async () => {
    await h.providers(
      profile('s-solo', { categories: ['locks'], maxConcurrentJobs: 1 }),
      profile('s-star', { categories: ['locks'], maxConcurrentJobs: 1 }),
    );
    await h.produce(ProviderQuality, [{ subject: 's-star', data: quality('s-star', 4.9, 300, 1) }]);
    const first = request({ categoryCode: 'locks', chosenProviderId: 's-solo' });
    await h.requests(first);
    await h.waitForOffers(first.requestId, (o) => o.length === 1, 'the first offer');
    expect((await h.offers(first.requestId))[0].provider_id).toBe('s-solo');
    await accept(first.requestId, 's-solo');

    const second = request({ categoryCode: 'locks' });
    await h.requests(second);
    const [toStar] = await h.waitForOffers(second.requestId, (o) => o.length === 1, 'the second job offered');
    expect(toStar.provider_id).toBe('s-star');
    const ranking = (await h.job(second.requestId))!.rankings as Array<{ excluded: Array<{ providerId: string; rule: string }> }>;
    expect(ranking[0].excluded).toEqual([expect.objectContaining({ providerId: 's-solo', rule: 'capacity' })]);

    const [signed] = await h.produce(RequestSignedOff, [
      {
        subject: first.requestId,
        data: {
          ...fact(first.requestId),
          categoryCode: 'locks',
          providerId: 's-solo',
          providerKind: 'merchant',
          via: 'code',
          solved: true,
          feePolicy: 'low_cost',
          resolutionDueAt: first.resolutionDueAt,
        },
      },
    ]);
    await h.applied(signed);
    expect(await h.job(first.requestId)).toMatchObject({ state: 'signed_off' });
    expect(await h.rows('SELECT 1 FROM dispatch_clock WHERE request_id = $1', [first.requestId])).toEqual([]);

    const third = request({ categoryCode: 'locks' });
    await h.requests(third);
    // The better-rated s-star's one slot is held by its open offer of the second job: the third
    // goes straight to s-solo, whose slot the sign-off freed.
    const [toSolo] = await h.waitForOffers(third.requestId, (o) => o.length === 1, 'the third job offered');
    expect(toSolo.provider_id).toBe('s-solo');
    const thirdRanking = (await h.job(third.requestId))!.rankings as Array<{
      excluded: Array<{ providerId: string; rule: string; reason: string }>;
    }>;
    expect(thirdRanking[0].excluded).toEqual([
      { providerId: 's-star', rule: 'capacity', reason: 'is at capacity (0 jobs in hand + 1 open offer of 1)' },
    ]);
    await h.as(providerPrincipal('s-solo'), 'POST', `/offers/${toSolo.offer_id}/decline`);

    const [reopened] = await h.produce(RequestReopened, [
      {
        subject: first.requestId,
        data: { ...fact(first.requestId), categoryCode: 'locks', reason: 'still leaking', previousProviderId: 's-solo' },
      },
    ]);
    await h.applied(reopened);
    const redo = (await h.offers(first.requestId)).filter((o) => o.status === 'open');
    expect(redo.map((o) => o.provider_id)).toEqual(['s-solo']);
    expect(await h.job(first.requestId)).toMatchObject({ state: 'offering', round: 2 });
  });

  it("ranks by the rating service's figures and the providers' profiles, keeping only the newest of each", async () => {
    await h.providers(profile('q-a', { categories: ['paint'] }), profile('q-b', { categories: ['paint'] }));
    const [newer] = await h.produce(ProviderQuality, [{ subject: 'q-b', data: quality('q-b', 4.9, 100, 2) }]);
    const [older] = await h.produce(ProviderQuality, [{ subject: 'q-b', data: quality('q-b', 1, 100, 1) }]);
    await Promise.all([h.applied(newer), h.applied(older)]);
    const [paused] = await h.produce(VolunteerProviderProfile, [
      { subject: 'q-a', data: profile('q-a', { categories: ['paint'], active: false, version: 3 }) },
    ]);
    const [stale] = await h.produce(VolunteerProviderProfile, [
      { subject: 'q-a', data: profile('q-a', { categories: ['paint'], version: 2 }) },
    ]);
    await Promise.all([h.applied(paused), h.applied(stale)]);

    const r = request({ categoryCode: 'paint' });
    await h.requests(r);
    const [offer] = await h.waitForOffers(r.requestId, (o) => o.length === 1, 'the offer');
    expect(offer.provider_id).toBe('q-b');
    expect(await h.rows('SELECT active, version FROM dispatch_provider WHERE provider_id = $1', ['q-a'])).toEqual([
      { active: false, version: 3 },
    ]);
  });
});
