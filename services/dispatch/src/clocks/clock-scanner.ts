import { DeadlineBreached } from '@bangbang/contracts';
import { getLogger, runWithTrace } from '@bangbang/observability';
import { BackgroundLoop } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DISPATCH_CONFIG, DispatchConfig } from '../dispatch.config';
import { DispatchJob } from '../jobs/dispatch-job.entity';
import { Dispatcher } from '../jobs/dispatcher';
import { jobFact } from '../jobs/job-facts';
import { OffersService } from '../offers/offers.service';
import { Clock, Clocks } from './clocks';

/**
 * The earliest due clock whose job no other transaction holds. Locking the job row with it (and
 * skipping either when taken) keeps one job's clocks and its HTTP reports from interleaving, and
 * lets every instance scan at once without firing a clock twice.
 */
const CLAIM = `
  SELECT c.id, c.kind, c.request_id AS "requestId", c.offer_id AS "offerId", c.due_at AS "dueAt"
  FROM dispatch_clock c JOIN dispatch_job j ON j.request_id = c.request_id
  WHERE c.due_at <= $1
  ORDER BY c.due_at
  LIMIT 1
  FOR UPDATE SKIP LOCKED`;

const RETRY_FAILED_MS = 30_000;

@Injectable()
export class ClockScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = getLogger('clock-scanner');
  private readonly loop: BackgroundLoop;
  private early?: { timer: NodeJS.Timeout; at: number };

  constructor(
    private readonly ds: DataSource,
    private readonly clocks: Clocks,
    private readonly dispatcher: Dispatcher,
    private readonly offers: OffersService,
    @Inject(DISPATCH_CONFIG) config: DispatchConfig,
  ) {
    // One clock a pass: a fired clock says there may be another due, and the loop comes straight back.
    this.loop = new BackgroundLoop({ name: 'clock-scanner', everyMs: config.DISPATCH_CLOCK_SCAN_MS, pass: () => this.fireOne() });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.clocks.onSoonDue((dueAt) => this.wakeAt(dueAt.getTime()));
    await this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.early?.timer);
    this.early = undefined;
    await this.loop.stop();
  }

  /** A clock due before the next poll wakes the loop when it falls due. */
  private wakeAt(at: number): void {
    if (this.early && this.early.at <= at) return;
    clearTimeout(this.early?.timer);
    const timer = setTimeout(
      () => {
        this.early = undefined;
        this.loop.wake();
      },
      Math.max(0, at - Date.now()) + 5,
    );
    timer.unref();
    this.early = { timer, at };
  }

  private async fireOne(): Promise<boolean> {
    let claimed: Clock | undefined;
    try {
      return await this.ds.transaction(async (m) => {
        const now = new Date();
        [claimed] = (await m.query(CLAIM, [now])) as Clock[];
        if (!claimed) return false;
        await m.query('DELETE FROM dispatch_clock WHERE id = $1', [claimed.id]);
        const job = await this.dispatcher.lock(m, claimed.requestId);
        const clock = claimed;
        await runWithTrace({ correlationId: job.correlationId ?? job.requestId, causationId: `clock-${clock.id}` }, () =>
          this.fire(m, job, clock, now),
        );
        return true;
      });
    } catch (err) {
      this.log.error({ err, clock: claimed }, 'clock failed; retrying it later');
      if (claimed) {
        await this.ds
          .query('UPDATE dispatch_clock SET due_at = $2 WHERE id = $1', [claimed.id, new Date(Date.now() + RETRY_FAILED_MS)])
          .catch(() => undefined);
      }
      return false;
    }
  }

  private async fire(m: EntityManager, job: DispatchJob, clock: Clock, now: Date): Promise<void> {
    if (clock.kind === 'offer') return this.offers.expire(m, job, clock.offerId!, now);
    if (clock.kind === 'response') {
      if (job.respondedAt || !['offering', 'manual'].includes(job.state)) return;
      await this.dispatcher.patch(m, job, { responseBreachedAt: now }, now);
    } else {
      if (['signed_off', 'cancelled'].includes(job.state)) return;
      await this.dispatcher.patch(m, job, { resolutionBreachedAt: now }, now);
    }
    await this.dispatcher.publish(m, job, DeadlineBreached, {
      ...jobFact(job, now),
      deadline: clock.kind,
      dueAt: new Date(clock.dueAt).toISOString(),
      providerId: job.providerId ?? undefined,
      manualQueue: job.state === 'manual',
    });
  }
}
