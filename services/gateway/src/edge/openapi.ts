import { getLogger } from '@bangbang/observability';
import type { FastifyInstance } from 'fastify';
import { GatewayConfig } from '../gateway.config';
import { API_KEY_HEADER } from './api-keys';
import { UpstreamName, upstreams } from './routes';

export const GATEWAY_OPENAPI_PATH = '/openapi/gateway.json';
const CACHE_MS = 30_000;
const FETCH_TIMEOUT_MS = 2_000;
const API_KEY_SCHEME = 'apiKey';

/**
 * The edge exchanges a merchant's API key for a merchant token, so a service route a merchant may
 * call (no @Roles, or roles naming merchant) takes the key as well as a bearer token.
 */
function acceptApiKey(op: Operation): void {
  const bearer = op.security?.length;
  if (bearer && (!op['x-roles'] || op['x-roles'].includes('merchant'))) op.security = [...op.security!, { [API_KEY_SCHEME]: [] }];
}

interface Operation {
  tags?: string[];
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
}

interface OpenApiDoc {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

/**
 * One document for the whole platform: the gateway's own routes plus each service's, under the
 * `/api/<service>` prefix the proxy serves them at. A service that does not answer is listed as
 * unavailable rather than failing the whole document.
 */
export function installOpenApi(fastify: FastifyInstance, config: GatewayConfig): void {
  const log = getLogger('openapi');
  let cached: { at: number; doc: unknown } | undefined;

  const fetchDoc = async (name: UpstreamName, base: string): Promise<OpenApiDoc | undefined> => {
    try {
      const res = await fetch(`${base}/openapi.json`, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      return res.ok ? ((await res.json()) as OpenApiDoc) : undefined;
    } catch (err) {
      log.debug({ err, service: name }, 'service OpenAPI document unavailable');
      return undefined;
    }
  };

  fastify.get('/openapi.json', async () => {
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.doc;
    const own = (await fastify.inject({ method: 'GET', url: GATEWAY_OPENAPI_PATH })).json() as OpenApiDoc;
    const merged = {
      ...own,
      info: { title: 'Bangbang', version: '1' },
      paths: { ...own.paths },
      components: {
        ...own.components,
        schemas: { ...own.components?.schemas },
        securitySchemes: { ...own.components?.securitySchemes, [API_KEY_SCHEME]: { type: 'apiKey', in: 'header', name: API_KEY_HEADER } },
      },
    };
    const unavailable: string[] = [];
    const entries = Object.entries(upstreams(config)) as [UpstreamName, string[]][];
    // Every instance runs the same build: any one of them describes the service.
    const docs = await Promise.all(entries.map(([name, bases]) => fetchDoc(name, bases[Math.floor(Math.random() * bases.length)])));
    entries.forEach(([name], i) => {
      const doc = docs[i];
      if (!doc) return void unavailable.push(name);
      const rewritten = JSON.parse(JSON.stringify(doc).replaceAll('#/components/schemas/', `#/components/schemas/${name}.`)) as OpenApiDoc;
      for (const [path, ops] of Object.entries(rewritten.paths ?? {})) {
        for (const op of Object.values(ops)) {
          op.tags = [name, ...(op.tags ?? [])];
          acceptApiKey(op);
        }
        merged.paths[`/api/${name}${path}`] = ops;
      }
      for (const [schema, body] of Object.entries(rewritten.components?.schemas ?? {}))
        merged.components.schemas[`${name}.${schema}`] = body;
    });
    const doc = { ...merged, 'x-unavailable-services': unavailable };
    // An incomplete document is not kept: the next request asks the missing services again.
    if (unavailable.length === 0) cached = { at: Date.now(), doc };
    return doc;
  });
}
