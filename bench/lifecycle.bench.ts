import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Invariant } from '../deploy/chaos/chaos';
import { DistrictProcesses, SERVICES } from '../deploy/chaos/district-processes';
import { drained, lifecycleInvariants } from '../deploy/chaos/scale-out';
import { seedDistrict } from '../deploy/seed/district-seed';
import { SmsInbox } from '../deploy/simulator/sms-gateway';
import { percentile } from './bench-kit';
import { LifecycleDriver, LifecycleResult, Stage, STAGES } from './lifecycle/driver';
import { printSummary, profilesIn, summariseProfiles, Window } from './lifecycle/cpu-profile';
import {
  brokerPid,
  commits,
  ConsumerLag,
  cpuSeconds,
  databaseBytes,
  kafkaRecords,
  kafkaRequests,
  peakRssMiB,
  PostgresCpu,
} from './lifecycle/meter';
import { printStatements, Statements } from './lifecycle/statements';
import { pgbenchCommitsPerSecond, producerRecordsPerSecond, serverSettings } from './lifecycle/raw-limits';

/**
 * `npm run bench lifecycle`: the whole system as `npm start` runs it (six compiled processes, the
 * local broker and PostgreSQL), driven through the gateway with complete lifecycles at stepped
 * rates. Per step: lifecycles completed and lost, stage latencies, CPU per lifecycle for every
 * process, database commits and Kafka records per lifecycle. Then the idle cost, the machine's raw
 * limits measured in the same run, and the highest rate sustained inside the targets. Each run is
 * appended to bench/results/lifecycle.jsonl. BENCH_INSTANCES=2 runs two of every process (CPU
 * figures are then the sum over a service's instances).
 */
const RATES = (process.env.BENCH_RATES ?? '2,5,10,20,40').split(',').map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 30);
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 60);
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 300);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
/** A folder: every service runs under `node --cpu-prof`, and the steps' profiles are summarised at the end. */
const CPU_PROF = process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined;
/** How many statements each step lists, by total time and by calls. */
const TOP_STATEMENTS = Number(process.env.BENCH_TOP_STATEMENTS ?? 12);
/** Processes per service, the gateway too; the driver spreads its calls over the gateways. */
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);

/** The issue's targets, met at 10 lifecycles/s: p99 of each stage, in ms. */
const TARGETS: Partial<Record<Stage, number>> = {
  'intake HTTP': 100,
  'intake → first offer': 300,
  'done → sign-off SMS': 1000,
  'sign-off → rating SMS': 1000,
};
const TARGET_CPU_MS_PER_LIFECYCLE = 80;

interface StepFigures {
  rate: number;
  started: number;
  completed: number;
  lost: number;
  errors: Record<string, number>;
  achievedPerSecond: number;
  stages: Record<string, { p50: number; p95: number; p99: number }>;
  cpuMsPerLifecycle: Record<string, number>;
  /** PostgreSQL's share split by the service whose database its backends served, and the server's writers. */
  postgresCpuMsByService: Record<string, number>;
  commitsPerLifecycle: number;
  recordsPerLifecycle: number;
  /** Requests the services sent to the broker, in all and by API (Fetch, Produce, OffsetCommit…). */
  kafkaRequestsPerLifecycle: number;
  kafkaRequestsByApi: Record<string, number>;
  /** Growth of the databases on disk per lifecycle (what bench/capacity.ts sizes storage from). */
  databaseBytesPerLifecycle: number;
  /** The highest lag each consumer group reported during the step (records). */
  peakConsumerLag: Record<string, number>;
  withinTargets: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 0) => Number(n.toFixed(digits));
const sumOf = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

