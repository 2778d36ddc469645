import { serverUrl } from '@bangbang/persistence';
import { Kafka, logLevel } from 'kafkajs';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far (user + system), or undefined once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** Peak resident set of a process so far, in MiB. */
export function peakRssMiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The Kafka broker started by deploy/local/kafka.sh (its JVM's main class), if it runs on this machine. */
export function brokerPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('kafka.Kafka')) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** What `PostgresCpu` counts a server process under that serves none of the benchmark's databases. */
const SERVER_WRITERS = "server's writers";

/**
 * The database server's share: the backends serving the benchmark's databases plus the server's
 * own writers (WAL writer, checkpointer, background writer), which every commit costs.
 */
export class PostgresCpu {
  private readonly base = new Map<number, number>();
  private readonly last = new Map<number, number>();
  /** The service whose database each process serves, or `SERVER_WRITERS`. */
  private readonly owner = new Map<number, string>();
  private readonly serviceOf: Map<string, string>;
  private timer?: NodeJS.Timeout;

  /** `databases`: service name → its database. */
  constructor(databases: ReadonlyMap<string, string>) {
    this.serviceOf = new Map([...databases].map(([service, db]) => [db, service]));
  }

  private async pids(): Promise<number[]> {
    const c = new Client({ connectionString: serverUrl() });
    await c.connect();
    try {
      const rows = await c.query<{ pid: number; datname: string | null }>(
        `SELECT pid, datname FROM pg_stat_activity
          WHERE datname = ANY($1) OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
        [[...this.serviceOf.keys()]],
      );
      const own = (c as unknown as { processID: number }).processID;
      const found = rows.rows.filter((r) => r.pid !== own);
      for (const r of found) this.owner.set(r.pid, this.serviceOf.get(r.datname ?? '') ?? SERVER_WRITERS);
      return found.map((r) => r.pid);
    } finally {
      await c.end();
    }
  }

  private async sample(): Promise<void> {
    for (const pid of await this.pids()) {
      const seconds = cpuSeconds(pid);
      if (seconds !== undefined) this.last.set(pid, seconds);
    }
  }

  /**
   * Starts a step. A backend whose connection its pool closes during the step (idle for 10 s, as
   * when a step stalls) takes its counters with it: each is read every `everyMs`, so one that ends
   * still counts up to its last reading.
   */
  async mark(everyMs = 1_000): Promise<void> {
    this.base.clear();
    this.last.clear();
    this.owner.clear();
    for (const pid of await this.pids()) this.base.set(pid, cpuSeconds(pid) ?? 0);
    this.timer = setInterval(() => void this.sample().catch(() => undefined), everyMs);
  }

  /** CPU seconds since `mark()`; a backend that started since counts from zero. */
  async since(): Promise<number> {
    clearInterval(this.timer);
    await this.sample();
    return [...this.byService().values()].reduce((sum, s) => sum + s, 0);
  }

  /**
   * The seconds `since()` summed, by the service whose database its backends served, and the
   * server's writers: the statements' figures leave out what a service's statements cost the server
   * beyond executing them (planning, the protocol, its commits).
   */
  byService(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [pid, seconds] of this.last) {
      const service = this.owner.get(pid)!;
      out.set(service, (out.get(service) ?? 0) + seconds - (this.base.get(pid) ?? 0));
    }
    return out;
  }
}

/** Transactions committed in the benchmark's databases so far (backends report theirs within a second of going idle). */
export async function commits(databases: string[]): Promise<number> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(`SELECT sum(xact_commit)::text AS n FROM pg_stat_database WHERE datname = ANY($1)`, [databases]);
    return Number(r.rows[0].n ?? 0);
  } finally {
    await c.end();
  }
}

/** Bytes on disk of the benchmark's databases (tables, indexes, TOAST; not the WAL). */
export async function databaseBytes(databases: string[]): Promise<number> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    const r = await c.query<{ n: string }>(
      `SELECT coalesce(sum(pg_database_size(datname)), 0)::text AS n FROM pg_database WHERE datname = ANY($1)`,
      [databases],
    );
    return Number(r.rows[0].n);
  } finally {
    await c.end();
  }
}

/** Records written to the benchmark's topics so far (the sum of every partition's end offset). */
export async function kafkaRecords(brokers: string, prefix: string): Promise<number> {
  const admin = new Kafka({ clientId: 'bench-meter', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    let sum = 0;
    for (const t of topics) for (const p of await admin.fetchTopicOffsets(t)) sum += Number(p.high);
    return sum;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Requests the services have sent to the broker so far, by API, from each instance's
 * `bangbang_kafka_requests_total`: unlike records, they count what fetching, committing and
 * producing cost, which batching changes.
 */
export async function kafkaRequests(urls: string[]): Promise<Record<string, number>> {
  const byApi: Record<string, number> = {};
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const [, api, n] of text.matchAll(/^bangbang_kafka_requests_total\{[^}]*api="([^"]+)"[^}]*\} (\S+)$/gm)) {
      byApi[api] = (byApi[api] ?? 0) + Number(n);
    }
  }
  return byApi;
}

/**
 * Samples each service's `/health/consumers` (the lag its consumers last read from the broker)
 * while a step runs, and keeps the highest lag each group reported.
 */
export class ConsumerLag {
  private peak = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  /** `services`: name and base URL of each. */
  constructor(private readonly services: [string, string][]) {}

  start(everyMs = 2_000): void {
    this.peak = new Map();
    this.timer = setInterval(() => void this.sample(), everyMs);
  }

  stop(): Record<string, number> {
    clearInterval(this.timer);
    return Object.fromEntries(this.peak);
  }

  private async sample(): Promise<void> {
    await Promise.all(
      this.services.map(async ([service, url]) => {
        try {
          // 503 while a consumer is not consuming, with the same body.
          const body = (await (await fetch(`${url}/health/consumers`)).json()) as { consumers?: { group: string; lag: number | null }[] };
          for (const c of body.consumers ?? []) {
            const key = `${service}/${c.group}`;
            this.peak.set(key, Math.max(this.peak.get(key) ?? 0, c.lag ?? 0));
          }
        } catch {
          // A service restarting: no reading this time.
        }
      }),
    );
  }
}
