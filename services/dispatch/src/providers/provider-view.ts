import type { ProviderProfileV1, ProviderQualityV1 } from '@bangbang/contracts';
import { EntityManager } from 'typeorm';
import type { ProviderFacts } from '../matching/ranking';
import { HOLDING_STATES } from '../jobs/job-state';
import { chinaPeriodStarts } from '../matching/availability';

/** Keeps the newest snapshot: an older or repeated one changes nothing. */
export async function upsertProfile(m: EntityManager, p: ProviderProfileV1): Promise<void> {
  await m.query(
    `INSERT INTO dispatch_provider (provider_id, provider_kind, display_name, active, categories, coverage, availability,
       paused_until, max_concurrent_jobs, takes_free_jobs, lat, lng, max_jobs_per_day, max_jobs_per_week, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15, $13, now())
     ON CONFLICT (provider_id) DO UPDATE SET provider_kind = EXCLUDED.provider_kind, display_name = EXCLUDED.display_name,
       active = EXCLUDED.active, categories = EXCLUDED.categories, coverage = EXCLUDED.coverage,
       availability = EXCLUDED.availability, paused_until = EXCLUDED.paused_until,
       max_concurrent_jobs = EXCLUDED.max_concurrent_jobs, takes_free_jobs = EXCLUDED.takes_free_jobs,
       lat = EXCLUDED.lat, lng = EXCLUDED.lng, max_jobs_per_day = EXCLUDED.max_jobs_per_day,
       max_jobs_per_week = EXCLUDED.max_jobs_per_week, version = EXCLUDED.version, updated_at = now()
     WHERE dispatch_provider.version < EXCLUDED.version`,
    [
      p.providerId,
      p.providerKind,
      p.displayName,
      p.active,
      p.categories,
      p.coverage,
      JSON.stringify({ always: p.availability.always, windows: p.availability.windows }),
      p.pausedUntil ?? null,
      p.maxConcurrentJobs,
      p.takesFreeJobs,
      p.location?.lat ?? null,
      p.location?.lng ?? null,
      p.version,
      p.maxJobsPerDay ?? null,
      p.maxJobsPerWeek ?? null,
    ],
  );
}

/**
 * A provider that is no longer active (suspended, retired, paused) keeps no open offer: each one
 * expires now, and its clock, fired by the scanner under the job's lock, offers the job to the
 * next candidate instead of leaving the resident waiting out the timeout.
 */
export async function endOffersOfInactive(m: EntityManager, providerId: string): Promise<void> {
  await m.query(
    `WITH ended AS (
       UPDATE dispatch_offer o SET expires_at = now()
       FROM dispatch_provider p
       WHERE p.provider_id = $1 AND NOT p.active AND o.provider_id = p.provider_id AND o.status = 'open' AND o.expires_at > now()
       RETURNING o.offer_id)
     UPDATE dispatch_clock SET due_at = now() WHERE kind = 'offer' AND offer_id IN (SELECT offer_id FROM ended)`,
    [providerId],
  );
}

export async function upsertQuality(m: EntityManager, q: ProviderQualityV1): Promise<void> {
  await m.query(
    `INSERT INTO dispatch_provider_quality (provider_id, ratings_count, mean_stars, bayesian_score, acceptance_rate,
       on_time_rate, response_rate, resolution_rate, as_of, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (provider_id) DO UPDATE SET ratings_count = EXCLUDED.ratings_count, mean_stars = EXCLUDED.mean_stars,
       bayesian_score = EXCLUDED.bayesian_score, acceptance_rate = EXCLUDED.acceptance_rate,
       on_time_rate = EXCLUDED.on_time_rate, response_rate = EXCLUDED.response_rate,
       resolution_rate = EXCLUDED.resolution_rate, as_of = EXCLUDED.as_of, version = EXCLUDED.version
     WHERE dispatch_provider_quality.version < EXCLUDED.version`,
    [
      q.providerId,
      q.ratingsCount,
      q.meanStars ?? null,
      q.bayesianScore,
      q.acceptanceRate ?? null,
      q.onTimeRate ?? null,
      q.responseRate,
      q.resolutionRate,
      q.asOf,
      q.version,
    ],
  );
}

interface FactsRow {
  provider_id: string;
  provider_kind: ProviderFacts['providerKind'];
  display_name: string;
  active: boolean;
  categories: string[];
  coverage: string[];
  availability: ProviderFacts['availability'];
  paused_until: Date | null;
  max_concurrent_jobs: number;
  takes_free_jobs: boolean;
  lat: number | null;
  lng: number | null;
  max_jobs_per_day: number | null;
  max_jobs_per_week: number | null;
  active_jobs: number;
  jobs_today: number;
  jobs_this_week: number;
  open_offers: number;
  recent_offers: number;
  last_offered_at: Date | null;
  ratings_count: number | null;
  mean_stars: number | null;
  acceptance_rate: number | null;
  on_time_rate: number | null;
  response_rate: number | null;
  resolution_rate: number | null;
}

/**
 * $2 holding states, $3 a week ago, $4 and $5 the starts of today and of this week in China time,
 * $6 now, $7 a job whose offers do not count (the one being assigned by hand). Each count has an
 * index range of its own (holding jobs, this week's jobs, open offers, the last week's offers), so a
 * decision reads a provider's current week, not every job it has ever had; this week's jobs only
 * for a provider with a daily or weekly limit, the one thing they are read for.
 */
