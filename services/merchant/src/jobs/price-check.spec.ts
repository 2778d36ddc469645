import { chargedEligibleHousehold } from './price-check';

describe('charging an eligible household', () => {
  it('flags a free job that was charged', () => expect(chargedEligibleHousehold('free', 3_000)).toBe(true));
  it('accepts a free job recorded at 0', () => expect(chargedEligibleHousehold('free', 0)).toBe(false));
  it('accepts any price on a low-cost job', () => expect(chargedEligibleHousehold('low_cost', 3_000)).toBe(false));
  it('waits until both the fee policy and the price are known', () => {
    expect(chargedEligibleHousehold(null, 3_000)).toBe(false);
    expect(chargedEligibleHousehold('free', null)).toBe(false);
  });
});
