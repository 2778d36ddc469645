import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { limitedUntil } from '../sign-off/sign-off-code';

/**
 * The code a resident gets by SMS to book online. Like the sign-off code, six digits can be
 * guessed by trying, so wrong tries count per phone within the window, not per code: asking for a
 * new code brings no new tries. Every phone is counted alike, registered or not, so the limits
 * say nothing about who is registered.
 */
export const CODE_LENGTH = 6;
export const CODE_TTL_MS = 10 * 60_000;
export const WINDOW_MS = 3_600_000;
/** Codes a phone may be sent within WINDOW_MS. */
export const MAX_CODES_SENT = 3;
/** Wrong codes a phone may submit within WINDOW_MS, whichever codes they were aimed at. */
export const MAX_WRONG_CODES = 5;

export interface PhoneVerificationState {
  codeHash: string | null;
  salt: string | null;
  expiresAt: Date | null;
  usedAt: Date | null;
  issuedAt: Date[];
  wrongAt: Date[];
}

export function newVerificationCode(): { code: string; salt: string } {
  return { code: String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, '0'), salt: randomBytes(16).toString('hex') };
}

export function hashVerificationCode(salt: string, phone: string, code: string): string {
  return createHash('sha256').update(`${salt}:${phone}:${code}`).digest('hex');
}

/** The row key: the phone is not kept in clear for numbers nobody registered. */
export function phoneKey(phone: string): string {
  return createHash('sha256').update(`booking-phone:${phone}`).digest('hex');
}

/** When wrong tries are used up: the moment the next try is allowed; else null. */
export const lockedUntil = (s: Pick<PhoneVerificationState, 'wrongAt'> | null, now: Date): Date | null =>
  s && limitedUntil(s.wrongAt, MAX_WRONG_CODES, now, WINDOW_MS);

/** Whether a new code may be sent now: not while tries are used up, nor past MAX_CODES_SENT. */
export function sendRefusedUntil(s: Pick<PhoneVerificationState, 'wrongAt' | 'issuedAt'> | null, now: Date): Date | null {
  if (!s) return null;
  return lockedUntil(s, now) ?? limitedUntil(s.issuedAt, MAX_CODES_SENT, now, WINDOW_MS);
}

export type CodeCheck = 'ok' | 'wrong' | 'locked';

/** Wrong, expired, used and never-sent codes are one answer: the caller learns nothing more. */
export function checkVerificationCode(s: PhoneVerificationState | null, phone: string, code: string, now: Date): CodeCheck {
  if (lockedUntil(s, now)) return 'locked';
  if (!s?.codeHash || !s.salt || !s.expiresAt || s.usedAt || now >= s.expiresAt) return 'wrong';
  const given = Buffer.from(hashVerificationCode(s.salt, phone, code), 'hex');
  return timingSafeEqual(given, Buffer.from(s.codeHash, 'hex')) ? 'ok' : 'wrong';
}
