import { Counters, zeroCounters } from './contribution';
import { bayesianScore } from '@bangbang/contracts';
import { composite, DEFAULT_WEIGHTS, monthDays, parseWeights, rates, share } from './rates';

const counters = (c: Partial<Counters>): Counters => ({ ...zeroCounters(), ...c });

describe('the three rates and the composite', () => {
  it.each<[string, Partial<Counters>, 'team' | 'provider', Record<string, number | null>]>([
    [
      'a month with no jobs: every rate n/a, no composite',
      {},
      'team',
      { responseRate: null, resolutionRate: null, teamSatisfaction: null, providerSatisfaction: null, composite: null },
    ],
    [
      'all in time, all satisfied',
      { responseDue: 10, responseOk: 10, resolutionDue: 8, resolutionOk: 8, ratings: 5, teamOk: 5, providerOk: 5 },
      'team',
      { responseRate: 1, resolutionRate: 1, teamSatisfaction: 1, providerSatisfaction: 1, composite: 1 },
    ],
    [
      '30/35/35 of 0.9, 0.8, 0.6',
      { responseDue: 10, responseOk: 9, resolutionDue: 10, resolutionOk: 8, ratings: 10, teamOk: 6, providerOk: 2 },
      'team',
      {
        responseRate: 0.9,
        resolutionRate: 0.8,
        teamSatisfaction: 0.6,
        providerSatisfaction: 0.2,
        composite: 0.3 * 0.9 + 0.35 * 0.8 + 0.35 * 0.6,
      },
    ],
    [
      'a provider composite uses the provider question',
      { responseDue: 10, responseOk: 9, resolutionDue: 10, resolutionOk: 8, ratings: 10, teamOk: 6, providerOk: 2 },
      'provider',
      { composite: 0.3 * 0.9 + 0.35 * 0.8 + 0.35 * 0.2 },
    ],
    [
      'team and provider kept apart: 97.6% vs 81.2%',
      { ratings: 500, teamOk: 488, providerOk: 406 },
      'team',
      { teamSatisfaction: 0.976, providerSatisfaction: 0.812, composite: 0.976 },
    ],
    [
      'responses due but no rating yet: composite over the two rates that exist',
      { responseDue: 4, responseOk: 3, resolutionDue: 2, resolutionOk: 1 },
      'team',
      { responseRate: 0.75, resolutionRate: 0.5, teamSatisfaction: null, composite: (0.3 * 0.75 + 0.35 * 0.5) / 0.65 },
    ],
    [
      'nothing in time',
      { responseDue: 3, resolutionDue: 3, ratings: 3 },
      'team',
      { responseRate: 0, resolutionRate: 0, teamSatisfaction: 0, composite: 0 },
    ],
  ])('%s', (_, c, satisfaction, expected) => {
    const r = rates(counters(c), DEFAULT_WEIGHTS, satisfaction) as unknown as Record<string, number | null>;
    for (const [k, v] of Object.entries(expected)) {
      if (v === null) expect(r[k]).toBeNull();
      else expect(r[k]).toBeCloseTo(v, 10);
    }
  });

  it('takes configured weights', () => {
    expect(parseWeights('50, 25,25')).toEqual({ response: 50, resolution: 25, satisfaction: 25 });
    expect(
      composite([
        [1, 50],
        [0, 25],
        [0, 25],
      ]),
    ).toBe(0.5);
    expect(() => parseWeights('0,0,0')).toThrow(/not all zero/);
    expect(() => parseWeights('30,35')).toThrow(/three/);
  });

  it('refuses a share of nothing', () => {
    expect(share(0, 0)).toBeNull();
  });
});

describe('months', () => {
  it.each([
    ['2026-11', '2026-11-01', '2026-12-01'],
    ['2026-12', '2026-12-01', '2027-01-01'],
    ['2028-02', '2028-02-01', '2028-03-01'],
  ])('%s runs from %s to before %s', (month, from, until) => {
    expect(monthDays(month)).toEqual({ from, until });
  });

  it('refuses a malformed month', () => {
    expect(() => monthDays('2026-13')).toThrow(/YYYY-MM/);
  });
});

describe('the Bayesian score', () => {
  const score = (ratings: Array<[number, number]>) => {
    const n = ratings.reduce((s, [, k]) => s + k, 0);
    const stars = ratings.reduce((s, [st, k]) => s + st * k, 0);
    return bayesianScore(stars, n);
  };

  it('puts 2 five-star ratings below 200 averaging 4.8 stars', () => {
    const few = score([[5, 2]]);
    const many = score([
      [5, 160],
      [4, 40],
    ]);
    expect(few).toBeCloseTo(10 / 12, 10);
    expect(many).toBeCloseTo((8 + 190) / 210, 10);
    expect(few).toBeLessThan(many);
  });

  it('is the prior with no ratings and moves towards the ratings as they grow', () => {
    expect(bayesianScore(0, 0)).toBe(0.8);
    expect(score([[1, 5]])).toBeLessThan(0.8);
    expect(score([[1, 500]])).toBeLessThan(score([[1, 5]]));
  });
});
