import { QUALITY_PRIOR } from '@bangbang/contracts';
import { teamScore } from './team-scorecard';

describe('a team’s scorecard', () => {
  it('is the prior with no tags while nobody has rated a member', () => {
    expect(teamScore({ ratings: 0, starsSum: 0, tags: {} })).toEqual({
      ratingsCount: 0,
      meanStars: null,
      bayesianScore: QUALITY_PRIOR.score,
      topTags: [],
    });
  });

  it('shrinks the members’ mean towards the prior and lists the tags given, most first', () => {
    const score = teamScore({ ratings: 2, starsSum: 10, tags: { tidy: 1, punctual: 2, polite: 1, price_as_quoted: 0 } });
    expect(score.meanStars).toBe(5);
    expect(score.bayesianScore).toBeCloseTo((10 * 0.8 + 2) / 12, 4);
    expect(score.topTags).toEqual([
      { tag: 'punctual', count: 2 },
      { tag: 'polite', count: 1 },
      { tag: 'tidy', count: 1 },
    ]);
  });
});
