import { auditOrigin, inScope, Principal, recordAudit, Role } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Volunteer } from './registration/volunteer.entity';

/** Admins run volunteers in their own subtree; auditors may read what admins read. */
export const ADMINS: Role[] = ['community_admin', 'street_admin', 'district_admin'];
export const READERS: Role[] = [...ADMINS, 'auditor'];
/** Teams, activities, rewards and points rules are volunteer matters: merchants and residents have no business there. */
export const STAFF_AND_VOLUNTEERS: Role[] = [...READERS, 'volunteer'];

/**
 * A volunteer's home community once an admin has approved them; null before that, when it is only
 * what they declared on their application and must not open that community's lists to them.
 */
export async function approvedHome(m: EntityManager, p: Principal): Promise<string | null> {
  const v = await m.findOneBy(Volunteer, { id: p.id });
  return v?.status === 'approved' ? v.orgPath : null;
}

/** Staff read units in their scope; an approved volunteer their own community, street and district. */
export async function assertMaySeeUnit(m: EntityManager, p: Principal, unit: string): Promise<void> {
  if (p.role === 'volunteer') {
    const home = await approvedHome(m, p);
    if (!home || !home.startsWith(unit)) throw new NotFoundException('unit not found');
    return;
  }
  if (!READERS.includes(p.role) || !inScope(p, unit)) throw new NotFoundException('unit not found');
}

/** A community is the third level of the org tree: `/district/street/community/`. */
export const COMMUNITY_PATH = /^\/([a-z][a-z0-9-]{1,31}\/){3}$/;

export interface HttpRequestLike {
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Records a staff change in the caller's transaction, as the gateway's audit store expects. */
export function audit(
  m: EntityManager,
  principal: Principal,
  req: HttpRequestLike,
  action: string,
  resourceType: string,
  resourceId: string,
): Promise<void> {
  return recordAudit(m, AuditRecorded.volunteer, principal, { action, resourceType, resourceId }, auditOrigin(req));
}
