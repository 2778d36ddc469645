import 'reflect-metadata';
import { Fault, runChaos, SHORT_FAULTS, table } from './chaos';
import { SERVICES } from './district-processes';

/**
 * `npm run chaos`: every service killed with SIGKILL in turn, the request service's database
 * connections cut, the request service stopped for 15 s, under load from the simulated people;
 * prints each fault's recovery and the invariants, and exits 1 if one is broken. The shared broker
 * is not killed here: other work on this machine uses it. `--short`: one fault of each kind.
 */
const FAULTS: Fault[] = [
  ...SERVICES.map((service): Fault => ({ kind: 'kill', service })),
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
    process.exit(report.invariants.some((i) => i.violations > 0) ? 1 : 0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
