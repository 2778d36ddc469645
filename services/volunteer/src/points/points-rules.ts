/**
 * How many points a fact earns, and what points make of a volunteer. A community configures its
 * own figures; a unit's settings apply to every community under it unless one closer says otherwise.
 */
export interface PointsConfig {
  /** Points for a signed-off, solved job, by request category. */
  jobPoints: Record<string, number>;
  defaultJobPoints: number;
  /** Added (as its own entry) for a job the resident did not pay for. */
  freeJobBonus: number;
  /** Added when the resident rates the volunteer "satisfied" in their first rating. */
  satisfiedRatingBonus: number;
  /** Lifetime points at which a volunteer reaches 1, 2, 3… stars; ascending. */
  starThresholds: number[];
  /** Points a volunteer spends to have one request of a category served free. */
  exchangeCosts: Record<string, number>;
  defaultExchangeCost: number;
}

export const DEFAULT_POINTS_CONFIG: PointsConfig = {
  jobPoints: { 'water-electric-repair': 20, 'pipe-unclogging': 15, 'appliance-repair': 20, 'home-haircut': 10 },
  defaultJobPoints: 10,
  freeJobBonus: 5,
  satisfiedRatingBonus: 2,
  starThresholds: [50, 200, 500, 1000, 2000],
  exchangeCosts: { 'home-haircut': 60 },
  defaultExchangeCost: 100,
};

export type PointsConfigLayer = Partial<PointsConfig>;

/** Merges layers ordered from the district down to the community: the closest setting wins. */
export function effectiveConfig(layers: PointsConfigLayer[]): PointsConfig {
  return layers.reduce<PointsConfig>(
    (acc, layer) => ({
      ...acc,
      ...layer,
      jobPoints: { ...acc.jobPoints, ...(layer.jobPoints ?? {}) },
      exchangeCosts: { ...acc.exchangeCosts, ...(layer.exchangeCosts ?? {}) },
    }),
    DEFAULT_POINTS_CONFIG,
  );
}

/** `/a/b/c/` → `['/a/', '/a/b/', '/a/b/c/']`: the units whose settings apply, outermost first. */
export function ancestorPaths(path: string): string[] {
  const codes = path.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

export interface JobAward {
  base: number;
  bonus: number;
}

/** A job earns only once the resident says it is solved; an unsolved sign-off waits for the redo. */
export function jobAward(config: PointsConfig, job: { categoryCode: string; feePolicy: 'free' | 'low_cost'; solved: boolean }): JobAward {
  if (!job.solved) return { base: 0, bonus: 0 };
  return {
    base: config.jobPoints[job.categoryCode] ?? config.defaultJobPoints,
    bonus: job.feePolicy === 'free' ? config.freeJobBonus : 0,
  };
}

/** A rating earns the volunteer a bonus only when the resident was satisfied with the provider. */
export const earnsRatingBonus = (providerAnswer: string): boolean => providerAnswer === 'satisfied';

export function ratingBonus(config: PointsConfig, providerAnswer: string): number {
  return earnsRatingBonus(providerAnswer) ? config.satisfiedRatingBonus : 0;
}

/** Whole points for whole minutes served, rounded down. */
export function activityPoints(minutes: number, pointsPerHour: number): number {
  return Math.floor((Math.max(0, minutes) * pointsPerHour) / 60);
}

export function exchangeCost(config: PointsConfig, categoryCode: string): number {
  return config.exchangeCosts[categoryCode] ?? config.defaultExchangeCost;
}

export interface StarLevel {
  stars: number;
  lifetimePoints: number;
  /** Points still needed for the next star; null at the top. */
  toNextStar: number | null;
}

export function starLevel(lifetimePoints: number, thresholds: number[]): StarLevel {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const stars = sorted.filter((t) => lifetimePoints >= t).length;
  const next = sorted[stars];
  return { stars, lifetimePoints, toNextStar: next === undefined ? null : next - lifetimePoints };
}
