import { RequestClosed } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { BackgroundLoop } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { systemActor } from '../access';
import { REDO_WINDOW_MS } from '../lifecycle/request-state';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { ServiceRequest } from './service-request.entity';
import { factOf, move, saveLocked } from './transitions';

const BATCH = 100;

/** Once the 7-day redo window after sign-off has passed, the story ends: closed, and said so. */
@Injectable()
export class RequestCloser implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    @Inject(REQUEST_CONFIG) config: RequestConfig,
  ) {
    this.loop = new BackgroundLoop({
      name: 'request-closer',
      everyMs: config.CLOSE_SWEEP_MS,
      pass: () => this.closeDue().then(() => undefined),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  /** Waits for a sweep in flight: it must commit or roll back before the DataSource closes. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Closes signed-off requests whose window ended before `now`; returns how many. */
  async closeDue(now = new Date()): Promise<number> {
    return this.ds.transaction(async (m) => {
      const due = await m
        .createQueryBuilder(ServiceRequest, 'r')
        .where(`r.status = 'signed_off' AND r.signedOffAt < :cutoff`, { cutoff: new Date(now.getTime() - REDO_WINDOW_MS) })
        .orderBy('r.signedOffAt')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const r of due) {
        const decision = move(r, 'close', systemActor('closer'), { at: now, note: 'redo window over' });
        if (!decision.ok) continue;
        r.closedAt = now;
        await saveLocked(m, r);
        await writeToOutbox(m, RequestClosed, { subject: r.id, data: factOf(r, now) });
      }
      return due.length;
    });
  }
}
