import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { databaseUrlFor, dataSourceOptions, runMigrationsLocked, serverUrl, serverUser } from '@bangbang/persistence';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { seedDemo } from '../../deploy/seed/demo';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../services/gateway/src/gateway.service-definition';

export const SERVICES = ['gateway', 'request', 'dispatch', 'merchant', 'volunteer', 'rating'] as const;
export type ServiceName = (typeof SERVICES)[number];

const ROOT = join(__dirname, '../..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

async function onServer(sql: string): Promise<void> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

/**
 * The whole system as `npm start` runs it, one compiled Node process per service (`dist/`), on
 * free loopback ports, each on a throwaway database of its own and one topic prefix, so a
 * benchmark run neither sees nor disturbs a running demo. `env` adds to a service's settings.
 */
export class ProcessStack {
  readonly pids = new Map<ServiceName, number>();
  readonly databases = new Map<ServiceName, string>();
  readonly prefix = `bench_${randomBytes(4).toString('hex')}.`;
  gatewayUrl = '';
  private readonly children: ChildProcess[] = [];

  constructor(
    private readonly env: Partial<Record<ServiceName, NodeJS.ProcessEnv>>,
    private readonly logDir: string,
  ) {}

  async start(): Promise<void> {
    const ports = new Map<ServiceName, number>();
    for (const s of SERVICES) ports.set(s, await freePort());
    const url = (s: ServiceName) => `http://127.0.0.1:${ports.get(s)}`;
    this.gatewayUrl = url('gateway');
    for (const s of SERVICES) {
      const name = `${this.prefix.slice(0, -1)}_${s}`;
      await onServer(`CREATE DATABASE ${name}`);
      this.databases.set(s, name);
    }
    const common: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      BANGBANG_DEV: '1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: serverUrl(),
      DATABASE_USER: serverUser(),
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      KAFKA_TOPIC_PREFIX: this.prefix,
      AUTH_JWKS_URL: `${this.gatewayUrl}/.well-known/jwks.json`,
    };
    const upstreams = Object.fromEntries(SERVICES.filter((s) => s !== 'gateway').map((s) => [`${s.toUpperCase()}_URL`, url(s)]));
    for (const s of SERVICES) {
      const out = openSync(join(this.logDir, `${s}.log`), 'a');
      const child = spawn(process.execPath, [join(ROOT, `dist/services/${s}/src/main.js`)], {
        cwd: ROOT,
        env: { ...common, ...(s === 'gateway' ? upstreams : {}), ...this.env[s], SERVICE_NAME: s, PORT: String(ports.get(s)), DATABASE_NAME: this.databases.get(s) },
        stdio: ['ignore', out, out],
      });
      this.children.push(child);
      this.pids.set(s, child.pid!);
      child.once('exit', (code, signal) => {
        if (!this.stopping) process.stderr.write(`bench: ${s} exited (${code ?? signal}); see ${this.logDir}/${s}.log\n`);
      });
    }
    for (const s of SERVICES) await this.ready(s, url(s));
    await this.seedGateway();
  }

  private stopping = false;

  private async ready(s: ServiceName, base: string): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ok = await fetch(`${base}/health/ready`).then((r) => r.ok, () => false);
      if (ok) return;
      if (Date.now() > deadline) throw new Error(`${s} did not become ready; see ${this.logDir}/${s}.log`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The org tree's root and the demo logins, as `npm start`'s seed puts them in the gateway's database. */
  private async seedGateway(): Promise<void> {
    const ds = await new DataSource(
      dataSourceOptions({
        url: databaseUrlFor('gateway', { DATABASE_URL: serverUrl(), DATABASE_NAME: this.databases.get('gateway'), DATABASE_USER: serverUser() }),
        entities: GATEWAY_ENTITIES,
        migrations: [MessagingTables1764000000000, ...GATEWAY_MIGRATIONS],
        poolSize: 2,
      }),
    ).initialize();
    try {
      await runMigrationsLocked(ds);
      await seedDemo(ds);
    } finally {
      await ds.destroy();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    for (const name of this.databases.values()) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
