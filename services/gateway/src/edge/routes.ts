import type { GatewayConfig } from '../gateway.config';
import { urlList } from '@bangbang/observability';

/**
 * Routes anyone may call without signing in: the provider directory and the volunteer teams,
 * residents' ratings and scorecards, the Open311 facade (whose POST the request service checks by `api_key`), online
 * booking (which the request service checks by a code texted to the resident), the residents' site's
 * catalogue and the status page behind the signed link texted after a booking. They
 * are limited per client IP, harder.
 */
export const PUBLIC_ROUTES: readonly { methods: readonly string[]; prefix: string }[] = [
  { methods: ['GET', 'HEAD'], prefix: '/api/merchant/public/' },
  { methods: ['GET', 'HEAD', 'POST'], prefix: '/api/rating/public/' },
  { methods: ['GET', 'HEAD', 'POST'], prefix: '/api/request/open311/v2/' },
  { methods: ['POST'], prefix: '/api/request/public/bookings' },
  { methods: ['GET', 'HEAD'], prefix: '/api/request/public/catalogue/' },
  { methods: ['GET', 'HEAD'], prefix: '/api/request/public/requests/' },
  { methods: ['GET', 'HEAD'], prefix: '/api/volunteer/public/' },
];

const under = (path: string, prefix: string): boolean =>
  prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`);

export function isPublicRoute(method: string, path: string): boolean {
  return PUBLIC_ROUTES.some((r) => r.methods.includes(method) && under(path, r.prefix));
}

/**
 * The gateway's own ways in for people without a session. Limited per client address whatever
 * token comes along: a token from one account must not buy guesses at another.
 */
const PUBLIC_AUTH_ROUTES = new Set(['/auth/login', '/auth/refresh', '/auth/logout', '/auth/volunteers']);

export const isPublicAuthRoute = (method: string, path: string): boolean => method === 'POST' && PUBLIC_AUTH_ROUTES.has(path);

export type Normalised = { path: string } | { refused: string };

// Encoded `/` and `\` would change the path's shape after the checks; an encoded `%` is a second
// round of decoding waiting to happen somewhere downstream; encoded `?` and `#` would move the end of
// the path. None is needed by any route, so they are refused rather than interpreted.
const ENCODED_SHAPE = /%(2f|5c|25|3f|23)/i;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The one path the gate, the audit hook and the proxy decide on: the request path (query aside)
 * decoded exactly once. Anything that could make another component see a different path is refused.
 */
export function normalisePath(url: string): Normalised {
  const query = url.indexOf('?');
  const raw = query === -1 ? url : url.slice(0, query);
  if (!raw.startsWith('/')) return { refused: 'the path must start with /' };
  if (ENCODED_SHAPE.test(raw)) return { refused: 'encoded /, \\, %, ? or # in the path' };
  if (/[\\#]/.test(raw)) return { refused: '\\ or # in the path' };
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return { refused: 'malformed percent-encoding' };
  }
  if (CONTROL.test(path)) return { refused: 'control characters in the path' };
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return { refused: 'dot segments in the path' };
  return { path };
}

/** A decided path back to the wire: each segment encoded so that one decoding upstream gives it back. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(24|26|2B|2C|3A|3B|3D|40)/g, (e) => decodeURIComponent(e)))
    .join('/');
}

/** Never limited or authenticated at the edge: probes, key discovery and static documentation and console assets. */
export const UNGATED_PREFIXES = ['/health', '/metrics', '/.well-known/', '/docs/assets/', '/assets/'];

/**
 * The PBX's CTI routes: authenticated by the PBX's own token in the route, and not limited here,
 * because one PBX reports every call of the hotline from one address (a burst of calls must not be
 * refused). Tokens are 256 random bits, so guessing them is no use.
 */
export const PBX_PREFIX = '/cti/pbx/';

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

/** Each service's instances, from its comma-separated list of base URLs. */
export function upstreams(config: GatewayConfig): Record<UpstreamName, string[]> {
  return {
    request: urlList(config.REQUEST_URL),
    dispatch: urlList(config.DISPATCH_URL),
    merchant: urlList(config.MERCHANT_URL),
    volunteer: urlList(config.VOLUNTEER_URL),
    rating: urlList(config.RATING_URL),
  };
}
