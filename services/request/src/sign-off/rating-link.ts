import { sha256Hex } from '@bangbang/auth';
import { randomBytes } from 'node:crypto';

/**
 * The resident's one-time rating link. The request service makes the token at sign-off because it
 * alone may text the resident; the token leaves only in that SMS, and only its hash goes on the bus
 * for the rating service to check against.
 */
export const newRatingToken = (): string => randomBytes(32).toString('base64url');

export const hashRatingToken = sha256Hex;

/** The residents' rating page; it posts `{ token, ... }` to the rating service's public route. */
export function ratingLink(baseUrl: string, requestId: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/rate/${requestId}?token=${token}`;
}

const TOKEN_IN_LINK = /([?&]token=)[A-Za-z0-9_-]+/g;

/** What may be kept or logged of a message once it is sent: the link without its token. */
export const redactRatingToken = (text: string): string => text.replace(TOKEN_IN_LINK, '$1[redacted]');
