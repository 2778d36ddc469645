import type { components } from '../api/schema';

export type Listing = components['schemas']['merchant.DirectoryListing'];
export type Scorecard = components['schemas']['rating.ProviderScorecard'];

export interface RankedProvider {
  unit: Listing;
  scorecard: Scorecard | undefined;
}

/** The rating service's Bayesian score (0 to 1) as the stars residents know (1 to 5). */
export const starsOf = (bayesianScore: number): number => 1 + 4 * bayesianScore;

/**
 * Best first by the Bayesian score, which already weighs few ratings towards the district's
 * average; providers nobody has rated yet come after them, by name.
 */
export function rankProviders(units: Listing[], scorecards: Map<string, Scorecard>): RankedProvider[] {
  return units
    .map((unit) => ({ unit, scorecard: scorecards.get(unit.id) }))
    .sort((a, b) => {
      if (a.scorecard && b.scorecard)
        return b.scorecard.bayesianScore - a.scorecard.bayesianScore || a.unit.displayName.localeCompare(b.unit.displayName, 'zh');
      if (a.scorecard || b.scorecard) return a.scorecard ? -1 : 1;
      return a.unit.displayName.localeCompare(b.unit.displayName, 'zh');
    });
}

/** The lowest and highest price any listed unit asks for a category, in fen; undefined when none lists it. */
export function priceRange(units: Listing[], categoryCode: string): { min: number; max: number } | undefined {
  const offers = units.flatMap((u) => u.offerings.filter((o) => o.categoryCode === categoryCode));
  if (!offers.length) return undefined;
  return { min: Math.min(...offers.map((o) => o.priceMinFen)), max: Math.max(...offers.map((o) => o.priceMaxFen)) };
}
