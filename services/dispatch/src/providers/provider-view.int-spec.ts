import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DispatchHarness, profile, request } from '../../test/dispatch-harness';
import { providersForCategory } from './provider-view';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("a provider's last week of offers", () => {
  let h: DispatchHarness;
  beforeAll(async () => {
    h = await DispatchHarness.start();
    await h.instance();
    await h.providers(profile('p-week', { categories: ['week-count'] }), profile('p-none', { categories: ['week-count'] }));
  });
  afterAll(() => h?.stop());

  it('counts exactly the offers after the moment a week ago, whatever the time of day', async () => {
    const r = request({ categoryCode: 'week-count' });
    await h.requests(r);
    await h.waitForOffers(r.requestId, (o) => o.length > 0, 'the first offer');
    // Offers around every edge of the window: a week ago to the minute, midnight UTC, days ago and later.
    const now = Date.now();
    const ago = [8 * DAY, 7 * DAY + HOUR, 7 * DAY + 60_000, 7 * DAY - 60_000, 7 * DAY - HOUR, 6 * DAY, 3 * DAY, DAY, HOUR];
    const midnight = Math.floor(now / DAY) * DAY;
    const times = [...ago.map((a) => now - a), midnight - 1, midnight, midnight - 6 * DAY - 1, midnight - 6 * DAY + 1];
    for (const [i, at] of times.entries()) {
      await h.rows(
        `INSERT INTO dispatch_offer (offer_id, request_id, round, level, provider_id, provider_kind, status, offered_by, offered_at, expires_at)
         VALUES ($1, $2, $3, 'community', 'p-week', 'merchant', 'declined', 'dispatcher', $4, $4)`,
        [randomUUID(), r.requestId, 100 + i, new Date(at)],
      );
    }
    const ds = h.app.get(DataSource);
    // The window moved over the next eight days, by steps that fall at every hour of a day.
    for (let later = 0; later <= 8 * DAY; later += 7 * HOUR + 13 * 60_000) {
      const at = new Date(now + later);
      const expected = await h.rows<{ provider_id: string; n: number; last: Date | null }>(
        // The latest offer is also an open one, however old.
        `SELECT p.provider_id, count(o.*) FILTER (WHERE o.offered_at > $1)::int AS n, max(o.offered_at) AS last
           FROM dispatch_provider p
           LEFT JOIN dispatch_offer o ON o.provider_id = p.provider_id AND (o.offered_at > $1 OR o.status = 'open')
          WHERE 'week-count' = ANY(p.categories) GROUP BY 1 ORDER BY 1`,
        [new Date(at.getTime() - 7 * DAY)],
      );
      const facts = await providersForCategory(ds.manager, 'week-count', at);
      expect({ later, counts: facts.map((p) => [p.providerId, p.recentOffers, p.lastOfferedAt?.getTime() ?? null]) }).toEqual({
        later,
        counts: expected.map((e) => [e.provider_id, e.n, e.last?.getTime() ?? null]),
      });
    }
    // Ten of the thirteen backdated offers are inside the first window (none is past it by less than a day).
    const first = await providersForCategory(ds.manager, 'week-count', new Date(now));
    expect(first.find((p) => p.providerId === 'p-week')!.recentOffers).toBeGreaterThanOrEqual(10);
  });
});
