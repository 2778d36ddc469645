import { StaffRole, STAFF_ROLES } from '@bangbang/auth';
import type { UnitLevel } from '@bangbang/contracts';

/** Which roles an admin may grant (and so take away): never one above their own. */
const ASSIGNABLE: Partial<Record<string, readonly StaffRole[]>> = {
  district_admin: STAFF_ROLES,
  street_admin: ['street_admin', 'community_admin', 'agent'],
  community_admin: ['community_admin', 'agent'],
};

/** Where each role sits: admins at their own level; the call centre anywhere; auditors over a district. */
const LEVELS: Record<StaffRole, readonly UnitLevel[]> = {
  district_admin: ['district'],
  street_admin: ['street'],
  community_admin: ['community'],
  agent: ['district', 'street', 'community'],
  auditor: ['district'],
};

export function mayAssign(actorRole: string, role: StaffRole): boolean {
  return ASSIGNABLE[actorRole]?.includes(role) ?? false;
}

export function levelProblem(role: StaffRole, level: UnitLevel, unit: string): string | undefined {
  return LEVELS[role].includes(level) ? undefined : `a ${role} works at a ${LEVELS[role].join(' or ')}, and ${unit} is a ${level}`;
}
