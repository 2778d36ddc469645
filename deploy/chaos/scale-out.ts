import { setTimeout as sleep } from 'node:timers/promises';
import { LifecycleDriver, LifecycleResult, Stage } from '../../bench/lifecycle/driver';
import { seedDistrict } from '../seed/district-seed';
import { SmsInbox } from '../simulator/sms-gateway';
import type { Invariant } from './chaos';
import { DistrictProcesses, SERVICES, ServiceName } from './district-processes';

export interface ScaleOutOptions {
  /** Lifecycles started a second, for `seconds`. */
  rate: number;
  seconds: number;
  households: number;
  log: (line: string) => void;
}

export interface ScaleOutReport {
  started: number;
  completed: number;
  /** Why the lifecycles that did not complete stopped, by reason. */
  errors: Record<string, number>;
  /** Each instance killed, and when (s from the first lifecycle). */
  kills: string[];
  invariants: Invariant[];
  /** The slowest of each stage (ms) among the completed lifecycles: where the kills cost time. */
  slowest: Partial<Record<Stage, number>>;
}

const DRAIN_MS = 180_000;

/**
 * Two instances of every service and of the gateway under the lifecycle load (the benchmark's
 * driver, its calls spread over both gateways), the second instance of each pair killed with
 * SIGKILL one after another mid-run (its supervisor starts it again), then the invariants checked
 * in every database: nothing lost, nothing done twice.
 */
export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutReport> {
  const sms = new SmsInbox();
  const smsUrl = await sms.start();
  const d = new DistrictProcesses({ label: 'scale', instances: 2 });
  const open = '1000000';
  let driver: LifecycleDriver | undefined;
  try {
    await d.start({
      gateway: {
        // Twelve processes on a shared machine: a call may wait long for a database connection.
        UPSTREAM_TIMEOUT_MS: '60000',
        RATE_LIMIT_USER_BURST: open,
        RATE_LIMIT_USER_PER_MINUTE: open,
        RATE_LIMIT_API_KEY_BURST: open,
        RATE_LIMIT_API_KEY_PER_MINUTE: open,
        RATE_LIMIT_PUBLIC_BURST: open,
        RATE_LIMIT_PUBLIC_PER_MINUTE: open,
      },
      request: { SMS_GATEWAY_URL: smsUrl, NOTIFY_RETRY_MAX_MS: '1000' },
      merchant: { WEBHOOK_ALLOW_LOCAL_HTTP: 'true', WEBHOOK_SCHEDULE_SCALE: '0.01' },
    });
    options.log(`district up: six services × 2, gateways ${d.urls('gateway').join(', ')}, logs in ${d.logs}`);
    await d.seedGateway();
    await seedDistrict({ gatewayUrl: d.url('gateway'), households: options.households, volunteers: false });
    driver = new LifecycleDriver(d.urls('gateway'), options.households, sms);
    await driver.connectUnits();
    options.log('district seeded, units connected');

    const count = Math.round(options.rate * options.seconds);
    const t0 = performance.now();
    const deadline = t0 + options.seconds * 1000 + DRAIN_MS;
    const kills: string[] = [];
    // From a third of the way in, one instance of each pair every 2 s.
    const killing = (async () => {
      await sleep((options.seconds * 1000) / 3);
      for (const name of SERVICES) {
        d.instances.get(name)![1].signal('SIGKILL');
        kills.push(`${name} #2 at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        await sleep(2_000);
      }
    })();
    const runs: Promise<LifecycleResult>[] = [];
    for (let i = 0; i < count; i++) {
      await sleep(Math.max(0, t0 + (i * 1000) / options.rate - performance.now()));
      runs.push(driver.run(i, deadline).catch((err: Error) => ({ ok: false, stages: {}, error: `threw: ${err.message}` })));
    }
    await killing;
    options.log(`killed: ${kills.join(', ')}`);
    const results = await Promise.all(runs);
    const errors: Record<string, number> = {};
    for (const r of results.filter((x) => !x.ok)) errors[r.error ?? '?'] = (errors[r.error ?? '?'] ?? 0) + 1;
    const slowest: ScaleOutReport['slowest'] = {};
    for (const r of results.filter((x) => x.ok))
      for (const [stage, ms] of Object.entries(r.stages) as Array<[Stage, number]>)
        slowest[stage] = Math.max(slowest[stage] ?? 0, Math.round(ms));
    await drained(d);
    return {
      slowest,
      started: count,
      completed: results.filter((r) => r.ok).length,
      errors,
      kills,
      invariants: await lifecycleInvariants(d, driver),
    };
  } finally {
    await driver?.stop();
    await sms.stop();
    await d.stop();
  }
}

/** Every outbox empty and every instance's consumers with nothing left to read. */
export async function drained(d: DistrictProcesses): Promise<void> {
  const until = Date.now() + DRAIN_MS;
  for (;;) {
    let done = true;
    for (const name of SERVICES) {
      const [{ pending }] = await d.query<{ pending: number }>(name, 'SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL');
      if (pending) done = false;
      for (const url of d.urls(name)) {
        const res = await fetch(`${url}/health/consumers`).catch(() => undefined);
        const body = res?.ok ? ((await res.json()) as { consumers: Array<{ lag: number | null }> }) : undefined;
        if (!body || body.consumers.some((c) => c.lag !== 0)) done = false;
      }
    }
    if (done) return;
    if (Date.now() > until) throw new Error(`scale-out: not drained in ${DRAIN_MS} ms`);
    await sleep(500);
  }
}

/** What the lifecycle driver's runs must leave, however many instances served them: nothing done twice. */
export async function lifecycleInvariants(d: DistrictProcesses, driver: LifecycleDriver): Promise<Invariant[]> {
  const count = async (name: ServiceName, sql: string) =>
    (await d.query<{ n: number }>(name, `SELECT count(*)::int AS n FROM (${sql}) x`))[0].n;
  return [
    {
      name: 'no request has two accepted offers in a round',
      violations: await count(
        'dispatch',
        `SELECT 1 FROM dispatch_offer WHERE status = 'accepted' GROUP BY request_id, round HAVING count(*) > 1`,
      ),
    },
    {
      name: 'no text was queued twice for one request',
      violations: await count('request', 'SELECT 1 FROM notification GROUP BY request_id, template HAVING count(*) > 1'),
    },
    {
      name: 'no webhook was delivered twice (by the senders)',
      violations: await count(
        'merchant',
        `SELECT 1 FROM webhook_delivery WHERE status = 'delivered' GROUP BY endpoint_id, message_id HAVING count(*) > 1`,
      ),
    },
    { name: 'no webhook effect was duplicated at the receiver', violations: driver.units.duplicates.length },
    {
      name: 'the points ledger balances to zero',
      violations: Math.abs(await count('volunteer', 'SELECT 1 FROM ledger_line HAVING sum(amount) <> 0')),
    },
    {
      name: 'every outbox is drained',
      violations: (await Promise.all(SERVICES.map((s) => count(s, 'SELECT 1 FROM outbox WHERE sent_at IS NULL')))).reduce(
        (a, b) => a + b,
        0,
      ),
    },
  ];
}
