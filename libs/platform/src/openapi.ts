import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const OPENAPI_PATH = '/openapi.json';
export const BEARER_SCHEME = 'bearer';
export const ERROR_SCHEMA = 'ErrorBody';

/** A service's openapi.metadata.ts (npm run openapi:metadata): what the Swagger plugin would have compiled in. */
export type OpenApiMetadata = () => Promise<Record<string, unknown>>;

type Operation = Record<string, unknown> & { responses?: Record<string, unknown>; security?: unknown[] };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function operations(doc: Pick<OpenAPIObject, 'paths'>): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
}

/** @nestjs/swagger leaves its internal `selfRequired` flag on nested object literals, which OpenAPI does not allow. */
function dropSelfRequired(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (!Array.isArray(node)) delete (node as Record<string, unknown>).selfRequired;
  for (const child of Object.values(node)) dropSelfRequired(child);
}

/**
 * What every operation shares, added once here rather than route by route: the error body every
 * refusal has (Nest's HttpException shape), and who may call it: `x-public` (from @Public()) becomes
 * an empty security requirement, everything else needs a bearer token.
 */
function completeOperations(doc: OpenAPIObject): OpenAPIObject {
  dropSelfRequired(doc);
  doc.components ??= {};
  doc.components.schemas = {
    ...doc.components.schemas,
    [ERROR_SCHEMA]: {
      type: 'object',
      required: ['statusCode', 'message'],
      properties: {
        statusCode: { type: 'integer', minimum: 400, maximum: 599 },
        error: { type: 'string', description: 'The status text, e.g. "Bad Request".' },
        message: {
          description: 'What was wrong: one sentence, or one per invalid field.',
          oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        },
      },
    },
  };
  const error = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } } };
  for (const { op } of operations(doc)) {
    op.responses = {
      ...op.responses,
      '4XX': { description: 'Refused: bad input, not signed in, not allowed, not found or in conflict.', ...error },
    };
    if (op['x-public']) {
      delete op['x-public'];
      delete op['x-roles'];
      op.security = [];
    } else {
      op.security = [{ [BEARER_SCHEME]: [] }];
    }
  }
  return doc;
}

export async function buildOpenApiDocument(app: INestApplication, service: string, metadata?: OpenApiMetadata): Promise<OpenAPIObject> {
  if (metadata) await SwaggerModule.loadPluginMetadata(metadata);
  const config = new DocumentBuilder()
    .setTitle(`Bangbang ${service}`)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  return completeOperations(SwaggerModule.createDocument(app, config));
}

/** Every service describes itself; the gateway merges the documents. Built on first request. */
export function serveOpenApi(app: NestFastifyApplication, service: string, path = OPENAPI_PATH, metadata?: OpenApiMetadata): void {
  let document: Promise<OpenAPIObject> | undefined;
  app
    .getHttpAdapter()
    .getInstance()
    .get(path, () => (document ??= buildOpenApiDocument(app, service, metadata)));
}
