import { waitFor } from '@bangbang/testing';
import type { DataSource } from 'typeorm';
import type { RatingConfig } from '../rating.config';
import { FollowUpClock } from './follow-up-clock';

describe('follow-up clock', () => {
  it('stops while the modules are destroyed, before the DataSource closes, and lets the pass in flight finish first', async () => {
    let finishPass!: (queued: number) => void;
    const transaction = jest.fn(() => new Promise<number>((resolve) => (finishPass = resolve)));
    const clock = new FollowUpClock({ transaction } as unknown as DataSource, { FOLLOW_UP_POLL_MS: 1 } as RatingConfig);
    await clock.onApplicationBootstrap();
    await waitFor(async () => transaction.mock.calls.length === 1, { what: 'a pass in flight' });

    let stopped = false;
    const stopping = clock.onModuleDestroy().then(() => (stopped = true));
    // One turn of the event loop: long enough for a stop that does not wait to have resolved.
    await new Promise(setImmediate);
    expect(stopped).toBe(false);
    finishPass(0);
    await stopping;
  });
});
