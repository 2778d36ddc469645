import type { ProviderKind } from '@bangbang/contracts';
import { COUNTERS, Entry } from './contribution';
import { JobFact } from './job-fact';

/**
 * Adds `e` to the entry of its row: one statement may add to a row only once, and an imported
 * request's facts move the same rows several times.
 */
function addTo(rows: Map<string, Entry>, e: Entry): void {
  const id = `${e.dim}\n${e.key}\n${e.day}`;
  const held = rows.get(id);
  if (!held) rows.set(id, { ...e, counters: { ...e.counters } });
  else for (const c of COUNTERS) held.counters[c] += e.counters[c];
}

/**
 * The deltas a transaction's events make to the daily counters, held back to be written together
 * just before it commits, in one statement that locks its rows sorted (`figuresUpsert`). So every
 * transaction takes these locks in the same order (job rows, then the providers' quality rows, then
 * the counter rows sorted) and holds the hottest rows, the unit and category rows every job of the
 * district adds to, only for its last statement.
 */
export class PendingFigures {
  private readonly rows = new Map<string, Entry>();
  /** Each provider whose counters moved, with its kind to refresh its quality with. */
  private readonly providers = new Map<string, ProviderKind>();
  /** Each job the transaction touched: as read (and locked) first, and as its facts folded it since. */
  private readonly jobs = new Map<string, { read: JobFact; folded: JobFact }>();

  /** The job as the transaction's facts folded it so far, if one of them touched it. */
  job(requestId: string): JobFact | undefined {
    return this.jobs.get(requestId)?.folded;
  }

  /** The job's row as the transaction read and locked it: what it folds stays true to the end. */
  read(fact: JobFact): JobFact {
    this.jobs.set(fact.requestId, { read: fact, folded: fact });
    return fact;
  }

  fold(fact: JobFact): void {
    this.jobs.get(fact.requestId)!.folded = fact;
  }

  changedJobs(): JobFact[] {
    return [...this.jobs.values()].filter((j) => j.folded !== j.read).map((j) => j.folded);
  }

  add(changes: Entry[], kind: ProviderKind): void {
    for (const e of changes) {
      if (e.dim === 'provider') this.providers.set(e.key, kind);
      addTo(this.rows, e);
    }
  }

  movedProviders(): Array<[string, ProviderKind]> {
    return [...this.providers];
  }

  entries(): Entry[] {
    return [...this.rows.values()];
  }

  clear(): void {
    this.rows.clear();
    this.providers.clear();
    this.jobs.clear();
  }
}