async function main(): Promise<void> {
  const say = (line: string) => process.stdout.write(`${line}\n`);

  say(
    `machine: ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const server = await serverSettings();
  say(
    `PostgreSQL: ${Object.entries(server)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  if (server.autovacuum === 'off') say('  autovacuum is off: no table is vacuumed or analyzed during the run');
  const raw = {
    pgbenchCommitsPerSecond: await pgbenchCommitsPerSecond(),
    producerRecordsPerSecond: await producerRecordsPerSecond(BROKERS, `bench_raw_${Date.now()}`),
  };
  say(
    `raw limits: PostgreSQL ${round(raw.pgbenchCommitsPerSecond)} single-row commits/s (pgbench, 8 clients); Kafka ${round(raw.producerRecordsPerSecond)} records/s (one producer, 1 KB, acks=all)`,
  );

  const sms = new SmsInbox();
  const smsUrl = await sms.start();
  const stack = new DistrictProcesses({ label: 'bench', compiled: true, cpuProfileDir: CPU_PROF, instances: INSTANCES });
  const windows: Window[] = [];
  let profiledLifecycles = 0;
  // Each service with the pool it has under `npm start`, shared out among its instances.
  const pool = { DATABASE_POOL_SIZE: String(Math.ceil(10 / INSTANCES)) };
  const settings = {
    gateway: {
      // A shared machine may hold a call longer than the default 10 s; such calls show in the latencies, not as losses.
      UPSTREAM_TIMEOUT_MS: '60000',
      RATE_LIMIT_USER_BURST: '100000',
      RATE_LIMIT_USER_PER_MINUTE: '1000000',
      RATE_LIMIT_API_KEY_BURST: '100000',
      RATE_LIMIT_API_KEY_PER_MINUTE: '1000000',
      RATE_LIMIT_PUBLIC_BURST: '100000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
    },
    request: { SMS_GATEWAY_URL: smsUrl },
    merchant: { WEBHOOK_ALLOW_LOCAL_HTTP: 'true' },
  };
  let driver: LifecycleDriver | undefined;
  try {
    await stack.start(Object.fromEntries(SERVICES.map((s) => [s, { ...pool, ...settings[s as keyof typeof settings] }])));
    const gatewayUrl = stack.url('gateway');
    say(
      `stack: six services × ${INSTANCES} up on ${stack.urls('gateway').join(', ')} (topic prefix ${stack.prefix}, logs in ${stack.logs})`,
    );
    await stack.seedGateway();
    const lifecycles = (driver = new LifecycleDriver(stack.urls('gateway'), HOUSEHOLDS, sms));
    const seeded = await seedDistrict({ gatewayUrl, households: HOUSEHOLDS, volunteers: false });
    const units = await lifecycles.connectUnits();
    say(
      `district: ${seeded.total.communities} communities, ${units} partner units with webhooks, ${HOUSEHOLDS} households (seeded in ${round(seeded.ms / 1000, 1)} s)`,
    );

    // Warm-up, not counted: connections, JIT, the first offers' lookups.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => sleep(i * 200).then(() => lifecycles.run(1_000_000 + i, performance.now() + 60_000))),
    );

    const broker = brokerPid();
    const databases = [...stack.databases.values()];
    const pg = new PostgresCpu(stack.databases);
    const statements = new Statements(new Map(SERVICES.map((s) => [s, stack.databases.get(s)!])));
    await statements.enable();
    if (statements.unavailable) say(`pg_stat_statements not available, statements not reported: ${statements.unavailable}`);
    const lag = new ConsumerLag(SERVICES.map((s) => [s, stack.url(s)]));
    const steps: StepFigures[] = [];
    let next = 0;
    for (const rate of RATES) {
      const pids = processPids(stack, broker);
      const cpu0 = new Map([...pids].map(([s, list]) => [s, cpuOf(list)]));
      const load0 = process.cpuUsage();
      await pg.mark();
      const serviceUrls = SERVICES.flatMap((s) => stack.urls(s));
      const [commits0, records0, bytes0, requests0] = [
        await commits(databases),
        await kafkaRecords(BROKERS, stack.prefix),
        await databaseBytes(databases),
        await kafkaRequests(serviceUrls),
      ];
      await statements.reset();
      lag.start();
      const fromUs = Number(process.hrtime.bigint() / 1000n);

      const count = Math.round(rate * STEP_SECONDS);
      const t0 = performance.now();
      const deadline = t0 + (STEP_SECONDS + DRAIN_SECONDS) * 1000;
      const runs: Promise<LifecycleResult & { endedAt: number }>[] = [];
      for (let i = 0; i < count; i++) {
        await sleep(t0 + (i * 1000) / rate - performance.now());
        runs.push(lifecycles.run(next++, deadline).then((r) => ({ ...r, endedAt: performance.now() })));
      }
      const results = await Promise.all(runs);
      await sleep(1_500);
      const peakConsumerLag = lag.stop();
      windows.push({ label: `${rate}/s`, fromUs, toUs: Number(process.hrtime.bigint() / 1000n) });

      const ok = results.filter((r) => r.ok);
      const requests = await kafkaRequests(serviceUrls);
      const requestsByApi = Object.fromEntries(
        Object.entries(requests)
          .map(([api, n]): [string, number] => [api, round((n - (requests0[api] ?? 0)) / Math.max(ok.length, 1), 1)])
          .filter(([, n]) => n > 0)
          .sort(([, a], [, b]) => b - a),
      );
      const cpuMs: Record<string, number> = {};
      for (const [s, list] of pids) cpuMs[s] = ((cpuOf(list) - cpu0.get(s)!) * 1000) / Math.max(ok.length, 1);
      cpuMs.postgres = ((await pg.since()) * 1000) / Math.max(ok.length, 1);
      const postgresCpuMsByService = Object.fromEntries(
        [...pg.byService()]
          .map(([service, seconds]): [string, number] => [service, round((seconds * 1000) / Math.max(ok.length, 1), 1)])
          .sort(([, a], [, b]) => b - a),
      );
      const load = process.cpuUsage(load0);
      cpuMs['load generator'] = (load.user + load.system) / 1000 / Math.max(ok.length, 1);
      cpuMs.total = Object.entries(cpuMs)
        .filter(([k]) => k !== 'load generator')
        .reduce((s, [, v]) => s + v, 0);
      const stages: StepFigures['stages'] = {};
      for (const stage of STAGES) {
        const xs = ok
          .map((r) => r.stages[stage])
          .filter((x): x is number => x !== undefined)
          .sort((a, b) => a - b);
        stages[stage] = { p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), p99: round(percentile(xs, 99)) };
      }
      const errors: Record<string, number> = {};
      for (const r of results.filter((x) => !x.ok)) errors[r.error ?? '?'] = (errors[r.error ?? '?'] ?? 0) + 1;
      // Completions per second while they came: past saturation they come slower than the starts,
      // however long the drain lets the backlog run on.
      const ends = ok.map((r) => r.endedAt).sort((a, b) => a - b);
      const achieved = ends.length > 1 ? (ends.length - 1) / ((ends[ends.length - 1] - ends[0]) / 1000) : 0;
      const step: StepFigures = {
        rate,
        started: count,
        completed: ok.length,
        lost: count - ok.length,
        errors,
        achievedPerSecond: round(achieved, 2),
        stages,
        cpuMsPerLifecycle: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, round(v, 1)])),
        postgresCpuMsByService,
        commitsPerLifecycle: round(((await commits(databases)) - commits0) / Math.max(ok.length, 1), 1),
        recordsPerLifecycle: round(((await kafkaRecords(BROKERS, stack.prefix)) - records0) / Math.max(ok.length, 1), 1),
        kafkaRequestsPerLifecycle: round((sumOf(requests) - sumOf(requests0)) / Math.max(ok.length, 1), 1),
        kafkaRequestsByApi: requestsByApi,
        databaseBytesPerLifecycle: round(((await databaseBytes(databases)) - bytes0) / Math.max(ok.length, 1)),
        peakConsumerLag,
        withinTargets: ok.length === count && achieved >= 0.95 * rate && Object.entries(TARGETS).every(([s, max]) => stages[s].p99 <= max!),
      };
      steps.push(step);
      say(
        `step ${rate}/s: ${step.completed}/${step.started} completed at ${step.achievedPerSecond}/s, ${round(cpuMs.total)} CPU-ms per lifecycle${step.lost ? `, lost: ${JSON.stringify(errors)}` : ''}`,
      );
      profiledLifecycles += ok.length;
      say(
        `  consumer lag, peak during the step: ${
          Object.entries(peakConsumerLag)
            .filter(([, n]) => n > 0)
            .map(([g, n]) => `${g} ${n}`)
            .join(', ') || 'none'
        }`,
      );
      say(
        `  PostgreSQL CPU-ms per lifecycle by the service its backends served: ${Object.entries(postgresCpuMsByService)
          .map(([source, ms]) => `${source} ${ms}`)
          .join(', ')}`,
      );
      say(
        `  Kafka requests per lifecycle: ${Object.entries(requestsByApi)
          .map(([api, n]) => `${api} ${n}`)
          .join(', ')}`,
      );
      printStatements(say, await statements.read(), ok.length, TOP_STATEMENTS);
      // Past saturation the backlog only grows: the next, higher rate would say nothing new.
      if (step.lost > 0 || achieved < 0.8 * rate) break;
    }

    const watched = processPids(stack, broker);
    const idle0 = new Map([...watched].map(([s, list]) => [s, cpuOf(list)]));
    await sleep(IDLE_SECONDS * 1000);
    const idle = Object.fromEntries([...watched].map(([s, list]) => [s, round(((cpuOf(list) - idle0.get(s)!) / IDLE_SECONDS) * 100, 2)]));
    const rss = Object.fromEntries([...watched].map(([s, list]) => [s, round(list.reduce((sum, pid) => sum + peakRssMiB(pid), 0))]));

    // The scale-out run's checks over the whole run (warm-up included), whatever the instances.
    await drained(stack).catch((err: Error) => say(`\n${err.message}`));
    const invariants = await lifecycleInvariants(stack, lifecycles);

    print(say, steps, raw, idle, rss, invariants);
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const resultsDir = join(__dirname, 'results');
    mkdirSync(resultsDir, { recursive: true });
    appendFileSync(
      join(resultsDir, 'lifecycle.jsonl'),
      `${JSON.stringify({ at: new Date().toISOString(), commit, cores: cpus().length, instances: INSTANCES, stepSeconds: STEP_SECONDS, server, raw, steps, idlePercentOfCore: idle, peakRssMiB: rss, invariants })}\n`,
    );
    say(`\nappended to bench/results/lifecycle.jsonl (commit ${commit})`);
  } finally {
    await driver?.stop();
    await sms.stop();
    await stack.stop();
  }
  if (CPU_PROF) printProfiles(say, CPU_PROF, windows, profiledLifecycles);
}

