import { useQuery } from '@tanstack/react-query';
import { ok } from '../api/call';
import { api } from '../api/client';

/** Category names from the residents' site's public catalogue: the staff catalogue is not for volunteers. */
const useCategories = () =>
  useQuery({ queryKey: ['categories'], queryFn: () => ok(api.GET('/api/request/public/catalogue/categories')), staleTime: 600_000 });

export function useCategoryNames(): Map<string, string> {
  return new Map(useCategories().data?.map((c) => [c.code, c.name]));
}

/** The categories done at home, the only ones a specialty or a points exchange is for (consultations are answered on the phone). */
export function useHomeServices(): Map<string, string> {
  return new Map(
    useCategories()
      .data?.filter((c) => c.kind !== 'consultation')
      .map((c) => [c.code, c.name]),
  );
}

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/volunteer/me')) });
