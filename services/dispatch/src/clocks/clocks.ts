import { planEachRun } from '@bangbang/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DISPATCH_CONFIG, DispatchConfig } from '../dispatch.config';

export const CLOCK_KINDS = ['offer', 'response', 'resolution'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

const STOP_OFFERS = planEachRun('DELETE FROM dispatch_clock WHERE offer_id = ANY($1)');

export interface Clock {
  id: string;
  kind: ClockKind;
  requestId: string;
  offerId: string | null;
  dueAt: Date;
}

/**
 * Deadlines live as rows, written in the transaction that sets them, so a crash or a restart loses
 * none; every instance's scanner fires them. Timers here only wake a scanner before its next poll.
 */
@Injectable()
export class Clocks {
  private readonly listeners: Array<(dueAt: Date) => void> = [];

  constructor(@Inject(DISPATCH_CONFIG) private readonly config: DispatchConfig) {}

  async set(m: EntityManager, ...clocks: Omit<Clock, 'id'>[]): Promise<void> {
    const values = clocks.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
    await m.query(
      `INSERT INTO dispatch_clock (request_id, kind, offer_id, due_at) VALUES ${values}`,
      clocks.flatMap((c) => [c.requestId, c.kind, c.offerId, c.dueAt]),
    );
    const soonest = Math.min(...clocks.map((c) => c.dueAt.getTime()));
    if (soonest - Date.now() < this.config.DISPATCH_CLOCK_SCAN_MS) {
      for (const listener of this.listeners) listener(new Date(soonest));
    }
  }

  /** Stops a job's clocks; the caller holds the job's lock, which every scan takes too. */
  async stopAll(m: EntityManager, requestId: string): Promise<void> {
    await m.query('DELETE FROM dispatch_clock WHERE request_id = $1', [requestId]);
  }

  async stopOffers(m: EntityManager, offerIds: string[]): Promise<void> {
    if (offerIds.length) await m.query(STOP_OFFERS, [offerIds]);
  }

  onSoonDue(listener: (dueAt: Date) => void): void {
    this.listeners.push(listener);
  }
}
