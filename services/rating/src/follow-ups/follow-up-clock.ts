import { BackgroundLoop, planEachRun } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { JobFact } from '../figures/job-fact';
import { RATING_CONFIG, RatingConfig } from '../rating.config';
import { windowClosesAt } from '../ratings/rating-rules';

const STOP_CLOCKS = planEachRun('DELETE FROM follow_up_clock WHERE request_id = ANY($1)');

/**
 * The durable 48-hour clock: one row per signed-off job, scanned by every instance with
 * FOR UPDATE SKIP LOCKED so each due row is handled once. A job still unrated in its cycle, not
 * cancelled, and still inside its rating window goes to the follow-up queue.
 */
@Injectable()
export class FollowUpClock implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {
    this.loop = new BackgroundLoop({
      name: 'follow-up-clock',
      everyMs: config.FOLLOW_UP_POLL_MS,
      pass: async () => (await this.tick()) === config.FOLLOW_UP_BATCH_SIZE,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  /** Before the shutdown phase, where the DataSource closes: a pass in flight finishes on an open pool. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Handles the due rows of one batch; returns how many follow-ups it queued. */
  tick(now = new Date()): Promise<number> {
    return this.ds.transaction(async (m) => {
      const due: Array<{ request_id: string; cycle: number; fact: JobFact; rated_cycle: number | null }> = await m.query(
        `SELECT c.request_id, c.cycle, j.fact, r.cycle AS rated_cycle
         FROM follow_up_clock c JOIN job_fact j USING (request_id) LEFT JOIN rating r USING (request_id)
         WHERE c.due_at <= $1 ORDER BY c.due_at LIMIT $2 FOR UPDATE OF c SKIP LOCKED`,
        [now, this.config.FOLLOW_UP_BATCH_SIZE],
      );
      let queued = 0;
      for (const row of due) {
        const job = row.fact;
        const stillOpen =
          job.signOffs === row.cycle &&
          job.signedOffAt !== null &&
          job.cancelledAt === null &&
          (row.rated_cycle === null || row.rated_cycle < row.cycle) &&
          windowClosesAt(job.signedOffAt, this.config.RATING_WINDOW_SECONDS) > now;
        if (!stillOpen) continue;
        const inserted = await m.query<unknown[]>(
          `INSERT INTO follow_up (id, request_id, cycle, reason, org_path, category_code, status, created_at)
           VALUES ($1, $2, $3, 'not_rated', $4, $5, 'open', $6) ON CONFLICT (request_id, cycle, reason) DO NOTHING RETURNING 1`,
          [randomUUID(), row.request_id, row.cycle, job.orgPath, job.categoryCode, now],
        );
        queued += inserted.length;
      }
      if (due.length) await m.query(STOP_CLOCKS, [due.map((r) => r.request_id)]);
      return queued;
    });
  }
}
