import { contribution, Counters, delta, Entry, sumEntries, unitKeys } from './contribution';
import { applyFact, emptyJob, Fact, JobFact } from './job-fact';

const placed = { orgPath: '/nanchang/jinxing/jincheng/', categoryCode: 'plumbing' };
const created = (responseDueAt: string, resolutionDueAt: string): Fact => ({
  type: 'created',
  kind: 'home_service',
  responseDueAt,
  resolutionDueAt,
  ...placed,
});
const assigned = (at: string, providerId = 'm-1'): Fact => ({ type: 'assigned', at, providerId, providerKind: 'merchant', ...placed });
const signedOff = (at: string, solved = true, resolutionDueAt = '2026-12-01T00:00:00Z'): Fact => ({
  type: 'signed-off',
  at,
  solved,
  resolutionDueAt,
  providerId: 'm-1',
  providerKind: 'merchant',
  ...placed,
});
const rated = (
  revision: number,
  provider: 'satisfied' | 'basically_satisfied' | 'dissatisfied',
  ratedAt = '2026-11-20T02:00:00Z',
): Fact => ({
  type: 'rated',
  revision,
  ratedAt,
  team: 'satisfied',
  provider,
  solved: true,
  tags: ['polite'],
  providerId: 'm-1',
  providerKind: 'merchant',
  ...placed,
});

const fold = (facts: Fact[]): JobFact => facts.reduce(applyFact, emptyJob('r-1'));
/** The community's counters per day, the figures a month's rates are summed from. */
const community = (job: JobFact): Record<string, Partial<Counters>> => {
  const out: Record<string, Partial<Counters>> = {};
  for (const e of contribution(job).filter((x) => x.dim === 'community')) {
    out[e.day] = Object.fromEntries(Object.entries(e.counters).filter(([, v]) => v !== 0));
  }
  return out;
};

