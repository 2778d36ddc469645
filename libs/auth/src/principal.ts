export const STAFF_ROLES = ['district_admin', 'street_admin', 'community_admin', 'agent', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const ROLES = [...STAFF_ROLES, 'merchant', 'volunteer', 'resident'] as const;
export type Role = (typeof ROLES)[number];
export const KINDS = ['staff', 'merchant', 'volunteer', 'resident'] as const;
export type PrincipalKind = (typeof KINDS)[number];

/** Who is calling, as the access token says: every service trusts these claims once verified. */
export interface Principal {
  id: string;
  kind: PrincipalKind;
  role: Role;
  /** Code of the org unit the principal is scoped to. */
  org: string;
  /** That unit's path: the principal sees every resource whose org_path starts with it. */
  orgPath: string;
  name: string;
  /** On a token minted for a merchant API key: the key's id, so one key's doings are told apart from another's. */
  credential?: string;
  /** On such a token: what the key may do (`jobs`, `manage`). */
  scopes?: string[];
}

export const ADMIN_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_admin'];

const ADMIN_RANK: Partial<Record<Role, number>> = { district_admin: 3, street_admin: 2, community_admin: 1 };

/** The admin hierarchy; 0 for roles outside it. */
export function adminRank(role: Role): number {
  return ADMIN_RANK[role] ?? 0;
}
