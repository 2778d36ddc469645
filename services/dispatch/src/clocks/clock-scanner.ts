import { DeadlineBreached } from '@bangbang/contracts';
import { getLogger, runWithTrace } from '@bangbang/observability';
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
  private running = false;
  private poll?: NodeJS.Timeout;
  private early?: { timer: NodeJS.Timeout; at: number };
  private scanning?: Promise<void>;
  private again = false;

  constructor(
    private readonly ds: DataSource,
    private readonly clocks: Clocks,
    private readonly dispatcher: Dispatcher,
    private readonly offers: OffersService,
    @Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.clocks.onSoonDue((dueAt) => this.wakeAt(dueAt.getTime()));
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    clearTimeout(this.poll);
    clearTimeout(this.early?.timer);
    await this.scanning;
  }

  /** Fires every clock that is due now; resolves when none is left (or only ones held elsewhere). */
  scan(): Promise<void> {
    if (this.scanning) {
      this.again = true;
      return this.scanning;
    }
    this.scanning = (async () => {
      try {
        do {
          this.again = false;
          while (this.running && (await this.fireOne()));
        } while (this.again && this.running);
      } finally {
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }

  private schedule(): void {
    if (!this.running) return;
    this.poll = setTimeout(() => void this.scan().finally(() => this.schedule()), this.config.DISPATCH_CLOCK_SCAN_MS);
  }

  private wakeAt(at: number): void {
    if (!this.running || (this.early && this.early.at <= at)) return;
    clearTimeout(this.early?.timer);
    const timer = setTimeout(() => {
      this.early = undefined;
      void this.scan();
    }, Math.max(0, at - Date.now()) + 5);
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
