import { registry } from '@bangbang/observability';
import { BackgroundLoop } from './background-loop';

/** A pass the test releases by hand, so overlap and waiting are observed, not timed. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

const errorsOf = async (loop: string): Promise<number> =>
  (await registry.getSingleMetric('bangbang_background_pass_errors_total')!.get()).values.find((v) => v.labels.loop === loop)?.value ?? 0;

describe('BackgroundLoop', () => {
  it('never overlaps passes, and stop() waits for the pass in flight', async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    const first = gate();
    const loop = new BackgroundLoop({
      name: 'overlap-test',
      everyMs: 0,
      passAtStart: true,
      pass: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        passes += 1;
        if (passes === 1) await first.opened;
        active -= 1;
      },
    });
    await loop.start();
    await until(() => passes === 1);
    loop.wake();
    loop.wake();
    const stopping = loop.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    first.open();
    await stopping;
    expect(maxActive).toBe(1);
    expect(active).toBe(0);
  });

  it('runs again at once while a pass reports more work, and waits everyMs when it does not', async () => {
    let passes = 0;
    const loop = new BackgroundLoop({ name: 'more-test', everyMs: 60_000, passAtStart: true, pass: async () => ++passes < 5 });
    await loop.start();
    await until(() => passes >= 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await loop.stop();
    expect(passes).toBe(5);
  });

  it('counts a failed pass and keeps going', async () => {
    let passes = 0;
    const before = await errorsOf('failing-test');
    const loop = new BackgroundLoop({
      name: 'failing-test',
      everyMs: 1,
      maxBackoffMs: 4,
      passAtStart: true,
      pass: async () => {
        passes += 1;
        if (passes <= 3) throw new Error('database away');
      },
    });
    await loop.start();
    await until(() => passes >= 5);
    await loop.stop();
    expect((await errorsOf('failing-test')) - before).toBe(3);
  });

  it('runs a pass when woken, long before everyMs', async () => {
    let passes = 0;
    const loop = new BackgroundLoop({ name: 'wake-test', everyMs: 60_000, pass: async () => void (passes += 1) });
    await loop.start();
    loop.wake();
    await until(() => passes === 1);
    await loop.stop();
    expect(passes).toBe(1);
  });

  it('comes back after the wait a pass asks for when it is sooner than everyMs', async () => {
    let passes = 0;
    const loop = new BackgroundLoop({ name: 'sooner-test', everyMs: 60_000, passAtStart: true, pass: async () => (++passes, 1) });
    await loop.start();
    await until(() => passes >= 3);
    await loop.stop();
    expect(passes).toBeGreaterThanOrEqual(3);
  });

  it('wakes when a task settles only if a pass left work to it, once, or the task set a retry', () => {
    const loop = new BackgroundLoop({ name: 'tasks-test', everyMs: 60_000, pass: async () => undefined });
    const wake = jest.spyOn(loop, 'wake');
    loop.taskSettled(false);
    expect(wake).not.toHaveBeenCalled();
    loop.leaveToTasks();
    loop.taskSettled(false);
    loop.taskSettled(false);
    expect(wake).toHaveBeenCalledTimes(1);
    loop.taskSettled(true);
    expect(wake).toHaveBeenCalledTimes(2);
  });
});
