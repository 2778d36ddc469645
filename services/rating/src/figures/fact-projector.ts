import { EntityManager } from 'typeorm';
import { delta } from './contribution';
import { addToFigures } from './daily-figures';
import { applyFact, emptyJob, Fact, JobFact } from './job-fact';
import { PendingFigures } from './pending-figures';
import { markQualityDue } from './provider-quality';

export interface Applied {
  before: JobFact;
  after: JobFact;
}

/**
 * The incremental path: folds one fact into its job, adds the difference between the job's old
 * and new contribution to the daily counters, and has the quality of every provider whose counters
 * moved published `qualityDelayMs` later (`QualityPublisher`). Runs in the consumer's transaction,
 * so the inbox makes it once per event.
 */
export class FactProjector {
  constructor(private readonly qualityDelayMs: number) {}

  /** The counters are not written here but collected in `pending`, for one `writePending` just before the transaction commits. */
  async apply(m: EntityManager, requestId: string, fact: Fact, pending: PendingFigures): Promise<Applied> {
    // Creates the row if need be and locks it, in one round trip.
    const [row] = await m.query<[{ fact: JobFact }]>(
      `INSERT INTO job_fact (request_id, fact) VALUES ($1, $2)
       ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id RETURNING fact`,
      [requestId, emptyJob(requestId)],
    );
    const before = row.fact;
    const after = applyFact(before, fact);
    if (after === before) return { before, after };
    pending.add(delta(before, after), after.providerKind ?? 'merchant');
    await m.query('UPDATE job_fact SET fact = $2, org_path = $3, updated_at = now() WHERE request_id = $1', [
      requestId,
      after,
      after.orgPath,
    ]);
    return { before, after };
  }

  /**
   * Writes what `apply` collected: per provider, sorted, its counters, then that their quality is
   * due (the quality is a state: one published after many events says what one after each of them
   * would end with), then the shared rows in one statement.
   */
  async writePending(m: EntityManager, pending: PendingFigures): Promise<void> {
    const providers = pending.providerDeltas();
    for (const [, { entries }] of providers) await addToFigures(m, [...entries.values()]);
    await markQualityDue(
      m,
      providers.map(([provider, { kind }]) => [provider, kind]),
      this.qualityDelayMs,
    );
    await addToFigures(m, pending.sharedEntries());
    pending.clear();
  }
}

export async function loadJob(m: EntityManager, requestId: string, lock = false): Promise<JobFact | null> {
  const [row] = await m.query<[{ fact: JobFact }?]>(`SELECT fact FROM job_fact WHERE request_id = $1${lock ? ' FOR UPDATE' : ''}`, [
    requestId,
  ]);
  return row?.fact ?? null;
}
