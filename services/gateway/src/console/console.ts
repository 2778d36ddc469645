import fastifyStatic from '@fastify/static';
import { getLogger } from '@bangbang/observability';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build` puts the console: dist/console, next to dist/services. */
export function consoleDir(configured: string): string | undefined {
  const candidates = configured
    ? [resolve(configured)]
    : [resolve(__dirname, '../../../../console'), resolve(process.cwd(), 'dist/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/** Paths the gateway answers itself or proxies; the console's client-side routes are everything else. */
const NOT_CONSOLE = /^\/(api|auth|directory|users|audit|live|openapi|docs|health|metrics|\.well-known)(\/|$|\.)/;

const wantsPage = (request: FastifyRequest): boolean =>
  !NOT_CONSOLE.test(request.url.split('?')[0]) && (request.headers.accept ?? '').includes('text/html');

/**
 * The mobile sites built beside the console, each its own page with its own code-split bundle: the
 * residents' site at /m/ and the volunteers' app at /v/.
 */
const MOBILE_SITES = ['m', 'v'] as const;

/**
 * The console at `/`: hashed assets under /assets/ are immutable, index.html is revalidated on
 * every load so a deploy reaches browsers at once, and any other page-navigation GET gets
 * index.html so a deep link or a reload of /requests/… lands in the app's router.
 */
export async function installConsole(fastify: FastifyInstance, configuredDir: string): Promise<void> {
  const dir = consoleDir(configuredDir);
  const log = getLogger('console');
  if (!dir) {
    log.warn('console not built (npm run build); serving the API only');
    return;
  }
  const index = readFileSync(join(dir, 'index.html'));
  await fastify.register(fastifyStatic, {
    root: join(dir, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
    // The build leaves .br and .gz copies beside each asset; browsers that take them get those.
    preCompressed: true,
  });
  const servePage = (html: Buffer) => (request: FastifyRequest, reply: FastifyReply) => {
    if (!wantsPage(request)) {
      return reply
        .code(404)
        .send({ statusCode: 404, error: 'Not Found', message: `Cannot ${request.method} ${request.url.split('?')[0]}` });
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  };
  fastify.get('/', servePage(index));
  fastify.get('/*', servePage(index));
  for (const site of MOBILE_SITES) {
    const file = join(dir, site, 'index.html');
    if (!existsSync(file)) continue;
    const page = servePage(readFileSync(file));
    fastify.get(`/${site}`, page);
    fastify.get(`/${site}/*`, page);
  }
  log.info({ dir }, "console served at /, the residents' site at /m/, the volunteers' app at /v/");
}
