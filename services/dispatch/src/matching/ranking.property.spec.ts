import fc from 'fast-check';
import { JobFacts, ProviderFacts, rankProviders } from './ranking';

const NOW = new Date('2026-11-25T02:00:00Z');
const COMMUNITY = '/nanchang/jinxing/jincheng/';

const job: JobFacts = {
  categoryCode: 'haircut',
  scope: COMMUNITY,
  feePolicy: 'free',
  location: null,
  window: { from: NOW, to: new Date(NOW.getTime() + 3_600_000) },
  preferredProviderId: null,
  alreadyOffered: new Set(),
};

const base = (providerId: string, over: Partial<ProviderFacts> = {}): ProviderFacts => ({
  providerId,
  providerKind: 'volunteer',
  displayName: providerId,
  active: true,
  categories: ['haircut'],
  coverage: [COMMUNITY],
  availability: { always: true, windows: [] },
  pausedUntil: null,
  maxConcurrentJobs: 20,
  takesFreeJobs: true,
  location: null,
  maxJobsPerDay: null,
  maxJobsPerWeek: null,
  activeJobs: 0,
  openOffers: 0,
  jobsToday: 0,
  jobsThisWeek: 0,
  recentOffers: 0,
  lastOfferedAt: null,
  quality: null,
  ...over,
});

/** Any provider that passes the filters other than capacity and limits, in any state of work. */
const provider = (providerId: string) =>
  fc
    .record({
      maxConcurrentJobs: fc.integer({ min: 1, max: 20 }),
      used: fc.integer({ min: 0, max: 25 }),
      offeredShare: fc.double({ min: 0, max: 1, noNaN: true }),
      recentOffers: fc.integer({ min: 0, max: 50 }),
      minutesSince: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
      ratingsCount: fc.integer({ min: 0, max: 300 }),
      meanStars: fc.double({ min: 1, max: 5, noNaN: true }),
      acceptanceRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      maxJobsPerDay: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
      jobsToday: fc.integer({ min: 0, max: 12 }),
    })
    .map((r) => {
      const openOffers = Math.round(r.used * r.offeredShare);
      return base(providerId, {
        maxConcurrentJobs: r.maxConcurrentJobs,
        activeJobs: r.used - openOffers,
        openOffers,
        recentOffers: Math.max(r.recentOffers, openOffers),
        lastOfferedAt: r.minutesSince === null ? null : new Date(NOW.getTime() - r.minutesSince * 60_000),
        quality: { ratingsCount: r.ratingsCount, meanStars: r.ratingsCount ? r.meanStars : null, acceptanceRate: r.acceptanceRate },
        maxJobsPerDay: r.maxJobsPerDay,
        jobsToday: r.jobsToday,
        jobsThisWeek: r.jobsToday,
      });
    });

const providers = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => provider(`p${i}`))));

describe('the ranking, for any providers', () => {
  it('is monotone in quality: better ratings never lower a provider’s score or rank', () => {
    fc.assert(
      fc.property(providers, fc.nat(), fc.double({ min: 0, max: 4, noNaN: true }), (ps, pick, lift) => {
        const i = pick % ps.length;
        const q = ps[i].quality!;
        const count = Math.max(1, q.ratingsCount);
        const mean = q.meanStars ?? 1;
        const before = { ...ps[i], quality: { ...q, ratingsCount: count, meanStars: mean } };
        const after = { ...ps[i], quality: { ...q, ratingsCount: count, meanStars: Math.min(5, mean + lift) } };
        const rank = (p: ProviderFacts) => {
          const ranking = rankProviders(
            job,
            ps.map((o, j) => (j === i ? p : o)),
            NOW,
          );
          return ranking.ranked.find((c) => c.providerId === p.providerId);
        };
        const [was, is] = [rank(before), rank(after)];
        if (!was) return is === undefined;
        return is !== undefined && is.score >= was.score && is.rank <= was.rank;
      }),
      { numRuns: 500 },
    );
  });

  it('never ranks a provider whose jobs and open offers fill its capacity, or its daily limit', () => {
    fc.assert(
      fc.property(providers, (ps) => {
        const ranked = new Set(rankProviders(job, ps, NOW).ranked.map((c) => c.providerId));
        return ps.every((p) => {
          const full = p.activeJobs + p.openOffers >= p.maxConcurrentJobs;
          const limited = p.maxJobsPerDay !== null && p.jobsToday + p.openOffers >= p.maxJobsPerDay;
          return ranked.has(p.providerId) === !(full || limited);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('spreads work over providers of equal quality: offers given one by one differ by at most one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 20 }),
        fc.option(fc.record({ ratingsCount: fc.integer({ min: 1, max: 100 }), meanStars: fc.double({ min: 1, max: 5, noNaN: true }) }), {
          nil: null,
        }),
        fc.integer({ min: 0, max: 60_000 }),
        (n, capacity, quality, stepMs) => {
          let ps = Array.from({ length: n }, (_, i) => base(`v${i}`, { maxConcurrentJobs: capacity, quality }));
          let now = NOW.getTime();
          for (let k = 0; k < n * capacity; k++) {
            const [top] = rankProviders(job, ps, new Date(now)).ranked;
            if (!top) return false;
            ps = ps.map((p) =>
              p.providerId === top.providerId
                ? { ...p, openOffers: p.openOffers + 1, recentOffers: p.recentOffers + 1, lastOfferedAt: new Date(now) }
                : p,
            );
            const counts = ps.map((p) => p.openOffers);
            if (Math.max(...counts) - Math.min(...counts) > 1 || Math.max(...counts) > capacity) return false;
            now += stepMs;
          }
          // Every slot is taken: the next job finds nobody.
          return rankProviders(job, ps, new Date(now)).ranked.length === 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});
