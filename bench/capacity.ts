import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The capacity model (deploy/CAPACITY.md): what one community, one district and a city need, from
 * the lifecycle benchmark's measured cost per lifecycle (bench/results/lifecycle.jsonl).
 *
 *   node -r @swc-node/register bench/capacity.ts           prints the tables from the latest run
 *   node -r @swc-node/register bench/capacity.ts --write   also rewrites them into deploy/CAPACITY.md
 *
 * The check (a run at the district's and the city's peak rate, bench/results/capacity-check.jsonl)
 * is compared with what the model predicts for it.
 */

export const SERVICES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating'] as const;
export type Service = (typeof SERVICES)[number];

export interface BenchStep {
  rate: number;
  started: number;
  completed: number;
  lost: number;
  achievedPerSecond: number;
  cpuMsPerLifecycle: Record<string, number>;
  commitsPerLifecycle: number;
  recordsPerLifecycle: number;
  databaseBytesPerLifecycle?: number;
}

export interface BenchRun {
  at: string;
  commit: string;
  cores: number;
  stepSeconds: number;
  raw: { pgbenchCommitsPerSecond: number; producerRecordsPerSecond: number };
  steps: BenchStep[];
  idlePercentOfCore: Record<string, number>;
  peakRssMiB: Record<string, number>;
  /** Processes per service (BENCH_INSTANCES); absent in runs from before it existed, which had one. */
  instances?: number;
}

/** The assumptions, in one place; CAPACITY.md explains each. */
export const ASSUMPTIONS = {
  /** Beijing's 12345: about 70,000 calls a day over 343 streets and towns; every call taken as one lifecycle. */
  cityCallsPerDay: 70_000,
  cityStreets: 343,
  /** Nanchang's district of the case reports. */
  districtStreets: 6,
  /** A street of the case grew from 5 neighbouring communities; we take 10 communities a street. */
  communitiesPerStreet: 10,
  /** Peak hour over the day's mean rate. */
  peakFactor: 3,
  /** The HPA ceiling covers this multiple of the peak (a storm, a heat wave, an outage elsewhere). */
  burstOverPeak: 3,
  /** Each service pod requests this much CPU; the HPA adds pods at this share of it. */
  podCpuRequestCores: 0.25,
  hpaCpuTarget: 0.7,
  /** Never fewer than two pods of anything: one can be drained or die while the other serves. */
  minReplicas: 2,
  /** Partitions per topic over the largest HPA ceiling, so the ceiling can double without re-keying. */
  partitionsOverCeiling: 2,
  /** A partition is planned for at most this many records/s (one producer measured ~29,000 here). */
  recordsPerPartitionPerSecond: 1_000,
  /** Mean size of one event on the wire and on disk (JSON CloudEvent with headers, before compression). */
  bytesPerRecord: 1_200,
  kafkaReplicationFactor: 3,
  kafkaRetentionDays: 7,
  /** Database growth is planned for this many days before the volume is resized. */
  databasePlanDays: 365,
  postgresInstances: 2,
} as const;

export interface Scenario {
  name: string;
  lifecyclesPerDay: number;
}

export function scenarios(a = ASSUMPTIONS): Scenario[] {
  const perStreet = a.cityCallsPerDay / a.cityStreets;
  return [
    { name: 'community', lifecyclesPerDay: perStreet / a.communitiesPerStreet },
    { name: 'district', lifecyclesPerDay: perStreet * a.districtStreets },
    { name: 'city', lifecyclesPerDay: a.cityCallsPerDay },
  ];
}

export const peakPerSecond = (s: Scenario, a = ASSUMPTIONS): number => (s.lifecyclesPerDay / 86_400) * a.peakFactor;

/** Steps that kept up: nothing lost and completions at 90% of the offered rate or better. */
const keptUp = (s: BenchStep): boolean => s.lost === 0 && s.completed > 0 && s.achievedPerSecond >= 0.9 * s.rate;

