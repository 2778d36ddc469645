import 'reflect-metadata';
import { Fault, missedTargets, runChaos, SHORT_FAULTS, table } from './chaos';
import { SERVICES } from './district-processes';

/**
 * `npm run chaos`: every service killed with SIGKILL in turn, the broker killed and started again
 * (a broker of the run's own: the machine's is shared with other work), the request and dispatch
 * services' database connections cut, each stopped for 15 s, under load from the simulated people;
 * prints each fault's recovery against its target and the invariants, and exits 1 if an invariant
 * is broken or a target missed. `--short`: one fault of each kind.
 */
const FAULTS: Fault[] = [
  ...SERVICES.map((service): Fault => ({ kind: 'kill', service })),
  { kind: 'kill-broker' },
  { kind: 'cut-db', service: 'request' },
  { kind: 'cut-db', service: 'dispatch' },
  { kind: 'stop', service: 'request', seconds: 15 },
  { kind: 'stop', service: 'dispatch', seconds: 15 },
];

runChaos({
  faults: process.argv.includes('--short') ? SHORT_FAULTS : FAULTS,
  rate: Number(process.env.CHAOS_RATE ?? 30),
  households: Number(process.env.CHAOS_HOUSEHOLDS ?? 120),
  log: (line) => process.stderr.write(`chaos: ${line}\n`),
}).then(
  (report) => {
    console.log(table(report));
    const missed = missedTargets(report);
    for (const m of missed) console.log(`target missed: ${m}`);
    process.exit(report.invariants.some((i) => i.violations > 0) || missed.length > 0 ? 1 : 0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
