/** A ranking as dispatch stores it per level of the ladder (the fields the console reads). */
export interface RankingLike<C extends { providerId: string }, E extends { providerId: string }> {
  level: string;
  round: number;
  rankedAt: string;
  ranked: C[];
  excluded: E[];
}

export const FACTOR_LABELS: Record<string, string> = {
  quality: '服务质量',
  reliability: '接单守时',
  fairness: '派单均衡',
  load: '当前负荷',
  distance: '距离',
};

/**
 * Who the agent may pick by hand: every provider any level ranked, from the newest ranking down
 * (the ladder widens, so the newest reaches furthest), each once, as the newest ranking that
 * mentions it saw it; those the newest ranking left out are listed apart with the rule.
 */
export function assignable<C extends { providerId: string }, E extends { providerId: string }>(
  rankings: RankingLike<C, E>[],
): { ranked: (C & { level: string })[]; excluded: E[] } {
  const [newest, ...older] = [...rankings].sort((a, b) => b.rankedAt.localeCompare(a.rankedAt));
  if (!newest) return { ranked: [], excluded: [] };
  const seen = new Set([...newest.ranked, ...newest.excluded].map((p) => p.providerId));
  const ranked = newest.ranked.map((c) => ({ ...c, level: newest.level }));
  for (const r of older) {
    for (const c of r.ranked) {
      if (seen.has(c.providerId)) continue;
      seen.add(c.providerId);
      ranked.push({ ...c, level: r.level });
    }
  }
  return { ranked, excluded: newest.excluded };
}
