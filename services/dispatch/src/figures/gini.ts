/**
 * The Gini coefficient of how work is shared: 0 when everyone got the same, approaching 1 as one
 * provider gets it all ((n − 1)/n at most for n providers). Nobody, or no work at all, is 0.
 */
export function gini(amounts: readonly number[]): number {
  const n = amounts.length;
  const total = amounts.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  // Over the amounts sorted ascending: G = 2·Σ i·x_i / (n·Σ x) − (n + 1)/n, i from 1.
  const weighted = [...amounts].sort((a, b) => a - b).reduce((sum, x, i) => sum + (i + 1) * x, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The instants a China calendar month (`YYYY-MM`) starts and ends at. */
export function chinaMonth(month: string): { from: Date; to: Date } {
  const [year, m] = month.split('-').map(Number);
  const offset = 8 * 3_600_000;
  return { from: new Date(Date.UTC(year, m - 1, 1) - offset), to: new Date(Date.UTC(year, m, 1) - offset) };
}