const FACTS = `
  SELECT p.*, q.ratings_count, q.mean_stars, q.acceptance_rate, q.on_time_rate, q.response_rate, q.resolution_rate,
    coalesce(a.active_jobs, 0) AS active_jobs, coalesce(w.jobs_today, 0) AS jobs_today,
    coalesce(w.jobs_this_week, 0) AS jobs_this_week, coalesce(oo.open_offers, 0) AS open_offers,
    coalesce(ro.recent_offers, 0) AS recent_offers, greatest(ro.last_offered_at, oo.last_offered_at) AS last_offered_at
  FROM dispatch_provider p
  LEFT JOIN dispatch_provider_quality q ON q.provider_id = p.provider_id
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS active_jobs FROM dispatch_job j WHERE j.provider_id = p.provider_id AND j.state = ANY($2)
  ) a ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE j.assigned_at >= $4)::int AS jobs_today, count(*)::int AS jobs_this_week
    FROM dispatch_job j WHERE j.provider_id = p.provider_id AND j.assigned_at >= $5
      AND (p.max_jobs_per_day IS NOT NULL OR p.max_jobs_per_week IS NOT NULL)
  ) w ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE o.expires_at > $6 AND o.request_id IS DISTINCT FROM $7::uuid)::int AS open_offers,
           max(o.offered_at) AS last_offered_at
    FROM dispatch_offer o WHERE o.provider_id = p.provider_id AND o.status = 'open'
  ) oo ON true
  LEFT JOIN LATERAL (
    SELECT count(*)::int AS recent_offers, max(o.offered_at) AS last_offered_at
    FROM dispatch_offer o WHERE o.provider_id = p.provider_id AND o.offered_at > $3
  ) ro ON true`;

const WEEK_MS = 7 * 24 * 3_600_000;

const params = (now: Date, exceptRequestId: string | null = null) => {
  const { day, week } = chinaPeriodStarts(now);
  return [HOLDING_STATES, new Date(now.getTime() - WEEK_MS), day, week, now, exceptRequestId];
};

/** Providers serving a category, with their quality figures and current work, as the ranking needs them. */
export async function providersForCategory(m: EntityManager, categoryCode: string, now: Date): Promise<ProviderFacts[]> {
  const rows: FactsRow[] = await m.query(`${FACTS} WHERE $1 = ANY(p.categories) ORDER BY p.provider_id`, [categoryCode, ...params(now)]);
  return rows.map(toFacts);
}

/**
 * The provider's facts read holding its row lock until commit. Everything that gives a provider a
 * job or an offer (accepting an offer, assignment by hand, the dispatcher's offers) takes it after
 * the job's lock and checks capacity and limits on what this returns, so two decisions cannot
 * both take a provider's last slot. The counts are read after the lock is granted, in a statement
 * of their own, so they include whatever the previous holder committed.
 */
export async function lockProvider(
  m: EntityManager,
  providerId: string,
  now: Date,
  exceptRequestId: string | null = null,
): Promise<ProviderFacts | null> {
  const locked = await m.query<unknown[]>('SELECT 1 FROM dispatch_provider WHERE provider_id = $1 FOR UPDATE', [providerId]);
  return locked.length ? factsOf(m, providerId, now, exceptRequestId) : null;
}

/**
 * As `lockProvider`, without waiting: `busy` while another transaction holds the provider. Only
 * for providers just read from the view, which never forgets one.
 */
export async function tryLockProvider(m: EntityManager, providerId: string, now: Date): Promise<ProviderFacts | 'busy'> {
  const locked = await m.query<unknown[]>('SELECT 1 FROM dispatch_provider WHERE provider_id = $1 FOR UPDATE SKIP LOCKED', [providerId]);
  return locked.length ? factsOf(m, providerId, now, null) : 'busy';
}

/**
 * Several providers' facts, read holding their row locks, taken in provider id order in one
 * statement so that two transactions locking overlapping sets cannot wait on each other. As in
 * `lockProvider`, the counts are read after the locks are granted.
 */
export async function lockProviders(m: EntityManager, providerIds: string[], now: Date): Promise<ProviderFacts[]> {
  await m.query('SELECT 1 FROM dispatch_provider WHERE provider_id = ANY($1) ORDER BY provider_id FOR UPDATE', [providerIds]);
  const rows: FactsRow[] = await m.query(`${FACTS} WHERE p.provider_id = ANY($1)`, [providerIds, ...params(now)]);
  return rows.map(toFacts);
}

async function factsOf(m: EntityManager, providerId: string, now: Date, exceptRequestId: string | null): Promise<ProviderFacts> {
  const rows: FactsRow[] = await m.query(`${FACTS} WHERE p.provider_id = $1`, [providerId, ...params(now, exceptRequestId)]);
  return toFacts(rows[0]);
}

function toFacts(r: FactsRow): ProviderFacts {
  return {
    providerId: r.provider_id,
    providerKind: r.provider_kind,
    displayName: r.display_name,
    active: r.active,
    categories: r.categories,
    coverage: r.coverage,
    availability: r.availability,
    pausedUntil: r.paused_until,
    maxConcurrentJobs: r.max_concurrent_jobs,
    takesFreeJobs: r.takes_free_jobs,
    location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    maxJobsPerDay: r.max_jobs_per_day,
    maxJobsPerWeek: r.max_jobs_per_week,
    activeJobs: r.active_jobs,
    openOffers: r.open_offers,
    jobsToday: r.jobs_today,
    jobsThisWeek: r.jobs_this_week,
    recentOffers: r.recent_offers,
    lastOfferedAt: r.last_offered_at,
    quality:
      r.ratings_count === null
        ? null
        : {
            ratingsCount: r.ratings_count,
            meanStars: r.mean_stars,
            acceptanceRate: r.acceptance_rate,
            onTimeRate: r.on_time_rate,
            responseRate: r.response_rate,
            resolutionRate: r.resolution_rate,
          },
  };
}
