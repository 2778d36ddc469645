import { useQuery } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import { ApiError, ok } from '../api/call';
import type { paths } from '../api/schema';
import { rankProviders, type Scorecard } from './providers';

/** The residents' site has no account: plain calls to the gateway's public routes. */
export const publicApi = createClient<paths>({ baseUrl: window.location.origin });

export const useCategories = () =>
  useQuery({ queryKey: ['categories'], queryFn: () => ok(publicApi.GET('/api/request/public/catalogue/categories')), staleTime: 600_000 });

export const useCommunities = () =>
  useQuery({
    queryKey: ['communities'],
    queryFn: () => ok(publicApi.GET('/api/request/public/catalogue/communities')),
    staleTime: 600_000,
  });

export const useUnits = (community?: string, category?: string) =>
  useQuery({
    queryKey: ['units', community ?? '', category ?? ''],
    queryFn: () =>
      ok(
        publicApi.GET('/api/merchant/public/units', {
          params: { query: { community: community || undefined, category: category || undefined } },
        }),
      ),
  });

export const useTeams = (community?: string, category?: string) =>
  useQuery({
    queryKey: ['teams', community ?? '', category ?? ''],
    queryFn: () =>
      ok(
        publicApi.GET('/api/volunteer/public/teams', {
          params: { query: { community: community || undefined, category: category || undefined } },
        }),
      ),
  });

/** A provider nobody has rated yet has no scorecard (404): that is an answer, not a failure. */
async function scorecardOf(providerId: string): Promise<Scorecard | undefined> {
  try {
    return await ok(publicApi.GET('/api/rating/public/providers/{providerId}/scorecard', { params: { path: { providerId } } }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return undefined;
    throw err;
  }
}

/** The units and volunteer teams serving a community and category with their scorecards, best first. */
export function useRankedProviders(community?: string, category?: string) {
  const units = useUnits(community, category);
  const teams = useTeams(community, category);
  const ids = (units.data ?? []).map((u) => u.id);
  const cards = useQuery({
    queryKey: ['scorecards', ...ids],
    enabled: units.isSuccess,
    queryFn: async () =>
      new Map(
        (await Promise.all(ids.map(async (id) => [id, await scorecardOf(id)] as const))).flatMap(([id, c]) =>
          c ? [[id, c] as const] : [],
        ),
      ),
  });
  return {
    ranked: units.data && cards.data && teams.data ? rankProviders(units.data, cards.data, teams.data) : undefined,
    error: units.error ?? cards.error ?? teams.error,
  };
}

/** What to tell a resident when a call is refused: plain words, and the hotline as the way out. */
export function plainError(err: unknown, wrongCode = false): string {
  if (err instanceof ApiError) {
    if (err.status === 429) return '尝试次数太多，请过一会儿再试，或直接拨打热线。';
    if (wrongCode && err.status === 400 && err.concerns('code')) return '验证码不对或已过期，请重新获取。';
    if (err.status === 404 || err.status === 410) return '链接已失效或不完整，请使用短信里的完整链接，或拨打热线查询。';
    if (err.status === 409) return '这个链接已经用过了，感谢您的评价。';
    if (err.status === 400 && err.concerns('phone')) return '手机号不对，请填写在社区登记过的 11 位手机号。';
    if (err.status === 400 && err.concerns('householdId')) return '这个号码登记在好几户，请拨打热线预约。';
    if (err.status === 400) return '填写的内容有误，请检查后再提交，或直接拨打热线。';
    if (err.status === 422) return '这项服务在您的社区暂时不提供，请拨打热线问问。';
  }
  return '网络不太好，没有提交成功，请稍后再试或拨打热线。';
}
