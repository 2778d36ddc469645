import { classify, failingTooLong, MAX_ATTEMPTS, parseRetryAfter, retryDelay } from './retry-policy';

const mid = () => 0.5;

describe('webhook retry schedule', () => {
  it('tries immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h', () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelay(i + 1, { scale: 1 }, undefined, mid));
    expect(delays).toEqual([0, 5e3, 300e3, 1_800e3, 7_200e3, 18_000e3, 36_000e3, 36_000e3]);
    expect(retryDelay(MAX_ATTEMPTS + 1, { scale: 1 })).toBeUndefined();
  });

  it('jitters within ±20 %', () => {
    expect(retryDelay(2, { scale: 1 }, undefined, () => 0)).toBe(4_000);
    expect(retryDelay(2, { scale: 1 }, undefined, () => 1)).toBe(6_000);
  });

  it('scales the whole schedule, so tests run it in milliseconds', () => {
    expect(retryDelay(8, { scale: 0.0001 }, undefined, mid)).toBe(3_600);
  });

  it('waits for Retry-After when it asks for longer than the schedule, capped at a day', () => {
    expect(retryDelay(2, { scale: 1 }, 60_000, mid)).toBe(60_000);
    expect(retryDelay(2, { scale: 1 }, 1_000, mid)).toBe(5_000);
    expect(retryDelay(2, { scale: 1 }, 10 * 86_400e3, mid)).toBe(86_400e3);
  });

  it('reads Retry-After in seconds and as a date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('what an answer means', () => {
  it.each([200, 201, 204, 299])('%i delivers', (status) => expect(classify({ status })).toEqual({ kind: 'delivered' }));

  it.each([301, 302, 307, 308])('%i is a failure: redirects are not followed', (status) => {
    expect(classify({ status })).toMatchObject({ kind: 'retry', error: expect.stringContaining('redirects are not followed') });
  });

  it('410 means the endpoint is gone', () => expect(classify({ status: 410 })).toEqual({ kind: 'gone' }));

  it('429 and 503 carry their Retry-After; 500 does not', () => {
    expect(classify({ status: 429, retryAfter: '30' })).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
    expect(classify({ status: 503, retryAfter: '2' })).toMatchObject({ kind: 'retry', retryAfterMs: 2_000 });
    expect(classify({ status: 500, retryAfter: '30' })).toMatchObject({ kind: 'retry', retryAfterMs: undefined });
  });

  it('no answer (timeout, refused address) is retried with the reason', () => {
    expect(classify({ error: 'timed out after 15000 ms' })).toEqual({ kind: 'retry', error: 'timed out after 15000 ms' });
  });

  it('disables an endpoint failing without a success for 5 days', () => {
    const since = new Date('2026-11-20T10:00:00Z');
    const limit = 5 * 86_400e3;
    expect(failingTooLong(since, new Date('2026-11-25T09:59:59Z'), limit)).toBe(false);
    expect(failingTooLong(since, new Date('2026-11-25T10:00:00Z'), limit)).toBe(true);
    expect(failingTooLong(null, new Date(), limit)).toBe(false);
  });
});
