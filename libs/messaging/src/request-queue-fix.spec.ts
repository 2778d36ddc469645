import { fixRequestQueueIdleLoop } from './request-queue-fix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

function queue() {
  const logger = { debug: () => undefined, warn: () => undefined, info: () => undefined, error: () => undefined };
  return new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 't',
    broker: 'b',
    logger,
  });
}

describe('kafkajs request queue with nothing pending', () => {
  beforeAll(() => fixRequestQueueIdleLoop());

  it('schedules no check when nothing waits', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules a check for a request that waits out a throttle', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 60_000;
    q.pending.push({ correlationId: 1 });
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    q.destroy();
  });
});
