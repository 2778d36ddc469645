import { DataSource, EntityManager } from 'typeorm';
import { contribution, COUNTERS, Entry, entryKey, sumEntries } from './contribution';
import { addToFigures, allFigures } from './daily-figures';
import type { JobFact } from './job-fact';

export interface RecomputeResult {
  jobs: number;
  rows: number;
  equal: boolean;
  mismatches: Array<{ row: string; stored: Partial<Entry['counters']> | null; recomputed: Partial<Entry['counters']> | null }>;
  repaired: boolean;
}

const BATCH = 2_000;

/**
 * Rebuilds every daily counter from the stored job facts and compares with the incrementally
 * maintained ones, under a lock that holds writers off so both sides are of one moment. With
 * `repair`, replaces the stored counters by the recomputed ones when they differ.
 */
export function recomputeFigures(
  ds: DataSource,
  repair = false,
  record?: (m: EntityManager, result: RecomputeResult) => Promise<void>,
): Promise<RecomputeResult> {
  return ds.transaction('REPEATABLE READ', async (m) => {
    await m.query(`LOCK TABLE daily_figure IN ${repair ? 'SHARE ROW EXCLUSIVE' : 'SHARE'} MODE`);
    const expected = new Map<string, Entry>();
    let jobs = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const rows: Array<{ request_id: string; fact: JobFact }> = await m.query(
        'SELECT request_id, fact FROM job_fact WHERE request_id > $1 ORDER BY request_id LIMIT $2',
        [after, BATCH],
      );
      for (const r of rows) sumEntries(contribution(r.fact), 1, expected);
      jobs += rows.length;
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].request_id;
    }
    const stored = new Map((await allFigures(m)).map((e) => [entryKey(e), e]));
    const mismatches: RecomputeResult['mismatches'] = [];
    for (const k of new Set([...expected.keys(), ...stored.keys()])) {
      const a = stored.get(k);
      const b = expected.get(k);
      if (a && b && COUNTERS.every((c) => a.counters[c] === b.counters[c])) continue;
      mismatches.push({ row: k, stored: a?.counters ?? null, recomputed: b?.counters ?? null });
    }
    if (repair && mismatches.length) {
      await m.query('DELETE FROM daily_figure');
      await addToFigures(m, [...expected.values()]);
    }
    const result = {
      jobs,
      rows: expected.size,
      equal: mismatches.length === 0,
      mismatches: mismatches.slice(0, 20),
      repaired: repair && mismatches.length > 0,
    };
    await record?.(m, result);
    return result;
  });
}
