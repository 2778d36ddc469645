import { dlqTopic, TOPICS } from '@bangbang/contracts';
import { freePort } from '@bangbang/testing';
import { createKafka, MessagingConfig } from '@bangbang/messaging';
import type { Admin } from 'kafkajs';
import { loadConfig } from '@bangbang/observability';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_LOGINS } from '../seed/demo';
import { seedDistrict } from '../seed/district-seed';
import { DEFAULT_MIX } from '../simulator/config';
import { SimulationReport, Simulator } from '../simulator/simulator';
import { DistrictProcesses, SERVICES, ServiceName } from './district-processes';
import { OwnBroker } from './own-broker';

export type Fault =
  | { kind: 'kill'; service: ServiceName }
  | { kind: 'kill-broker' }
  | { kind: 'cut-db'; service: ServiceName }
  | { kind: 'stop'; service: ServiceName; seconds: number };

/** One fault of each kind, on the service that takes the calls (and the run's own broker). */
export const SHORT_FAULTS: Fault[] = [
  { kind: 'kill', service: 'request' },
  { kind: 'kill-broker' },
  { kind: 'cut-db', service: 'request' },
  { kind: 'stop', service: 'request', seconds: 15 },
];

export interface FaultResult {
  fault: string;
  /** Longest run of failed intake probes from the fault until intake answered again. */
  intakeDownMs: number;
  /** From the end of the fault until every outbox is empty and every consumer group has no lag. */
  drainMs: number;
  /** The issue's target for intake, where it sets one (ms). */
  intakeTargetMs?: number;
}

/** How long after the last fault every request taken before it reached a final or expected state. */
export interface Lifecycles {
  /** -1: not within RECOVERY_TIMEOUT_MS. */
  completedMs: number;
  inFlight: number;
  targetMs: number;
}

export interface Invariant {
  name: string;
  violations: number;
  detail?: string;
}

export interface ChaosReport {
  faults: FaultResult[];
  lifecycles: Lifecycles;
  invariants: Invariant[];
  simulation: SimulationReport;
}

export interface ChaosOptions {
  faults: Fault[];
  /** New requests a minute from the simulated people while the faults happen. */
  rate: number;
  households: number;
  log: (line: string) => void;
}

const describeFault = (f: Fault) =>
  f.kind === 'kill'
    ? `kill -9 ${f.service}`
    : f.kind === 'kill-broker'
      ? 'kill -9 broker, started again'
      : f.kind === 'cut-db'
        ? `pg_terminate_backend ${f.service}`
        : `SIGSTOP ${f.service} ${f.seconds} s`;

/**
 * The issue's targets: ≤5 s after kill -9 of the request service, 0 s while any other part is down.
 * The gateway is the one way in, so its own fault has none; nor has stopping the request service,
 * whose one instance holds the calls sent to it meanwhile.
 */
function intakeTarget(f: Fault): number | undefined {
  if (f.kind === 'kill-broker') return 0;
  if (f.service === 'gateway' || (f.kind === 'stop' && f.service === 'request')) return undefined;
  return f.kind === 'kill' && f.service === 'request' ? 5_000 : f.service === 'request' ? undefined : 0;
}

const LIFECYCLE_TARGET_MS = 60_000;

const FINAL = ['closed', 'signed_off', 'cancelled', 'escalated'];
const PROBE_EVERY_MS = 250;
const RECOVERY_TIMEOUT_MS = 120_000;

/**
 * Hotline intake as an agent would use it, every 250 ms through the gateway: a consultation answered
 * at once (it closes on intake), so the probe's requests need no provider. Records each outcome.
 */
class IntakeProbe {
  readonly outcomes: Array<{ at: number; ok: boolean }> = [];
  private token = '';
  private running = true;
  private loop?: Promise<void>;

  constructor(
    private readonly gateway: string,
    private readonly householdId: string,
  ) {}

