import { type RatingSubmittedV1, SATISFACTION_STARS } from '@bangbang/contracts';
import { EntityManager } from 'typeorm';

/**
 * Keeps the newest rating of a volunteer's job (a correction or a redo's rating replaces the last)
 * for the teams' scorecards. Other providers' ratings never reach it (`volunteersOnly`).
 */
export async function recordVolunteerRating(m: EntityManager, r: RatingSubmittedV1): Promise<void> {
  await m.query(
    `INSERT INTO volunteer_rating (request_id, volunteer_id, stars, tags, revision, rated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (request_id) DO UPDATE SET volunteer_id = $2, stars = $3, tags = $4, revision = $5, rated_at = $6
     WHERE volunteer_rating.revision < $5`,
    [r.requestId, r.providerId, SATISFACTION_STARS[r.provider], r.tags, r.revision, r.ratedAt],
  );
}
