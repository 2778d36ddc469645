import { sha256Hex } from '@bangbang/auth';
import { randomBytes } from 'node:crypto';

/** `bbk_` and 32 random bytes: long enough that a plain SHA-256 is a safe way to store it. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `bbk_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 8), hash: sha256Hex(key) };
}
