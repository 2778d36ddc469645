import { useQuery } from '@tanstack/react-query';
import { ok } from '../api/call';
import { api } from '../api/client';

/** Category names from the residents' site's public catalogue: the staff catalogue is not for volunteers. */
export function useCategoryNames(): Map<string, string> {
  const categories = useQuery({ queryKey: ['categories'], queryFn: () => ok(api.GET('/api/request/public/catalogue/categories')), staleTime: 600_000 });
  return new Map(categories.data?.map((c) => [c.code, c.name]));
}

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/volunteer/me')) });
