/** The roles an admin may grant, never one above their own (the gateway refuses the rest with 403). */
const ASSIGNABLE: Record<string, string[]> = {
  district_admin: ['district_admin', 'street_admin', 'community_admin', 'agent', 'auditor'],
  street_admin: ['street_admin', 'community_admin', 'agent'],
  community_admin: ['community_admin', 'agent'],
};

/** The level of org unit each role works at. */
const LEVELS: Record<string, string[]> = {
  district_admin: ['district'],
  street_admin: ['street'],
  community_admin: ['community'],
  agent: ['district', 'street', 'community'],
  auditor: ['district'],
};

export const assignableRoles = (actorRole: string): string[] => ASSIGNABLE[actorRole] ?? [];

export const levelsFor = (role: string): string[] => LEVELS[role] ?? [];
