import { getLogger } from '@bangbang/observability';
import { runScaleOut, ScaleOutReport } from './scale-out';

/**
 * Two of everything under the lifecycle load, one instance of each pair killed mid-run: every
 * lifecycle still completes (nothing lost) and nothing is done twice (offers, texts, webhooks).
 */
describe('scale-out: two instances of every service, one of each pair killed mid-run', () => {
  let report: ScaleOutReport;

  beforeAll(async () => {
    const log = getLogger('scale-out');
    report = await runScaleOut({ rate: 2, seconds: 45, households: 60, log: (line) => log.info(line) });
    log.info({ report }, 'scale-out report');
  }, 1_200_000);

  it('killed one instance of each of the six pairs while lifecycles ran', () => {
    expect(report.kills).toHaveLength(6);
  });

  it('completes every lifecycle: nothing lost', () => {
    expect(report.errors).toEqual({});
    expect(report.completed).toBe(report.started);
  });

  it('does nothing twice', () => {
    expect(report.invariants.filter((i) => i.violations > 0)).toEqual([]);
    expect(report.invariants).toHaveLength(6);
  });
});
