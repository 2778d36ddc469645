import { FailureChanges, Failures, FailureStore, LoginThrottle } from './lockout';

/** The store's contract in memory; the database's is exercised by identity.int-spec.ts. */
class MemoryStore implements FailureStore {
  private readonly failures = new Map<string, Failures>();

  async read(keys: string[]): Promise<Map<string, Failures>> {
    return this.now(keys);
  }

  /** Read and write with no await between them: one step, as the database's lock makes it. */
  async update<T>(_lock: string, keys: string[], decide: (current: Map<string, Failures>) => [T, FailureChanges]): Promise<T> {
    const [result, changes] = decide(this.now(keys));
    for (const [k, f] of changes) {
      if (f) this.failures.set(k, f);
      else this.failures.delete(k);
    }
    return result;
  }

  private now(keys: string[]): Map<string, Failures> {
    return new Map(keys.filter((k) => this.failures.has(k)).map((k) => [k, this.failures.get(k)!]));
  }
}

const throttle = () => new LoginThrottle(new MemoryStore(), perSource, perUsername);

const MINUTE = 60_000;
const perSource = { freeFailures: 3, windowMs: 15 * MINUTE, firstDelayMs: 1_000, maxDelayMs: 15 * MINUTE };
const perUsername = { freeFailures: 6, windowMs: 15 * MINUTE, firstDelayMs: 1_000, maxDelayMs: MINUTE };

/** Attempts that all fail, each as soon as it is allowed; returns the wait after the last. */
async function failFrom(t: LoginThrottle, sources: string[], username: string, start = 0): Promise<{ wait: number; at: number }> {
  let at = start;
  for (const ip of sources) {
    at += await t.wait(ip, username, at);
    expect(await t.begin(ip, username, at)).toBe(0);
  }
  return { wait: await t.wait(sources.at(-1)!, username, at), at };
}

describe('login throttle', () => {
  it('slows one source guessing one username, doubling the wait, without slowing others', async () => {
    const t = throttle();
    expect(await failFrom(t, ['1.1.1.1', '1.1.1.1', '1.1.1.1'], 'Admin')).toEqual({ wait: 1_000, at: 0 });
    expect(await t.begin('1.1.1.1', 'admin', 999)).toBe(1);
    expect(await t.begin('1.1.1.1', 'admin', 1_000)).toBe(0);
    expect(await t.wait('1.1.1.1', 'admin', 1_000)).toBe(2_000);
    expect(await t.wait('2.2.2.2', 'admin', 1_000)).toBe(0);
    expect(await t.wait('1.1.1.1', 'someone-else', 1_000)).toBe(0);
  });

  it('counts an attempt while it is checked, so attempts sent side by side cannot all pass', async () => {
    const t = throttle();
    expect(await Promise.all([1, 2, 3, 4].map(() => t.begin('1.1.1.1', 'admin', 0)))).toEqual([0, 0, 0, 1_000]);
  });

  it('caps the wait a username gets from failures spread over many sources', async () => {
    const t = throttle();
    const { wait, at } = await failFrom(
      t,
      Array.from({ length: 20 }, (_, i) => `10.0.0.${i}`),
      'district.admin',
    );
    expect(wait).toBe(MINUTE);
    expect(await t.wait('192.168.1.1', 'district.admin', at + MINUTE)).toBe(0);
  });

  it('forgets failures once the window has passed', async () => {
    const t = throttle();
    await failFrom(t, ['1.1.1.1', '1.1.1.1', '1.1.1.1'], 'agent');
    expect(await t.wait('1.1.1.1', 'agent', 15 * MINUTE)).toBe(0);
  });

  it('starts a source afresh once it succeeds, and does not count an attempt that was never heard', async () => {
    const t = throttle();
    await failFrom(t, ['3.3.3.3', '3.3.3.3'], 'clerk');
    expect(await t.begin('3.3.3.3', 'clerk', 0)).toBe(0);
    await t.cancel('3.3.3.3', 'clerk');
    expect(await t.wait('3.3.3.3', 'clerk', 0)).toBe(0);
    expect(await t.begin('3.3.3.3', 'clerk', 0)).toBe(0);
    expect(await t.wait('3.3.3.3', 'clerk', 1)).toBe(999);
    await t.succeeded('3.3.3.3', 'clerk');
    expect(await t.wait('3.3.3.3', 'clerk', 1)).toBe(0);
  });
});
