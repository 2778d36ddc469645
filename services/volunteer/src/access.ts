import { auditOrigin, Principal, recordAudit, Role } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { EntityManager } from 'typeorm';

/** Admins run volunteers in their own subtree; auditors may read what admins read. */
export const ADMINS: Role[] = ['community_admin', 'street_admin', 'district_admin'];
export const READERS: Role[] = [...ADMINS, 'auditor'];

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
