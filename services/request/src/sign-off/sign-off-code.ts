import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code the resident hands the provider to sign the service order. Only its hash is
 * kept; a few wrong tries lock it and a new one must be sent.
 */
export const SIGN_OFF_CODE_LENGTH = 6;
export const MAX_CODE_ATTEMPTS = 5;

export function newSignOffCode(): string {
  return String(randomInt(0, 10 ** SIGN_OFF_CODE_LENGTH)).padStart(SIGN_OFF_CODE_LENGTH, '0');
}

/** Salted with the request id, so one code's hash says nothing about another request's. */
export function hashSignOffCode(requestId: string, code: string): string {
  return createHash('sha256').update(`${requestId}:${code}`).digest('hex');
}

export interface StoredCode {
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  usedAt: Date | null;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked' | 'used';

/** Checks a submitted code; the caller counts the attempt whatever the outcome. */
export function checkSignOffCode(stored: StoredCode, requestId: string, code: string, now: Date): CodeCheck {
  if (stored.usedAt) return 'used';
  if (stored.attempts >= MAX_CODE_ATTEMPTS) return 'locked';
  if (now >= stored.expiresAt) return 'expired';
  const given = Buffer.from(hashSignOffCode(requestId, code), 'hex');
  return timingSafeEqual(given, Buffer.from(stored.codeHash, 'hex')) ? 'ok' : 'wrong';
}
