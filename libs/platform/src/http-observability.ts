import { httpDuration, runWithTrace } from '@bangbang/observability';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Every request runs inside a trace context whose correlation id is the caller's (when it looks
 * like one) or a new one; it is echoed back so a caller can quote it to support.
 */
export function installHttpObservability(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers[CORRELATION_HEADER];
    const correlationId = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
    reply.header(CORRELATION_HEADER, correlationId);
    runWithTrace({ correlationId, causationId: correlationId }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1_000);
    done();
  });
}
