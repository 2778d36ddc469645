import { databaseUrlFor, serverUrl, serverUser } from '@bangbang/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarise(label: string, samplesMs: number[]): string {
  const s = [...samplesMs].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  return `${label}: n=${s.length} p50=${f(percentile(s, 50))} ms p90=${f(percentile(s, 90))} ms p99=${f(percentile(s, 99))} ms max=${f(s[s.length - 1])} ms`;
}

/** A throwaway database on the local server, dropped when the bench ends. */
export async function benchDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `bangbang_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: serverUrl() });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  return {
    name,
    url: databaseUrlFor('bench', { DATABASE_URL: serverUrl(), DATABASE_NAME: name, DATABASE_USER: serverUser() }),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
