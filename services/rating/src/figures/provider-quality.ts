import { ProviderKind, ProviderQuality, ProviderQualityV1 } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { isDeepStrictEqual } from 'node:util';
import { EntityManager } from 'typeorm';
import { providerFigures } from './provider-figures';
import { Weights } from './rates';

const NEUTRAL = 0.5;

type Published = Omit<ProviderQualityV1, 'asOf' | 'version' | 'providerId' | 'providerKind'>;

interface QualityRow {
  provider_id: string;
  provider_kind: ProviderKind;
  version: number;
  figures: Published | null;
}

/**
 * Notes, in the transaction that moved their counters, that these providers' quality is to be
 * published `delayMs` from the first such change: the changes of a job's life (response,
 * resolution, rating) and of a busy provider's other jobs meanwhile go out as one
 * `provider-quality.v1`, with the figures they end with. Sorted, so every transaction locks the
 * rows in one order.
 */
export async function markQualityDue(
  m: EntityManager,
  providers: Array<[string, ProviderKind]>,
  delayMs: number,
  now = new Date(),
): Promise<void> {
  if (!providers.length) return;
  const sorted = [...providers].sort((a, b) => a[0].localeCompare(b[0]));
  await m.query(
    `INSERT INTO provider_quality (provider_id, provider_kind, version, figures, updated_at, due_at)
     SELECT p.id, p.kind, 0, NULL, $3, $3::timestamptz + make_interval(secs => $4::float8 / 1000)
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(id, kind, n) ORDER BY p.n
     ON CONFLICT (provider_id) DO UPDATE SET due_at = EXCLUDED.due_at WHERE provider_quality.due_at IS NULL`,
    [sorted.map(([id]) => id), sorted.map(([, kind]) => kind), now, delayMs],
  );
}

/**
 * Publishes the quality of up to `batch` providers that fell due, each instance taking its own rows
 * (SKIP LOCKED), and returns how many it took. Each provider's figures are read after its row lock,
 * and published only when they differ from the last published, so the highest version always
 * carries the newest figures.
 */
export async function publishDueQuality(m: EntityManager, weights: Weights, batch: number, now = new Date()): Promise<number> {
  // Taken and no longer due in one statement; a failed transaction leaves them due.
  const [due] = await m.query<[QualityRow[], number]>(
    `UPDATE provider_quality q SET due_at = NULL
       FROM (SELECT provider_id FROM provider_quality WHERE due_at <= $1 ORDER BY due_at, provider_id LIMIT $2 FOR UPDATE SKIP LOCKED) d
      WHERE q.provider_id = d.provider_id
      RETURNING q.provider_id, q.provider_kind, q.version, q.figures`,
    [now, batch],
  );
  for (const row of due) await publishIfChanged(m, row, weights, now);
  return due.length;
}

/** The ms until the next provider's quality falls due, or null when none waits. */
export async function msUntilQualityDue(m: EntityManager): Promise<number | null> {
  const [row] = await m.query<[{ ms: string | null }]>(
    'SELECT extract(epoch FROM min(due_at) - now()) * 1000 AS ms FROM provider_quality WHERE due_at IS NOT NULL',
  );
  return row.ms === null ? null : Number(row.ms);
}

async function publishIfChanged(m: EntityManager, row: QualityRow, weights: Weights, now: Date): Promise<void> {
  const providerId = row.provider_id;
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
  if (isDeepStrictEqual(figures, row.figures)) return;
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
}
