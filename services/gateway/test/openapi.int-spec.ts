import { waitFor } from '@bangbang/testing';
import SwaggerParser from '@apidevtools/swagger-parser';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PATH_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { District } from './district';

const ROOT = join(__dirname, '../../..');
const WRITES = ['post', 'put', 'patch'];
const METHODS = ['get', 'head', 'delete', ...WRITES];

/** From the controllers themselves, not the document: every write route whose handler takes a @Body(). */
function routesReadingABody(apps: Record<string, NestFastifyApplication>): string[] {
  const join = (...parts: (string | string[] | undefined)[]) =>
    `/${parts.map((p) => (Array.isArray(p) ? p[0] : p) ?? '').join('/')}`
      .replace(/\/+/g, '/')
      .replace(/\/$/, '')
      .replace(/:(\w+)/g, '{$1}');
  return Object.entries(apps).flatMap(([service, app]) =>
    [...app.get(ModulesContainer).values()].flatMap((module) =>
      [...module.controllers.values()].flatMap(({ metatype }) => {
        const controller = metatype as { prototype: Record<string, unknown> } & (new () => unknown);
        return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
          const handler = controller.prototype[name] as object;
          const method =
            typeof handler === 'function' ? (Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) : undefined;
          if (method === undefined || ![RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH].includes(method)) return [];
          const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
          if (!Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`))) return [];
          const prefix = service === 'gateway' ? '' : `/api/${service}`;
          return [
            `${RequestMethod[method]} ${prefix}${join(Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler))}`,
          ];
        });
      }),
    ),
  );
}

/**
 * Issue 11's done-when: the gateway's merged document, with every service up, is valid OpenAPI 3,
 * and describes every body a client sends and gets back, who may call what, and how refusals look.
 */
describe('the merged OpenAPI document', () => {
  let d: District;
  let doc: any;
  const ops = () =>
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, method, path, op })),
    );

  // A type the plugin knew nothing about comes out as an object with no properties.
  const described = (schema: any): boolean => {
    const s = schema?.$ref ? doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    if (!s) return false;
    if (s.type === 'array') return described(s.items);
    return s.type !== 'object' || Object.keys(s.properties ?? {}).length > 0 || !!s.additionalProperties;
  };

  beforeAll(async () => {
    d = await District.start();
    // A service builds its document on first request, which can outlast the gateway's fetch timeout on a busy machine.
    doc = await waitFor(
      async () => {
        const body = (await d.api('GET', '/openapi.json')).body;
        return body['x-unavailable-services'].length === 0 && body;
      },
      { timeoutMs: 60_000, what: 'every service in the merged OpenAPI document' },
    );
  });

  afterAll(() => d?.stop());

  it('is valid OpenAPI 3 with every service in it', async () => {
    expect(doc['x-unavailable-services']).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    expect(doc.openapi).toMatch(/^3\./);
    for (const service of ['request', 'dispatch', 'merchant', 'volunteer', 'rating']) {
      expect(Object.keys(doc.paths).some((p) => p.startsWith(`/api/${service}/`))).toBe(true);
    }
  });

  it('has a request body schema for every POST, PUT and PATCH that reads one', () => {
    const readers = routesReadingABody(d.nestApps());
    expect(readers.length).toBeGreaterThan(40);
    const documented = new Set(
      ops()
        .filter(
          ({ method, op }) => WRITES.includes(method) && Object.values(op.requestBody?.content ?? {}).some((c: any) => described(c.schema)),
        )
        .map(({ route }) => route),
    );
    expect(readers.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('has a schema for the 2xx answer of every operation', () => {
    const missing = ops()
      .filter(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2/.test(code));
        return !ok.some(
          ([code, r]: [string, any]) => code === '204' || Object.values(r.content ?? {}).some((c: any) => described(c.schema)),
        );
      })
      .map(({ route }) => route);
    expect(missing).toEqual([]);
  });

  it('refers every operation to the one error body for 4xx', () => {
    expect(doc.components.schemas.ErrorBody.properties.message.oneOf).toHaveLength(2);
    const without = ops()
      .filter(({ op }) => !op.responses['4XX']?.content['application/json'].schema.$ref?.endsWith('ErrorBody'))
      .map(({ route }) => route);
    expect(without).toEqual([]);
  });

  it('says who may call what: public routes need nothing, roles from @Roles, merchants by API key too', () => {
    const op = (method: string, path: string) => doc.paths[path][method];
    expect(op('post', '/auth/login').security).toEqual([]);
    expect(op('get', '/api/merchant/public/units').security).toEqual([]);
    expect(op('post', '/api/request/households').security).toEqual([{ bearer: [] }]);
    expect(op('post', '/api/request/households')['x-roles']).toEqual(expect.arrayContaining(['agent']));
    expect(op('post', '/api/request/households')['x-roles']).not.toContain('merchant');
    expect(op('get', '/api/merchant/me/jobs')['x-roles']).toEqual(['merchant']);
    expect(op('get', '/api/merchant/me/jobs').security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(doc.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
    });
    const unsecured = ops()
      .filter(({ op }) => !Array.isArray(op.security))
      .map(({ route }) => route);
    expect(unsecured).toEqual([]);
  });

  it('is generated from the code: the plugin metadata files are up to date', () => {
    expect(() =>
      execFileSync('node', ['-r', '@swc-node/register', 'deploy/openapi/metadata.ts', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });
});
