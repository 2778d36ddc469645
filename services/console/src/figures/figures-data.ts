import type { Figure } from '../api/admin-types';

/** The rates a figure row carries, in the order the page shows them. */
export const METRICS = ['responseRate', 'resolutionRate', 'teamSatisfaction', 'composite'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric | 'providerSatisfaction', string> = {
  responseRate: '响应率',
  resolutionRate: '解决率',
  teamSatisfaction: '满意率',
  providerSatisfaction: '服务满意率',
  composite: '综合得分',
};

/** The part of the rating service's figure row these rules read. */
export type FigureRow = Pick<Figure, 'code' | 'name' | 'month' | Metric | 'providerSatisfaction'>;

/** A rate as the page and its CSV show it: a percentage with one decimal, or a dash when nothing was due. */
export const pct = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** The same for a chart: a number of percent, or null for a gap. */
export const pctValue = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;

/** The month now in China time (UTC+8), as the rating service counts months. */
export function chinaMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** `count` months ending with `month`, oldest first. */
export function monthsUpTo(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

export interface TrendRow {
  code: string;
  name: string;
  values: Record<string, number | null>;
}

/** One row per unit with the metric of each month: the table under a trend chart and its CSV. */
export function trendRows(byMonth: Record<string, FigureRow[]>, months: string[], metric: Metric): TrendRow[] {
  const rows = new Map<string, TrendRow>();
  for (const month of months) {
    for (const f of byMonth[month] ?? []) {
      const row = rows.get(f.code) ?? { code: f.code, name: f.name ?? f.code, values: Object.fromEntries(months.map((m) => [m, null])) };
      row.values[month] = f[metric];
      rows.set(f.code, row);
    }
  }
  return [...rows.values()];
}

export interface ComparedRow {
  code: string;
  metric: Metric;
  a: number | null;
  b: number | null;
  /** b − a in percentage points, when both exist. */
  change: number | null;
}

/** Two months (or two units) side by side: each metric of the row in A and in B, and the change. */
export function compare(a: FigureRow | undefined, b: FigureRow | undefined): ComparedRow[] {
  return METRICS.map((metric) => {
    const va = a?.[metric] ?? null;
    const vb = b?.[metric] ?? null;
    return { code: metric, metric, a: va, b: vb, change: va === null || vb === null ? null : Math.round((vb - va) * 1000) / 10 };
  });
}

/** A change in percentage points as the table shows it. */
export const points = (change: number | null): string => (change === null ? '—' : `${change > 0 ? '+' : ''}${change.toFixed(1)} 个百分点`);
