import { createHash } from 'node:crypto';

/**
 * Lower-case hex SHA-256. Enough for high-entropy secrets (API keys, refresh and link tokens), which
 * cannot be guessed, so they need no slow hash; passwords and short codes need more than this.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
