import type { GatewayConfig } from '../gateway.config';

/**
 * Routes anyone may call without signing in: the provider directory, residents' ratings and
 * scorecards, the Open311 facade (whose POST the request service checks by `api_key`), and online
 * booking (which the request service checks by a code texted to the resident). They
 * are limited per client IP, harder.
 */
export const PUBLIC_ROUTES: readonly { methods: readonly string[]; prefix: string }[] = [
  { methods: ['GET', 'HEAD'], prefix: '/api/merchant/public/' },
  { methods: ['GET', 'HEAD', 'POST'], prefix: '/api/rating/public/' },
  { methods: ['GET', 'HEAD', 'POST'], prefix: '/api/request/open311/v2/' },
  { methods: ['POST'], prefix: '/api/request/public/bookings' },
];

const under = (path: string, prefix: string): boolean =>
  prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`);

export function isPublicRoute(method: string, path: string): boolean {
  return PUBLIC_ROUTES.some((r) => r.methods.includes(method) && under(path, r.prefix));
}

/** Never limited or authenticated at the edge: probes, key discovery and static documentation and console assets. */
export const UNGATED_PREFIXES = ['/health', '/metrics', '/.well-known/', '/docs/assets/', '/assets/'];

const INTERNAL = [/^127\./, /^10\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./, /^::1$/, /^f[cd][0-9a-f]{2}:/i];

/**
 * The gateway faces the public, so its metrics are for the scraper on the internal network only;
 * everyone else is told there is nothing there.
 */
export function mayReadMetrics(clientIp: string): boolean {
  const ip = clientIp.replace(/^::ffff:/, '');
  return INTERNAL.some((range) => range.test(ip));
}

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
