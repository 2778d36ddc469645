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

/** Failures by key, as a store of several gateway instances holds them. */
export type FailureChanges = Map<string, Failures | null>;

export interface FailureStore {
  read(keys: string[]): Promise<Map<string, Failures>>;
  /**
   * Reads `keys`, lets `decide` say what to write (null deletes), and writes it, while any other
   * instance's update under the same `lock` waits: a check and its count are one step.
   */
  update<T>(lock: string, keys: string[], decide: (current: Map<string, Failures>) => [T, FailureChanges]): Promise<T>;
}

/**
 * Progressive delays for sign-in, in place of a lockout anyone could trigger against any account:
 * per client address and username, strict (one source guessing one account soon waits minutes);
 * per username across all addresses, looser and capped short (a distributed guess is slowed to a
 * trickle, and someone failing on purpose costs the real user a short wait, never a lock). Keyed by
 * the username as typed, so unknown and real usernames behave the same. Held in a store every
 * gateway instance shares (the gateway's database), so N instances allow no more attempts than one.
 */
export class LoginThrottle {
  constructor(
    private readonly store: FailureStore,
    private readonly perSource: ThrottlePolicy,
    private readonly perUsername: ThrottlePolicy,
  ) {}

  /**
   * Milliseconds before this attempt may be heard, or 0 when it may be now: then it is counted as a
   * failure at once, so attempts sent side by side (to any instance) cannot all pass before the first one fails.
   */
  begin(ip: string, username: string, now = Date.now()): Promise<number> {
    const [source, user] = this.keys(ip, username);
    return this.store.update(user, [source, user], (current) => {
      const wait = this.waitOf(current, source, user, now);
      if (wait > 0) return [wait, new Map<string, Failures | null>()];
      return [
        0,
        new Map([
          [source, afterFailure(current.get(source), now, this.perSource)],
          [user, afterFailure(current.get(user), now, this.perUsername)],
        ]),
      ];
    });
  }

  async wait(ip: string, username: string, now = Date.now()): Promise<number> {
    const [source, user] = this.keys(ip, username);
    return this.waitOf(await this.store.read([source, user]), source, user, now);
  }

  /**
   * The source proved it knows the password: its own count starts afresh, and the attempt is taken
   * off the username's count, where failures others made still stand.
   */
  succeeded(ip: string, username: string): Promise<void> {
    const [source, user] = this.keys(ip, username);
    return this.store.update(user, [source, user], (current) => [
      undefined,
      new Map([
        [source, null],
        [user, uncounted(current.get(user))],
      ]),
    ]);
  }

  /** The attempt was never heard (too busy, or the database failed): it counts against no one. */
  cancel(ip: string, username: string): Promise<void> {
    const [source, user] = this.keys(ip, username);
    return this.store.update(user, [source, user], (current) => [
      undefined,
      new Map([
        [source, uncounted(current.get(source))],
        [user, uncounted(current.get(user))],
      ]),
    ]);
  }

  private waitOf(current: Map<string, Failures>, source: string, user: string, now: number): number {
    return Math.max(waitMs(current.get(source), now, this.perSource), waitMs(current.get(user), now, this.perUsername));
  }

  private keys(ip: string, username: string): [string, string] {
    const name = username.toLowerCase();
    return [`source:${ip}:${name}`, `user:${name}`];
  }
}

function uncounted(failures: Failures | undefined): Failures | null {
  return failures ? { ...failures, count: Math.max(0, failures.count - 1) } : null;
}
