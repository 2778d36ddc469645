import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `work` finished within `ms`. Past that it is no longer waited for, not cancelled: for
 * shutdown and readiness steps that must not hang on a broker that does not answer. A rejection of
 * `work` in time rejects.
 */
export function finishedWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([work.then(() => true), sleep(ms, false, { ref: false })]);
}
