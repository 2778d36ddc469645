import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { ok } from '../api/call';
import type { Category, StaffUser, Unit } from '../api/types';

/** The org units in the signed-in person's scope (names for codes, the community picker). */
export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: async (): Promise<Unit[]> => ok(api.GET('/directory/units')), staleTime: 10 * 60_000 });
}

export function useCommunityName(): (code: string) => string {
  const units = useUnits().data ?? [];
  return (code) => units.find((u: Unit) => u.code === code)?.nameZh ?? code;
}

/** The district catalogue, or one community's (with its switched-off categories marked). */
export function useCategories(community?: string) {
  return useQuery({
    queryKey: ['categories', community ?? ''],
    queryFn: async (): Promise<Category[]> =>
      ok(api.GET('/api/request/catalogue/categories', { params: { query: community ? { community } : {} } })),
    staleTime: 10 * 60_000,
  });
}

export function useCategoryName(): (code: string) => string {
  const categories = useCategories().data ?? [];
  return (code) => categories.find((c: Category) => c.code === code)?.nameZh ?? code;
}

/** The staff in the signed-in person's scope (names for ids, the agent picker). */
export function useStaff() {
  return useQuery({ queryKey: ['users'], staleTime: 5 * 60_000, queryFn: async (): Promise<StaffUser[]> => ok(api.GET('/users')) });
}
