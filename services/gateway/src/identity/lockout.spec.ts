import { LoginThrottle } from './lockout';

const MINUTE = 60_000;
const perSource = { freeFailures: 3, windowMs: 15 * MINUTE, firstDelayMs: 1_000, maxDelayMs: 15 * MINUTE };
const perUsername = { freeFailures: 6, windowMs: 15 * MINUTE, firstDelayMs: 1_000, maxDelayMs: MINUTE };

/** Attempts that all fail, each as soon as it is allowed; returns the wait after the last. */
function failFrom(t: LoginThrottle, sources: string[], username: string, start = 0): { wait: number; at: number } {
  let at = start;
  for (const ip of sources) {
    at += t.wait(ip, username, at);
    expect(t.begin(ip, username, at)).toBe(0);
  }
  return { wait: t.wait(sources.at(-1)!, username, at), at };
}

describe('login throttle', () => {
  it('slows one source guessing one username, doubling the wait, without slowing others', () => {
    const t = new LoginThrottle(perSource, perUsername);
    expect(failFrom(t, ['1.1.1.1', '1.1.1.1', '1.1.1.1'], 'Admin')).toEqual({ wait: 1_000, at: 0 });
    expect(t.begin('1.1.1.1', 'admin', 999)).toBe(1);
    expect(t.begin('1.1.1.1', 'admin', 1_000)).toBe(0);
    expect(t.wait('1.1.1.1', 'admin', 1_000)).toBe(2_000);
    expect(t.wait('2.2.2.2', 'admin', 1_000)).toBe(0);
    expect(t.wait('1.1.1.1', 'someone-else', 1_000)).toBe(0);
  });

  it('counts an attempt while it is checked, so attempts sent side by side cannot all pass', () => {
    const t = new LoginThrottle(perSource, perUsername);
    expect([1, 2, 3, 4].map(() => t.begin('1.1.1.1', 'admin', 0))).toEqual([0, 0, 0, 1_000]);
  });

  it('caps the wait a username gets from failures spread over many sources', () => {
    const t = new LoginThrottle(perSource, perUsername);
    const { wait, at } = failFrom(
      t,
      Array.from({ length: 20 }, (_, i) => `10.0.0.${i}`),
      'district.admin',
    );
    expect(wait).toBe(MINUTE);
    expect(t.wait('192.168.1.1', 'district.admin', at + MINUTE)).toBe(0);
  });

  it('forgets failures once the window has passed', () => {
    const t = new LoginThrottle(perSource, perUsername);
    failFrom(t, ['1.1.1.1', '1.1.1.1', '1.1.1.1'], 'agent');
    expect(t.wait('1.1.1.1', 'agent', 15 * MINUTE)).toBe(0);
  });

  it('starts a source afresh once it succeeds, and does not count an attempt that was never heard', () => {
    const t = new LoginThrottle(perSource, perUsername);
    failFrom(t, ['3.3.3.3', '3.3.3.3'], 'clerk');
    expect(t.begin('3.3.3.3', 'clerk', 0)).toBe(0);
    t.cancel('3.3.3.3', 'clerk');
    expect(t.wait('3.3.3.3', 'clerk', 0)).toBe(0);
    expect(t.begin('3.3.3.3', 'clerk', 0)).toBe(0);
    expect(t.wait('3.3.3.3', 'clerk', 1)).toBe(999);
    t.succeeded('3.3.3.3', 'clerk');
    expect(t.wait('3.3.3.3', 'clerk', 1)).toBe(0);
  });
});
