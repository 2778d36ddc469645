import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  const limits = { burst: 3, perMinute: 60 };

  it('allows a burst, then refuses with the wait until the next token', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) expect(limiter.take('u1', limits, 0)).toEqual({ allowed: true });
    expect(limiter.take('u1', limits, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('peeks without spending', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 5; i++) expect(limiter.peek('u1', limits, 0)).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) limiter.take('u1', limits, 0);
    expect(limiter.peek('u1', limits, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.peek('u1', limits, 1_000)).toEqual({ allowed: true });
  });

  it('refills at the steady rate', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) limiter.take('u1', limits, 0);
    expect(limiter.take('u1', limits, 500).allowed).toBe(false);
    expect(limiter.take('u1', limits, 1_000).allowed).toBe(true);
  });

  it('keeps callers apart', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) limiter.take('u1', limits, 0);
    expect(limiter.take('u2', limits, 0).allowed).toBe(true);
  });

  it('reports a long wait for a slow bucket', () => {
    const limiter = new RateLimiter();
    const slow = { burst: 1, perMinute: 2 };
    limiter.take('ip', slow, 0);
    expect(limiter.take('ip', slow, 0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('forgets refilled buckets when it is full', () => {
    const limiter = new RateLimiter(2);
    limiter.take('a', limits, 0);
    limiter.take('b', limits, 0);
    limiter.take('c', limits, 10_000);
    expect(limiter.size).toBe(1);
  });
});
