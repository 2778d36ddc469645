import type { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL's deadlock_detected and serialization_failure. */
const CONFLICT_CODES = new Set(['40P01', '40001']);

/**
 * Whether a transaction was undone because it lost a lock conflict to a concurrent one: nothing it
 * did was kept, and running it again is safe and usually succeeds.
 */
export function isTransactionConflict(error: unknown): boolean {
  const e = error as { driverError?: { code?: unknown }; code?: unknown } | null | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && CONFLICT_CODES.has(code);
}

/** A transaction run again (up to `attempts` times in all) while it loses lock conflicts. */
export async function transactionRetryingConflicts<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !isTransactionConflict(err)) throw err;
    }
  }
}
