/**
 * When to try a webhook message again, and what an answer means. Pure: the sender records what
 * these functions decide.
 */

/** Delay before each attempt: the first is immediate, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const RETRY_SCHEDULE_MS: readonly number[] = [0, 5e3, 5 * 60e3, 30 * 60e3, 2 * 3600e3, 5 * 3600e3, 10 * 3600e3, 10 * 3600e3];
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;
/** ±20 % so that messages failed together do not all come back together. */
const JITTER = 0.2;
/** A Retry-After beyond this is not honoured as given: the message would sit for days. */
const MAX_RETRY_AFTER_MS = 24 * 3600e3;

export interface SchedulePolicy {
  /** Multiplies every delay: 1 in production, tiny in tests so the whole schedule runs in seconds. */
  scale: number;
}

/**
 * Delay before attempt `next` (1-based, so 2 is the first retry), or undefined when the schedule is
 * spent. A Retry-After from the receiver wins when it asks for longer.
 */
export function retryDelay(
  next: number,
  policy: SchedulePolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  if (next > MAX_ATTEMPTS) return undefined;
  const base = RETRY_SCHEDULE_MS[next - 1] * policy.scale;
  const jittered = Math.round(base * (1 - JITTER + random() * 2 * JITTER));
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}

/** Retry-After in seconds or as an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type AttemptOutcome = { kind: 'delivered' } | { kind: 'retry'; retryAfterMs?: number; error: string } | { kind: 'gone' };

export interface AttemptResult {
  status?: number;
  retryAfter?: string;
  /** Network error, timeout or refused address, when there was no answer. */
  error?: string;
}

/** 2xx delivers; 410 means the receiver is gone for good; anything else (3xx included) is retried. */
export function classify(result: AttemptResult, now = Date.now()): AttemptOutcome {
  const { status } = result;
  if (status === undefined) return { kind: 'retry', error: result.error ?? 'no response' };
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  const honoursRetryAfter = status === 429 || status === 503;
  return {
    kind: 'retry',
    retryAfterMs: honoursRetryAfter ? parseRetryAfter(result.retryAfter, now) : undefined,
    error: status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`,
  };
}

/** An endpoint that has failed without a single success for this long is disabled. */
export function failingTooLong(failingSince: Date | null, now: Date, limitMs: number): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= limitMs;
}
