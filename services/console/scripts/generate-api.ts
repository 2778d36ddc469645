import { readFileSync, writeFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypes } from './api-types';

/**
 * `npm run api:generate` with the whole stack up (`npm start`, or GATEWAY_URL pointing at one)
 * rewrites the console's API types; with `--check` it only says whether the committed file is
 * what the live document gives (exit 1 if not).
 */
async function main(): Promise<void> {
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  const res = await fetch(`${gateway}/openapi.json`);
  if (!res.ok) throw new Error(`GET ${gateway}/openapi.json: ${res.status}`);
  const generated = await apiTypes((await res.json()) as object);
  if (!process.argv.includes('--check')) {
    writeFileSync(API_TYPES_FILE, generated);
    process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
  } else if (readFileSync(API_TYPES_FILE, 'utf8') === generated) {
    process.stdout.write('api types up to date\n');
  } else {
    throw new Error(`${API_TYPES_FILE} is stale: run npm run api:generate against the running stack and commit`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