  start(): void {
    this.loop = (async () => {
      while (this.running) {
        const at = Date.now();
        this.outcomes.push({ at, ok: await this.call().catch(() => false) });
        await sleep(Math.max(0, PROBE_EVERY_MS - (Date.now() - at)));
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** The longest stretch of failures after `from` that ended in a success, or -1 if none succeeded yet. */
  downSince(from: number): number {
    const after = this.outcomes.filter((o) => o.at >= from);
    if (!after.some((o) => o.ok)) return -1;
    let longest = 0;
    let failingSince: number | undefined;
    for (const o of after) {
      if (!o.ok) failingSince ??= o.at;
      else if (failingSince !== undefined) {
        longest = Math.max(longest, o.at - failingSince);
        failingSince = undefined;
      }
    }
    return failingSince !== undefined ? -1 : longest;
  }

  private async call(): Promise<boolean> {
    if (!this.token) this.token = await login(this.gateway, 'hotline.agent');
    const res = await fetch(`${this.gateway}/api/request/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ householdId: this.householdId, categoryCode: 'policy-consultation', description: '咨询', answer: '已答复' }),
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status === 401) this.token = '';
    return res.status === 201;
  }
}

async function login(gateway: string, username: string): Promise<string> {
  const password = DEMO_LOGINS.find((l) => l.username === username)!.password;
  const res = await fetch(`${gateway}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * The chaos run: the district as separate processes under load from the simulated people, each
 * fault in turn with its recovery measured, then the invariants checked with SQL in every database
 * and on the dead-letter topics.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  // The broker fault gets a broker of its own: the machine's is shared with other work.
  const broker = options.faults.some((f) => f.kind === 'kill-broker') ? new OwnBroker() : undefined;
  if (broker) {
    await broker.start().catch(async (err: unknown) => {
      await broker.stop();
      throw err;
    });
    options.log(`own broker up on ${broker.brokers}, log ${broker.logFile}`);
  }
  const d = new DistrictProcesses({ brokers: broker?.brokers });
  let backlog: Backlog | undefined;
  const [smsPort, webhookPort] = [await freePort(), await freePort()];
  let sim: Simulator | undefined;
  let probe: IntakeProbe | undefined;
  try {
    await d.start({
      gateway: {
        RATE_LIMIT_PUBLIC_BURST: '10000',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
        RATE_LIMIT_USER_BURST: '10000',
        RATE_LIMIT_USER_PER_MINUTE: '100000',
        RATE_LIMIT_API_KEY_BURST: '10000',
        RATE_LIMIT_API_KEY_PER_MINUTE: '100000',
      },
      request: { SMS_GATEWAY_URL: `http://127.0.0.1:${smsPort}/sms`, NOTIFY_RETRY_MAX_MS: '1000' },
      dispatch: { DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '3000', DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '4000' },
      merchant: { WEBHOOK_ALLOW_LOCAL_HTTP: 'true', WEBHOOK_SCHEDULE_SCALE: '0.01' },
      rating: { FOLLOW_UP_AFTER_SECONDS: '5', FOLLOW_UP_POLL_MS: '500' },
    });
    options.log(`district up: six processes, topic prefix ${d.prefix}, logs in ${d.logs}`);
    await d.seedGateway();
    await seedDistrict({ gatewayUrl: d.url('gateway'), households: options.households });
    options.log('district seeded');

    const agent = await login(d.url('gateway'), 'hotline.agent');
    const home = await fetch(`${d.url('gateway')}/api/request/households`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        communityCode: 'jincheng',
        address: '无锡市梁溪区金星街道金城社区1栋1单元101室',
        residents: [{ name: '测试探针', phones: ['13900009999'], tags: [] }],
      }),
    });
    if (home.status !== 201) throw new Error(`probe household: ${home.status} ${await home.text()}`);
    probe = new IntakeProbe(d.url('gateway'), ((await home.json()) as { id: string }).id);
    probe.start();

    sim = new Simulator({
      gatewayUrl: d.url('gateway'),
      rate: options.rate,
      calls: 0,
      minutes: 0,
      seed: 20261127,
      timeFactor: 1 / 600,
      households: options.households,
      smsPort,
      webhookPort,
      drainSeconds: 120,
      mix: DEFAULT_MIX,
      quiet: true,
    });
    await sim.start();
    const simulation = sim.run();

    const results: FaultResult[] = [];
    backlog = new Backlog(d, broker?.brokers);
    let lastEnded = Date.now();
    for (const fault of options.faults) {
      const started = Date.now();
      if (fault.kind === 'kill') d.processes.get(fault.service)!.signal('SIGKILL');
      else if (fault.kind === 'kill-broker') {
        broker!.kill();
        await broker!.restart();
      } else if (fault.kind === 'cut-db') await d.terminateConnections(fault.service);
      else {
        d.processes.get(fault.service)!.signal('SIGSTOP');
        await sleep(fault.seconds * 1000);
        d.processes.get(fault.service)!.signal('SIGCONT');
      }
      const ended = Date.now();
      const intakeDownMs = await until(
        () => {
          const down = probe!.downSince(started);
          return down >= 0 ? down : undefined;
        },
        `intake to answer after ${describeFault(fault)}`,
      );
      const drainMs = await backlog.drainedSince(ended).catch((err: Error) => {
        options.log(err.message);
        return -1;
      });
      results.push({ fault: describeFault(fault), intakeDownMs, drainMs, intakeTargetMs: intakeTarget(fault) });
      lastEnded = ended;
      options.log(
        `${describeFault(fault)}: intake down ${(intakeDownMs / 1000).toFixed(1)} s, drained ${(drainMs / 1000).toFixed(1)} s after`,
      );
    }

    const lifecycles = await inFlightCompleted(d, lastEnded);
    options.log(
      `lifecycles in flight at the last fault: ${lifecycles.inFlight}, all done ${lifecycles.completedMs < 0 ? `not within ${RECOVERY_TIMEOUT_MS / 1000} s` : `${(lifecycles.completedMs / 1000).toFixed(1)} s`} after it`,
    );
    sim.stop();
    await probe.stop();
    const report = await simulation;
    await backlog.drainedSince(Date.now());
    return { faults: results, lifecycles, invariants: await invariants(d, report, broker?.brokers), simulation: report };
  } finally {
    await probe?.stop();
    await backlog?.close();
    await sim?.close();
    await d.stop();
    await broker?.stop();
  }
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`chaos: no recovery in ${RECOVERY_TIMEOUT_MS} ms waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * The backlog a fault left: every event written to an outbox up to its end relayed, then every
 * consumer group of the run past what its topics held at that moment. Read from the databases and
 * the broker rather than from the services' lag gauges, which are polled, and so it is not
 * confused with the steady load's own traffic after the fault.
 */
class Backlog {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(
    private readonly d: DistrictProcesses,
    brokers: string | undefined,
  ) {
    const config = loadConfig(MessagingConfig, brokers ? { ...process.env, KAFKA_BROKERS: brokers } : process.env);
    this.admin = createKafka(config, 'chaos-backlog').admin();
  }

  /** Milliseconds from `since` until the backlog of that moment is drained. */
  async drainedSince(since: number): Promise<number> {
    let waiting = '';
    const check = async <T>(probe: () => Promise<T | string>): Promise<T> => {
      const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
      for (;;) {
        const value = await probe().catch((err: Error) => `broker: ${err.message}`);
        if (typeof value !== 'string') return value;
        waiting = value;
        if (Date.now() > deadline) throw new Error(`chaos: backlog not drained in ${RECOVERY_TIMEOUT_MS} ms: ${waiting}`);
        await sleep(250);
      }
    };
    await check(async () => {
      for (const name of SERVICES) {
        const [{ pending }] = await this.d
          .query<{ pending: number }>(name, 'SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL AND created_at <= $1', [
            new Date(since),
          ])
          .catch(() => [{ pending: -1 }]);
        if (pending !== 0) return `${name} outbox: ${pending} unsent`;
      }
      return true;
    });
    const ends = await check(async () => {
      await (this.connected ??= this.admin.connect());
      const out = new Map<string, string>();
      for (const topic of (await this.admin.listTopics()).filter((t) => t.startsWith(this.d.prefix)))
        for (const p of await this.admin.fetchTopicOffsets(topic)) out.set(`${topic}/${p.partition}`, p.high);
      return out;
    });
    await check(async () => {
      // Not the gateway's live-stream groups: one per instance, reading from the latest, left behind by a killed one.
      const groups = (await this.admin.listGroups()).groups.filter(
        (g) => g.groupId.startsWith(this.d.prefix) && !g.groupId.includes('-live-'),
      );
      if (groups.length < SERVICES.length - 1) return `only ${groups.length} consumer groups known`;
      for (const { groupId } of groups)
        for (const { topic, partitions } of await this.admin.fetchOffsets({ groupId }))
          for (const p of partitions) {
            const end = ends.get(`${topic}/${p.partition}`);
            if (end !== undefined && Number(p.offset) < Number(end)) return `${groupId} behind on ${topic}/${p.partition}`;
          }
      return true;
    });
    return Date.now() - since;
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
  }
}

/** Waits until every request taken before `since` is at a final or expected state; -1 if that takes too long. */
async function inFlightCompleted(d: DistrictProcesses, since: number): Promise<Lifecycles> {
  const open = async () =>
    (
      await d.query<{ n: number }>(
        'request',
        'SELECT count(*)::int AS n FROM service_request WHERE received_at <= $1 AND status <> ALL($2)',
        [new Date(since), FINAL],
      )
    )[0].n;
  const inFlight = (
    await d.query<{ n: number }>(
      'request',
      `SELECT count(*)::int AS n FROM service_request WHERE received_at <= $1 AND NOT (status = ANY($2) AND updated_at < $1)`,
      [new Date(since), FINAL],
    )
  )[0].n;
  const completedMs = await until(async () => ((await open()) === 0 ? Date.now() - since : undefined), 'in-flight lifecycles').catch(
    () => -1,
  );
  return { completedMs, inFlight, targetMs: LIFECYCLE_TARGET_MS };
}

async function invariants(d: DistrictProcesses, report: SimulationReport, brokers?: string): Promise<Invariant[]> {
  const count = async (name: ServiceName, sql: string, params: unknown[] = []) => (await d.query<{ n: number }>(name, sql, params))[0].n;
  const outboxes = await Promise.all(SERVICES.map((s) => count(s, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')));
  const config = loadConfig(MessagingConfig, brokers ? { ...process.env, KAFKA_BROKERS: brokers } : process.env);
  const admin = createKafka(config, 'chaos').admin();
  await admin.connect();
  let deadLetters = 0;
  try {
    const existing = new Set(await admin.listTopics());
    for (const topic of Object.values(TOPICS)
      .map((t) => `${d.prefix}${dlqTopic(t)}`)
      .filter((t) => existing.has(t))) {
      deadLetters += (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
    }
  } finally {
    await admin.disconnect();
  }
  return [
    {
      name: 'every accepted call reached a final or an expected state',
      violations: await count('request', 'SELECT count(*)::int AS n FROM service_request WHERE status <> ALL($1)', [FINAL]),
      detail: [...report.unfinished.slice(0, 6), ...report.problems.slice(0, 4)].join('; '),
    },
    // Per round: a redo opens a new round of offers, and another provider may accept in it.
    {
      name: 'no request has two accepted offers',
      violations: await count(
        'dispatch',
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM dispatch_offer WHERE status = 'accepted' GROUP BY request_id, round HAVING count(*) > 1) twice`,
      ),
    },
    {
      name: 'each signed-off volunteer job has exactly one points award',
      violations: report.lost.concat(report.duplicated).filter((l) => l.startsWith('points')).length,
    },
    {
      name: 'the ledger balances to zero',
      violations: Math.abs(await count('volunteer', 'SELECT coalesce(sum(amount), 0)::int AS n FROM ledger_line')),
    },
    {
      name: 'no balance is negative',
      violations: await count('volunteer', `SELECT count(*)::int AS n FROM ledger_account WHERE kind <> 'pool' AND balance < 0`),
    },
    { name: 'no webhook effect was duplicated at the receiver', violations: report.duplicated.filter((l) => l.includes('webhook')).length },
    {
      name: 'nothing the simulated people did was lost or doubled',
      violations: report.lost.length + report.duplicated.length,
      detail: [...report.lost, ...report.duplicated].slice(0, 5).join('; '),
    },
    { name: 'every outbox is drained', violations: outboxes.reduce((a, b) => a + b, 0) },
    { name: 'the dead-letter topics are empty', violations: deadLetters },
  ];
}

