import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './decorators';
import type { Role } from './principal';
import { bearerToken, InvalidTokenError, TokenVerifier } from './token-verifier';

interface Reply {
  header(name: string, value: string): unknown;
}

/**
 * Global: every HTTP route needs a valid access token unless marked @Public(). Event handlers
 * (the Kafka transport shares the app's guards) are not HTTP and pass through.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const http = ctx.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) return this.refuse(http.getResponse<Reply>(), 'a bearer access token is required');
    try {
      request.principal = await this.verifier.verify(token);
    } catch (err) {
      if (err instanceof InvalidTokenError) return this.refuse(http.getResponse<Reply>(), 'the access token is not valid', 'invalid_token');
      throw new ServiceUnavailableException('cannot verify tokens right now');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException(`role ${request.principal.role} may not do this`);
    }
    return true;
  }

  private refuse(reply: Reply, message: string, error?: string): never {
    reply.header('www-authenticate', error ? `Bearer error="${error}"` : 'Bearer');
    throw new UnauthorizedException(message);
  }
}
