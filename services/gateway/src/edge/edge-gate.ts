import { bearerToken, InvalidTokenError, KeysUnavailableError, Principal, TokenVerifier } from '@bangbang/auth';
import { getLogger } from '@bangbang/observability';
import { CORRELATION_HEADER, databaseUnavailable, isDatabaseUnavailable } from '@bangbang/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { writeAudit } from '../audit/audit-log';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { API_KEY_HEADER, ApiKeys } from './api-keys';
import { rateLimitKey } from './client-address';
import { BucketLimits, RateLimiter, Take } from './rate-limiter';
import { isPublicAuthRoute, isPublicRoute, mayReadMetrics, normalisePath, PBX_PREFIX, UNGATED_PREFIXES } from './routes';

/** What the gate learnt about a request, for the proxy and the audit hook after it. */
export interface EdgeIdentity {
  /** The decoded path every check, the audit record and the proxy use (see `normalisePath`). */
  path: string;
  principal?: Principal;
  /** The token to forward upstream in place of the caller's API key. */
  exchangedToken?: string;
  apiKeyId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    edge?: EdgeIdentity;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before every route, the gateway's own and the proxied: authenticates API keys and bearer
 * tokens, applies the rate limit of the caller (user, API key, or client IP when anonymous or on a
 * public route), and refuses unauthenticated calls to non-public upstream routes.
 */
@Injectable()
export class EdgeGate {
  private readonly log = getLogger('edge');
  private readonly limiter: RateLimiter;
  private readonly limits: Record<'user' | 'key' | 'public', BucketLimits>;

  constructor(
    private readonly verifier: TokenVerifier,
    private readonly apiKeys: ApiKeys,
    private readonly ds: DataSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.limiter = new RateLimiter(ds);
    this.limits = {
      user: { burst: config.RATE_LIMIT_USER_BURST, perMinute: config.RATE_LIMIT_USER_PER_MINUTE },
      key: { burst: config.RATE_LIMIT_API_KEY_BURST, perMinute: config.RATE_LIMIT_API_KEY_PER_MINUTE },
      public: { burst: config.RATE_LIMIT_PUBLIC_BURST, perMinute: config.RATE_LIMIT_PUBLIC_PER_MINUTE },
    };
  }

  readonly onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const normalised = normalisePath(request.url);
    if ('refused' in normalised) return this.refuse(reply, 400, `path refused: ${normalised.refused}`);
    const { path } = normalised;
    const identity: EdgeIdentity = { path };
    request.edge = identity;
    if (path.startsWith('/metrics') && !mayReadMetrics(request.ip)) return this.refuse(reply, 404, 'not found');
    if (UNGATED_PREFIXES.some((p) => path.startsWith(p)) || path.startsWith(PBX_PREFIX)) return;
    const byAddress = rateLimitKey(request.ip);
    if (isPublicAuthRoute(request.method, path)) return this.limited(reply, await this.take(byAddress, this.limits.public));
    const apiKey = request.headers[API_KEY_HEADER];
    if (typeof apiKey === 'string') {
      // A key is looked up in the database: an address whose anonymous allowance is spent gets no
      // lookups, and each unknown key spends from it. A key found valid lately needs no lookup, and
      // its own bucket limits it below.
      if (!this.apiKeys.knows(apiKey)) {
        const allowance = await this.peek(byAddress, this.limits.public);
        if (!allowance.allowed) return this.limited(reply, allowance);
      }
      let exchanged: Awaited<ReturnType<ApiKeys['exchange']>>;
      try {
        exchanged = await this.apiKeys.exchange(apiKey);
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        return this.refuse(reply, 503, databaseUnavailable(err, reply).message);
      }
      if (!exchanged) {
        await this.take(byAddress, this.limits.public);
        return this.refuse(reply, 401, 'unknown or revoked API key');
      }
      Object.assign(identity, { principal: exchanged.principal, exchangedToken: exchanged.accessToken, apiKeyId: exchanged.keyId });
    } else {
      try {
        identity.principal = await this.verified(request.headers.authorization);
      } catch (err) {
        if (!(err instanceof KeysUnavailableError)) throw err;
        return this.refuse(reply, 503, 'cannot verify tokens right now');
      }
    }
    const publicRoute = isPublicRoute(request.method, path);
    const bucket =
      publicRoute || !identity.principal
        ? await this.take(byAddress, this.limits.public)
        : identity.apiKeyId
          ? await this.take(`key:${identity.apiKeyId}`, this.limits.key)
          : await this.take(`user:${identity.principal.id}`, this.limits.user);
    if (!bucket.allowed) return this.limited(reply, bucket);
    if (path.startsWith('/api/') && !publicRoute && !identity.principal) {
      reply.header('www-authenticate', 'Bearer');
      return this.refuse(reply, 401, 'a valid bearer token or API key is required');
    }
  };

  /** Staff changes made through the proxy are audited here, whatever the service does itself. */
  readonly onResponse = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const { principal, path } = request.edge ?? {};
    if (!principal || !path || principal.kind !== 'staff' || SAFE_METHODS.has(request.method) || !path.startsWith('/api/')) return;
    const [, , service] = path.split('/');
    const userAgent = request.headers['user-agent'];
    await writeAudit(
      this.ds.manager,
      principal,
      { action: `proxy.${request.method.toLowerCase()}`, resourceType: service, resourceId: path, status: reply.statusCode },
      { ip: isIP(request.ip) ? request.ip : undefined, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : undefined },
      String(reply.getHeader(CORRELATION_HEADER) ?? ''),
    ).catch((err) => this.log.error({ err }, 'audit of a proxied change failed'));
  };

  /**
   * The buckets live in the gateway's database; while it cannot be reached calls are let through
   * rather than refused: signed-in callers' tokens are checked without it, and the limits return with it.
   */
  private take(key: string, limits: BucketLimits): Promise<Take> {
    return this.limiter.take(key, limits).catch((err) => this.unlimited(err));
  }

  private peek(key: string, limits: BucketLimits): Promise<Take> {
    return this.limiter.peek(key, limits).catch((err) => this.unlimited(err));
  }

  private unlimited(err: unknown): Take {
    // Only an unreachable database lets calls through; a fault of the limiter itself is a bug to see.
    if (!isDatabaseUnavailable(err)) throw err;
    this.log.warn({ err }, 'rate limits unavailable; the call is let through');
    return { allowed: true };
  }

  /** An invalid token makes the caller anonymous here; the route then decides (401 unless public). */
  private async verified(authorization: string | undefined): Promise<Principal | undefined> {
    const token = bearerToken(authorization);
    if (!token) return undefined;
    try {
      return await this.verifier.verify(token);
    } catch (err) {
      if (!(err instanceof InvalidTokenError)) throw err;
      return undefined;
    }
  }

  private limited(reply: FastifyReply, take: Take): FastifyReply | undefined {
    if (take.allowed) return undefined;
    reply.header('retry-after', String(take.retryAfterSeconds));
    return this.refuse(reply, 429, `rate limit exceeded; retry in ${take.retryAfterSeconds} s`);
  }

  private refuse(reply: FastifyReply, statusCode: number, message: string): FastifyReply {
    const error = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' }[
      statusCode
    ];
    return reply.code(statusCode).send({ statusCode, error, message });
  }
}