/**
 * CPU-ms per lifecycle of each process net of its idle cost (polling loops, heartbeats, which run
 * whatever the load): the step's cost less the idle share spread over its lifecycles. The largest
 * over the steps that kept up, so batching at high rates does not flatter the model.
 */
export function marginalCpuMs(run: BenchRun): Record<string, number> {
  const steps = run.steps.filter((s) => keptUp(s) && s.completed >= 30);
  if (!steps.length) throw new Error(`run ${run.commit} at ${run.at} has no step that kept up with 30+ lifecycles`);
  const processes = [...SERVICES, 'kafka', 'postgres'];
  return Object.fromEntries(
    processes.map((p) => [
      p,
      Math.max(...steps.map((s) => (s.cpuMsPerLifecycle[p] ?? 0) - ((run.idlePercentOfCore[p] ?? 0) * 10) / s.achievedPerSecond)),
    ]),
  );
}

/** Cores a process needs at a rate: its idle cost plus the marginal cost of the lifecycles. */
export const coresAt = (run: BenchRun, marginal: Record<string, number>, process: string, perSecond: number): number =>
  (run.idlePercentOfCore[process] ?? 0) / 100 + (perSecond * marginal[process]) / 1000;

export interface ServicePlan {
  service: Service;
  coresAtPeak: number;
  replicas: number;
  maxReplicas: number;
}

export interface Plan {
  scenario: Scenario;
  peakPerSecond: number;
  services: ServicePlan[];
  partitions: number;
  recordsPerSecondAtPeak: number;
  kafkaBytesPerSecondAtPeak: number;
  kafkaRetainedGiB: number;
  commitsPerSecondAtPeak: number;
  commitShareOfMeasured: number;
  databaseGiBPerYear: number | null;
  postgresCoresAtPeak: number;
  kafkaCoresAtPeak: number;
}

/**
 * Database growth per lifecycle: from the latest step that kept up and measured it, in the model run
 * or else a check run (the figure came to the benchmark after the model's run).
 */
export function databaseBytesPerLifecycle(runs: BenchRun[]): { bytes: number; from: string } | undefined {
  for (const run of [...runs].reverse()) {
    const step = run.steps.filter((s) => keptUp(s) && s.databaseBytesPerLifecycle !== undefined).at(-1);
    if (step)
      return {
        bytes: step.databaseBytesPerLifecycle!,
        from: `the ${step.rate}/s step of the run of ${run.at} (${step.completed} lifecycles)`,
      };
  }
  return undefined;
}

export function plan(run: BenchRun, scenario: Scenario, a = ASSUMPTIONS, checks: BenchRun[] = []): Plan {
  const marginal = marginalCpuMs(run);
  const peak = peakPerSecond(scenario, a);
  const perPod = a.podCpuRequestCores * a.hpaCpuTarget;
  const services = SERVICES.map((service) => {
    const coresAtPeak = coresAt(run, marginal, service, peak);
    const replicas = Math.max(a.minReplicas, Math.ceil(coresAtPeak / perPod));
    const maxReplicas = Math.max(replicas + 1, Math.ceil(coresAt(run, marginal, service, peak * a.burstOverPeak) / perPod));
    return { service, coresAtPeak, replicas, maxReplicas };
  });
  const last = run.steps.filter(keptUp).at(-1)!;
  const recordsPerSecondAtPeak = peak * last.recordsPerLifecycle;
  const ceiling = Math.max(...services.map((s) => s.maxReplicas));
  const partitions = Math.max(
    a.kafkaReplicationFactor,
    ceiling * a.partitionsOverCeiling,
    Math.ceil(recordsPerSecondAtPeak / a.recordsPerPartitionPerSecond),
  );
  const meanRecordsPerSecond = (scenario.lifecyclesPerDay / 86_400) * last.recordsPerLifecycle;
  const commitsPerSecondAtPeak = peak * last.commitsPerLifecycle;
  const bytes = databaseBytesPerLifecycle([...checks, run]);
  return {
    scenario,
    peakPerSecond: peak,
    services,
    partitions,
    recordsPerSecondAtPeak,
    kafkaBytesPerSecondAtPeak: recordsPerSecondAtPeak * a.bytesPerRecord,
    kafkaRetainedGiB: (meanRecordsPerSecond * a.bytesPerRecord * 86_400 * a.kafkaRetentionDays * a.kafkaReplicationFactor) / 2 ** 30,
    commitsPerSecondAtPeak,
    commitShareOfMeasured: commitsPerSecondAtPeak / run.raw.pgbenchCommitsPerSecond,
    databaseGiBPerYear: bytes ? (bytes.bytes * scenario.lifecyclesPerDay * a.databasePlanDays) / 2 ** 30 : null,
    postgresCoresAtPeak: coresAt(run, marginal, 'postgres', peak),
    kafkaCoresAtPeak: coresAt(run, marginal, 'kafka', peak),
  };
}

