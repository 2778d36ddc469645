import type { AuthenticatedRequest, Principal, Role } from '@bangbang/auth';
import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';

/** Staff who look after partner units in their part of the tree. */
export const ADMINS: Role[] = ['community_admin', 'street_admin', 'district_admin'];
/** Auditors may read what admins read, never change it. */
export const ADMIN_READERS: Role[] = [...ADMINS, 'auditor'];

/** A merchant's token (from its API key, through the gateway) names its unit as `sub`. */
export function unitOf(principal: Principal): string {
  if (principal.kind !== 'merchant') throw new ForbiddenException('only a partner unit has a /me');
  return principal.id;
}

/**
 * On routes that manage the unit (its keys, webhooks, profile and price list): a merchant token
 * must come from a key with the `manage` scope. A token without scopes counts as `jobs` only.
 */
@Injectable()
export class NeedsManageScope implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (principal?.kind === 'merchant' && !principal.scopes?.includes('manage')) {
      throw new ForbiddenException('this API key may do offers and jobs only: managing the unit needs a key with the manage scope');
    }
    return true;
  }
}
