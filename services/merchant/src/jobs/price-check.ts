/**
 * A free job (subsistence-allowance households, poor elderly living alone, people with
 * disabilities in difficulty, residents hit by misfortune) must record 0: anything charged is a
 * breach of the unit's commitment, and is flagged to the admins.
 */
export function chargedEligibleHousehold(feePolicy: string | null | undefined, priceChargedFen: number | null | undefined): boolean {
  return feePolicy === 'free' && typeof priceChargedFen === 'number' && priceChargedFen > 0;
}
