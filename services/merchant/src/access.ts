import type { Principal, Role } from '@bangbang/auth';
import { ForbiddenException } from '@nestjs/common';

/** Staff who look after partner units in their part of the tree. */
export const ADMINS: Role[] = ['community_admin', 'street_admin', 'district_admin'];
/** Auditors may read what admins read, never change it. */
export const ADMIN_READERS: Role[] = [...ADMINS, 'auditor'];

/** A merchant's token (from its API key, through the gateway) names its unit as `sub`. */
export function unitOf(principal: Principal): string {
  if (principal.kind !== 'merchant') throw new ForbiddenException('only a partner unit has a /me');
  return principal.id;
}
