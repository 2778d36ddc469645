import { bayesianScore, bayesianScoreOfMean, QUALITY_PRIOR } from './bayesian';

describe('the Bayesian quality score', () => {
  it('is the prior with no ratings, and moves towards the observed mean as ratings accumulate', () => {
    expect(bayesianScore(0, 0)).toBe(QUALITY_PRIOR.score);
    expect(bayesianScoreOfMean(5, 2)).toBeCloseTo(0.8333, 4);
    expect(bayesianScoreOfMean(4.8, 200)).toBeCloseTo(0.9429, 4);
    expect(bayesianScoreOfMean(1, 1)).toBeGreaterThan(0.7);
  });

  it('gives the same score from the sum as from the mean', () => {
    expect(bayesianScore(5 + 4 + 1, 3)).toBeCloseTo(bayesianScoreOfMean(10 / 3, 3), 10);
  });
});
