import { likePrefix, Principal } from '@bangbang/auth';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommunityDistribution, ProviderFiguresQuery, ProviderFiguresView, ProviderOfferFigures } from './figures.dto';
import { chinaMonth, gini } from './gini';

type OfferRow = Omit<ProviderOfferFigures, 'jobs'>;

interface ShareRow {
  communityId: string;
  orgPath: string;
  providerId: string;
  jobs: number;
}

/** $1 the caller's scope, $2 and $3 the month, $4 one community or null. */
const JOBS_IN_SCOPE = `SELECT request_id, community_id, org_path, provider_id, assigned_at FROM dispatch_job
  WHERE org_path LIKE $1 AND ($4::text IS NULL OR community_id = $4)`;

const OFFERS = `
  WITH jobs AS (${JOBS_IN_SCOPE})
  SELECT o.provider_id AS "providerId", min(o.provider_kind) AS "providerKind", min(p.display_name) AS "displayName",
    count(*)::int AS offers,
    count(*) FILTER (WHERE o.status = 'accepted')::int AS accepted,
    count(*) FILTER (WHERE o.status = 'declined')::int AS declined,
    count(*) FILTER (WHERE o.status = 'expired')::int AS "timedOut",
    count(*) FILTER (WHERE o.status = 'withdrawn')::int AS withdrawn,
    count(*) FILTER (WHERE o.status = 'open')::int AS open
  FROM dispatch_offer o JOIN jobs j ON j.request_id = o.request_id
  LEFT JOIN dispatch_provider p ON p.provider_id = o.provider_id
  WHERE o.offered_at >= $2 AND o.offered_at < $3
  GROUP BY o.provider_id`;

/**
 * Each community's providers of the month, with the jobs they got: everyone offered one of its
 * jobs (a provider offered work and given none counts, as a zero) and everyone given one.
 */
const SHARES = `
  WITH jobs AS (${JOBS_IN_SCOPE}),
  held AS (
    SELECT community_id, org_path, provider_id, count(*)::int AS jobs FROM jobs
    WHERE provider_id IS NOT NULL AND assigned_at >= $2 AND assigned_at < $3
    GROUP BY 1, 2, 3),
  offered AS (
    SELECT DISTINCT j.community_id, j.org_path, o.provider_id FROM dispatch_offer o JOIN jobs j ON j.request_id = o.request_id
    WHERE o.offered_at >= $2 AND o.offered_at < $3)
  SELECT coalesce(h.community_id, f.community_id) AS "communityId", coalesce(h.org_path, f.org_path) AS "orgPath",
    coalesce(h.provider_id, f.provider_id) AS "providerId", coalesce(h.jobs, 0) AS jobs
  FROM held h FULL JOIN offered f ON f.org_path = h.org_path AND f.provider_id = h.provider_id
  ORDER BY 2, 3`;

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The month's offer answers per provider and the fairness of each community's share-out, within the caller's scope. */
@Injectable()
export class FiguresService {
  constructor(private readonly ds: DataSource) {}

  async providers(principal: Principal, q: ProviderFiguresQuery): Promise<ProviderFiguresView> {
    const { from, to } = chinaMonth(q.month);
    const params = [likePrefix(principal.orgPath), from, to, q.community ?? null];
    const [offers, shares] = await Promise.all([
      this.ds.query<OfferRow[]>(`${OFFERS} ORDER BY 1`, params),
      this.ds.query<ShareRow[]>(SHARES, params),
    ]);
    const jobs = new Map<string, number>();
    for (const s of shares) jobs.set(s.providerId, (jobs.get(s.providerId) ?? 0) + s.jobs);
    return {
      month: q.month,
      providers: offers.map((o) => ({ ...o, jobs: jobs.get(o.providerId) ?? 0 })),
      communities: distribution(shares),
    };
  }
}

function distribution(shares: ShareRow[]): CommunityDistribution[] {
  const byCommunity = new Map<string, ShareRow[]>();
  for (const s of shares) byCommunity.set(s.orgPath, [...(byCommunity.get(s.orgPath) ?? []), s]);
  return [...byCommunity.values()].map((rows) => {
    const counts = rows.map((r) => r.jobs);
    const total = counts.reduce((a, b) => a + b, 0);
    return {
      communityId: rows[0].communityId,
      orgPath: rows[0].orgPath,
      jobs: total,
      providers: rows.length,
      gini: round(gini(counts)),
      topShare: total ? round(Math.max(...counts) / total) : 0,
    };
  });
}
