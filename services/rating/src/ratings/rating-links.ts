import { EntityManager } from 'typeorm';
import type { JobFact } from '../figures/job-fact';
import { RatingConfig } from '../rating.config';
import { windowClosesAt } from './rating-rules';

/**
 * A sign-off opens the rating window: the resident's one-time link and the follow-up clock that
 * puts the job in the agents' queue if nobody rated it. The request service made the link's token
 * and texted it; the sign-off fact brings only its hash. Without a hash (nobody could be texted)
 * there is no link, only the follow-up call. A sign-off whose window has already closed (a late
 * replay) opens nothing.
 */
export async function openRatingWindow(
  m: EntityManager,
  job: JobFact,
  tokenHash: string | undefined,
  config: RatingConfig,
  now = new Date(),
): Promise<void> {
  if (!job.signedOffAt || !job.orgPath) return;
  const closes = windowClosesAt(job.signedOffAt, config.RATING_WINDOW_SECONDS);
  if (closes <= now) return;
  if (tokenHash) {
    await m.query(
      `INSERT INTO rating_link (request_id, token_hash, cycle, expires_at, used_at) VALUES ($1, $2, $3, $4, NULL)
       ON CONFLICT (request_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, cycle = EXCLUDED.cycle,
         expires_at = EXCLUDED.expires_at, used_at = NULL`,
      [job.requestId, tokenHash, job.signOffs, closes],
    );
  } else {
    await m.query('DELETE FROM rating_link WHERE request_id = $1', [job.requestId]);
  }
  const due = new Date(Date.parse(job.signedOffAt) + config.FOLLOW_UP_AFTER_SECONDS * 1_000);
  await m.query(
    `INSERT INTO follow_up_clock (request_id, cycle, due_at) VALUES ($1, $2, $3)
     ON CONFLICT (request_id) DO UPDATE SET cycle = EXCLUDED.cycle, due_at = EXCLUDED.due_at`,
    [job.requestId, job.signOffs, due],
  );
}

/** Reopened or cancelled: the link dies and nobody is called about an unrated job. */
export async function closeRatingWindow(m: EntityManager, requestId: string): Promise<void> {
  await m.query('DELETE FROM rating_link WHERE request_id = $1', [requestId]);
  await m.query('DELETE FROM follow_up_clock WHERE request_id = $1', [requestId]);
}
