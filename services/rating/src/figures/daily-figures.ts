import { EntityManager } from 'typeorm';
import { COUNTERS, Counter, Counters, Dimension, Entry, zeroCounters } from './contribution';

const snake = (c: Counter): string => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`);
export const COLUMNS = COUNTERS.map(snake);

const byRow = (a: Entry, b: Entry): number =>
  a.dim < b.dim ? -1 : a.dim > b.dim ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0;

/**
 * The statement adding deltas to the stored counters, its parameters numbered from `$first`. It
 * writes (and locks) the rows in one order, by dimension, key and day, so that two transactions
 * adding to the same rows wait for each other instead of deadlocking.
 */
export function figuresUpsert(unordered: Entry[]): { sql: string; params: unknown[] } {
  const entries = [...unordered].sort(byRow);
  const n = (i: number) => `$${1 + i}`;
  const casts = COLUMNS.map((_, i) => `${n(i + 3)}::int[]`).join(', ');
  return {
    sql: `INSERT INTO daily_figure (dim, key, day, ${COLUMNS.join(', ')})
     SELECT * FROM unnest(${n(0)}::text[], ${n(1)}::text[], ${n(2)}::date[], ${casts})
     ON CONFLICT (dim, key, day) DO UPDATE SET ${COLUMNS.map((c) => `${c} = daily_figure.${c} + EXCLUDED.${c}`).join(', ')}`,
    params: [
      entries.map((e) => e.dim),
      entries.map((e) => e.key),
      entries.map((e) => e.day),
      ...COUNTERS.map((c) => entries.map((e) => e.counters[c])),
    ],
  };
}

export async function addToFigures(m: EntityManager, entries: Entry[]): Promise<void> {
  if (!entries.length) return;
  const { sql, params } = figuresUpsert(entries);
  await m.query(sql, params);
}

type Row = Record<string, string | number>;

export function countersOf(row: Row): Counters {
  const c = zeroCounters();
  COUNTERS.forEach((name, i) => (c[name] = Number(row[COLUMNS[i]] ?? 0)));
  return c;
}

const sums = COLUMNS.map((c) => `COALESCE(sum(${c}), 0)::int AS ${c}`).join(', ');

/** Counters per key of one dimension over `[from, until)` days, keys under `prefix` when given. */
export async function sumByKey(
  m: EntityManager,
  dim: Dimension,
  from: string,
  until: string | null,
  options: { prefix?: string; key?: string } = {},
): Promise<Map<string, Counters>> {
  const params: unknown[] = [dim, from];
  let where = 'dim = $1 AND day >= $2';
  if (until) where += ` AND day < $${params.push(until)}`;
  if (options.prefix) where += ` AND key LIKE $${params.push(`${options.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
  if (options.key) where += ` AND key = $${params.push(options.key)}`;
  const rows: Row[] = await m.query(`SELECT key, ${sums} FROM daily_figure WHERE ${where} GROUP BY key`, params);
  return new Map(rows.map((r) => [String(r.key), countersOf(r)]));
}

/** Every stored non-zero row, for comparing with a recompute. */
export async function allFigures(m: EntityManager): Promise<Entry[]> {
  const rows: Row[] = await m.query(
    `SELECT dim, key, to_char(day, 'YYYY-MM-DD') AS day, ${COLUMNS.join(', ')} FROM daily_figure
     WHERE ${COLUMNS.map((c) => `${c} <> 0`).join(' OR ')}`,
  );
  return rows.map((r) => ({ dim: r.dim as Dimension, key: String(r.key), day: String(r.day), counters: countersOf(r) }));
}
