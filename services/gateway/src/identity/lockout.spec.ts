import { LoginThrottle } from './lockout';

const MINUTE = 60_000;
const perSource = { freeFailures: 3, windowMs: 15 * MINUTE, firstDelayMs: 1_000, maxDelayMs: 15 * MINUTE };
const perUsername = { freeFailures: 6, windowMs: 15 * MINUTE, firstDelayMs: 1_000, maxDelayMs: MINUTE };

describe('login throttle', () => {
  it('slows one source guessing one username, doubling the wait, without slowing others', () => {
    const t = new LoginThrottle(perSource, perUsername);
    const at = 1_000_000;
    expect([t.failed('1.1.1.1', 'Admin', at), t.failed('1.1.1.1', 'admin', at), t.failed('1.1.1.1', 'admin', at)]).toEqual([0, 0, 1_000]);
    expect(t.wait('1.1.1.1', 'admin', at + 999)).toBe(1);
    expect(t.wait('1.1.1.1', 'admin', at + 1_000)).toBe(0);
    expect(t.failed('1.1.1.1', 'admin', at + 1_000)).toBe(2_000);
    expect(t.wait('2.2.2.2', 'admin', at + 1_000)).toBe(0);
    expect(t.wait('1.1.1.1', 'someone-else', at + 1_000)).toBe(0);
  });

  it('caps the wait a username gets from failures spread over many sources', () => {
    const t = new LoginThrottle(perSource, perUsername);
    let now = 0;
    let wait = 0;
    for (let i = 0; i < 20; i++) {
      now += wait;
      wait = t.failed(`10.0.0.${i}`, 'district.admin', now);
    }
    expect(wait).toBe(MINUTE);
    expect(t.wait('192.168.1.1', 'district.admin', now)).toBe(MINUTE);
    expect(t.wait('192.168.1.1', 'district.admin', now + MINUTE)).toBe(0);
  });

  it('forgets failures once the window has passed, and a source that succeeds starts afresh', () => {
    const t = new LoginThrottle(perSource, perUsername);
    for (let i = 0; i < 3; i++) t.failed('1.1.1.1', 'agent', 0);
    expect(t.wait('1.1.1.1', 'agent', 15 * MINUTE)).toBe(0);
    for (let i = 0; i < 3; i++) t.failed('3.3.3.3', 'clerk', 0);
    expect(t.wait('3.3.3.3', 'clerk', 1)).toBe(999);
    t.succeeded('3.3.3.3', 'clerk');
    expect(t.wait('3.3.3.3', 'clerk', 1)).toBe(0);
  });
});
