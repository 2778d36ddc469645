export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** Fraction of the delay that is randomised, so retries of many messages do not march in step. */
  jitter: number;
}

/** Exponential backoff for the n-th retry (1-based), capped, with proportional jitter. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, attempt - 1));
  const spread = base * policy.jitter;
  return Math.round(base - spread + random() * 2 * spread);
}
