import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Figure } from '../api/admin-types';

export type FigureLevel = 'district' | 'street' | 'community' | 'provider' | 'category';

const fetchFigures = async (level: FigureLevel, month: string): Promise<Figure[]> =>
  ok(api.GET('/api/rating/figures', { params: { query: { level, month } } }));

/** The month's rows of one level, every unit of the level with a row. */
export function useFigures(level: FigureLevel, month: string, enabled = true) {
  return useQuery({ queryKey: ['figures', level, month], enabled, queryFn: () => fetchFigures(level, month) });
}

/** Several months at once, for the trends. */
export function useFiguresByMonth(level: FigureLevel, months: string[]) {
  const results = useQueries({
    queries: months.map((month) => ({ queryKey: ['figures', level, month], queryFn: () => fetchFigures(level, month) })),
  });
  return {
    loading: results.some((r) => r.isLoading),
    error: results.find((r) => r.isError)?.error,
    byMonth: Object.fromEntries(months.map((m, i) => [m, results[i].data ?? []])) as Record<string, Figure[]>,
  };
}

export function useRankings(level: 'street' | 'community', month: string, enabled: boolean) {
  return useQuery({
    queryKey: ['rankings', level, month],
    enabled,
    queryFn: async () => ok(api.GET('/api/rating/figures/rankings', { params: { query: { level, month, size: 5 } } })),
  });
}
