/**
 * The credibility score (信誉度), 0..100, published per unit and on the public directory.
 *
 *   score = 100 × (0.20·A + 0.20·T + 0.35·S + 0.15·(1 − C) + 0.10·(1 − R))
 *
 * A acceptance: offers accepted / offers accepted, declined or left to expire
 * T on time: signed-off jobs finished by their resolution deadline, with no response or
 *   resolution deadline breached while the unit held them / signed-off jobs
 * S satisfaction: (satisfied + ½ basically satisfied) / provider ratings (latest revision each)
 * C complaints: (dissatisfied ratings + free jobs the unit charged for) / completed jobs (at least
 *   the rated ones)
 * R redo: jobs reopened for redo (重办) after the unit's work / signed-off jobs
 *
 * Each rate is shrunk towards a prior with the weight of 5 samples, (rate·n + prior·5) / (n + 5),
 * so a unit's first job neither makes nor breaks it; a new unit starts at 83.75. Satisfaction
 * weighs most because residents choose by it. A unit below the review threshold (60 by default)
 * is flagged to the admins of its scope.
 */
export interface CreditCounts {
  offersAccepted: number;
  offersDecided: number;
  jobsOnTime: number;
  jobsSignedOff: number;
  satisfied: number;
  basicallySatisfied: number;
  ratings: number;
  complaints: number;
  jobsCompleted: number;
  redos: number;
}

export interface Component {
  rate: number;
  samples: number;
}

export interface Credit {
  score: number;
  components: { acceptance: Component; onTime: Component; satisfaction: Component; complaints: Component; redo: Component };
}

export const NO_FACTS: CreditCounts = {
  offersAccepted: 0,
  offersDecided: 0,
  jobsOnTime: 0,
  jobsSignedOff: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  ratings: 0,
  complaints: 0,
  jobsCompleted: 0,
  redos: 0,
};

export const WEIGHTS = { acceptance: 0.2, onTime: 0.2, satisfaction: 0.35, complaints: 0.15, redo: 0.1 } as const;
/** What each answer to the provider question is worth towards satisfaction. */
export const SATISFACTION_CREDIT = { satisfied: 1, basicallySatisfied: 0.5 } as const;
const PRIOR = { acceptance: 0.8, onTime: 0.8, satisfaction: 0.8, complaints: 0.05, redo: 0.05 } as const;
const PRIOR_WEIGHT = 5;

const ratio = (part: number, whole: number): Component => ({ rate: whole > 0 ? Math.min(1, part / whole) : 0, samples: whole });
const shrunk = (c: Component, prior: number) => (c.rate * c.samples + prior * PRIOR_WEIGHT) / (c.samples + PRIOR_WEIGHT);
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function creditScore(c: CreditCounts): Credit {
  const components = {
    acceptance: ratio(c.offersAccepted, c.offersDecided),
    onTime: ratio(c.jobsOnTime, c.jobsSignedOff),
    satisfaction: ratio(
      c.satisfied * SATISFACTION_CREDIT.satisfied + c.basicallySatisfied * SATISFACTION_CREDIT.basicallySatisfied,
      c.ratings,
    ),
    complaints: ratio(c.complaints, Math.max(c.jobsCompleted, c.ratings, c.complaints)),
    redo: ratio(c.redos, Math.max(c.jobsSignedOff, c.redos)),
  };
  const s = (k: keyof typeof PRIOR) => shrunk(components[k], PRIOR[k]);
  const score =
    100 *
    (WEIGHTS.acceptance * s('acceptance') +
      WEIGHTS.onTime * s('onTime') +
      WEIGHTS.satisfaction * s('satisfaction') +
      WEIGHTS.complaints * (1 - s('complaints')) +
      WEIGHTS.redo * (1 - s('redo')));
  const rounded = Object.fromEntries(Object.entries(components).map(([k, v]) => [k, { rate: round(v.rate, 4), samples: v.samples }]));
  return { score: round(score, 1), components: rounded as Credit['components'] };
}

/** Points a provider rating earns towards satisfaction. */
export const SATISFACTION_POINTS: Record<string, number> = { satisfied: 1, basically_satisfied: 0.5, dissatisfied: 0 };
