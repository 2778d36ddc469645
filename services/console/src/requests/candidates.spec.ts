import { assignable } from './candidates';

const c = (providerId: string, rank: number) => ({ providerId, rank });

describe('providers an agent may assign by hand', () => {
  it('lists every ranked provider once, newest ranking first, and leaves out whom the newest excluded', () => {
    const rankings = [
      {
        level: 'community',
        round: 1,
        rankedAt: '2026-11-27T08:00:00Z',
        ranked: [c('a', 1), c('b', 2), c('d', 3)],
        excluded: [{ providerId: 'x', rule: 'coverage' }],
      },
      {
        level: 'street',
        round: 1,
        rankedAt: '2026-11-27T08:10:00Z',
        ranked: [c('c', 1), c('a', 2)],
        excluded: [
          { providerId: 'b', rule: 'capacity' },
          { providerId: 'y', rule: 'free-jobs' },
        ],
      },
    ];
    const { ranked, excluded } = assignable(rankings);
    expect(ranked.map((r) => [r.providerId, r.level, r.rank])).toEqual([
      ['c', 'street', 1],
      ['a', 'street', 2],
      ['d', 'community', 3],
    ]);
    expect(excluded.map((e) => e.providerId)).toEqual(['b', 'y']);
  });

  it('is empty before dispatch has ranked anyone', () => {
    expect(assignable([])).toEqual({ ranked: [], excluded: [] });
  });
});
