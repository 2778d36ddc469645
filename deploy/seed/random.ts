/** Deterministic pseudo-random numbers (mulberry32), so a seed or a simulation can be replayed. */
export class Random {
  private a: number;

  constructor(seed: number) {
    this.a = seed | 0;
  }

  next(): number {
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

/**
 * Keys in proportion to their weights with no luck in it (smooth weighted round-robin): each key
 * comes up within one cycle of the total weight, so even a short run sees every channel.
 */
export class Rotation<K extends string> {
  private readonly credit = new Map<K, number>();
  private readonly total: number;

  constructor(private readonly weights: Readonly<Record<K, number>>) {
    this.total = Object.values<number>(weights).reduce((s, w) => s + w, 0);
  }

  next(): K {
    let best: K | undefined;
    for (const [k, w] of Object.entries(this.weights) as Array<[K, number]>) {
      const c = (this.credit.get(k) ?? 0) + w;
      this.credit.set(k, c);
      if (best === undefined || c > this.credit.get(best)!) best = k;
    }
    this.credit.set(best!, this.credit.get(best!)! - this.total);
    return best!;
  }
}
