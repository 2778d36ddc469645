import type { Offer } from './offer.entity';

const WITHDRAWN: Record<string, string> = {
  taken: 'the job was taken by another provider',
  cancelled: 'the request was cancelled',
  reassigned: 'the job was assigned by hand to another provider',
};

/** Why an offer can no longer be answered, in words for the provider; null while it can. */
export function whyClosed(offer: Pick<Offer, 'status' | 'reason' | 'expiresAt'>, now: Date): string | null {
  switch (offer.status) {
    case 'open':
      return offer.expiresAt <= now ? `the offer expired at ${offer.expiresAt.toISOString()}` : null;
    case 'accepted':
      return 'the offer was already accepted';
    case 'declined':
      return 'the offer was declined';
    case 'expired':
      return `the offer expired at ${offer.expiresAt.toISOString()}`;
    case 'withdrawn':
      return `the offer was withdrawn: ${WITHDRAWN[offer.reason ?? ''] ?? 'no longer available'}`;
  }
}
