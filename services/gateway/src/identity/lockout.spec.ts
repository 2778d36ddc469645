import { afterFailure, isLocked, LockoutState, UNLOCKED } from './lockout';

const policy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 8, minutes));

const fail = (times: number, start: LockoutState = UNLOCKED, minute = 0) =>
  Array.from({ length: times }).reduce<LockoutState>((s, _, i) => afterFailure(s, at(minute + i), policy), start);

describe('lockout', () => {
  it('locks on the fifth failure within the window, for the lock duration', () => {
    expect(isLocked(fail(4), at(4))).toBe(false);
    const locked = fail(5);
    expect(isLocked(locked, at(5))).toBe(true);
    expect(locked.lockedUntil).toEqual(at(4 + 15));
    expect(isLocked(locked, at(19))).toBe(false);
  });

  it('starts counting afresh when the window has passed', () => {
    const old = fail(4);
    const later = afterFailure(old, at(30), policy);
    expect(later).toEqual({ failedAttempts: 1, firstFailedAt: at(30), lockedUntil: null });
  });
});
