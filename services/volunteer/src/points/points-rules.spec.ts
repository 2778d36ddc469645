import {
  activityPoints,
  ancestorPaths,
  DEFAULT_POINTS_CONFIG,
  effectiveConfig,
  exchangeCost,
  jobAward,
  ratingBonus,
  starLevel,
} from './points-rules';

describe('points rules', () => {
  it('lets the closest unit override a setting and keeps the rest', () => {
    const config = effectiveConfig([
      { defaultJobPoints: 12, jobPoints: { 'pipe-unclogging': 30 } },
      { jobPoints: { 'home-haircut': 8 }, freeJobBonus: 0 },
    ]);
    expect(config.defaultJobPoints).toBe(12);
    expect(config.jobPoints).toMatchObject({ 'pipe-unclogging': 30, 'home-haircut': 8, 'water-electric-repair': 20 });
    expect(config.freeJobBonus).toBe(0);
    expect(config.starThresholds).toEqual(DEFAULT_POINTS_CONFIG.starThresholds);
  });

  it('lists a path and its ancestors, outermost first', () => {
    expect(ancestorPaths('/nanchang/jinxing/jincheng/')).toEqual(['/nanchang/', '/nanchang/jinxing/', '/nanchang/jinxing/jincheng/']);
  });

  it('awards a solved job by its category, a bonus if it was free, nothing if unsolved', () => {
    const c = DEFAULT_POINTS_CONFIG;
    expect(jobAward(c, { categoryCode: 'water-electric-repair', feePolicy: 'free', solved: true })).toEqual({ base: 20, bonus: 5 });
    expect(jobAward(c, { categoryCode: 'book-lending', feePolicy: 'low_cost', solved: true })).toEqual({ base: 10, bonus: 0 });
    expect(jobAward(c, { categoryCode: 'water-electric-repair', feePolicy: 'free', solved: false })).toEqual({ base: 0, bonus: 0 });
  });

  it('gives the rating bonus only when the resident was satisfied with the provider', () => {
    expect(ratingBonus({ ...DEFAULT_POINTS_CONFIG, satisfiedRatingBonus: 3 }, 'satisfied')).toBe(3);
    expect(ratingBonus(DEFAULT_POINTS_CONFIG, 'basically_satisfied')).toBe(0);
    expect(ratingBonus(DEFAULT_POINTS_CONFIG, 'dissatisfied')).toBe(0);
  });

  it('pays activity hours by the minute, rounded down', () => {
    expect(activityPoints(90, 10)).toBe(15);
    expect(activityPoints(59, 1)).toBe(0);
    expect(activityPoints(-5, 10)).toBe(0);
  });

  it('prices an exchange by category with a default', () => {
    expect(exchangeCost(DEFAULT_POINTS_CONFIG, 'home-haircut')).toBe(60);
    expect(exchangeCost(DEFAULT_POINTS_CONFIG, 'pipe-unclogging')).toBe(100);
  });

  it('makes stars from lifetime points at the thresholds', () => {
    expect(starLevel(0, [50, 200])).toEqual({ stars: 0, lifetimePoints: 0, toNextStar: 50 });
    expect(starLevel(50, [200, 50])).toEqual({ stars: 1, lifetimePoints: 50, toNextStar: 150 });
    expect(starLevel(250, [50, 200])).toEqual({ stars: 2, lifetimePoints: 250, toNextStar: null });
  });
});
