import { BenchRun, BenchStep, coresAt, latestModelRun, marginalCpuMs, memoryRequestMiB, peakPerSecond, plan, scenarios } from './capacity';

const PROCESSES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating', 'kafka', 'postgres'];

function step(rate: number, cpuMs: number, over: Partial<BenchStep> = {}): BenchStep {
  return {
    rate,
    started: rate * 30,
    completed: rate * 30,
    lost: 0,
    achievedPerSecond: rate,
    cpuMsPerLifecycle: Object.fromEntries(PROCESSES.map((p) => [p, cpuMs])),
    commitsPerLifecycle: 80,
    recordsPerLifecycle: 15,
    databaseBytesPerLifecycle: 10_000,
    ...over,
  };
}

const run = (steps: BenchStep[]): BenchRun => ({
  at: '2026-11-27T00:00:00Z',
  commit: 'abc',
  cores: 2,
  stepSeconds: 30,
  raw: { pgbenchCommitsPerSecond: 10_000, producerRecordsPerSecond: 20_000 },
  steps,
  idlePercentOfCore: Object.fromEntries(PROCESSES.filter((p) => p !== 'postgres').map((p) => [p, 4])),
  peakRssMiB: Object.fromEntries(PROCESSES.filter((p) => p !== 'postgres').map((p) => [p, 200])),
});

describe('capacity model', () => {
  it('takes the idle share out of the cost per lifecycle, and the largest over the steps that kept up', () => {
    // 4% of a core idle is 40 ms a second: at 2/s, 20 ms of each lifecycle's 70; at 4/s, 10 of 50.
    const m = marginalCpuMs(run([step(2, 70), step(4, 50), step(8, 500, { achievedPerSecond: 3 })]));
    expect(m.gateway).toBeCloseTo(50);
    expect(m.postgres).toBe(70);
    expect(coresAt(run([]), m, 'gateway', 2)).toBeCloseTo(0.04 + 0.1);
  });

  it('sizes a city from the per-lifecycle cost: two pods at least, partitions twice the largest ceiling', () => {
    const city = scenarios().find((s) => s.name === 'city')!;
    expect(peakPerSecond(city)).toBeCloseTo((70_000 / 86_400) * 3);
    const cheap = plan(run([step(2, 70)]), city);
    expect(cheap.services.every((s) => s.replicas === 2 && s.maxReplicas === 3)).toBe(true);
    expect(cheap.partitions).toBe(6);
    // 500 ms a lifecycle: 1.26 cores at the peak, eight pods of 175m usable; 3.69 at three times it, 22.
    const dear = plan(run([step(2, 520)]), city);
    expect(dear.services[0]).toMatchObject({ replicas: 8, maxReplicas: 22 });
    expect(dear.partitions).toBe(44);
    expect(dear.databaseGiBPerYear).toBeCloseTo((10_000 * 70_000 * 365) / 2 ** 30);
  });

  it('refuses runs where no step kept up, models from one instance a service, and rounds memory up to 64 MiB past a quarter more', () => {
    expect(() => latestModelRun([run([step(5, 100, { lost: 3 })])])).toThrow(/no lifecycle run with a step that kept up/);
    const one = run([step(2, 300)]);
    expect(latestModelRun([one, { ...run([step(2, 400)]), instances: 2 }])).toBe(one);
    expect(memoryRequestMiB(248)).toBe(320);
  });
});
