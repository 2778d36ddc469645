import { currentPeriod, periodOf, rank } from './rankings';

const row = (volunteerId: string, points: number, displayName = volunteerId) => ({ volunteerId, displayName, orgPath: '/a/b/c/', points });

describe('rankings', () => {
  it('gives equal points the same rank and skips the tied places', () => {
    const ranked = rank([row('d', 10), row('a', 30), row('c', 20), row('b', 30), row('e', 20), row('f', 5)]);
    expect(ranked.map((r) => [r.volunteerId, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['e', 3],
      ['d', 5],
      ['f', 6],
    ]);
  });

  it('orders a tie by name then id, whatever the input order, and leaves out volunteers with no points', () => {
    const one = rank([row('x2', 7, 'Li'), row('x1', 7, 'Li'), row('x3', 7, 'Chen'), row('x4', 0)]);
    const two = rank([row('x3', 7, 'Chen'), row('x1', 7, 'Li'), row('x2', 7, 'Li')]);
    expect(one).toEqual(two);
    expect(one.map((r) => r.volunteerId)).toEqual(['x3', 'x1', 'x2']);
  });

  it('cuts months and years in China time', () => {
    expect(periodOf('month', '2026-11')).toMatchObject({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
    expect(periodOf('year', '2026')).toMatchObject({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(currentPeriod('month', new Date('2026-11-30T17:00:00Z')).label).toBe('2026-12');
    expect(() => periodOf('month', '2026-13')).toThrow('YYYY-MM');
  });
});
