import type { ProviderKind } from '@bangbang/contracts';
import { EntityManager } from 'typeorm';
import { delta } from './contribution';
import { figuresUpsert } from './daily-figures';
import { applyFact, emptyJob, Fact, JobFact } from './job-fact';
import { refreshProviderQuality } from './provider-quality';
import { Weights } from './rates';

export interface Applied {
  before: JobFact;
  after: JobFact;
}

/**
 * The incremental path: folds one fact into its job, adds the difference between the job's old
 * and new contribution to the daily counters, and republishes the quality of every provider whose
 * counters moved. Runs in the consumer's transaction, so the inbox makes it once per event.
 */
export class FactProjector {
  constructor(private readonly weights: Weights) {}

  /**
   * With `touched`, the providers whose counters moved are collected there for one
   * `refreshProviders` at the end of a batch instead of after every fact.
   */
  async apply(m: EntityManager, requestId: string, fact: Fact, touched?: Map<string, ProviderKind>): Promise<Applied> {
    // Creates the row if need be and locks it, in one round trip.
    const [row] = await m.query<[{ fact: JobFact }]>(
      `INSERT INTO job_fact (request_id, fact) VALUES ($1, $2)
       ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id RETURNING fact`,
      [requestId, emptyJob(requestId)],
    );
    const before = row.fact;
    const after = applyFact(before, fact);
    if (after === before) return { before, after };
    const changes = delta(before, after);
    // The job and the counters in one round trip: this runs for every fact consumed.
    const upsert = figuresUpsert(changes, 4);
    await m.query(
      `WITH job AS (UPDATE job_fact SET fact = $2, org_path = $3, updated_at = now() WHERE request_id = $1 RETURNING 1) ${changes.length ? upsert.sql : 'SELECT 1'}`,
      [requestId, after, after.orgPath, ...(changes.length ? upsert.params : [])],
    );
    const providers = new Map(changes.filter((e) => e.dim === 'provider').map((e) => [e.key, after.providerKind ?? 'merchant'] as const));
    if (touched) for (const [p, kind] of providers) touched.set(p, kind);
    else await this.refreshProviders(m, providers);
    return { before, after };
  }

  async refreshProviders(m: EntityManager, providers: Map<string, ProviderKind>): Promise<void> {
    for (const [provider, kind] of [...providers].sort((a, b) => a[0].localeCompare(b[0]))) {
      await refreshProviderQuality(m, provider, kind, this.weights);
    }
  }
}

export async function loadJob(m: EntityManager, requestId: string, lock = false): Promise<JobFact | null> {
  const [row] = await m.query<[{ fact: JobFact }?]>(`SELECT fact FROM job_fact WHERE request_id = $1${lock ? ' FOR UPDATE' : ''}`, [
    requestId,
  ]);
  return row?.fact ?? null;
}
