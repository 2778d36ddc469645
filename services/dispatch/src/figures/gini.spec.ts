import fc from 'fast-check';
import { chinaMonth, gini } from './gini';

describe('gini', () => {
  it.each<[string, number[], number]>([
    ['nobody', [], 0],
    ['no work at all', [0, 0, 0], 0],
    ['everyone the same', [6, 6, 6, 6, 6], 0],
    ['one of five took it all (the issue’s burst)', [30, 0, 0, 0, 0], 0.8],
    ['one of two took it all', [0, 9], 0.5],
    ['uneven', [1, 2, 3, 4], 0.25],
  ])('%s: %j → %d', (_, amounts, expected) => {
    expect(gini(amounts)).toBeCloseTo(expected, 9);
  });

  it('stays within [0, (n − 1)/n], ignores order, and does not change when every amount is scaled', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 20 }), (xs, k) => {
        const g = gini(xs);
        const n = xs.length;
        return (
          g >= 0 &&
          g <= (n - 1) / n + 1e-9 &&
          Math.abs(gini([...xs].reverse()) - g) < 1e-9 &&
          Math.abs(gini(xs.map((x) => x * k)) - g) < 1e-9
        );
      }),
    );
  });

  it('falls when work moves from a busier provider to a less busy one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100 }), { minLength: 2, maxLength: 20 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const [low, high] = [0, sorted.length - 1];
        if (sorted[high] - sorted[low] < 2) return true;
        const moved = sorted.map((x, i) => (i === low ? x + 1 : i === high ? x - 1 : x));
        return gini(moved) < gini(sorted) - 1e-12;
      }),
    );
  });
});

describe('chinaMonth', () => {
  it('runs from midnight on the 1st, China time, to the next month’s', () => {
    expect(chinaMonth('2026-11')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
    expect(chinaMonth('2026-12').to).toEqual(new Date('2026-12-31T16:00:00Z'));
  });
});
