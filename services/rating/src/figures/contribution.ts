import { chinaDay, SATISFACTION_STARS, type Satisfaction } from '@bangbang/contracts';
import type { JobFact } from './job-fact';

/** What the figures are broken down by. Unit keys are org paths; category and provider keys codes. */
export const DIMENSIONS = ['district', 'street', 'community', 'category', 'provider'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const UNIT_LEVELS = ['district', 'street', 'community'] as const;

export const COUNTERS = [
  'responseDue',
  'responseOk',
  'resolutionDue',
  'resolutionOk',
  'breaches',
  'ratings',
  'teamOk',
  'providerOk',
  'providerStars',
  'tagPunctual',
  'tagPolite',
  'tagTidy',
  'tagPriceAsQuoted',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

export interface Entry {
  dim: Dimension;
  key: string;
  /** The China-time calendar day (UTC+8, no daylight saving) the counts belong to: `YYYY-MM-DD`. */
  day: string;
  counters: Counters;
}

const content = (s: Satisfaction | null): number => (s === 'satisfied' || s === 'basically_satisfied' ? 1 : 0);

const TAG_COUNTER: Record<string, Counter> = {
  punctual: 'tagPunctual',
  polite: 'tagPolite',
  tidy: 'tagTidy',
  price_as_quoted: 'tagPriceAsQuoted',
};

/** `/d/s/c/` → `['/d/', '/d/s/', '/d/s/c/']`, paired with their levels. */
export function unitKeys(orgPath: string): Array<[Dimension, string]> {
  const codes = orgPath.split('/').filter(Boolean);
  return codes.slice(0, 3).map((_, i) => [UNIT_LEVELS[i], `/${codes.slice(0, i + 1).join('/')}/`]);
}

/**
 * A job's contribution to the figures, from its stored facts alone (never the clock), so the
 * incremental counters and a recompute agree by construction of the same function:
 *
 * - response, on the day its response deadline falls due: counted once decided, i.e. once a
 *   provider accepted (in time iff accepted at or before the deadline) or dispatch reported the
 *   deadline breached (a miss). Consultations answered at intake and jobs cancelled before either
 *   are not due anything.
 * - resolution, on the day its resolution deadline falls due: counted once signed off (in time iff
 *   signed off as solved at or before the deadline) or breached (a miss). A redo clears the
 *   sign-off; the next sign-off decides against the same deadline.
 * - satisfaction, on the day of the first rating: the newest revision's answers, so an amendment
 *   replaces its predecessor's contribution instead of adding to it.
 *
 * Each part counts for the job's community, street, district and category, and for the provider
 * it concerns (the one who first accepted, who signed off, who was rated) when there is one.
 */
export function contribution(job: JobFact): Entry[] {
  if (!job.orgPath || !job.categoryCode) return [];
  const entries: Entry[] = [];
  const add = (day: string, provider: string | null, counters: Partial<Counters>) => {
    const keys: Array<[Dimension, string]> = [...unitKeys(job.orgPath!), ['category', job.categoryCode!]];
    if (provider) keys.push(['provider', provider]);
    for (const [dim, key] of keys) entries.push({ dim, key, day, counters: { ...zeroCounters(), ...counters } });
  };
  const servesAJob = job.kind !== 'consultation' && job.answeredAt === null;
  if (servesAJob && job.responseDueAt && (job.acceptedAt || job.responseBreachedAt)) {
    const ok = job.acceptedAt !== null && Date.parse(job.acceptedAt) <= Date.parse(job.responseDueAt);
    add(chinaDay(job.responseDueAt), job.acceptedBy, {
      responseDue: 1,
      responseOk: ok ? 1 : 0,
      breaches: job.responseBreachedAt ? 1 : 0,
    });
  }
  if (servesAJob && job.resolutionDueAt && (job.signedOffAt || job.resolutionBreachedAt)) {
    const ok = job.signedOffAt !== null && job.signedOffSolved === true && Date.parse(job.signedOffAt) <= Date.parse(job.resolutionDueAt);
    add(chinaDay(job.resolutionDueAt), job.signedOffBy ?? job.providerId, {
      resolutionDue: 1,
      resolutionOk: ok ? 1 : 0,
      breaches: job.resolutionBreachedAt ? 1 : 0,
    });
  }
  if (job.ratingRevision > 0 && job.firstRatedAt) {
    const tags: Partial<Counters> = {};
    for (const t of job.ratingTags) if (TAG_COUNTER[t]) tags[TAG_COUNTER[t]] = 1;
    add(chinaDay(job.firstRatedAt), job.ratingProviderId, {
      ratings: 1,
      teamOk: content(job.ratingTeam),
      providerOk: content(job.ratingProvider),
      providerStars: job.ratingProvider ? SATISFACTION_STARS[job.ratingProvider] : 0,
      ...tags,
    });
  }
  return entries;
}

export const entryKey = (e: Pick<Entry, 'dim' | 'key' | 'day'>): string => `${e.dim}|${e.key}|${e.day}`;

/** Sums entries per (dim, key, day), dropping all-zero results. */
export function sumEntries(entries: Iterable<Entry>, sign = 1, into = new Map<string, Entry>()): Map<string, Entry> {
  for (const e of entries) {
    const k = entryKey(e);
    const acc = into.get(k) ?? { dim: e.dim, key: e.key, day: e.day, counters: zeroCounters() };
    for (const c of COUNTERS) acc.counters[c] += sign * e.counters[c];
    into.set(k, acc);
  }
  for (const [k, e] of into) if (COUNTERS.every((c) => e.counters[c] === 0)) into.delete(k);
  return into;
}

/** What to add to the stored counters when a job goes from `before` to `after`. */
export function delta(before: JobFact | null, after: JobFact): Entry[] {
  const diff = sumEntries(after ? contribution(after) : []);
  sumEntries(before ? contribution(before) : [], -1, diff);
  return [...diff.values()].sort((a, b) => entryKey(a).localeCompare(entryKey(b)));
}
