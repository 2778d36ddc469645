import { EntityManager } from 'typeorm';
import { delta } from './contribution';
import { addToFigures } from './daily-figures';
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

  async apply(m: EntityManager, requestId: string, fact: Fact): Promise<Applied> {
    await m.query('INSERT INTO job_fact (request_id, fact) VALUES ($1, $2) ON CONFLICT (request_id) DO NOTHING', [requestId, emptyJob(requestId)]);
    const [row] = await m.query('SELECT fact FROM job_fact WHERE request_id = $1 FOR UPDATE', [requestId]);
    const before = row.fact as JobFact;
    const after = applyFact(before, fact);
    if (after === before) return { before, after };
    await m.query('UPDATE job_fact SET fact = $2, org_path = $3, updated_at = now() WHERE request_id = $1', [requestId, after, after.orgPath]);
    const changes = delta(before, after);
    await addToFigures(m, changes);
    const providers = [...new Set(changes.filter((e) => e.dim === 'provider').map((e) => e.key))].sort();
    for (const provider of providers) {
      await refreshProviderQuality(m, provider, after.providerKind ?? 'merchant', this.weights);
    }
    return { before, after };
  }
}

export async function loadJob(m: EntityManager, requestId: string, lock = false): Promise<JobFact | null> {
  const [row] = await m.query(`SELECT fact FROM job_fact WHERE request_id = $1${lock ? ' FOR UPDATE' : ''}`, [requestId]);
  return (row?.fact as JobFact) ?? null;
}
