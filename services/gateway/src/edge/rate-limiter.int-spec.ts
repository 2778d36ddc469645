import { dataSourceOptions } from '@bangbang/persistence';
import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource } from 'typeorm';
import { SharedLimits1764000000370 } from '../migrations/1764000000370-shared-limits';
import { RateLimiter } from './rate-limiter';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

describe('RateLimiter (buckets in the gateway database)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let limiter: RateLimiter;
  const limits = { burst: 3, perMinute: 60 };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(
      dataSourceOptions({ url: db.url, entities: [], migrations: [SharedLimits1764000000370], poolSize: 4 }),
    ).initialize();
    await ds.runMigrations();
    limiter = new RateLimiter(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('allows a burst, then refuses with the wait until the next token', async () => {
    for (let i = 0; i < 3; i++) expect(await limiter.take('burst', limits, at(0))).toEqual({ allowed: true });
    expect(await limiter.take('burst', limits, at(0))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('peeks without spending', async () => {
    for (let i = 0; i < 5; i++) expect(await limiter.peek('peek', limits, at(0))).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) await limiter.take('peek', limits, at(0));
    expect(await limiter.peek('peek', limits, at(0))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await limiter.peek('peek', limits, at(1_000))).toEqual({ allowed: true });
  });

  it('refills at the steady rate, and a refused take spends nothing', async () => {
    for (let i = 0; i < 3; i++) await limiter.take('refill', limits, at(0));
    expect((await limiter.take('refill', limits, at(500))).allowed).toBe(false);
    expect((await limiter.take('refill', limits, at(1_000))).allowed).toBe(true);
    expect((await limiter.take('refill', limits, at(1_000))).allowed).toBe(false);
  });

  it('keeps callers apart', async () => {
    for (let i = 0; i < 3; i++) await limiter.take('apart-1', limits, at(0));
    expect((await limiter.take('apart-2', limits, at(0))).allowed).toBe(true);
  });

  it('reports a long wait for a slow bucket', async () => {
    const slow = { burst: 1, perMinute: 2 };
    await limiter.take('slow', slow, at(0));
    expect(await limiter.take('slow', slow, at(0))).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('lets no more through than the burst when takes come side by side', async () => {
    const takes = await Promise.all(Array.from({ length: 12 }, () => limiter.take('side-by-side', { burst: 5, perMinute: 1 })));
    expect(takes.filter((t) => t.allowed)).toHaveLength(5);
  });

  it('forgets buckets once they are full again, and only those', async () => {
    await limiter.take('sweep-a', limits, at(0));
    for (let i = 0; i < 3; i++) await limiter.take('sweep-b', limits, at(0));
    // a is full again after 1 s, b after 3 s.
    expect(await limiter.sweep(100, at(2_000))).toBeGreaterThanOrEqual(1);
    const left = await ds.query<{ key: string }[]>(`SELECT key FROM rate_bucket WHERE key LIKE 'sweep-%'`);
    expect(left.map((r) => r.key)).toEqual(['sweep-b']);
  });
});
