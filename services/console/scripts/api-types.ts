import openapiTS, { astToString } from 'openapi-typescript';
import { join } from 'node:path';

/** The committed client types; `npm run api:generate` rewrites them, a test fails when they lag. */
export const API_TYPES_FILE = join(__dirname, '../src/api/schema.d.ts');

const HEADER = `/**
 * Generated from the gateway's merged OpenAPI document (GET /openapi.json) by
 * \`npm run api:generate\`. Do not edit: services/console/test/api-types.int-spec.ts fails when
 * this file and the live document differ.
 */

`;

/** TypeScript types for every route of the platform, as openapi-fetch consumes them. */
export async function apiTypes(document: object): Promise<string> {
  const { 'x-unavailable-services': unavailable = [], ...doc } = document as { 'x-unavailable-services'?: string[] };
  if (unavailable.length) throw new Error(`services missing from the OpenAPI document: ${unavailable.join(', ')}`);
  const ast = await openapiTS(withoutOperationIds(doc) as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

/**
 * The merged document repeats each service's operation ids (every service has HealthController_live);
 * the client addresses operations by path and method, so the ids are dropped rather than renamed.
 */
function withoutOperationIds(doc: { paths?: Record<string, Record<string, unknown>> }): object {
  const paths = Object.fromEntries(
    Object.entries(doc.paths ?? {}).map(([path, ops]) => [
      path,
      Object.fromEntries(
        Object.entries(ops).map(([method, op]) => [method, op && typeof op === 'object' ? { ...op, operationId: undefined } : op]),
      ),
    ]),
  );
  return JSON.parse(JSON.stringify({ ...doc, paths }));
}
