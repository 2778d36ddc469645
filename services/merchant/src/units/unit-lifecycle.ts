import type { PartnerUnitStatus } from '@bangbang/contracts';

const NEXT: Record<PartnerUnitStatus, readonly PartnerUnitStatus[]> = {
  applied: ['verified', 'retired'],
  verified: ['active', 'retired'],
  active: ['suspended', 'retired'],
  suspended: ['active', 'retired'],
  retired: [],
};

const DESCRIBED: Record<PartnerUnitStatus, string> = {
  applied: 'has applied and is not verified yet',
  verified: 'is verified but not active yet',
  active: 'is active',
  suspended: 'is suspended',
  retired: 'is retired',
};

/** Verification is a community or street admin's call, who knows the unit on the ground. */
const VERIFIERS: readonly string[] = ['community_admin', 'street_admin'];

export class IllegalUnitMove extends Error {}

/** Throws, saying why, when `role` may not move a unit from `from` to `to`. */
export function assertUnitMove(from: PartnerUnitStatus, to: PartnerUnitStatus, role: string): void {
  if (!NEXT[from].includes(to)) throw new IllegalUnitMove(`the unit ${DESCRIBED[from]}, so it cannot become ${to}`);
  if (to === 'verified' && !VERIFIERS.includes(role)) throw new IllegalUnitMove('only a community or street admin verifies a unit');
}

/** Whether the unit takes jobs: only active units are offered work. */
export const takesJobs = (status: PartnerUnitStatus): boolean => status === 'active';
