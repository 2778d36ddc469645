import { serverUrl } from '@bangbang/persistence';
import { Client } from 'pg';

export interface StatementFigure {
  service: string;
  query: string;
  calls: number;
  totalMs: number;
  /** Time spent planning it: 0 unless the server has `pg_stat_statements.track_planning` on. */
  planMs: number;
  rows: number;
}

async function on<T>(database: string | undefined, fn: (c: Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl());
  if (database) url.pathname = `/${database}`;
  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * The statements the services ran during a step, from PostgreSQL's `pg_stat_statements` (it must be
 * in `shared_preload_libraries`): reset for the benchmark's databases alone at the step's start, so
 * other databases on a shared server keep their figures.
 */
export class Statements {
  /** Why there are no figures, when there are none. */
  unavailable?: string;

  /** `databases`: service name → its database. */
  constructor(private readonly databases: Map<string, string>) {}

  async enable(): Promise<void> {
    try {
      for (const db of this.databases.values()) await on(db, (c) => c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements'));
      await this.reset();
    } catch (err) {
      this.unavailable = err instanceof Error ? err.message : String(err);
    }
  }

  async reset(): Promise<void> {
    if (this.unavailable) return;
    for (const db of this.databases.values()) {
      await on(db, (c) =>
        c.query('SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)'),
      );
    }
  }

  /** Every statement since the last reset, by service. */
  async read(): Promise<StatementFigure[]> {
    if (this.unavailable) return [];
    const byDb = new Map([...this.databases].map(([service, db]) => [db, service]));
    const [first] = this.databases.values();
    const rows = await on(first, (c) =>
      c.query<{ datname: string; query: string; calls: string; total: number; plan: number; rows: string }>(
        `SELECT d.datname, s.query, s.calls::text, s.total_exec_time AS total, s.total_plan_time AS plan, s.rows::text
           FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
          WHERE d.datname = ANY($1)`,
        [[...byDb.keys()]],
      ),
    );
    return rows.rows.map((r) => ({
      service: byDb.get(r.datname)!,
      query: r.query.replace(/\s+/g, ' ').trim(),
      calls: Number(r.calls),
      totalMs: r.total,
      planMs: r.plan,
      rows: Number(r.rows),
    }));
  }
}

/** The top statements by total time and by calls, per lifecycle. */
export function printStatements(say: (line: string) => void, figures: StatementFigure[], lifecycles: number, top = 15): void {
  const per = Math.max(lifecycles, 1);
  const planned = figures.some((f) => f.planMs > 0);
  const byService = new Map<string, { calls: number; ms: number; planMs: number }>();
  for (const f of figures) {
    const s = byService.get(f.service) ?? { calls: 0, ms: 0, planMs: 0 };
    s.calls += f.calls;
    s.ms += f.totalMs;
    s.planMs += f.planMs;
    byService.set(f.service, s);
  }
  const ms = (x: number) => (x / per).toFixed(2);
  say(
    `  statements per lifecycle by service: ${[...byService]
      .sort((a, b) => b[1].calls - a[1].calls)
      .map(([s, v]) => `${s} ${(v.calls / per).toFixed(1)} (${ms(v.ms)} ms${planned ? `, planning ${ms(v.planMs)} ms` : ''})`)
      .join(', ')}`,
  );
  if (!planned) say('  planning not counted: the server has pg_stat_statements.track_planning off');
  const mean = (x: number, f: StatementFigure) => (x / Math.max(f.calls, 1)).toFixed(3);
  const row = (f: StatementFigure) =>
    `  | ${f.service} | ${(f.calls / per).toFixed(2)} | ${(f.totalMs / per).toFixed(3)} | ${mean(f.totalMs, f)} |${planned ? ` ${mean(f.planMs, f)} |` : ''} ${(f.rows / Math.max(f.calls, 1)).toFixed(1)} | ${f.query.slice(0, 160).replace(/\|/g, '\\|')} |`;
  const header = [
    `  | service | calls / lc | ms / lc | mean ms |${planned ? ' mean planning ms |' : ''} rows / call | statement |`,
    `  | --- | --- | --- | --- |${planned ? ' --- |' : ''} --- | --- |`,
  ];
  say('  top by total time:');
  for (const l of header) say(l);
  for (const f of [...figures].sort((a, b) => b.totalMs + b.planMs - (a.totalMs + a.planMs)).slice(0, top)) say(row(f));
  say('  top by calls:');
  for (const l of header) say(l);
  for (const f of [...figures].sort((a, b) => b.calls - a.calls).slice(0, top)) say(row(f));
}
