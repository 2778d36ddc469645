/**
 * What `provider-quality.v1`'s `bayesianScore` means, in one place for the rating service that
 * computes it and dispatch that ranks by it: stars normalised to 0..1 ((stars − 1) / 4) and shrunk
 * towards the network's prior, 4.2★ (0.8) worth 10 ratings, so a handful of ratings cannot win alone.
 */
export const QUALITY_PRIOR = { score: 0.8, weight: 10 } as const;

/** Stars for the provider question, for the Bayesian score: 满意 5, 基本满意 4, 不满意 1. */
export const SATISFACTION_STARS = { satisfied: 5, basically_satisfied: 4, dissatisfied: 1 } as const;

/** (C·m + Σ s) / (C + n), from the sum of the provider question's stars over `count` ratings. */
export function bayesianScore(starsSum: number, count: number): number {
  const normalised = count > 0 ? (starsSum - count) / 4 : 0;
  return (QUALITY_PRIOR.weight * QUALITY_PRIOR.score + normalised) / (QUALITY_PRIOR.weight + count);
}

/** The same score from the mean of `count` ratings. */
export function bayesianScoreOfMean(meanStars: number, count: number): number {
  return bayesianScore(meanStars * count, count);
}

/** Tags counted across ratings, most given first, ties by name; tags counted zero are left out. */
export function topTags(tags: Record<string, number>): { tag: string; count: number }[] {
  return Object.entries(tags)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([tag, count]) => ({ tag, count }));
}
