import { chinaMonth, compare, FigureRow, monthsUpTo, pct, pctValue, points, trendRows } from './figures-data';

const row = (code: string, month: string, composite: number | null, responseRate: number | null = null): FigureRow => ({
  code,
  name: `${code}街道`,
  month,
  responseRate,
  resolutionRate: null,
  teamSatisfaction: null,
  providerSatisfaction: null,
  composite,
});

describe('figures on the page', () => {
  it('shows rates as percentages with one decimal and a dash for none', () => {
    expect(pct(0.9756)).toBe('97.6%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(null)).toBe('—');
    expect(pctValue(0.8125)).toBe(81.3);
    expect(pctValue(null)).toBeNull();
  });

  it('counts months in China time and across a year', () => {
    expect(chinaMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(chinaMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11');
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('puts each unit on one trend row with a gap for a month it had no row', () => {
    const rows = trendRows(
      { '2026-10': [row('jinxing', '2026-10', 0.8)], '2026-11': [row('jinxing', '2026-11', 0.9), row('guangrui', '2026-11', 0.7)] },
      ['2026-10', '2026-11'],
      'composite',
    );
    expect(rows).toEqual([
      { code: 'jinxing', name: 'jinxing街道', values: { '2026-10': 0.8, '2026-11': 0.9 } },
      { code: 'guangrui', name: 'guangrui街道', values: { '2026-10': null, '2026-11': 0.7 } },
    ]);
  });

  it('compares two rows metric by metric in percentage points, with no change where one is missing', () => {
    const [response, , , composite] = compare(row('jinxing', '2026-10', 0.8, 0.5), row('jinxing', '2026-11', 0.85, null));
    expect(composite).toMatchObject({ metric: 'composite', a: 0.8, b: 0.85, change: 5 });
    expect(response).toMatchObject({ metric: 'responseRate', a: 0.5, b: null, change: null });
    expect(points(5)).toBe('+5.0 个百分点');
    expect(points(-2.5)).toBe('-2.5 个百分点');
  });
});
