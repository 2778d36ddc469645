import { creditScore, CreditCounts, WEIGHTS } from './credit-score';

const none: CreditCounts = {
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

describe('credibility score', () => {
  it('weights add up to one', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('starts a new unit at the prior, 83.75', () => {
    expect(creditScore(none).score).toBe(83.8);
  });

  it('approaches 100 for a long perfect record', () => {
    const perfect = {
      ...none,
      offersAccepted: 1000,
      offersDecided: 1000,
      jobsOnTime: 1000,
      jobsSignedOff: 1000,
      satisfied: 1000,
      ratings: 1000,
      jobsCompleted: 1000,
    };
    expect(creditScore(perfect).score).toBeGreaterThan(99.5);
  });

  it('falls below the review threshold for a poor record', () => {
    const poor = {
      ...none,
      offersAccepted: 5,
      offersDecided: 20,
      jobsOnTime: 4,
      jobsSignedOff: 10,
      satisfied: 2,
      basicallySatisfied: 2,
      ratings: 10,
      complaints: 5,
      jobsCompleted: 10,
      redos: 3,
    };
    expect(creditScore(poor).score).toBeLessThan(60);
  });

  it('does not let one bad job sink a unit', () => {
    const one = { ...none, offersAccepted: 1, offersDecided: 1, jobsSignedOff: 1, ratings: 1, complaints: 1, jobsCompleted: 1, redos: 1 };
    expect(creditScore(one).score).toBeGreaterThan(60);
  });

  it('reports each component with its sample count', () => {
    const c = creditScore({ ...none, offersAccepted: 3, offersDecided: 4, satisfied: 1, basicallySatisfied: 1, ratings: 2 });
    expect(c.components.acceptance).toEqual({ rate: 0.75, samples: 4 });
    expect(c.components.satisfaction).toEqual({ rate: 0.75, samples: 2 });
    expect(c.components.onTime).toEqual({ rate: 0, samples: 0 });
  });

  it('counts a complaint even before the job is counted as completed', () => {
    expect(creditScore({ ...none, complaints: 1 }).components.complaints).toEqual({ rate: 1, samples: 1 });
  });
});
