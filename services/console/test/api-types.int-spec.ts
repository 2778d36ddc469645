import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@bangbang/testing';
import { District } from '../../gateway/test/district';

const ROOT = join(__dirname, '../../..');

/**
 * The console's API types come from the document the running platform serves, never by hand: the
 * generator, in check mode, regenerates them from the live merged document of the whole stack and
 * compares with the committed file. When it fails, run `npm run api:generate` against `npm start`
 * (or this generator against any running gateway: GATEWAY_URL=…) and commit.
 */
describe('the console API client', () => {
  let d: District;

  beforeAll(async () => {
    d = await District.start();
  });

  afterAll(async () => {
    await d?.stop();
  });

  it('is generated from the live merged OpenAPI document of all six services', async () => {
    // On a loaded machine a service's first document can take longer than the gateway waits for it; the
    // gateway keeps the merged document once every service has answered.
    const doc = await waitFor(
      async () => {
        const r = await d.api('GET', '/openapi.json');
        return r.status === 200 && r.body['x-unavailable-services'].length === 0 && r;
      },
      { timeoutMs: 120_000, intervalMs: 1_000, what: 'every service’s OpenAPI document' },
    );
    expect(doc.body['x-unavailable-services']).toEqual([]);
    const args = [
      '-r',
      '@swc-node/register',
      'services/console/scripts/generate-api.ts',
      ...(process.env.API_TYPES_WRITE === '1' ? [] : ['--check']),
    ];
    const run = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env: { ...process.env, GATEWAY_URL: d.gatewayUrl } }).catch(
      (err: { stderr: string }) => ({
        stdout: '',
        stderr: err.stderr,
      }),
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/api types up to date|wrote/);
  });
});
