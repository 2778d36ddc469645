import { type AvailabilityV1, bayesianScoreOfMean, type FeePolicy, type ProviderKind, QUALITY_PRIOR } from '@bangbang/contracts';
import { availableDuring } from './availability';
import { servesScope } from './org-scope';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface QualityFigures {
  ratingsCount: number;
  meanStars?: number | null;
  acceptanceRate?: number | null;
  onTimeRate?: number | null;
  responseRate?: number | null;
  resolutionRate?: number | null;
}

/** A provider as the ranking sees it: its profile, its quality figures and its current work. */
export interface ProviderFacts {
  providerId: string;
  providerKind: ProviderKind;
  displayName: string;
  active: boolean;
  categories: readonly string[];
  coverage: readonly string[];
  availability: AvailabilityV1;
  pausedUntil: Date | null;
  maxConcurrentJobs: number;
  takesFreeJobs: boolean;
  location: GeoPoint | null;
  /** A volunteer's own limits on jobs taken per China calendar day and week; null for none. */
  maxJobsPerDay: number | null;
  maxJobsPerWeek: number | null;
  /** Jobs it holds now (assigned or on site). */
  activeJobs: number;
  /** Offers still open and answerable: each holds one of its slots until answered. */
  openOffers: number;
  /** Jobs it was given since the start of today and of this week (China time); 0 for a provider with neither limit. */
  jobsToday: number;
  jobsThisWeek: number;
  /** Offers it was made in the last 7 days, and when the last one was made. */
  recentOffers: number;
  lastOfferedAt: Date | null;
  quality: QualityFigures | null;
}

export interface JobFacts {
  categoryCode: string;
  /** Where the search looks now: the community, or the street or district it was widened to. */
  scope: string;
  feePolicy: FeePolicy;
  location: GeoPoint | null;
  /** The interval the provider must be available in. */
  window: { from: Date; to: Date };
  /** Offered first when eligible: the resident's choice, or the provider whose work is redone. */
  preferredProviderId: string | null;
  /** Providers already offered this job in this round. */
  alreadyOffered: ReadonlySet<string>;
}

export const RULES = [
  'already-offered',
  'inactive',
  'paused',
  'category',
  'coverage',
  'free-jobs',
  'capacity',
  'job-limit',
  'unavailable',
] as const;
export type Rule = (typeof RULES)[number];

export interface Refusal {
  rule: Rule;
  reason: string;
}

/** The first hard filter a provider fails for this job, or null when it may take it. */
export function refusal(job: JobFacts, p: ProviderFacts, now: Date, skip: readonly Rule[] = []): Refusal | null {
  const checks: Array<[Rule, () => string | null]> = [
    ['already-offered', () => (job.alreadyOffered.has(p.providerId) ? 'already offered this job' : null)],
    ['inactive', () => (p.active ? null : 'is not active')],
    ['paused', () => (p.pausedUntil && p.pausedUntil > now ? `is paused until ${p.pausedUntil.toISOString()}` : null)],
    ['category', () => (p.categories.includes(job.categoryCode) ? null : `does not serve category ${job.categoryCode}`)],
    ['coverage', () => (servesScope(p.coverage, job.scope) ? null : `does not cover ${job.scope}`)],
    ['free-jobs', () => (job.feePolicy === 'free' && !takesFreeJobs(p) ? 'takes no free jobs' : null)],
    [
      'capacity',
      () => (p.activeJobs + p.openOffers < p.maxConcurrentJobs ? null : `is at capacity (${inHand(p)} of ${p.maxConcurrentJobs})`),
    ],
    ['job-limit', () => overLimit(p)],
    ['unavailable', () => (availableDuring(p.availability, job.window.from, job.window.to) ? null : 'is not available in the time window')],
  ];
  for (const [rule, check] of checks) {
    if (skip.includes(rule)) continue;
    const reason = check();
    if (reason) return { rule, reason };
  }
  return null;
}

