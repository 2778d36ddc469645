import { DataSource } from 'typeorm';

export interface BucketLimits {
  /** How many requests may come at once. */
  burst: number;
  /** The steady rate the bucket refills at. */
  perMinute: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** `$4` when a test gives the time, else the database's clock, which every instance shares. */
const NOW = 'coalesce($4::timestamptz, now())';
/** The bucket's tokens now: what was left, refilled since at `$3` a second, up to the burst `$2`. */
const REFILLED = `least($2::float8, b.tokens + extract(epoch FROM ${NOW} - b.at) * $3::float8)`;

/**
 * Refill and take in one statement: the row lock orders the gateway instances' takes of one key,
 * and a refused take spends nothing. `full_at` is when the bucket is full again, so the sweeper can
 * forget it (a missing bucket is a full one).
 */
const TAKE = `
  INSERT INTO rate_bucket AS b (key, tokens, at, allowed, full_at)
  VALUES ($1, $2::float8 - 1, ${NOW}, true, ${NOW} + make_interval(secs => 1 / $3::float8))
  ON CONFLICT (key) DO UPDATE SET
    tokens = ${REFILLED} - CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END,
    allowed = ${REFILLED} >= 1,
    at = ${NOW},
    full_at = ${NOW} + make_interval(secs => ($2::float8 - ${REFILLED} + CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END) / $3::float8)
  RETURNING tokens, allowed`;

const PEEK = `SELECT ${REFILLED} AS tokens FROM rate_bucket b WHERE b.key = $1`;

/**
 * Token buckets in the gateway's database, so that every gateway instance spends from the same
 * buckets: N instances allow the configured rate, not N times it. One upsert per limited request;
 * the database's clock, so instances whose clocks differ agree. `now` is for tests.
 */
export class RateLimiter {
  constructor(private readonly ds: DataSource) {}

  /** Whether a take would be allowed now, without spending anything. */
  async peek(key: string, limits: BucketLimits, now?: Date): Promise<Take> {
    const [row] = await this.ds.query<{ tokens: number }[]>(PEEK, [key, limits.burst, limits.perMinute / 60, now ?? null]);
    return verdict(row ? Number(row.tokens) : limits.burst, row ? Number(row.tokens) >= 1 : true, limits);
  }

  async take(key: string, limits: BucketLimits, now?: Date): Promise<Take> {
    const [row] = await this.ds.query<{ tokens: number; allowed: boolean }[]>(TAKE, [
      key,
      limits.burst,
      limits.perMinute / 60,
      now ?? null,
    ]);
    return verdict(Number(row.tokens), row.allowed, limits);
  }

  /** Forgets buckets that have filled up again; returns how many. */
  async sweep(batch: number, now?: Date): Promise<number> {
    const [, deleted] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM rate_bucket WHERE key IN (SELECT key FROM rate_bucket WHERE full_at <= coalesce($1::timestamptz, now()) LIMIT $2)`,
      [now ?? null, batch],
    );
    return deleted;
  }
}

function verdict(tokens: number, allowed: boolean, limits: BucketLimits): Take {
  if (allowed) return { allowed: true };
  const perSecond = limits.perMinute / 60;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
}
