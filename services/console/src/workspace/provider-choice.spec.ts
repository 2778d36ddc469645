import { choiceProblem, percent, priceText } from './provider-choice';

const plumber = {
  takesFreeJobs: false,
  offerings: [
    { categoryCode: 'water-electric-repair', priceMinFen: 2_000, priceMaxFen: 6_050 },
    { categoryCode: 'pipe-unclog', priceMinFen: 3_000, priceMaxFen: 3_000 },
  ],
};

describe("the resident's choice of provider", () => {
  it('refuses a unit that takes no free jobs for a free household, and allows it otherwise', () => {
    expect(choiceProblem(plumber, 'free')).toBe('不接免费服务单');
    expect(choiceProblem(plumber, 'low_cost')).toBeNull();
    expect(choiceProblem({ ...plumber, takesFreeJobs: true }, 'free')).toBeNull();
  });

  it("quotes the category's price range in yuan, one price, or free", () => {
    expect(priceText(plumber, 'water-electric-repair', 'low_cost')).toBe('¥20–60.50');
    expect(priceText(plumber, 'pipe-unclog', 'low_cost')).toBe('¥30');
    expect(priceText(plumber, 'home-haircut', 'low_cost')).toBe('价格面议');
    expect(priceText(plumber, 'pipe-unclog', 'free')).toBe('免费');
  });

  it('shows rates as whole percentages and nothing measured as a dash', () => {
    expect(percent(0.9349)).toBe('93%');
    expect(percent(null)).toBe('—');
  });
});
