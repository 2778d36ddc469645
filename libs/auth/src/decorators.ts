import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal, Role } from './principal';

export const PUBLIC_KEY = 'bangbang:public';
export const ROLES_KEY = 'bangbang:roles';

/**
 * An unauthenticated route. Everything else requires a valid access token. The OpenAPI document
 * learns both from these decorators (`x-public` becomes an empty security requirement, `x-roles` stays).
 */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));

/** Only these roles may call the route (403 for the others); without it, any authenticated caller. */
export const Roles = (...roles: Role[]): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // Only reachable on a @Public route, which must not ask for a principal.
  if (!principal) throw new Error('@CurrentPrincipal() used on a route without authentication');
  return principal;
});
