import { dataSourceOptions, databaseUrlFor, serverUrl, serverUser } from '@bangbang/persistence';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES } from '../../services/gateway/src/gateway.service-definition';
import { seedDemo } from '../seed/demo';
import { PortBlock, portBlock } from '@bangbang/testing';

export const SERVICES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating'] as const;
export type ServiceName = (typeof SERVICES)[number];

const ROOT = join(__dirname, '../..');

async function onServer<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** One service as its own process under a supervisor that starts it again when it dies, as `npm start` does. */
class Supervised {
  child?: ChildProcess;
  restarts = 0;
  private stopping = false;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    private readonly compiled: boolean,
    private readonly nodeArgs: string[] = [],
  ) {}

  start(): void {
    const log = openSync(this.logFile, 'a');
    const entry = this.compiled
      ? [join(ROOT, `dist/services/${this.name}/src/main.js`)]
      : ['-r', '@swc-node/register', join(ROOT, `services/${this.name}/src/main.ts`)];
    const child = spawn(process.execPath, [...this.nodeArgs, ...entry], {
      cwd: ROOT,
      env: { ...this.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', log, log],
    });
    this.child = child;
    child.once('exit', () => {
      if (this.stopping || this.child !== child) return;
      this.restarts++;
      setTimeout(() => this.start(), 500).unref();
    });
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }
}

/**
 * The six services as separate processes on loopback ports, each on a throwaway database of its own,
 * sharing one topic prefix on the local broker: what the chaos run breaks, one process at a time,
 * and what the lifecycle benchmark measures (`compiled`: the `dist/` build `npm start` runs, rather
 * than the sources through SWC). With `instances: N` every service, the gateway too, runs N
 * processes on one database, and each gateway spreads calls over every instance of each service.
 */
export class DistrictProcesses {
  readonly prefix: string;
  /** Each service's JSON log, appended across restarts. */
  readonly logs: string;
  readonly databases = new Map<ServiceName, string>();
  /** Each service's first instance. */
  readonly processes = new Map<ServiceName, Supervised>();
  /** Every instance of each service, the first one first. */
  readonly instances = new Map<ServiceName, Supervised[]>();
  /** Every instance's port, kept for the whole run: a killed instance comes back on its own. */
  private ports?: PortBlock;

  /**
   * `cpuProfileDir`: each service runs under `node --cpu-prof` and writes its profile into a folder
   * of its own there when it stops (the lifecycle bench's BENCH_CPU_PROF). `brokers`: a broker of the
   * caller's own (the chaos run's, to kill) instead of the environment's. `instances`: processes per
   * service, the gateway too.
   */
  constructor(
    private readonly options: {
      label?: string;
      compiled?: boolean;
      cpuProfileDir?: string;
      brokers?: string;
      instances?: number;
    } = {},
  ) {
    this.prefix = `${options.label ?? 'chaos'}_${randomBytes(4).toString('hex')}.`;
    this.logs = join(tmpdir(), this.prefix.slice(0, -1));
  }

  /** The process now running a service's instance (a new one after a restart). */
  pid(name: ServiceName, instance = 0): number | undefined {
    return this.instances.get(name)![instance].child?.pid;
  }

  url(name: ServiceName, instance = 0): string {
    return `http://127.0.0.1:${this.instances.get(name)![instance].port}`;
  }

  /** Every instance's base URL. */
  urls(name: ServiceName): string[] {
    return this.instances.get(name)!.map((p) => `http://127.0.0.1:${p.port}`);
  }

  databaseUrl(name: ServiceName): string {
    return databaseUrlFor(name, { DATABASE_URL: serverUrl(), DATABASE_NAME: this.databases.get(name)!, DATABASE_USER: serverUser() });
  }

