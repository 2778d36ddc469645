import { cannotHold, JobFacts, ProviderFacts, rankProviders, refusal, WEIGHTS } from './ranking';
import { nextLevel, scopeAt, servesScope } from './org-scope';

const NOW = new Date('2026-11-25T02:00:00Z');
const COMMUNITY = '/nanchang/jinxing/jincheng/';

const job = (over: Partial<JobFacts> = {}): JobFacts => ({
  categoryCode: 'plumbing',
  scope: COMMUNITY,
  feePolicy: 'low_cost',
  location: null,
  window: { from: NOW, to: new Date(NOW.getTime() + 4 * 3_600_000) },
  preferredProviderId: null,
  alreadyOffered: new Set(),
  ...over,
});

const provider = (providerId: string, over: Partial<ProviderFacts> = {}): ProviderFacts => ({
  providerId,
  providerKind: 'merchant',
  displayName: providerId,
  active: true,
  categories: ['plumbing'],
  coverage: [COMMUNITY],
  availability: { always: true, windows: [] },
  pausedUntil: null,
  maxConcurrentJobs: 4,
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

const order = (j: JobFacts, ps: ProviderFacts[]) => rankProviders(j, ps, NOW).ranked.map((c) => c.providerId);

describe('rankProviders', () => {
  const stars = (meanStars: number, ratingsCount: number) => ({ quality: { ratingsCount, meanStars } });

  it.each<[string, JobFacts, ProviderFacts[], string[]]>([
    ['200 ratings at 4.8★ beat 2 at 5★', job(), [provider('few', stars(5, 2)), provider('many', stars(4.8, 200))], ['many', 'few']],
    ['a rated 4.9★ provider beats an unrated one', job(), [provider('new'), provider('rated', stars(4.9, 50))], ['rated', 'new']],
    [
      'reliability counts: accepting and on time beats neither',
      job(),
      [
        provider('flaky', { quality: { ratingsCount: 0, acceptanceRate: 0.3, onTimeRate: 0.4 } }),
        provider('steady', { quality: { ratingsCount: 0, acceptanceRate: 0.95, onTimeRate: 0.9 } }),
      ],
      ['steady', 'flaky'],
    ],
    [
      'fairness spreads work: fewer offers this week first',
      job(),
      [provider('busy-week', { recentOffers: 6 }), provider('quiet-week', { recentOffers: 0 })],
      ['quiet-week', 'busy-week'],
    ],
    [
      'fairness spreads work: the one offered longer ago first',
      job(),
      [
        provider('just-now', { recentOffers: 1, lastOfferedAt: new Date(NOW.getTime() - 60_000) }),
        provider('this-morning', { recentOffers: 1, lastOfferedAt: new Date(NOW.getTime() - 3 * 3_600_000) }),
      ],
      ['this-morning', 'just-now'],
    ],
    ['lighter load first', job(), [provider('loaded', { activeJobs: 3 }), provider('idle')], ['idle', 'loaded']],
    ['open offers count as load', job(), [provider('offered', { openOffers: 2 }), provider('idle')], ['idle', 'offered']],
    [
      'nearer first when both coordinates are known',
      job({ location: { lat: 31.57, lng: 120.3 } }),
      [provider('far', { location: { lat: 31.7, lng: 120.5 } }), provider('near', { location: { lat: 31.571, lng: 120.301 } })],
      ['near', 'far'],
    ],
    ['exact ties go by provider id', job(), [provider('p-c'), provider('p-a'), provider('p-b')], ['p-a', 'p-b', 'p-c']],
    [
      'ties stay deterministic whatever the input order',
      job(),
      [provider('p-b', stars(4.5, 30)), provider('p-a', stars(4.5, 30)), provider('p-z', stars(4.9, 100))],
      ['p-z', 'p-a', 'p-b'],
    ],
    [
      "the resident's chosen provider comes first even with a lower score",
      job({ preferredProviderId: 'chosen' }),
      [provider('best', stars(5, 300)), provider('chosen', { ...stars(3.5, 10), recentOffers: 9 })],
      ['chosen', 'best'],
    ],
  ])('%s', (_, j, ps, expected) => {
    expect(order(j, ps)).toEqual(expected);
  });

  it.each<[string, Partial<JobFacts>, Partial<ProviderFacts>, string]>([
    ['category', {}, { categories: ['haircut'] }, 'category'],
    ['coverage: another community', {}, { coverage: ['/nanchang/jinxing/huaigu/'] }, 'coverage'],
    ['inactive', {}, { active: false }, 'inactive'],
    ['paused', {}, { pausedUntil: new Date(NOW.getTime() + 60_000) }, 'paused'],
    [
      'not available in the window',
      {},
      { availability: { always: false, windows: [{ day: 6, from: '08:00', to: '09:00' }] } },
      'unavailable',
    ],
    ['at capacity', {}, { activeJobs: 4 }, 'capacity'],
    ['at capacity with its open offers', {}, { activeJobs: 2, openOffers: 2 }, 'capacity'],
    ['daily limit reached', {}, { maxJobsPerDay: 2, jobsToday: 1, openOffers: 1 }, 'job-limit'],
    ['weekly limit reached', {}, { maxJobsPerWeek: 5, jobsThisWeek: 5, jobsToday: 0 }, 'job-limit'],
    ['takes no jobs at all', {}, { maxConcurrentJobs: 0 }, 'capacity'],
    ['free job, merchant without free jobs', { feePolicy: 'free' }, { takesFreeJobs: false }, 'free-jobs'],
    ['already offered this job', { alreadyOffered: new Set(['p']) }, {}, 'already-offered'],
  ])('filters out: %s', (_, j, p, rule) => {
    const ranking = rankProviders(job(j), [provider('p', p), provider('ok')], NOW);
    expect(ranking.ranked.map((c) => c.providerId)).toEqual(['ok']);
    expect(ranking.excluded).toEqual([expect.objectContaining({ providerId: 'p', rule })]);
  });

  it('lets a free job go to volunteers and to merchants that opted in, never to others', () => {
    const ranking = rankProviders(
      job({ feePolicy: 'free' }),
      [
        provider('merchant-paid-only', { takesFreeJobs: false, ...stars(5, 500) }),
        provider('merchant-free', { takesFreeJobs: true }),
        provider('volunteer', { providerKind: 'volunteer', takesFreeJobs: false }),
      ],
      NOW,
    );
    expect(ranking.ranked.map((c) => c.providerId).sort()).toEqual(['merchant-free', 'volunteer']);
    expect(ranking.excluded.map((e) => e.providerId)).toEqual(['merchant-paid-only']);
  });

  it('says what fills a provider, jobs and offers alike', () => {
    expect(refusal(job(), provider('p', { activeJobs: 3, openOffers: 1 }), NOW)).toEqual({
      rule: 'capacity',
      reason: 'is at capacity (3 jobs in hand + 1 open offer of 4)',
    });
    expect(refusal(job(), provider('p', { maxJobsPerDay: 2, jobsToday: 2, jobsThisWeek: 2 }), NOW)).toEqual({
      rule: 'job-limit',
      reason: 'has reached its limit of 2 jobs today (2 jobs taken)',
    });
    expect(refusal(job(), provider('p', { maxJobsPerWeek: 3, jobsThisWeek: 2, openOffers: 1 }), NOW)).toEqual({
      rule: 'job-limit',
      reason: 'has reached its limit of 3 jobs this week (2 jobs taken + 1 open offer)',
    });
    expect(refusal(job(), provider('p', { maxJobsPerDay: 2, jobsToday: 1, maxJobsPerWeek: 9, jobsThisWeek: 8 }), NOW)).toBeNull();
  });

  it('ignores a pause that has already ended', () => {
    const paused = provider('p', { pausedUntil: new Date(NOW.getTime() - 1) });
    expect(refusal(job(), paused, NOW)).toBeNull();
  });

  it('drops a preferred provider that fails a filter, and says why', () => {
    const ranking = rankProviders(job({ preferredProviderId: 'chosen' }), [provider('chosen', { active: false }), provider('other')], NOW);
    expect(ranking.ranked.map((c) => c.providerId)).toEqual(['other']);
    expect(ranking.excluded[0]).toMatchObject({ providerId: 'chosen', rule: 'inactive', reason: 'is not active' });
  });

  it('explains every factor and omits distance when a coordinate is missing', () => {
    const lastOfferedAt = new Date(NOW.getTime() - 30 * 60_000);
    const p = provider('p', { ...stars(4.8, 200), activeJobs: 1, openOffers: 1, recentOffers: 5, lastOfferedAt });
    const [c] = rankProviders(job(), [p], NOW).ranked;
    expect(Object.keys(c.factors).sort()).toEqual(['fairness', 'load', 'quality', 'reliability']);
    expect(c.factors.quality!.reason).toMatch(/4\.80★ over 200 ratings → 0\.94/);
    expect(c.factors.load!.reason).toBe('1 job in hand + 1 open offer of 4 → 0.5');
    expect(c.factors.fairness!.reason).toBe('5 offers in the last 7 days, the last 30 min ago → 0.5');
    expect(Object.values(c.factors).map((f) => f.weight)).toEqual([0.35, 0.25, 0.15, 0.15]);
    expect(c.score).toBeGreaterThan(0);
    expect(c.score).toBeLessThanOrEqual(1);
  });

  it("weighs by the district's weights and shows them", () => {
    const rated = provider('rated', {
      quality: { ratingsCount: 500, meanStars: 5, acceptanceRate: 1, onTimeRate: 1 },
      openOffers: 1,
      recentOffers: 2,
      lastOfferedAt: new Date(NOW.getTime() - 30 * 60_000),
    });
    const idle = provider('idle-unrated');
    expect(order(job(), [rated, idle])).toEqual(['rated', 'idle-unrated']);
    const spreading = { ...WEIGHTS, quality: 0.3, reliability: 0.1, fairness: 0.29, load: 0.29 };
    const ranked = rankProviders(job(), [rated, idle], NOW, spreading).ranked;
    expect(ranked.map((c) => c.providerId)).toEqual(['idle-unrated', 'rated']);
    expect(ranked[0].factors.load!.weight).toBe(0.29);
  });
});

describe('cannotHold: a provider read at commit, the offers just made to it counted', () => {
  it.each([
    ['the last slot, taken', { activeJobs: 3, openOffers: 1 }, false],
    ['one more than its capacity', { activeJobs: 3, openOffers: 2 }, true],
    ['two offers in one chunk, both fitting', { activeJobs: 2, openOffers: 2 }, false],
    ['its daily limit met', { maxJobsPerDay: 2, jobsToday: 1, openOffers: 1 }, false],
    ['its daily limit passed', { maxJobsPerDay: 2, jobsToday: 2, openOffers: 1 }, true],
    ['its weekly limit passed', { maxJobsPerWeek: 3, jobsThisWeek: 2, openOffers: 2 }, true],
    ['no limits, well inside capacity', { openOffers: 1 }, false],
    ['gone inactive meanwhile', { active: false, openOffers: 1 }, true],
    ['paused meanwhile', { pausedUntil: new Date(NOW.getTime() + 60_000), openOffers: 1 }, true],
    ['its pause over', { pausedUntil: new Date(NOW.getTime() - 60_000), openOffers: 1 }, false],
  ])('%s', (_, over, expected) => {
    expect(cannotHold(provider('p', over), NOW)).toBe(expected);
  });

  it('holds exactly where refusal let the last offer through', () => {
    for (let inHand = 0; inHand <= 6; inHand++) {
      const before = provider('p', { activeJobs: inHand, maxJobsPerDay: 3, jobsToday: Math.min(inHand, 2) });
      const allowed = refusal(job(), before, NOW) === null;
      expect(cannotHold({ ...before, openOffers: before.openOffers + 1 }, NOW)).toBe(!allowed);
    }
  });
});

describe('org scope and the escalation ladder', () => {
  it.each([
    ['community', COMMUNITY],
    ['street', '/nanchang/jinxing/'],
    ['district', '/nanchang/'],
    ['manual', '/nanchang/'],
  ] as const)('searches %s as %s', (level, scope) => {
    expect(scopeAt(COMMUNITY, level)).toBe(scope);
  });

  it('climbs community → street → district → manual and stays there', () => {
    expect([nextLevel('community'), nextLevel('street'), nextLevel('district'), nextLevel('manual')]).toEqual([
      'street',
      'district',
      'manual',
      'manual',
    ]);
  });

  it.each([
    [[COMMUNITY], COMMUNITY, true],
    [['/nanchang/jinxing/'], COMMUNITY, true],
    [['/nanchang/'], COMMUNITY, true],
    [['/nanchang/jinxing/huaigu/'], COMMUNITY, false],
    [['/nanchang/jinxing/huaigu/'], '/nanchang/jinxing/', true],
    [['/nanchang/yangming/x/'], '/nanchang/jinxing/', false],
    [['/nanchang/jinxing2/'], '/nanchang/jinxing/', false],
  ])('coverage %j serves %s: %s', (coverage, scope, expected) => {
    expect(servesScope(coverage, scope)).toBe(expected);
  });
});
