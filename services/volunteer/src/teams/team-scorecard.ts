import { bayesianScore, topTags } from '@bangbang/contracts';

/** What a team's members' ratings add up to, as the database sums them. */
export interface TeamRatingSums {
  ratings: number;
  starsSum: number;
  tags: Record<string, number>;
}

export interface TeamScore {
  ratingsCount: number;
  /** Plain mean in stars (1..5); null while nobody has rated a member. */
  meanStars: number | null;
  /** 0..1, the same Bayesian average as a provider's, so teams and units rank on one scale. */
  bayesianScore: number;
  topTags: { tag: string; count: number }[];
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/** A team's scorecard from its members' ratings: most-given tags first, ties by name. */
export function teamScore(sums: TeamRatingSums): TeamScore {
  return {
    ratingsCount: sums.ratings,
    meanStars: sums.ratings ? round(sums.starsSum / sums.ratings) : null,
    bayesianScore: round(bayesianScore(sums.starsSum, sums.ratings)),
    topTags: topTags(sums.tags),
  };
}
