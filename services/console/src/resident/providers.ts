import type { components } from '../api/schema';

export type Listing = components['schemas']['merchant.DirectoryListing'];
export type Scorecard = components['schemas']['rating.ProviderScorecard'];
export type Team = components['schemas']['volunteer.PublicTeam'];

/** A partner unit with its scorecard (none before its first job), or a volunteer team with its members' ratings. */
export type RankedProvider = { kind: 'unit'; unit: Listing; scorecard: Scorecard | undefined } | { kind: 'team'; team: Team };

/** The rating service's Bayesian score (0 to 1) as the stars residents know (1 to 5). */
export const starsOf = (bayesianScore: number): number => 1 + 4 * bayesianScore;

export const providerName = (p: RankedProvider): string => (p.kind === 'unit' ? p.unit.displayName : p.team.name);

/** The Bayesian score residents' ratings earned; undefined while nobody has rated. */
export function scoreOf(p: RankedProvider): number | undefined {
  if (p.kind === 'unit') return p.scorecard?.bayesianScore;
  return p.team.scorecard.ratingsCount > 0 ? p.team.scorecard.bayesianScore : undefined;
}

/**
 * Units and teams in one list, best first by the Bayesian score (one scale for both), which
 * already weighs few ratings towards the district's average; those nobody has rated yet come
 * after them, by name.
 */
export function rankProviders(units: Listing[], scorecards: Map<string, Scorecard>, teams: Team[] = []): RankedProvider[] {
  const all: RankedProvider[] = [
    ...units.map((unit) => ({ kind: 'unit' as const, unit, scorecard: scorecards.get(unit.id) })),
    ...teams.map((team) => ({ kind: 'team' as const, team })),
  ];
  const byName = (a: RankedProvider, b: RankedProvider) => providerName(a).localeCompare(providerName(b), 'zh');
  return all.sort((a, b) => {
    const [sa, sb] = [scoreOf(a), scoreOf(b)];
    if (sa !== undefined && sb !== undefined) return sb - sa || byName(a, b);
    if (sa !== undefined || sb !== undefined) return sa !== undefined ? -1 : 1;
    return byName(a, b);
  });
}

/** The lowest and highest price any listed unit asks for a category, in fen; undefined when none lists it. */
export function priceRange(units: Listing[], categoryCode: string): { min: number; max: number } | undefined {
  const offers = units.flatMap((u) => u.offerings.filter((o) => o.categoryCode === categoryCode));
  if (!offers.length) return undefined;
  return { min: Math.min(...offers.map((o) => o.priceMinFen)), max: Math.max(...offers.map((o) => o.priceMaxFen)) };
}
