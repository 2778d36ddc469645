import { dlqTopic, TOPICS } from '@bangbang/contracts';
import { freePort } from '@bangbang/testing';
import { createKafka, MessagingConfig } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_LOGINS } from '../seed/demo';
import { seedDistrict } from '../seed/district-seed';
import { DEFAULT_MIX } from '../simulator/config';
import { SimulationReport, Simulator } from '../simulator/simulator';
import { DistrictProcesses, SERVICES, ServiceName } from './district-processes';

export type Fault =
  | { kind: 'kill'; service: ServiceName }
  | { kind: 'cut-db'; service: ServiceName }
  | { kind: 'stop'; service: ServiceName; seconds: number };

/** One fault of each kind, on the service that takes the calls. */
export const SHORT_FAULTS: Fault[] = [
  { kind: 'kill', service: 'request' },
  { kind: 'cut-db', service: 'request' },
  { kind: 'stop', service: 'request', seconds: 15 },
];

export interface FaultResult {
  fault: string;
  /** Longest run of failed intake probes from the fault until intake answered again. */
  intakeDownMs: number;
  /** From the end of the fault until every outbox is empty and every consumer group has no lag. */
  drainMs: number;
}

export interface Invariant {
  name: string;
  violations: number;
  detail?: string;
}

export interface ChaosReport {
  faults: FaultResult[];
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
    : f.kind === 'cut-db'
      ? `pg_terminate_backend ${f.service}`
      : `SIGSTOP ${f.service} ${f.seconds} s`;

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
  const d = new DistrictProcesses();
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
    for (const fault of options.faults) {
      const started = Date.now();
      if (fault.kind === 'kill') d.processes.get(fault.service)!.signal('SIGKILL');
      else if (fault.kind === 'cut-db') await d.terminateConnections(fault.service);
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
      await until(async () => ((await drained(d)) ? true : undefined), `the backlog to drain after ${describeFault(fault)}`);
      results.push({ fault: describeFault(fault), intakeDownMs, drainMs: Date.now() - ended });
      options.log(
        `${describeFault(fault)}: intake down ${(intakeDownMs / 1000).toFixed(1)} s, drained ${((Date.now() - ended) / 1000).toFixed(1)} s after`,
      );
    }

    sim.stop();
    await probe.stop();
    const report = await simulation;
    await until(async () => ((await drained(d)) ? true : undefined), 'the backlog to drain after the run');
    return { faults: results, invariants: await invariants(d, report), simulation: report };
  } finally {
    await probe?.stop();
    await sim?.close();
    await d.stop();
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

/** Every outbox empty and every consumer group holding its partitions with nothing left to read. */
async function drained(d: DistrictProcesses): Promise<boolean> {
  for (const name of SERVICES) {
    const [{ pending }] = await d
      .query<{ pending: number }>(name, 'SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL')
      .catch(() => [{ pending: -1 }]);
    if (pending !== 0) return false;
    const res = await fetch(`${d.url(name)}/health/consumers`).catch(() => undefined);
    if (!res?.ok) return false;
    const { consumers } = (await res.json()) as { consumers: Array<{ lag: number | null }> };
    if (consumers.some((c) => c.lag !== 0)) return false;
  }
  return true;
}

async function invariants(d: DistrictProcesses, report: SimulationReport): Promise<Invariant[]> {
  const count = async (name: ServiceName, sql: string, params: unknown[] = []) => (await d.query<{ n: number }>(name, sql, params))[0].n;
  const outboxes = await Promise.all(SERVICES.map((s) => count(s, 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')));
  const config = loadConfig(MessagingConfig);
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

export function table(report: ChaosReport): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = ['fault | intake unavailable | backlog drained after', '--- | --- | ---'];
  for (const f of report.faults) lines.push(`${f.fault} | ${s(f.intakeDownMs)} | ${s(f.drainMs)}`);
  lines.push('', 'invariant | violations', '--- | ---');
  for (const i of report.invariants) lines.push(`${i.name} | ${i.violations}${i.detail ? ` (${i.detail})` : ''}`);
  return lines.join('\n');
}