  async start(extra: Partial<Record<ServiceName, NodeJS.ProcessEnv>>): Promise<void> {
    const count = this.options.instances ?? 1;
    const ports = new Map<ServiceName, number[]>();
    this.ports = await portBlock(SERVICES.length * count);
    for (const [k, name] of SERVICES.entries()) {
      ports.set(name, this.ports.ports.slice(k * count, (k + 1) * count));
      const db = `bangbang_${this.prefix.slice(0, -1)}_${name}`;
      await onServer((c) => c.query(`CREATE DATABASE ${db}`));
      this.databases.set(name, db);
    }
    const base = (name: ServiceName, i: number) => `http://127.0.0.1:${ports.get(name)![i]}`;
    mkdirSync(this.logs, { recursive: true });
    for (const name of SERVICES) {
      const replicas: Supervised[] = [];
      for (let i = 0; i < count; i++) {
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          DATABASE_URL: serverUrl(),
          DATABASE_NAME: this.databases.get(name),
          DATABASE_USER: serverUser(),
          KAFKA_TOPIC_PREFIX: this.prefix,
          ...(this.options.brokers ? { KAFKA_BROKERS: this.options.brokers } : {}),
          BANGBANG_DEV: '1',
          SERVICE_NAME: name,
          PORT: String(ports.get(name)![i]),
          LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
          // Six services and everything else on the machine share one server's connections.
          DATABASE_POOL_SIZE: '4',
          ...(name === 'gateway'
            ? Object.fromEntries(
                SERVICES.filter((s) => s !== 'gateway').map((s) => [
                  `${s.toUpperCase()}_URL`,
                  ports
                    .get(s)!
                    .map((_, j) => base(s, j))
                    .join(','),
                ]),
              )
            : // Every gateway's JWKS, this instance's own number first: the keys come from any that answers.
              {
                AUTH_JWKS_URL: ports
                  .get('gateway')!
                  .map((_, j) => `${base('gateway', (i + j) % count)}/.well-known/jwks.json`)
                  .join(','),
              }),
          ...extra[name],
        };
        const log = join(this.logs, i === 0 ? `${name}.log` : `${name}.${i + 1}.log`);
        const profile = this.options.cpuProfileDir;
        const nodeArgs = profile ? ['--cpu-prof', '--cpu-prof-dir', join(profile, name)] : [];
        replicas.push(new Supervised(name, ports.get(name)![i], env, log, this.options.compiled ?? false, nodeArgs));
      }
      this.instances.set(name, replicas);
      this.processes.set(name, replicas[0]);
    }
    // The gateways first: the others fetch their signing keys. The first one alone creates the first key.
    const gateways = this.instances.get('gateway')!;
    gateways[0].start();
    await this.untilAnswers('gateway', '/health/ready');
    for (const [i, g] of gateways.entries()) if (i > 0) g.start();
    // N instances start side by side on a shared machine: each may take N times as long.
    const waitMs = 180_000 * count;
    for (let i = 1; i < count; i++) await this.untilAnswers('gateway', '/health/ready', waitMs, i);
    for (const name of SERVICES.slice(1)) for (const p of this.instances.get(name)!) p.start();
    for (const name of SERVICES) for (let i = 0; i < count; i++) await this.untilAnswers(name, '/health/consumers', waitMs, i);
  }

  /** The org tree's root and the demo logins in the gateway's database, as `npm start`'s seed puts them there. */
  async seedGateway(): Promise<void> {
    const ds = await new DataSource(
      dataSourceOptions({ url: this.databaseUrl('gateway'), entities: GATEWAY_ENTITIES, migrations: [], poolSize: 2 }),
    ).initialize();
    await seedDemo(ds).finally(() => ds.destroy());
  }

  async untilAnswers(name: ServiceName, path: string, timeoutMs = 180_000, instance = 0): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await fetch(`${this.url(name, instance)}${path}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${name} (instance ${instance + 1}) did not answer ${path} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async query<T>(name: ServiceName, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.databaseUrl(name) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Ends every connection of one service's database, as a failover or an operator would, leaving the server alone. */
  async terminateConnections(name: ServiceName): Promise<number> {
    const rows = await onServer((c) =>
      c.query('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        this.databases.get(name),
      ]),
    );
    return rows.rows.filter((r: { ended: boolean }) => r.ended).length;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.instances.values()].flat().map((p) => p.stop()));
    await this.ports?.release();
    for (const db of this.databases.values()) await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`));
  }
}
