import type { Principal, Role } from '@bangbang/auth';

/** Staff who take calls and look after requests: agents and the admins above a community. */
export const DESK_ROLES: Role[] = ['agent', 'community_admin', 'street_admin', 'district_admin'];
export const ADMINS: Role[] = ['community_admin', 'street_admin', 'district_admin'];
/** Auditors read requests (masked) to check the work, never change them. */
export const READER_ROLES: Role[] = [...DESK_ROLES, 'auditor'];

/** Who did something, as a timeline entry records it. */
export interface Actor {
  kind: string;
  id: string;
}

export const actorOf = (p: Principal): Actor => ({ kind: p.kind, id: p.id });
export const systemActor = (id: string): Actor => ({ kind: 'system', id });
