import type { DataSource, EntityManager } from 'typeorm';

/** PostgreSQL's deadlock_detected and serialization_failure. */
const CONFLICT_CODES = new Set(['40P01', '40001']);

/**
 * A conflict the application finds itself, as PostgreSQL finds a deadlock: a check just before the
 * commit that a concurrent transaction has beaten. Thrown inside the transaction, it undoes it, and
 * callers that run lost conflicts again run this one again too.
 */
export class LostConflict extends Error {}

/**
 * Whether a transaction was undone because it lost a conflict to a concurrent one: nothing it did
 * was kept, and running it again is safe and usually succeeds.
 */
export function isTransactionConflict(error: unknown): boolean {
  if (error instanceof LostConflict) return true;
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
