import { CORRELATION_HEADER } from '@bangbang/platform';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { GatewayConfig } from '../gateway.config';
import { API_KEY_HEADER } from './api-keys';
import { encodePath, UpstreamName, upstreams } from './routes';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'EHOSTUNREACH']);

/**
 * `/api/<service>/<rest>` → `<SERVICE_URL>/<rest>`, taken from the path the gate decided on (never
 * from the router's own decoding), so the service is sent exactly what was checked. The caller's
 * token (or the one its API key was exchanged for) goes along, with the correlation id and the
 * client's address. Bodies are passed through as bytes, capped by the same body limit as every route.
 */
export async function installProxy(fastify: FastifyInstance, config: GatewayConfig): Promise<void> {
  const targets = upstreams(config);
  await fastify.register(async (scope) => {
    await scope.register(replyFrom, { disableRequestLogging: true });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.all('/api/:service/*', (request, reply) => forward(request, reply, targets, config.UPSTREAM_TIMEOUT_MS));
  });
}

function forward(request: FastifyRequest, reply: FastifyReply, targets: Record<UpstreamName, string>, timeout: number) {
  const decided = request.edge?.path;
  if (!decided) throw new Error('the edge gate did not run before the proxy');
  const [, , service, ...rest] = decided.split('/');
  const base = Object.hasOwn(targets, service) ? targets[service as UpstreamName] : undefined;
  if (!base) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no service ${service}` });
  const body = request.body as Buffer | undefined;
  return reply.from(`${base}/${encodePath(rest.join('/'))}`, {
    timeout,
    // Never retried here: a caller's retry policy, not the proxy's, decides whether a call is repeated.
    retryDelay: () => null,
    ...(body?.length ? { body, contentType: request.headers['content-type'] ?? 'application/octet-stream' } : {}),
    rewriteRequestHeaders: (_req, headers) => forwardedHeaders(request, reply, headers),
    onError: (res, { error }) => {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (code && UNREACHABLE.has(code)) {
        return res.code(502).send({ statusCode: 502, error: 'Bad Gateway', message: `service ${service} is unreachable` });
      }
      return res.send(error);
    },
  });
}

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
