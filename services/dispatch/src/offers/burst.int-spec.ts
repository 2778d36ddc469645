import { chinaDay } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { DispatchHarness, profile, providerPrincipal, request, staff } from '../../test/dispatch-harness';

interface Load {
  provider_id: string;
  open: number;
  jobs: number;
}

/**
 * The burst of the issue: more requests at once than the best provider can take. Offers wait 10
 * minutes for an answer here, so a job that reached its provider only after a timeout would show.
 */
describe('a burst of requests', () => {
  let h: DispatchHarness;
  const volunteer = (id: string, category: string, capacity: number) =>
    profile(id, { providerKind: 'volunteer', categories: [category], maxConcurrentJobs: capacity });

  const loads = (ids: string[]) =>
    h.rows<Load>(
      `SELECT p.provider_id,
         (SELECT count(*)::int FROM dispatch_offer o WHERE o.provider_id = p.provider_id AND o.status = 'open') AS open,
         (SELECT count(*)::int FROM dispatch_job j WHERE j.provider_id = p.provider_id AND j.state IN ('assigned', 'on_site')) AS jobs
       FROM dispatch_provider p WHERE p.provider_id = ANY($1) ORDER BY p.provider_id`,
      [ids],
    );

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '600000' });
    await h.instance();
  });

  afterAll(() => h?.stop());

  it('offers each of 30 haircuts at once, spread over 5 volunteers of capacity 20 and equal quality', async () => {
    const ids = ['hair-1', 'hair-2', 'hair-3', 'hair-4', 'hair-5'];
    await h.providers(...ids.map((id) => volunteer(id, 'haircut', 20)));
    const jobs = Array.from({ length: 30 }, () => request({ categoryCode: 'haircut', feePolicy: 'free' }));
    await h.requests(...jobs);

    const offers = await waitFor(
      async () => {
        const rows = await h.rows<{ request_id: string; provider_id: string; status: string }>(
          `SELECT request_id, provider_id, status FROM dispatch_offer WHERE request_id = ANY($1)`,
          [jobs.map((j) => j.requestId)],
        );
        return rows.length >= jobs.length && rows;
      },
      { what: 'an offer for every request' },
    );
    expect(offers).toHaveLength(30);
    expect(offers.every((o) => o.status === 'open')).toBe(true);
    expect(new Set(offers.map((o) => o.request_id)).size).toBe(30);
    const perVolunteer = (await loads(ids)).map((l) => l.open + l.jobs);
    expect(perVolunteer.every((n) => n >= 1 && n <= 20)).toBe(true);
    expect(perVolunteer.reduce((a, b) => a + b)).toBe(30);
  });

  it('sends the jobs beyond every slot to the manual queue at once, leaving no offer on a full volunteer', async () => {
    const ids = ['nail-1', 'nail-2', 'nail-3', 'nail-4', 'nail-5'];
    await h.providers(...ids.map((id) => volunteer(id, 'nails', 4)));
    const jobs = Array.from({ length: 30 }, () => request({ categoryCode: 'nails', feePolicy: 'free' }));
    await h.requests(...jobs);

    const states = await waitFor(
      async () => {
        const rows = await h.rows<{ state: string; offers: number }>(
          `SELECT j.state, (SELECT count(*)::int FROM dispatch_offer o WHERE o.request_id = j.request_id) AS offers
           FROM dispatch_job j WHERE j.request_id = ANY($1)`,
          [jobs.map((j) => j.requestId)],
        );
        return rows.length === jobs.length && rows;
      },
      { what: 'every request handled' },
    );
    const offering = states.filter((s) => s.state === 'offering');
    const manual = states.filter((s) => s.state === 'manual');
    expect([offering.length, manual.length]).toEqual([20, 10]);
    expect(offering.every((s) => s.offers === 1)).toBe(true);
    expect(manual.every((s) => s.offers === 0)).toBe(true);
    expect((await loads(ids)).map((l) => l.open)).toEqual([4, 4, 4, 4, 4]);
    const [queued] = await h.rows<{ manual_reason: string; rankings: Array<{ excluded: Array<{ rule: string }> }> }>(
      `SELECT manual_reason, rankings FROM dispatch_job WHERE state = 'manual' AND request_id = ANY($1) LIMIT 1`,
      [jobs.map((j) => j.requestId)],
    );
    expect(queued.manual_reason).toMatch(/filtered out: capacity 5/);
    expect(queued.rankings[0].excluded.map((e) => e.rule)).toEqual(['capacity', 'capacity', 'capacity', 'capacity', 'capacity']);
  });

  it("counts each volunteer's answers in the provider figures, and how evenly the community's jobs went", async () => {
    const open = async (id: string) =>
      h.rows<{ offer_id: string }>(`SELECT offer_id FROM dispatch_offer WHERE provider_id = $1 AND status = 'open' ORDER BY offered_at`, [
        id,
      ]);
    const volunteerSays = (id: string, offerId: string, answer: 'accept' | 'decline') =>
      h.as(providerPrincipal(id, 'volunteer'), 'POST', `/offers/${offerId}/${answer}`);
    // The volunteer holding the most offers takes two; another declines one.
    const [busy, other] = (await loads(['hair-1', 'hair-2', 'hair-3', 'hair-4', 'hair-5']))
      .sort((x, y) => y.open - x.open)
      .map((l) => l.provider_id);
    const [a, b] = await open(busy);
    expect((await volunteerSays(busy, a.offer_id, 'accept')).statusCode).toBe(200);
    expect((await volunteerSays(busy, b.offer_id, 'accept')).statusCode).toBe(200);
    const [c] = await open(other);
    expect((await volunteerSays(other, c.offer_id, 'decline')).statusCode).toBe(200);

    const month = chinaDay(new Date()).slice(0, 7);
    const res = await h.as(
      staff('community_admin', '/nanchang/jinxing/jincheng/'),
      'GET',
      `/figures/providers?month=${month}&community=jincheng`,
    );
    expect(res.statusCode).toBe(200);
    const figures = res.json() as {
      providers: Array<{
        providerId: string;
        offers: number;
        accepted: number;
        declined: number;
        timedOut: number;
        open: number;
        jobs: number;
      }>;
      communities: Array<{ communityId: string; jobs: number; providers: number; gini: number; topShare: number }>;
    };
    const of = (id: string) => figures.providers.find((p) => p.providerId === id)!;
    expect(of(busy)).toMatchObject({ accepted: 2, jobs: 2, declined: 0, timedOut: 0 });
    expect(of(other)).toMatchObject({ declined: 1, accepted: 0, jobs: 0 });
    expect(of('nail-1')).toMatchObject({ offers: 4, open: 4, jobs: 0 });
    const [{ n }] = await h.rows<{ n: number }>('SELECT count(*)::int AS n FROM dispatch_offer');
    expect(figures.providers.reduce((sum, p) => sum + p.offers, 0)).toBe(n);
    // Ten volunteers were offered Jincheng's work and one holds both jobs: [2, 0 × 9].
    expect(figures.communities).toEqual([
      { communityId: 'jincheng', orgPath: '/nanchang/jinxing/jincheng/', jobs: 2, providers: 10, gini: 0.9, topShare: 1 },
    ]);

    const elsewhere = await h.as(staff('street_admin', '/nanchang/yangming/'), 'GET', `/figures/providers?month=${month}`);
    expect(elsewhere.json()).toEqual({ month, providers: [], communities: [] });
    const bad = await h.as(staff(), 'GET', '/figures/providers?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().message)).toContain('month');
  });

  it("respects a volunteer's daily and weekly job limits like capacity, when offering and when accepting", async () => {
    await h.providers(volunteer('lim-1', 'massage', 5), volunteer('lim-2', 'massage', 5));
    await h.providers({ ...volunteer('lim-1', 'massage', 5), maxJobsPerDay: 1, version: 2 });
    const say = (id: string, offerId: string) => h.as(providerPrincipal(id, 'volunteer'), 'POST', `/offers/${offerId}/accept`);

    const first = request({ categoryCode: 'massage', feePolicy: 'free' });
    await h.requests(first);
    const [toFirst] = await h.waitForOffers(first.requestId, (o) => o.length === 1, 'the first massage offered');
    expect(toFirst.provider_id).toBe('lim-1');
    expect((await say('lim-1', toFirst.offer_id)).statusCode).toBe(200);

    // lim-1 has had its one job today: the next two go to lim-2, though lim-1 has room for four more.
    const more = [request({ categoryCode: 'massage', feePolicy: 'free' }), request({ categoryCode: 'massage', feePolicy: 'free' })];
    await h.requests(...more);
    const offers = await Promise.all(
      more.map(async (r) => (await h.waitForOffers(r.requestId, (o) => o.length === 1, 'a massage offered'))[0]),
    );
    expect(offers.map((o) => o.provider_id)).toEqual(['lim-2', 'lim-2']);
    const [ranking] = (await h.job(more[0].requestId))!.rankings as Array<{
      excluded: Array<{ providerId: string; rule: string; reason: string }>;
    }>;
    expect(ranking.excluded).toEqual([
      { providerId: 'lim-1', rule: 'job-limit', reason: 'has reached its limit of 1 job today (1 job taken)' },
    ]);

    // lim-2 lowers its weekly limit to one while holding both offers: the second accept is refused.
    await h.providers({ ...volunteer('lim-2', 'massage', 5), maxJobsPerWeek: 1, version: 2 });
    expect((await say('lim-2', offers[0].offer_id)).statusCode).toBe(200);
    const refused = await say('lim-2', offers[1].offer_id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('you have reached your limit of 1 job this week (1 job taken)');
  });
});
