import type { GatewayConfig } from '../gateway.config';

/**
 * Routes anyone may call without signing in: the provider directory, online booking and public
 * ratings (their services add them in later issues). They are limited per client IP, harder.
 */
export const PUBLIC_ROUTES: readonly { methods: readonly string[]; prefix: string }[] = [
  { methods: ['GET', 'HEAD'], prefix: '/api/merchant/public/' },
  { methods: ['POST'], prefix: '/api/request/public/bookings' },
  { methods: ['GET', 'HEAD', 'POST'], prefix: '/api/rating/public/' },
];

const under = (path: string, prefix: string): boolean =>
  prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`);

export function isPublicRoute(method: string, path: string): boolean {
  return PUBLIC_ROUTES.some((r) => r.methods.includes(method) && under(path, r.prefix));
}

/** Never limited or authenticated at the edge: probes, key discovery and static documentation assets. */
export const UNGATED_PREFIXES = ['/health', '/metrics', '/.well-known/', '/docs/assets/'];

export type UpstreamName = 'request' | 'dispatch' | 'merchant' | 'volunteer' | 'rating';

export function upstreams(config: GatewayConfig): Record<UpstreamName, string> {
  return {
    request: config.REQUEST_URL,
    dispatch: config.DISPATCH_URL,
    merchant: config.MERCHANT_URL,
    volunteer: config.VOLUNTEER_URL,
    rating: config.RATING_URL,
  };
}