/** The targets the run missed, each named. */
export function missedTargets(report: ChaosReport): string[] {
  const missed = report.faults
    .filter((f) => f.intakeTargetMs !== undefined && f.intakeDownMs > f.intakeTargetMs)
    .map((f) => `intake after ${f.fault}: ${f.intakeDownMs} ms, target ${f.intakeTargetMs} ms`);
  const { completedMs, targetMs } = report.lifecycles;
  if (completedMs < 0 || completedMs > targetMs)
    missed.push(`lifecycles in flight completed ${completedMs} ms after the last fault, target ${targetMs} ms`);
  return missed;
}

export function table(report: ChaosReport): string {
  const s = (ms: number) => (ms < 0 ? `not in ${RECOVERY_TIMEOUT_MS / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
  const target = (ms: number | undefined, actual: number) =>
    ms === undefined ? '–' : `≤${s(ms)} ${actual >= 0 && actual <= ms ? 'met' : 'MISSED'}`;
  const lines = ['fault | intake unavailable | target | backlog drained after', '--- | --- | --- | ---'];
  for (const f of report.faults)
    lines.push(`${f.fault} | ${s(f.intakeDownMs)} | ${target(f.intakeTargetMs, f.intakeDownMs)} | ${s(f.drainMs)}`);
  const l = report.lifecycles;
  lines.push(
    '',
    `lifecycles in flight at the last fault: ${l.inFlight}, all at a final or expected state ${l.completedMs < 0 ? 'not' : s(l.completedMs)} after it (target ${target(l.targetMs, l.completedMs)})`,
  );
  lines.push('', 'invariant | violations', '--- | ---');
  for (const i of report.invariants) lines.push(`${i.name} | ${i.violations}${i.detail ? ` (${i.detail})` : ''}`);
  return lines.join('\n');
}
