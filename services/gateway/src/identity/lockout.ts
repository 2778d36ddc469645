export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export interface LockoutState {
  failedAttempts: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export const UNLOCKED: LockoutState = { failedAttempts: 0, firstFailedAt: null, lockedUntil: null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return !!state.lockedUntil && state.lockedUntil > now;
}

/** Counts failures within a window that opens at the first one; the last allowed failure locks. */
export function afterFailure(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  const inWindow = !!state.firstFailedAt && now.getTime() - state.firstFailedAt.getTime() < policy.windowMs;
  const failedAttempts = inWindow ? state.failedAttempts + 1 : 1;
  if (failedAttempts >= policy.maxFailures) {
    return { failedAttempts: 0, firstFailedAt: null, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  }
  return { failedAttempts, firstFailedAt: inWindow ? state.firstFailedAt : now, lockedUntil: null };
}
