import { getLogger } from '@bangbang/observability';
import { ChaosReport, runChaos, SHORT_FAULTS, table } from './chaos';

/**
 * The short chaos run of `npm run chaos -- --short`: one fault of each kind under light load, every
 * service in its own process: kill -9 of the request service, kill -9 of a broker of the run's own
 * (started again on its data), the request service's database connections cut, SIGSTOP for 15 s.
 * Recovery times are printed, not asserted (speed belongs to the chaos run's table); what must hold
 * is that intake came back and the backlog drained after each fault and no invariant broke.
 */
describe('chaos, short', () => {
  let report: ChaosReport;

  beforeAll(async () => {
    const log = getLogger('chaos');
    report = await runChaos({ faults: SHORT_FAULTS, rate: 20, households: 60, log: (line) => log.info(line) });
    log.info({ table: table(report) }, 'chaos report');
  }, 900_000);

  it('recovers intake and drains the backlog after each fault (runChaos fails when one does not)', () => {
    expect(report.faults.map((f) => f.fault)).toEqual([
      'kill -9 request',
      'kill -9 broker, started again',
      'pg_terminate_backend request',
      'SIGSTOP request 15 s',
    ]);
  });

  it('breaks no invariant', () => {
    expect(report.invariants.filter((i) => i.violations > 0)).toEqual([]);
    expect(report.invariants.length).toBe(9);
  });
});
