import { SerialLoop } from './serial-loop';

/** Passes the test finishes by hand, counting how many run at once. */
function controlledPasses() {
  const finishers: Array<() => void> = [];
  let active = 0;
  let maxActive = 0;
  const pass = () =>
    new Promise<void>((resolve) => {
      active++;
      maxActive = Math.max(maxActive, active);
      finishers.push(() => {
        active--;
        resolve();
      });
    });
  return { pass, finishers, active: () => active, maxActive: () => maxActive };
}

describe('serial loop', () => {
  // Fake timers: "no second pass during 100 periods" is checked without waiting for real time.
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('never starts a pass while the previous one is still running', async () => {
    const c = controlledPasses();
    const loop = new SerialLoop(10, c.pass, () => undefined);
    loop.start();
    await jest.advanceTimersByTimeAsync(10);
    expect(c.finishers).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(c.finishers).toHaveLength(1);

    c.finishers[0]();
    await jest.advanceTimersByTimeAsync(10);
    expect(c.finishers).toHaveLength(2);
    expect(c.maxActive()).toBe(1);
    c.finishers[1]();
    await loop.stop();
  });

  it('stops by waiting for the pass in flight, and runs none after', async () => {
    const c = controlledPasses();
    const loop = new SerialLoop(10, c.pass, () => undefined);
    loop.start();
    await jest.advanceTimersByTimeAsync(10);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(100);
    expect(stopped).toBe(false);

    c.finishers[0]();
    await stopping;
    expect(c.active()).toBe(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(c.finishers).toHaveLength(1);
  });

  it('keeps going after a failed pass, reporting the error', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new SerialLoop(10, async () => {
      calls++;
      if (calls === 1) throw new Error('database away');
    }, (err) => errors.push(err));
    loop.start();
    await jest.advanceTimersByTimeAsync(20);
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
    await loop.stop();
  });
});
