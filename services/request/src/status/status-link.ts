import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The link texted to a resident who booked online, to follow the request without an account. The
 * token is the link's expiry and an HMAC of the request id and that expiry, so nothing is stored
 * and a token opens only its own request until it expires. Only `[A-Za-z0-9_-]`: the stored copy of
 * the message loses it with the rating token (`token=[redacted]`).
 */
export type StatusTokenCheck = 'valid' | 'expired' | 'invalid';

const MAC_BYTES = 16;

/** A key of its own, derived from the sealing key, so one secret to manage and no reuse of it as is. */
export const statusLinkKey = (notificationKey: string): Buffer =>
  createHmac('sha256', notificationKey).update('bangbang/status-link').digest();

const mac = (key: Buffer, requestId: string, expiresAtSeconds: number): Buffer =>
  createHmac('sha256', key).update(`${requestId}.${expiresAtSeconds}`).digest().subarray(0, MAC_BYTES);

export function statusToken(key: Buffer, requestId: string, expiresAt: Date): string {
  const seconds = Math.floor(expiresAt.getTime() / 1_000);
  return `${seconds.toString(36)}_${mac(key, requestId, seconds).toString('base64url')}`;
}

export function checkStatusToken(key: Buffer, requestId: string, token: string, now: Date): StatusTokenCheck {
  const match = /^([0-9a-z]{1,10})_([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return 'invalid';
  const seconds = parseInt(match[1], 36);
  const given = Buffer.from(match[2], 'base64url');
  // The 22nd character carries 4 bits of padding that decoding ignores: only the one spelling opens the link.
  if (given.toString('base64url') !== match[2]) return 'invalid';
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(key, requestId, seconds))) return 'invalid';
  return seconds * 1_000 <= now.getTime() ? 'expired' : 'valid';
}

export function statusLink(baseUrl: string, requestId: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${requestId}?token=${token}`;
}
