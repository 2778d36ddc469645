import { ProviderKind, ProviderQuality, ProviderQualityV1 } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { providerFigures } from './provider-figures';
import { Weights } from './rates';

const NEUTRAL = 0.5;

type Published = Omit<ProviderQualityV1, 'asOf' | 'version' | 'providerId' | 'providerKind'>;

/**
 * Recomputes a provider's quality figures after its counters changed and publishes them, in the
 * same transaction, when they differ from the last published. The row lock orders concurrent
 * updates of one provider, and each reads the counters after the lock, so the highest version
 * always carries the newest figures.
 */
export async function refreshProviderQuality(
  m: EntityManager,
  providerId: string,
  providerKind: ProviderKind,
  weights: Weights,
  now = new Date(),
): Promise<boolean> {
  await m.query(
    `INSERT INTO provider_quality (provider_id, provider_kind, version, figures, updated_at) VALUES ($1, $2, 0, NULL, $3)
     ON CONFLICT (provider_id) DO NOTHING`,
    [providerId, providerKind, now],
  );
  const [row] = await m.query<[{ provider_kind: ProviderKind; version: number; figures: Published | null }]>(
    'SELECT provider_kind, version, figures FROM provider_quality WHERE provider_id = $1 FOR UPDATE',
    [providerId],
  );
  const f = await providerFigures(m, providerId, weights, now);
  const figures: Published = {
    ratingsCount: f.ratingsCount,
    ...(f.meanStars !== null ? { meanStars: f.meanStars } : {}),
    bayesianScore: f.bayesianScore,
    satisfactionRate: f.recent.satisfactionRate ?? NEUTRAL,
    responseRate: f.recent.responseRate ?? NEUTRAL,
    resolutionRate: f.recent.resolutionRate ?? NEUTRAL,
    responseJobs: f.recent.responseJobs,
    resolutionJobs: f.recent.resolutionJobs,
    ratedJobs: f.recent.ratedJobs,
    composite: f.recent.composite ?? NEUTRAL,
  };
  // jsonb keeps its own key order, so the stored figures are compared as values, not as text.
  if (isDeepStrictEqual(figures, row.figures)) return false;
  const version = Number(row.version) + 1;
  await m.query('UPDATE provider_quality SET version = $2, figures = $3, updated_at = $4 WHERE provider_id = $1', [
    providerId,
    version,
    figures,
    now,
  ]);
  await writeToOutbox(m, ProviderQuality, {
    subject: providerId,
    data: { providerId, providerKind: row.provider_kind, ...figures, asOf: now.toISOString(), version },
  });
  return true;
}
