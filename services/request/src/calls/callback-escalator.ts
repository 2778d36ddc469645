import { CallbackEscalated } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { BackgroundLoop } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { Callback } from './callback.entity';
import { callbackFact } from './call-recorder';

const BATCH = 100;

/**
 * A callback still open at its deadline goes up, as a request nobody takes does: to the street's
 * admins (the district's, for a caller no household has), once, said by an event the board and the
 * live stream show. It stays in the queue until someone calls back.
 */
@Injectable()
export class CallbackEscalator implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    @Inject(REQUEST_CONFIG) config: RequestConfig,
  ) {
    this.loop = new BackgroundLoop({
      name: 'callback-escalator',
      everyMs: config.CALLBACK_SWEEP_MS,
      pass: () => this.escalateDue().then(() => undefined),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** Escalates open callbacks past their deadline at `now`; returns how many. */
  async escalateDue(now = new Date()): Promise<number> {
    return this.ds.transaction(async (m) => {
      const due = await m
        .createQueryBuilder(Callback, 'b')
        .where(`b.status = 'open' AND b.escalatedAt IS NULL AND b.dueAt <= :now`, { now })
        .orderBy('b.dueAt')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      for (const b of due) {
        b.escalatedAt = now;
        b.escalationLevel = b.streetCode ? 'street' : 'district';
        await m.save(b);
        await writeToOutbox(m, CallbackEscalated, { subject: b.id, data: { ...callbackFact(b, now), level: b.escalationLevel } });
      }
      return due.length;
    });
  }
}
