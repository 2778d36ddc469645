/**
 * What makes a past request believable enough to count in the figures. Its times must tell one
 * story in order (received, accepted, signed off, rated), all of it over before the import, and no
 * older than the figures keep; a rating must fall in the window a resident has to rate.
 */
export const MAX_HISTORY_DAYS = 730;
export const RATING_WINDOW_MS = 7 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export interface PastStory {
  receivedAt: Date;
  acceptedAt: Date;
  signedOffAt: Date;
  ratedAt?: Date;
}

/** The first thing wrong with the story, naming the field, or null. */
export function storyProblem(s: PastStory, now: Date): string | null {
  const times: Array<[string, Date | undefined]> = [
    ['receivedAt', s.receivedAt],
    ['acceptedAt', s.acceptedAt],
    ['signedOffAt', s.signedOffAt],
    ['rating.ratedAt', s.ratedAt],
  ];
  for (const [field, at] of times) if (at && at.getTime() >= now.getTime()) return `${field}: must be in the past`;
  if (now.getTime() - s.receivedAt.getTime() > MAX_HISTORY_DAYS * DAY_MS) return `receivedAt: older than ${MAX_HISTORY_DAYS} days`;
  if (s.acceptedAt < s.receivedAt) return 'acceptedAt: before receivedAt';
  if (s.signedOffAt < s.acceptedAt) return 'signedOffAt: before acceptedAt';
  if (s.ratedAt && s.ratedAt < s.signedOffAt) return 'rating.ratedAt: before signedOffAt';
  if (s.ratedAt && s.ratedAt.getTime() - s.signedOffAt.getTime() > RATING_WINDOW_MS)
    return 'rating.ratedAt: more than 7 days after signedOffAt';
  return null;
}
