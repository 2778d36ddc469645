import type { FeePolicy } from '@bangbang/contracts';

/**
 * Why a household is served free (DOMAIN.md). Never in an event; staff see it only in the unmasked
 * household view, which is read with a purpose and audited.
 */
export const ELIGIBILITY_REASONS = [
  'subsistence_allowance',
  'elderly_living_alone',
  'disability_in_difficulty',
  'sudden_hardship',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

const DAY = 24 * 3_600_000;
/**
 * Longest grant per reason: allowance and disability status are re-checked yearly; a sudden
 * misfortune is help for a while, not a status.
 */
export const MAX_VALIDITY_DAYS: Record<EligibilityReason, number> = {
  subsistence_allowance: 366,
  elderly_living_alone: 366,
  disability_in_difficulty: 366,
  sudden_hardship: 90,
};

export interface EligibilityPeriod {
  validFrom: Date;
  validUntil: Date;
  revokedAt?: Date | null;
}

export function isValidAt(e: EligibilityPeriod, at: Date): boolean {
  return !e.revokedAt && e.validFrom <= at && at < e.validUntil;
}

/** Free when any grant is valid at intake; low-cost for everyone else, newcomers included. */
export function feePolicyAt(grants: EligibilityPeriod[], at: Date): FeePolicy {
  return grants.some((g) => isValidAt(g, at)) ? 'free' : 'low_cost';
}

/** The grant that makes the household free now, the one lasting longest when several do. */
export function currentGrant<G extends EligibilityPeriod>(grants: G[], at: Date): G | undefined {
  return grants.filter((g) => isValidAt(g, at)).sort((a, b) => b.validUntil.getTime() - a.validUntil.getTime())[0];
}

/** Why a grant cannot be made as asked, naming the field; null when it can. */
export function grantProblem(reason: EligibilityReason, validFrom: Date, validUntil: Date, now: Date): string | null {
  if (validUntil <= validFrom) return 'validUntil must be after validFrom';
  if (validUntil <= now) return 'validUntil must be in the future';
  const days = (validUntil.getTime() - validFrom.getTime()) / DAY;
  if (days > MAX_VALIDITY_DAYS[reason]) return `validUntil: a ${reason} grant lasts at most ${MAX_VALIDITY_DAYS[reason]} days`;
  return null;
}
