import { zeroCounters } from './contribution';
import { FigureRow, rankings } from './unit-figures';

const row = (code: string, composite: number | null, due = 10): FigureRow => ({
  key: `/d/${code}/`,
  code,
  name: null,
  level: 'street',
  month: '2026-11',
  responseRate: null,
  resolutionRate: null,
  teamSatisfaction: null,
  providerSatisfaction: null,
  composite,
  counts: { ...zeroCounters(), responseDue: due },
});

describe('red and black lists', () => {
  it('puts the best first on the red list and the worst first on the black list, never a unit on both', () => {
    const rows = [row('a', 0.9), row('b', 0.5), row('c', 0.95), row('d', 0.7), row('e', null), row('f', 0.6)];
    const { red, black } = rankings(rows, 2);
    expect(red.map((r) => r.code)).toEqual(['c', 'a']);
    expect(black.map((r) => r.code)).toEqual(['b', 'f']);
  });

  it('splits a short list in two rather than listing a unit twice', () => {
    const { red, black } = rankings([row('a', 0.9), row('b', 0.5), row('c', 0.7)], 5);
    expect(red.map((r) => r.code)).toEqual(['a', 'c']);
    expect(black.map((r) => r.code)).toEqual(['b']);
  });

  it('breaks a tie by the number of jobs, then by path', () => {
    const { red } = rankings([row('a', 0.8, 5), row('b', 0.8, 50), row('c', 0.8, 50), row('d', 0.1)], 3);
    expect(red.map((r) => r.code)).toEqual(['b', 'c']);
  });

  it('ranks nobody in a month with no figures', () => {
    expect(rankings([row('a', null), row('b', null)], 5)).toEqual({ red: [], black: [] });
  });
});