/** Each service's CPU profile over the steps (start-up, seeding and idle left out), per lifecycle. */
function printProfiles(say: (line: string) => void, dir: string, windows: Window[], lifecycles: number): void {
  writeFileSync(join(dir, 'steps.json'), JSON.stringify({ windows, lifecycles }));
  say(`\nCPU profiles of the steps (${dir}; again: node -r @swc-node/register bench/lifecycle/cpu-profile.ts ${dir})`);
  for (const s of SERVICES) {
    const files = profilesIn(join(dir, s));
    if (!files.length) say(`\n${s}: no profile written`);
    else printSummary(say, s, summariseProfiles(files, windows), lifecycles);
  }
}

/** Each service's processes now (every instance), and the broker's. */
function processPids(stack: DistrictProcesses, broker: number | undefined): Map<string, number[]> {
  const pids = new Map<string, number[]>(SERVICES.map((s) => [s, stack.urls(s).map((_, i) => stack.pid(s, i)!)]));
  if (broker) pids.set('kafka', [broker]);
  return pids;
}

const cpuOf = (pids: number[]): number => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);

function print(
  say: (line: string) => void,
  steps: StepFigures[],
  raw: { pgbenchCommitsPerSecond: number; producerRecordsPerSecond: number },
  idle: Record<string, number>,
  rss: Record<string, number>,
  invariants: Invariant[],
): void {
  const table = (header: string[], rows: (string | number)[][]) => {
    say(`| ${header.join(' | ')} |`);
    say(`| ${header.map(() => '---').join(' | ')} |`);
    for (const r of rows) say(`| ${r.join(' | ')} |`);
  };
  const pct = (s: StepFigures, stage: Stage) => `${s.stages[stage].p50} / ${s.stages[stage].p95} / ${s.stages[stage].p99}`;
  say('\nLifecycles (stage latencies p50 / p95 / p99 in ms)');
  table(
    [
      'offered',
      'completed',
      'lost',
      'achieved /s',
      'intake HTTP',
      'intake → first offer',
      'done → sign-off SMS',
      'sign-off → rating SMS',
      'whole lifecycle',
      'CPU-ms / lifecycle',
      'commits / lc',
      'Kafka records / lc',
      'Kafka requests / lc',
      'targets',
    ],
    steps.map((s) => [
      `${s.rate}/s × ${Math.round(s.started / s.rate)} s`,
      s.completed,
      s.lost,
      s.achievedPerSecond,
      pct(s, 'intake HTTP'),
      pct(s, 'intake → first offer'),
      pct(s, 'done → sign-off SMS'),
      pct(s, 'sign-off → rating SMS'),
      pct(s, 'whole lifecycle'),
      s.cpuMsPerLifecycle.total,
      s.commitsPerLifecycle,
      s.recordsPerLifecycle,
      s.kafkaRequestsPerLifecycle,
      s.withinTargets ? 'met' : 'missed',
    ]),
  );
  say(
    `targets: p99 ${Object.entries(TARGETS)
      .map(([k, v]) => `${k} ≤ ${v} ms`)
      .join(', ')}; ≤ ${TARGET_CPU_MS_PER_LIFECYCLE} CPU-ms per lifecycle`,
  );

  say('\nCPU-ms per lifecycle by process');
  const procs = Object.keys(steps[0]?.cpuMsPerLifecycle ?? {});
  table(
    ['offered', ...procs],
    steps.map((s) => [`${s.rate}/s`, ...procs.map((p) => s.cpuMsPerLifecycle[p])]),
  );

  say('\nIdle (% of one core) and peak RSS (MiB) per process');
  table(
    ['', ...Object.keys(rss)],
    [
      ['idle %', ...Object.keys(rss).map((k) => idle[k] ?? '-')],
      ['peak RSS', ...Object.values(rss)],
    ],
  );

  say('\nInvariants (every lifecycle of the run)');
  table(
    ['invariant', 'violations'],
    invariants.map((i) => [i.name, i.violations]),
  );

  const sustained = steps.filter((s) => s.withinTargets).map((s) => s.rate);
  const best = steps.reduce((b, s) => (s.lost === 0 && s.achievedPerSecond > b.achievedPerSecond ? s : b), steps[0]);
  say(`\nhighest rate sustained inside the targets: ${sustained.length ? `${Math.max(...sustained)}/s` : 'none of the steps'}`);
  if (best) {
    const dbShare = (best.achievedPerSecond * best.commitsPerLifecycle) / raw.pgbenchCommitsPerSecond;
    const busShare = (best.achievedPerSecond * best.recordsPerLifecycle) / raw.producerRecordsPerSecond;
    say(
      `at the best step (${best.achievedPerSecond} lifecycles/s): ${round(dbShare * 100, 1)}% of the server's single-row commit rate, ${round(busShare * 100, 1)}% of the producer burst rate`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`lifecycle bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
