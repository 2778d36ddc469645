import SwaggerParser from '@apidevtools/swagger-parser';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { District } from './district';

const ROOT = join(__dirname, '../../..');
const WRITES = ['post', 'put', 'patch'];
const METHODS = ['get', 'head', 'delete', ...WRITES];

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

  beforeAll(async () => {
    d = await District.start();
    doc = (await d.api('GET', '/openapi.json')).body;
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

  it('has a request body schema for every POST, PUT and PATCH that takes one', () => {
    const missing = ops()
      .filter(({ method, op }) => WRITES.includes(method) && !op.requestBody?.content?.['application/json']?.schema)
      .filter(({ op }) => !op['x-no-body'])
      .map(({ route }) => route);
    expect(missing).toEqual([]);
  });

  it('has a schema for the 2xx answer of every operation', () => {
    const missing = ops()
      .filter(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2/.test(code));
        return !ok.some(([code, r]: [string, any]) => code === '204' || Object.values(r.content ?? {}).some((c: any) => c.schema));
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
    expect(op('get', '/api/merchant/jobs')['x-roles']).toEqual(['merchant']);
    expect(op('get', '/api/merchant/jobs').security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    expect(doc.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' }, apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } });
    const unsecured = ops().filter(({ op }) => !Array.isArray(op.security)).map(({ route }) => route);
    expect(unsecured).toEqual([]);
  });

  it('is generated from the code: the plugin metadata files are up to date', () => {
    expect(() => execFileSync('node', ['-r', '@swc-node/register', 'deploy/openapi/metadata.ts', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('ships everything it shows', () => {
    require('node:fs').writeFileSync('/tmp/merged-openapi.json', JSON.stringify(doc, null, 1));
  });
});
