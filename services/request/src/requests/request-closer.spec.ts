import { DataSource } from 'typeorm';
import { RequestConfig } from '../request.config';
import { RequestCloser } from './request-closer';

/** A DataSource whose transactions (one per sweep) the test finishes by hand. */
function slowDataSource() {
  const sweeps: Array<() => void> = [];
  const ds = { transaction: () => new Promise<number>((resolve) => sweeps.push(() => resolve(0))) };
  return { ds: ds as unknown as DataSource, sweeps };
}

describe('request closer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const config = Object.assign(new RequestConfig(), { CLOSE_SWEEP_MS: 1_000 });

  it('does not start a sweep while one is running, and shuts down only once it has finished', async () => {
    const { ds, sweeps } = slowDataSource();
    const closer = new RequestCloser(ds, config);
    await closer.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sweeps).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sweeps).toHaveLength(1);

    let closed = false;
    const destroying = closer.onModuleDestroy().then(() => (closed = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    sweeps[0]();
    await destroying;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sweeps).toHaveLength(1);
  });
});
