export interface BucketLimits {
  /** How many requests may come at once. */
  burst: number;
  /** The steady rate the bucket refills at. */
  perMinute: number;
}

export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets in this process's memory: each gateway instance limits on its own, so N instances
 * allow up to N times the configured rate. Buckets that have refilled are dropped, so memory
 * follows the number of recently active callers.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Whether a take would be allowed now, without spending anything. */
  peek(key: string, limits: BucketLimits, now = Date.now()): Take {
    const perMs = limits.perMinute / 60_000;
    const tokens = this.tokensAt(key, limits, now);
    return tokens >= 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1_000)) };
  }

  take(key: string, limits: BucketLimits, now = Date.now()): Take {
    const perMs = limits.perMinute / 60_000;
    const tokens = this.tokensAt(key, limits, now);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1_000)) };
    }
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) this.sweep(now, perMs, limits.burst);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { allowed: true };
  }

  private tokensAt(key: string, limits: BucketLimits, now: number): number {
    const bucket = this.buckets.get(key);
    return bucket ? Math.min(limits.burst, bucket.tokens + (now - bucket.at) * (limits.perMinute / 60_000)) : limits.burst;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number, perMs: number, burst: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * perMs >= burst) this.buckets.delete(key);
  }
}
