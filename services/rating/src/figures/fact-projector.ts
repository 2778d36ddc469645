import { planEachRun } from '@bangbang/persistence';
import { EntityManager } from 'typeorm';
import { delta } from './contribution';
import { addToFigures } from './daily-figures';
import { applyFact, emptyJob, Fact, JobFact } from './job-fact';
import { PendingFigures } from './pending-figures';
import { markQualityDue } from './provider-quality';

const WRITE_JOBS = planEachRun(`
  UPDATE job_fact j SET fact = u.fact, org_path = u.org_path, updated_at = now()
    FROM unnest($1::uuid[], $2::jsonb[], $3::text[]) AS u(request_id, fact, org_path) WHERE j.request_id = u.request_id`);

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

  /**
   * The job's row and the counters are not written here but collected in `pending`, for one
   * `writePending` just before the transaction commits: a chunk often folds several facts of one job.
   */
  async apply(m: EntityManager, requestId: string, fact: Fact, pending: PendingFigures): Promise<Applied> {
    const before = pending.job(requestId) ?? pending.read(await this.lockJob(m, requestId));
    const after = applyFact(before, fact);
    if (after === before) return { before, after };
    pending.fold(after);
    pending.add(delta(before, after), after.providerKind ?? 'merchant');
    return { before, after };
  }

  /** Creates the job's row if need be and locks it, in one round trip; the transaction then holds it. */
  private async lockJob(m: EntityManager, requestId: string): Promise<JobFact> {
    const [row] = await m.query<[{ fact: JobFact }]>(
      `INSERT INTO job_fact (request_id, fact) VALUES ($1, $2)
       ON CONFLICT (request_id) DO UPDATE SET request_id = EXCLUDED.request_id RETURNING fact`,
      [requestId, emptyJob(requestId)],
    );
    return row.fact;
  }

  /**
   * Writes what `apply` collected: the jobs' rows (locked already) in one statement; that the
   * quality of every provider whose counters moved is due (the quality is a state: one published
   * after many events says what one after each of them would end with); then every counter row, the
   * providers' and the shared ones, in one statement.
   */
  async writePending(m: EntityManager, pending: PendingFigures): Promise<void> {
    const jobs = pending.changedJobs();
    if (jobs.length) {
      await m.query(WRITE_JOBS, [jobs.map((j) => j.requestId), jobs.map((j) => JSON.stringify(j)), jobs.map((j) => j.orgPath)]);
    }
    await markQualityDue(m, pending.movedProviders(), this.qualityDelayMs);
    await addToFigures(m, pending.entries());
    pending.clear();
  }
}

export async function loadJob(m: EntityManager, requestId: string, lock = false): Promise<JobFact | null> {
  const [row] = await m.query<[{ fact: JobFact }?]>(`SELECT fact FROM job_fact WHERE request_id = $1${lock ? ' FOR UPDATE' : ''}`, [
    requestId,
  ]);
  return row?.fact ?? null;
}
