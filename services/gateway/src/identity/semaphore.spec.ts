import { Semaphore, SemaphoreBusy } from './semaphore';

/** Work that finishes when the test says so. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('semaphore', () => {
  it('runs at most `limit` at once, hands the slot to the first waiter, refuses one that waited too long', async () => {
    jest.useFakeTimers();
    try {
      const slots = new Semaphore(1, 500);
      const first = held();
      const running = slots.run(first.work);
      const order: string[] = [];
      const second = slots.run(async () => void order.push('second'));
      const third = slots.run(async () => void order.push('third'));
      first.finish();
      await Promise.all([running, second, third]);
      expect(order).toEqual(['second', 'third']);

      const blocker = held();
      const blocking = slots.run(blocker.work);
      const late = slots.run(async () => 'ran');
      jest.advanceTimersByTime(500);
      await expect(late).rejects.toBeInstanceOf(SemaphoreBusy);
      blocker.finish();
      await blocking;
      await expect(slots.run(async () => 'free again')).resolves.toBe('free again');
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses at once when too many already wait', async () => {
    const slots = new Semaphore(1, 60_000, 1);
    const blocker = held();
    const blocking = slots.run(blocker.work);
    const waiting = slots.run(async () => 'waited');
    await expect(slots.run(async () => 'never')).rejects.toBeInstanceOf(SemaphoreBusy);
    blocker.finish();
    await expect(waiting).resolves.toBe('waited');
    await blocking;
  });
});