/**
 * Whether a provider can no longer hold the offers just made to it without holding its row, read at
 * commit with those offers counted: it stopped taking jobs meanwhile (inactive or paused; the open
 * offers of a provider gone inactive were ended before these existed), or it is past its capacity
 * or a limit of jobs, which `refusal` kept before each offer.
 */
export function cannotHold(p: ProviderFacts, now: Date): boolean {
  const stopped = !p.active || (p.pausedUntil !== null && p.pausedUntil > now);
  const over = (limit: number | null, taken: number) => limit !== null && taken + p.openOffers > limit;
  return (
    stopped ||
    p.activeJobs + p.openOffers > p.maxConcurrentJobs ||
    over(p.maxJobsPerDay, p.jobsToday) ||
    over(p.maxJobsPerWeek, p.jobsThisWeek)
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const inHand = (p: Pick<ProviderFacts, 'activeJobs' | 'openOffers'>) =>
  `${plural(p.activeJobs, 'job')} in hand + ${plural(p.openOffers, 'open offer')}`;

export interface LimitReached {
  limit: number;
  period: 'today' | 'this week';
  taken: number;
  openOffers: number;
}

/**
 * A volunteer's daily or weekly limit, reached by the jobs taken in that period and the open
 * offers, which may each become one.
 */
export function limitReached(p: ProviderFacts): LimitReached | null {
  const limits: Array<[number | null, number, LimitReached['period']]> = [
    [p.maxJobsPerDay, p.jobsToday, 'today'],
    [p.maxJobsPerWeek, p.jobsThisWeek, 'this week'],
  ];
  for (const [limit, taken, period] of limits) {
    if (limit !== null && taken + p.openOffers >= limit) return { limit, period, taken, openOffers: p.openOffers };
  }
  return null;
}

/** `limit of 2 jobs today (2 jobs taken + 1 open offer)`. */
export function describeLimit(r: LimitReached): string {
  const offers = r.openOffers ? ` + ${plural(r.openOffers, 'open offer')}` : '';
  return `limit of ${plural(r.limit, 'job')} ${r.period} (${plural(r.taken, 'job')} taken${offers})`;
}

function overLimit(p: ProviderFacts): string | null {
  const reached = limitReached(p);
  return reached && `has reached its ${describeLimit(reached)}`;
}

/** Volunteers serve for free by definition; partner units opt in. */
export const takesFreeJobs = (p: Pick<ProviderFacts, 'providerKind' | 'takesFreeJobs'>): boolean =>
  p.providerKind === 'volunteer' || p.takesFreeJobs;

export const FACTORS = ['quality', 'reliability', 'fairness', 'load', 'distance'] as const;
export type Factor = (typeof FACTORS)[number];
export type Weights = Record<Factor, number>;
/** The defaults; a district may set its own (`DISPATCH_WEIGHTS`), quality always the heaviest. */
export const WEIGHTS: Weights = { quality: 0.35, reliability: 0.25, fairness: 0.15, load: 0.15, distance: 0.1 };

const NEUTRAL_RATE = 0.5;

export interface FactorScore {
  score: number;
  /** The factor's weight in this district, before renormalising over the known factors. */
  weight: number;
  reason: string;
}

type Scored = Omit<FactorScore, 'weight'>;

export interface Candidate {
  rank: number;
  providerId: string;
  providerKind: ProviderKind;
  displayName: string;
  score: number;
  preferred: boolean;
  factors: Partial<Record<Factor, FactorScore>>;
}

export interface Excluded extends Refusal {
  providerId: string;
}

export interface Ranking {
  ranked: Candidate[];
  excluded: Excluded[];
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (n: number): string => `${Math.round(n * 100)}%`;

function quality(q: QualityFigures | null): Scored {
  if (!q || !q.ratingsCount || q.meanStars == null) {
    return { score: QUALITY_PRIOR.score, reason: `no ratings yet: the prior ${QUALITY_PRIOR.score}` };
  }
  const score = round(bayesianScoreOfMean(q.meanStars, q.ratingsCount));
  return {
    score,
    reason: `${q.meanStars.toFixed(2)}★ over ${q.ratingsCount} ratings → ${score} (Bayesian, prior ${QUALITY_PRIOR.score} × ${QUALITY_PRIOR.weight})`,
  };
}

function reliability(q: QualityFigures | null): Scored {
  const acceptance = q?.acceptanceRate ?? q?.responseRate ?? null;
  const onTime = q?.onTimeRate ?? q?.resolutionRate ?? null;
  const score = round(((acceptance ?? NEUTRAL_RATE) + (onTime ?? NEUTRAL_RATE)) / 2);
  const part = (label: string, rate: number | null) => (rate === null ? `${label} unknown (${NEUTRAL_RATE})` : `${label} ${pct(rate)}`);
  return { score, reason: `${part('accepts', acceptance)}, ${part('on time', onTime)} → ${score}` };
}

/** Offers halve the score at this many in a week. */
const OFTEN_HALF = 5;
/** An offer this long ago no longer counts against the provider. */
const RECENT_MS = 3_600_000;

/**
 * How often and how recently the provider was offered work: the mean of `1/(1 + offers/5)` over
 * the last 7 days and the share of the last hour since its last offer. A burst's offers spread
 * over comparable providers instead of queuing on the best one.
 */
function fairness(p: ProviderFacts, now: Date): Scored {
  const often = 1 / (1 + p.recentOffers / OFTEN_HALF);
  const since = p.lastOfferedAt ? Math.max(0, now.getTime() - p.lastOfferedAt.getTime()) : null;
  const recent = since === null ? 1 : Math.min(1, since / RECENT_MS);
  const score = round((often + recent) / 2);
  const last = since === null ? 'never offered before' : `the last ${Math.round(since / 60_000)} min ago`;
  return { score, reason: `${plural(p.recentOffers, 'offer')} in the last 7 days, ${last} → ${score}` };
}

function load(p: ProviderFacts): Scored {
  const score = round(Math.max(0, 1 - (p.activeJobs + p.openOffers) / p.maxConcurrentJobs));
  return { score, reason: `${inHand(p)} of ${p.maxConcurrentJobs} → ${score}` };
}

function distance(job: JobFacts, p: ProviderFacts): Scored | undefined {
  if (!job.location || !p.location) return undefined;
  const km = haversineKm(job.location, p.location);
  const score = round(1 / (1 + km / 3));
  return { score, reason: `${km.toFixed(1)} km away → ${score}` };
}

export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * Orders the providers that pass every hard filter: the preferred provider first, then by the
 * weighted score (weights over the factors that are known), ties broken by provider id. Every
 * factor carries the reason for its score; every excluded provider the rule it failed.
 */
export function rankProviders(job: JobFacts, providers: readonly ProviderFacts[], now: Date, weights: Weights = WEIGHTS): Ranking {
  const excluded: Excluded[] = [];
  const scored: Omit<Candidate, 'rank'>[] = [];
  for (const p of providers) {
    const refused = refusal(job, p, now);
    if (refused) {
      excluded.push({ providerId: p.providerId, ...refused });
      continue;
    }
    const scores: Partial<Record<Factor, Scored>> = {
      quality: quality(p.quality),
      reliability: reliability(p.quality),
      fairness: fairness(p, now),
      load: load(p),
      distance: distance(job, p),
    };
    const factors: Partial<Record<Factor, FactorScore>> = {};
    let total = 0;
    let weighed = 0;
    for (const f of FACTORS) {
      const s = scores[f];
      if (!s) continue;
      factors[f] = { score: s.score, weight: weights[f], reason: s.reason };
      total += weights[f] * s.score;
      weighed += weights[f];
    }
    scored.push({
      providerId: p.providerId,
      providerKind: p.providerKind,
      displayName: p.displayName,
      score: round(total / weighed),
      preferred: p.providerId === job.preferredProviderId,
      factors,
    });
  }
  scored.sort(
    (a, b) =>
      Number(b.preferred) - Number(a.preferred) ||
      b.score - a.score ||
      (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0),
  );
  excluded.sort((a, b) => (a.providerId < b.providerId ? -1 : 1));
  return { ranked: scored.map((c, i) => ({ rank: i + 1, ...c })), excluded };
}
