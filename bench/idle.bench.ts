import 'reflect-metadata';
import { serverUrl } from '@bangbang/persistence';
import { Client } from 'pg';
import { DistrictProcesses, SERVICES } from '../deploy/chaos/district-processes';
import { commits, cpuSeconds, PostgresCpu } from './lifecycle/meter';

/**
 * `npm run bench idle`: what the six services cost with nothing to do. Starts them as `npm start`
 * does (compiled, after `npm run build`; `BENCH_COMPILED=0` runs the sources), lets them settle, then
 * over `BENCH_IDLE_SECONDS` (30) prints each one's CPU (% of a core, from /proc/<pid>/stat), the
 * CPU of the PostgreSQL backends serving them, the commits they make, and their open connections.
 */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 15);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connections(databases: string[]): Promise<Map<string, number>> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string; n: number }>(
      'SELECT datname, count(*)::int AS n FROM pg_stat_activity WHERE datname = ANY($1) GROUP BY datname',
      [databases],
    );
    return new Map(rows.map((r) => [r.datname, r.n]));
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const stack = new DistrictProcesses({ label: 'idle', compiled: process.env.BENCH_COMPILED !== '0' });
  try {
    await stack.start(Object.fromEntries(SERVICES.map((s) => [s, { DATABASE_POOL_SIZE: '10' }])));
    await sleep(SETTLE_SECONDS * 1000);
    const databases = [...stack.databases.values()];
    const pids = new Map(SERVICES.map((s) => [s, stack.pid(s)!]));
    const cpu0 = new Map([...pids].map(([s, pid]) => [s, cpuSeconds(pid) ?? 0]));
    const pg = new PostgresCpu(stack.databases);
    await pg.mark();
    const commits0 = await commits(databases);
    await sleep(IDLE_SECONDS * 1000);
    const pgCpu = await pg.since();
    const committed = (await commits(databases)) - commits0;
    const open = await connections(databases);
    let total = 0;
    for (const [s, pid] of pids) {
      const share = (((cpuSeconds(pid) ?? 0) - cpu0.get(s)!) / IDLE_SECONDS) * 100;
      total += share;
      console.log(`${s.padEnd(10)} ${share.toFixed(2).padStart(5)} % of a core, ${open.get(stack.databases.get(s)!) ?? 0} connections`);
    }
    console.log(`services   ${total.toFixed(2).padStart(5)} % of a core in all`);
    console.log(
      `postgres   ${((pgCpu / IDLE_SECONDS) * 100).toFixed(2).padStart(5)} % of a core (their backends and the server's writers)`,
    );
    console.log(`commits    ${(committed / IDLE_SECONDS).toFixed(1)} per second over the six databases`);
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
