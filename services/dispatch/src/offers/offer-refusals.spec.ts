import { whyClosed } from './offer-refusals';

describe('whyClosed', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const later = new Date('2026-11-25T10:05:00Z');
  const earlier = new Date('2026-11-25T09:55:00Z');

  it.each([
    ['open, not yet due', { status: 'open', reason: null, expiresAt: later }, null],
    ['open but past its time', { status: 'open', reason: null, expiresAt: earlier }, 'the offer expired at 2026-11-25T09:55:00.000Z'],
    ['expired', { status: 'expired', reason: null, expiresAt: earlier }, 'the offer expired at 2026-11-25T09:55:00.000Z'],
    [
      'taken by another',
      { status: 'withdrawn', reason: 'taken', expiresAt: later },
      'the offer was withdrawn: the job was taken by another provider',
    ],
    [
      'request cancelled',
      { status: 'withdrawn', reason: 'cancelled', expiresAt: later },
      'the offer was withdrawn: the request was cancelled',
    ],
    ['already accepted', { status: 'accepted', reason: null, expiresAt: later }, 'the offer was already accepted'],
    ['declined', { status: 'declined', reason: 'busy', expiresAt: later }, 'the offer was declined'],
  ] as const)('%s', (_, offer, expected) => {
    expect(whyClosed(offer, now)).toBe(expected);
  });
});
