import { CORRELATION_HEADER } from '@bangbang/platform';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { GatewayConfig } from '../gateway.config';
import { API_KEY_HEADER } from './api-keys';
import { encodePath, UpstreamName, upstreams } from './routes';
import { UpstreamPool } from './upstream-pool';

/**
 * The instance never took the call: nothing was done, so the next instance may take it, and when none
 * can the caller is told to come back (503), which any client may safely repeat.
 */
const NOT_TAKEN = new Set(['ECONNREFUSED', 'EHOSTUNREACH']);
/**
 * The connection broke with the call in flight: it may have been applied. Only a read or a call with
 * an idempotency key goes to the next instance; anything else answers 502 and the caller decides.
 */
const BROKEN = new Set(['ECONNRESET', 'UND_ERR_SOCKET']);

/**
 * `/api/<service>/<rest>` → `<SERVICE_URL>/<rest>`, taken from the path the gate decided on (never
 * from the router's own decoding), so the service is sent exactly what was checked. A service with
 * several instances gets its calls in turn, and a call one instance cannot take goes to the next.
 * The caller's token (or the one its API key was exchanged for) goes along, with the correlation id
 * and the client's address. Bodies are passed through as bytes, capped by the same body limit as every route.
 */
export async function installProxy(fastify: FastifyInstance, config: GatewayConfig): Promise<void> {
  const pools = Object.fromEntries(Object.entries(upstreams(config)).map(([name, bases]) => [name, new UpstreamPool(bases)])) as Record<
    UpstreamName,
    UpstreamPool
  >;
  await fastify.register(async (scope) => {
    await scope.register(replyFrom, { disableRequestLogging: true });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.all('/api/:service/*', (request, reply) => forward(request, reply, pools, config.UPSTREAM_TIMEOUT_MS));
  });
}

function forward(request: FastifyRequest, reply: FastifyReply, pools: Record<UpstreamName, UpstreamPool>, timeout: number) {
  const decided = request.edge?.path;
  if (!decided) throw new Error('the edge gate did not run before the proxy');
  const [, , service, ...rest] = decided.split('/');
  const pool = Object.hasOwn(pools, service) ? pools[service as UpstreamName] : undefined;
  if (!pool) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no service ${service}` });
  return toInstance(request, reply, service, `/${encodePath(rest.join('/'))}`, pool.order(), timeout);
}

function toInstance(request: FastifyRequest, reply: FastifyReply, service: string, path: string, bases: string[], timeout: number) {
  const [base, ...others] = bases;
  const body = request.body as Buffer | undefined;
  return reply.from(`${base}${path}`, {
    timeout,
    // Never retried on the same instance: a caller's retry policy, not the proxy's, decides whether a call is repeated.
    retryDelay: () => null,
    ...(body?.length ? { body, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : {}),
    rewriteRequestHeaders: (_req, headers) => forwardedHeaders(request, reply, headers),
    onError: (res, { error }) => {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      const notTaken = code !== undefined && NOT_TAKEN.has(code);
      if (notTaken || (code !== undefined && BROKEN.has(code))) {
        if (others.length && (notTaken || repeatable(request))) return void toInstance(request, reply, service, path, others, timeout);
        if (notTaken) {
          res.header('retry-after', '2');
          res
            .code(503)
            .send({ statusCode: 503, error: 'Service Unavailable', message: `service ${service} is unavailable; nothing was changed` });
        } else res.code(502).send({ statusCode: 502, error: 'Bad Gateway', message: `service ${service} broke off the call` });
        return;
      }
      res.send(error);
    },
  });
}

const repeatable = (request: FastifyRequest): boolean =>
  request.method === 'GET' || request.method === 'HEAD' || request.headers['idempotency-key'] !== undefined;

function forwardedHeaders(request: FastifyRequest, reply: FastifyReply, headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { ...headers };
  delete out[API_KEY_HEADER];
  const exchanged = request.edge?.exchangedToken;
  if (exchanged) out.authorization = `Bearer ${exchanged}`;
  out[CORRELATION_HEADER] = String(reply.getHeader(CORRELATION_HEADER));
  // The gateway is the edge: whatever a client claims to be forwarding for is not believed.
  out['x-forwarded-for'] = request.ip;
  out['x-forwarded-proto'] = request.protocol;
  return out;
}