/** Memory a pod requests: its measured peak resident set plus a quarter, in whole 64 MiB. */
export const memoryRequestMiB = (rssMiB: number): number => Math.ceil((rssMiB * 1.25) / 64) * 64;

export function readRuns(file: string): BenchRun[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BenchRun);
}

/**
 * The latest run that can carry the model: one instance of each service (the model sizes pods from
 * one process's cost), with a step that kept up with 30+ lifecycles.
 */
export function latestModelRun(runs: BenchRun[]): BenchRun {
  const run = runs.filter((r) => (r.instances ?? 1) === 1 && r.steps.some((s) => keptUp(s) && s.completed >= 30)).at(-1);
  if (!run) throw new Error('no lifecycle run with a step that kept up; run `npm run bench lifecycle` first');
  return run;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const table = (head: string[], rows: (string | number)[][]): string =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

export function report(run: BenchRun, checks: BenchRun[] = []): string {
  const marginal = marginalCpuMs(run);
  const plans = scenarios().map((s) => plan(run, s, ASSUMPTIONS, checks));
  const bytes = databaseBytesPerLifecycle([...checks, run]);
  const out: string[] = [];
  out.push(`From the lifecycle run of ${run.at} (commit ${run.commit}, ${run.cores} cores).`, '');
  out.push('### Measured cost per lifecycle (idle share removed) and at rest', '');
  out.push(
    table(
      ['process', 'CPU-ms / lifecycle', 'idle, % of a core', 'peak RSS MiB', 'memory request MiB'],
      [...SERVICES, 'kafka', 'postgres'].map((p) => [
        p,
        fmt(marginal[p], 1),
        run.idlePercentOfCore[p] ?? '-',
        run.peakRssMiB[p] ?? '-',
        run.peakRssMiB[p] ? memoryRequestMiB(run.peakRssMiB[p]) : '-',
      ]),
    ),
    '',
  );
  out.push('### Load', '');
  out.push(
    table(
      ['', ...plans.map((p) => p.scenario.name)],
      [
        ['lifecycles / day', ...plans.map((p) => fmt(p.scenario.lifecyclesPerDay))],
        ['peak lifecycles / s', ...plans.map((p) => fmt(p.peakPerSecond, 3))],
      ],
    ),
    '',
  );
  out.push('### Instances per service (pods of 250m CPU; HPA at 70%)', '');
  out.push(
    table(
      ['service', ...plans.flatMap((p) => [`${p.scenario.name}: cores at peak`, `${p.scenario.name}: pods (ceiling)`])],
      SERVICES.map((service, i) => [
        service,
        ...plans.flatMap((p) => [fmt(p.services[i].coresAtPeak, 3), `${p.services[i].replicas} (${p.services[i].maxReplicas})`]),
      ]),
    ),
    '',
  );
  out.push('### Kafka and PostgreSQL', '');
  out.push(
    table(
      ['', ...plans.map((p) => p.scenario.name)],
      [
        ['partitions per topic', ...plans.map((p) => p.partitions)],
        ['records / s at peak', ...plans.map((p) => fmt(p.recordsPerSecondAtPeak, 1))],
        ['KiB / s at peak (before replication)', ...plans.map((p) => fmt(p.kafkaBytesPerSecondAtPeak / 1024, 1))],
        [
          `retained GiB (${ASSUMPTIONS.kafkaRetentionDays} days × ${ASSUMPTIONS.kafkaReplicationFactor} replicas)`,
          ...plans.map((p) => fmt(p.kafkaRetainedGiB, 2)),
        ],
        ['broker cores at peak', ...plans.map((p) => fmt(p.kafkaCoresAtPeak, 3))],
        ['database commits / s at peak', ...plans.map((p) => fmt(p.commitsPerSecondAtPeak, 1))],
        ['share of the measured commit rate', ...plans.map((p) => `${fmt(p.commitShareOfMeasured * 100, 2)}%`)],
        [
          'database growth GiB / year (upper bound)',
          ...plans.map((p) => (p.databaseGiBPerYear === null ? 'not measured in this run' : fmt(p.databaseGiBPerYear, 1))),
        ],
        ['PostgreSQL cores at peak', ...plans.map((p) => fmt(p.postgresCoresAtPeak, 3))],
      ],
    ),
    '',
    `Commits, records and CPU from the model run; database growth ${bytes ? `${fmt(bytes.bytes)} bytes per lifecycle, from ${bytes.from}` : 'not measured yet'}.`,
  );
  for (const check of checks) out.push('', ...checkReport(run, check));
  return out.join('\n');
}

/** What the model predicts for each step of a check run, beside what that run measured. */
export function checkReport(model: BenchRun, check: BenchRun): string[] {
  const marginal = marginalCpuMs(model);
  const out = [
    `### Check: the run of ${check.at} (commit ${check.commit}) against the model`,
    '',
    `The machine's raw limits in that run: ${fmt(check.raw.pgbenchCommitsPerSecond)} commits/s and ${fmt(check.raw.producerRecordsPerSecond)} records/s (the model's run: ${fmt(model.raw.pgbenchCommitsPerSecond)} and ${fmt(model.raw.producerRecordsPerSecond)}).`,
    '',
  ];
  for (const step of check.steps) {
    const rate = step.rate;
    out.push(
      `Offered ${step.rate}/s for ${check.stepSeconds}s: ${step.completed}/${step.started} completed, ${step.lost} lost, achieved ${step.achievedPerSecond}/s.`,
      '',
    );
    if (!keptUp(step)) {
      out.push('It did not keep up, so its cost per lifecycle (spread over the few that finished) is no test of the model.', '');
      continue;
    }
    out.push(
      table(
        ['process', 'predicted CPU-ms / lifecycle', 'measured', 'predicted cores', 'measured cores'],
        [...SERVICES, 'kafka', 'postgres'].map((p) => {
          const predicted = ((model.idlePercentOfCore[p] ?? 0) * 10) / rate + marginal[p];
          const measured = step.cpuMsPerLifecycle[p] ?? 0;
          return [p, fmt(predicted, 1), fmt(measured, 1), fmt((predicted * rate) / 1000, 3), fmt((measured * rate) / 1000, 3)];
        }),
      ),
      '',
    );
  }
  return out;
}

function main(): void {
  const results = join(__dirname, 'results');
  const run = latestModelRun(readRuns(join(results, 'lifecycle.jsonl')));
  const checks = readRuns(join(results, 'capacity-check.jsonl'));
  const text = report(run, checks);
  process.stdout.write(`${text}\n`);
  if (process.argv.includes('--write')) {
    const file = join(__dirname, '..', 'deploy', 'CAPACITY.md');
    const doc = readFileSync(file, 'utf8');
    const begin = '<!-- capacity.ts output: begin -->';
    const end = '<!-- capacity.ts output: end -->';
    const [head, rest] = doc.split(begin);
    const tail = rest?.split(end)[1];
    if (tail === undefined) throw new Error(`${file} lacks the markers ${begin} and ${end}`);
    writeFileSync(file, `${head}${begin}\n${text}\n${end}${tail}`);
  }
}

if (require.main === module) main();