describe('a job contributes to the day its deadline falls due, in China time', () => {
  it.each<[string, Fact[], Record<string, Partial<Counters>>]>([
    ['created only: nothing decided, nothing due', [created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z')], {}],
    [
      'accepted in time, signed off solved in time',
      [created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'), assigned('2026-11-10T03:00:00Z'), signedOff('2026-11-10T20:00:00Z')],
      { '2026-11-10': { responseDue: 1, responseOk: 1 }, '2026-11-11': { resolutionDue: 1, resolutionOk: 1 } },
    ],
    [
      'accepted late: due, not ok',
      [created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'), assigned('2026-11-10T05:00:00Z')],
      { '2026-11-10': { responseDue: 1 } },
    ],
    [
      'signed off in time but not solved: a miss',
      [created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'), assigned('2026-11-10T03:00:00Z'), signedOff('2026-11-10T20:00:00Z', false)],
      { '2026-11-10': { responseDue: 1, responseOk: 1 }, '2026-11-11': { resolutionDue: 1 } },
    ],
    [
      'breached and never accepted: a miss and a breach',
      [
        created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'),
        { type: 'breached', deadline: 'response', at: '2026-11-10T04:00:01Z', ...placed },
      ],
      { '2026-11-10': { responseDue: 1, breaches: 1 } },
    ],
    [
      'cancelled before any decision: not due',
      [created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'), { type: 'cancelled', at: '2026-11-10T01:00:00Z', ...placed }],
      {},
    ],
    [
      'a consultation answered at intake is not due anything',
      [
        {
          type: 'created',
          kind: 'consultation',
          responseDueAt: '2026-11-10T04:00:00Z',
          resolutionDueAt: '2026-11-11T00:00:00Z',
          ...placed,
        },
        { type: 'answered', at: '2026-11-10T00:01:00Z', ...placed },
      ],
      {},
    ],
    [
      'straddling months: received 30 Nov, response due 1 Dec 01:00 China time (30 Nov 17:00 UTC) counts for December',
      [created('2026-11-30T17:00:00Z', '2026-12-07T17:00:00Z'), assigned('2026-11-30T16:00:00Z')],
      { '2026-12-01': { responseDue: 1, responseOk: 1 } },
    ],
    [
      'straddling months the other way: due 30 Nov 23:59 China time counts for November',
      [created('2026-11-30T15:59:00Z', '2026-12-07T15:59:00Z'), assigned('2026-11-30T15:00:00Z')],
      { '2026-11-30': { responseDue: 1, responseOk: 1 } },
    ],
    [
      'a redo clears the sign-off; the second sign-off decides against the same deadline',
      [
        created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'),
        assigned('2026-11-10T03:00:00Z'),
        signedOff('2026-11-10T20:00:00Z'),
        { type: 'reopened', at: '2026-11-10T22:00:00Z', reason: 'leaks', ...placed } as Fact,
        signedOff('2026-11-11T02:00:00Z'),
      ],
      { '2026-11-10': { responseDue: 1, responseOk: 1 }, '2026-11-11': { resolutionDue: 1 } },
    ],
    [
      'an amendment replaces the first rating, still counted on the first rating day',
      [rated(1, 'dissatisfied', '2026-11-20T17:00:00Z'), rated(2, 'satisfied', '2026-11-25T02:00:00Z')],
      { '2026-11-21': { ratings: 1, teamOk: 1, providerOk: 1, providerStars: 5, tagPolite: 1 } },
    ],
    [
      'basically satisfied counts as satisfied, 4 stars',
      [rated(1, 'basically_satisfied')],
      { '2026-11-20': { ratings: 1, teamOk: 1, providerOk: 1, providerStars: 4, tagPolite: 1 } },
    ],
  ])('%s', (_, facts, expected) => {
    expect(community(fold(facts))).toEqual(expected);
  });
});

describe('folding facts', () => {
  const facts: Fact[] = [
    created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'),
    assigned('2026-11-10T03:00:00Z', 'm-1'),
    { ...(assigned('2026-11-10T06:00:00Z', 'm-2') as object), type: 'assigned' } as Fact,
    { type: 'breached', deadline: 'resolution', at: '2026-11-11T00:00:01Z', ...placed },
    signedOff('2026-11-11T03:00:00Z'),
    rated(1, 'dissatisfied'),
  ];

  it('gives the same job whatever the order of the facts', () => {
    const inOrder = fold(facts);
    for (const order of [[...facts].reverse(), [facts[2], facts[5], facts[0], facts[4], facts[1], facts[3]]]) {
      expect(fold(order)).toEqual(inOrder);
    }
  });

  it('ignores a fact told twice', () => {
    expect(fold([...facts, ...facts])).toEqual(fold(facts));
  });

  it('credits the response to the first provider to accept', () => {
    const job = fold(facts);
    expect(
      contribution(job)
        .filter((e) => e.dim === 'provider' && e.counters.responseDue)
        .map((e) => e.key),
    ).toEqual(['m-1']);
  });

  it('places a job in its community, street, district and category', () => {
    expect(unitKeys('/nanchang/jinxing/jincheng/')).toEqual([
      ['district', '/nanchang/'],
      ['street', '/nanchang/jinxing/'],
      ['community', '/nanchang/jinxing/jincheng/'],
    ]);
    const dims = new Set(contribution(fold(facts)).map((e) => `${e.dim}:${e.key}`));
    expect(dims).toEqual(
      new Set([
        'district:/nanchang/',
        'street:/nanchang/jinxing/',
        'community:/nanchang/jinxing/jincheng/',
        'category:plumbing',
        'provider:m-1',
      ]),
    );
  });
});

describe('deltas', () => {
  it('sum to the contribution of the final job, whatever the steps', () => {
    const steps = [
      created('2026-11-10T04:00:00Z', '2026-11-11T00:00:00Z'),
      assigned('2026-11-10T05:00:00Z'),
      assigned('2026-11-10T03:00:00Z'),
      rated(1, 'dissatisfied'),
      rated(2, 'satisfied'),
    ];
    let job = emptyJob('r-1');
    const applied = new Map<string, Entry>();
    for (const f of steps) {
      const next = applyFact(job, f);
      sumEntries(delta(job, next), 1, applied);
      job = next;
    }
    expect(applied).toEqual(sumEntries(contribution(job)));
  });
});
