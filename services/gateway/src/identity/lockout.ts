export interface ThrottlePolicy {
  /** Failures within the window that cost nothing. */
  freeFailures: number;
  windowMs: number;
  /** The wait the first failure past the free ones imposes; each further one doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface Failures {
  count: number;
  firstAt: number;
  lastAt: number;
}

/** How long, from `now`, before another attempt is heard. */
export function waitMs(failures: Failures | undefined, now: number, policy: ThrottlePolicy): number {
  if (!failures || now - failures.firstAt >= policy.windowMs || failures.count < policy.freeFailures) return 0;
  const delay = Math.min(policy.firstDelayMs * 2 ** (failures.count - policy.freeFailures), policy.maxDelayMs);
  return Math.max(0, failures.lastAt + delay - now);
}

/** Counts failures within a window that opens at the first one. */
export function afterFailure(failures: Failures | undefined, now: number, policy: ThrottlePolicy): Failures {
  const inWindow = !!failures && now - failures.firstAt < policy.windowMs;
  return inWindow ? { count: failures.count + 1, firstAt: failures.firstAt, lastAt: now } : { count: 1, firstAt: now, lastAt: now };
}

/**
 * Progressive delays for sign-in, in place of a lockout anyone could trigger against any account:
 * per client address and username, strict (one source guessing one account soon waits minutes);
 * per username across all addresses, looser and capped short (a distributed guess is slowed to a
 * trickle, and someone failing on purpose costs the real user a short wait, never a lock). Keyed by
 * the username as typed, so unknown and real usernames behave the same. Held in this process's
 * memory, like the rate limits: N gateway instances allow N times the attempts.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(
    private readonly perSource: ThrottlePolicy,
    private readonly perUsername: ThrottlePolicy,
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * Milliseconds before this attempt may be heard, or 0 when it may be now: then it is counted as a
   * failure at once, so attempts sent side by side cannot all pass before the first one fails.
   */
  begin(ip: string, username: string, now = Date.now()): number {
    const wait = this.wait(ip, username, now);
    if (wait > 0) return wait;
    const [source, user] = this.keys(ip, username);
    if (this.failures.size >= this.maxKeys) this.sweep(now);
    this.failures.set(source, afterFailure(this.failures.get(source), now, this.perSource));
    this.failures.set(user, afterFailure(this.failures.get(user), now, this.perUsername));
    return 0;
  }

  wait(ip: string, username: string, now = Date.now()): number {
    const [source, user] = this.keys(ip, username);
    return Math.max(waitMs(this.failures.get(source), now, this.perSource), waitMs(this.failures.get(user), now, this.perUsername));
  }

  /**
   * The source proved it knows the password: its own count starts afresh, and the attempt is taken
   * off the username's count, where failures others made still stand.
   */
  succeeded(ip: string, username: string): void {
    const [source, user] = this.keys(ip, username);
    this.failures.delete(source);
    this.uncount(user);
  }

  /** The attempt was never heard (too busy, or the database failed): it counts against no one. */
  cancel(ip: string, username: string): void {
    for (const key of this.keys(ip, username)) this.uncount(key);
  }

  private uncount(key: string): void {
    const failures = this.failures.get(key);
    if (failures) this.failures.set(key, { ...failures, count: Math.max(0, failures.count - 1) });
  }

  private keys(ip: string, username: string): [string, string] {
    const name = username.toLowerCase();
    return [`source:${ip}:${name}`, `user:${name}`];
  }

  private sweep(now: number): void {
    const window = Math.max(this.perSource.windowMs, this.perUsername.windowMs);
    for (const [key, f] of this.failures) if (now - f.firstAt >= window) this.failures.delete(key);
  }
}
