import { priceRange, rankProviders, starsOf, type Listing, type Scorecard } from './providers';

const unit = (id: string, displayName: string, offerings: [string, number, number][] = []): Listing =>
  ({
    id,
    displayName,
    offerings: offerings.map(([categoryCode, priceMinFen, priceMaxFen]) => ({ categoryCode, priceMinFen, priceMaxFen, description: '' })),
  }) as Listing;
const card = (providerId: string, bayesianScore: number): Scorecard => ({ providerId, bayesianScore }) as Scorecard;

describe('choosing a provider', () => {
  it('puts the best Bayesian score first and the unrated after the rated, by name', () => {
    const units = [unit('a', '乙家'), unit('b', '甲家'), unit('c', '丙家'), unit('d', '丁家')];
    const ranked = rankProviders(
      units,
      new Map([
        ['c', card('c', 0.7)],
        ['d', card('d', 0.9)],
      ]),
    );
    expect(ranked.map((r) => r.unit.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('shows the score as one to five stars', () => {
    expect(starsOf(0.8)).toBeCloseTo(4.2);
    expect(starsOf(0)).toBe(1);
    expect(starsOf(1)).toBe(5);
  });

  it('spans the prices of every unit listing the category, and has none for a category nobody lists', () => {
    const units = [
      unit('a', '甲', [['pipe-unclogging', 3_000, 8_000]]),
      unit('b', '乙', [
        ['pipe-unclogging', 2_000, 6_000],
        ['appliance-repair', 5_000, 9_000],
      ]),
    ];
    expect(priceRange(units, 'pipe-unclogging')).toEqual({ min: 2_000, max: 8_000 });
    expect(priceRange(units, 'book-lending')).toBeUndefined();
  });
});
