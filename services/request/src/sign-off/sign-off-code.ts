import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time code the resident hands the provider to sign the service order. Only its hash is
 * kept. Six digits can be guessed by trying, so the limits are per request, not per code: a new
 * code does not bring new tries, and new codes are rationed too. Past a limit, the agent's
 * follow-up call (回访) still signs the request off.
 */
export const SIGN_OFF_CODE_LENGTH = 6;
/** Wrong codes a request may see in LIMIT_WINDOW_MS, whichever codes they were aimed at. */
export const MAX_WRONG_CODES = 5;
/** Codes a request may be sent in LIMIT_WINDOW_MS, the one sent on completion included. */
export const MAX_CODES_SENT = 3;
export const LIMIT_WINDOW_MS = 24 * 3_600_000;

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
  usedAt: Date | null;
  /** When codes were sent, within the window. */
  issuedAt: Date[];
  /** When wrong codes were submitted, within the window. */
  wrongAt: Date[];
}

/** The times still inside the window at `now`, oldest first: all a limit needs to remember. */
export function withinWindow(times: readonly Date[], now: Date, windowMs = LIMIT_WINDOW_MS): Date[] {
  return times.filter((t) => now.getTime() - t.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
}

/** When `max` happened within the window already: the moment the next one is allowed; else null. */
export function limitedUntil(times: readonly Date[], max: number, now: Date, windowMs = LIMIT_WINDOW_MS): Date | null {
  const recent = withinWindow(times, now, windowMs);
  return recent.length < max ? null : new Date(recent[recent.length - max].getTime() + windowMs);
}

export const wrongTriesLeft = (stored: Pick<StoredCode, 'wrongAt'>, now: Date): number =>
  Math.max(0, MAX_WRONG_CODES - withinWindow(stored.wrongAt, now).length);

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked' | 'used';

/** Checks a submitted code; the caller records a wrong one. */
export function checkSignOffCode(stored: StoredCode, requestId: string, code: string, now: Date): CodeCheck {
  if (stored.usedAt) return 'used';
  if (limitedUntil(stored.wrongAt, MAX_WRONG_CODES, now)) return 'locked';
  if (now >= stored.expiresAt) return 'expired';
  const given = Buffer.from(hashSignOffCode(requestId, code), 'hex');
  return timingSafeEqual(given, Buffer.from(stored.codeHash, 'hex')) ? 'ok' : 'wrong';
}

export type ResendRefusal = { limit: 'wrong_codes' | 'codes_sent'; until: Date };

/**
 * Whether a new code may be sent on request: not while wrong tries are used up (it could not be
 * used), nor once MAX_CODES_SENT went out within the window.
 */
export function resendRefusal(stored: Pick<StoredCode, 'issuedAt' | 'wrongAt'> | null, now: Date): ResendRefusal | null {
  if (!stored) return null;
  const locked = limitedUntil(stored.wrongAt, MAX_WRONG_CODES, now);
  if (locked) return { limit: 'wrong_codes', until: locked };
  const rationed = limitedUntil(stored.issuedAt, MAX_CODES_SENT, now);
  return rationed && { limit: 'codes_sent', until: rationed };
}
