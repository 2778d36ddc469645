import { EntityManager } from 'typeorm';
import { bayesianScore, chinaDay } from '@bangbang/contracts';
import { sumByKey } from './daily-figures';
import { rates, Weights } from './rates';

export const RECENT_DAYS = 90;

export interface ProviderFigures {
  ratingsCount: number;
  meanStars: number | null;
  bayesianScore: number;
  /** The last 90 China-time days up to today (and deadlines after today already decided). */
  recent: {
    responseRate: number | null;
    resolutionRate: number | null;
    satisfactionRate: number | null;
    composite: number | null;
    responseJobs: number;
    resolutionJobs: number;
    ratedJobs: number;
  };
  tags: Record<string, number>;
}

const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 10_000) / 10_000);

export function recentFrom(now: Date): string {
  return chinaDay(new Date(now.getTime() - (RECENT_DAYS - 1) * 86_400_000).toISOString());
}

/** A provider's figures from its daily counters: all-time for the score, the last 90 days for rates. */
export async function providerFigures(m: EntityManager, providerId: string, weights: Weights, now = new Date()): Promise<ProviderFigures> {
  const [all] = [...(await sumByKey(m, 'provider', '0001-01-01', null, { key: providerId })).values()];
  const [recent] = [...(await sumByKey(m, 'provider', recentFrom(now), null, { key: providerId })).values()];
  const count = all?.ratings ?? 0;
  const r = recent ? rates(recent, weights, 'provider') : null;
  return {
    ratingsCount: count,
    meanStars: count ? round(all.providerStars / count) : null,
    bayesianScore: round(bayesianScore(all?.providerStars ?? 0, count))!,
    recent: {
      responseRate: round(r?.responseRate ?? null),
      resolutionRate: round(r?.resolutionRate ?? null),
      satisfactionRate: round(r?.providerSatisfaction ?? null),
      composite: round(r?.composite ?? null),
      responseJobs: recent?.responseDue ?? 0,
      resolutionJobs: recent?.resolutionDue ?? 0,
      ratedJobs: recent?.ratings ?? 0,
    },
    tags: {
      punctual: all?.tagPunctual ?? 0,
      polite: all?.tagPolite ?? 0,
      tidy: all?.tagTidy ?? 0,
      price_as_quoted: all?.tagPriceAsQuoted ?? 0,
    },
  };
}
