import { priceRange, providerName, rankProviders, starsOf, type Listing, type Scorecard, type Team } from './providers';

const unit = (id: string, displayName: string, offerings: [string, number, number][] = []): Listing =>
  ({
    id,
    displayName,
    offerings: offerings.map(([categoryCode, priceMinFen, priceMaxFen]) => ({ categoryCode, priceMinFen, priceMaxFen, description: '' })),
  }) as Listing;
const card = (providerId: string, bayesianScore: number): Scorecard => ({ providerId, bayesianScore }) as Scorecard;
const team = (id: string, name: string, ratingsCount: number, bayesianScore = 0.8): Team =>
  ({ id, name, scorecard: { ratingsCount, bayesianScore, meanStars: null, topTags: [] } }) as unknown as Team;

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
    expect(ranked.map(providerName)).toEqual(['丁家', '丙家', '甲家', '乙家']);
  });

  it('ranks volunteer teams among the units on the same score, a team nobody has rated among the unrated', () => {
    const ranked = rankProviders([unit('a', '乙家'), unit('c', '丙家')], new Map([['c', card('c', 0.7)]]), [
      team('t1', '绿叶舟', 3, 0.85),
      team('t2', '阿姨队', 0),
    ]);
    expect(ranked.map((r) => [r.kind, providerName(r)])).toEqual([
      ['team', '绿叶舟'],
      ['unit', '丙家'],
      ['team', '阿姨队'],
      ['unit', '乙家'],
    ]);
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
