import { planEachRun } from '@bangbang/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { FailureChanges, Failures, FailureStore } from './lockout';

interface Row {
  key: string;
  count: number;
  first_at: Date;
  last_at: Date;
}

const SELECT_FAILURES = planEachRun('SELECT key, count, first_at, last_at FROM login_failure WHERE key = ANY($1)');
const FORGET_FAILURES = planEachRun('DELETE FROM login_failure WHERE key = ANY($1)');

/** Sign-in failures in the gateway's database (table login_failure), shared by every instance. */
export class DatabaseFailureStore implements FailureStore {
  constructor(private readonly ds: DataSource) {}

  async read(keys: string[]): Promise<Map<string, Failures>> {
    return toMap(await this.ds.query<Row[]>(SELECT_FAILURES, [keys]));
  }

  update<T>(lock: string, keys: string[], decide: (current: Map<string, Failures>) => [T, FailureChanges]): Promise<T> {
    return this.ds.transaction(async (m) => {
      // Rows that do not exist yet cannot be locked: the username is, for the transaction.
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`bangbang:login:${lock}`]);
      const current = toMap(await m.query<Row[]>(SELECT_FAILURES, [keys]));
      const [result, changes] = decide(current);
      await write(m, changes);
      return result;
    });
  }

  /** Forgets failures whose window opened longer ago than `windowMs`; returns how many. */
  async forget(windowMs: number, batch: number): Promise<number> {
    const [, deleted] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM login_failure WHERE key IN (
         SELECT key FROM login_failure WHERE first_at < now() - make_interval(secs => $1::float8 / 1000) LIMIT $2)`,
      [windowMs, batch],
    );
    return deleted;
  }
}

async function write(m: EntityManager, changes: FailureChanges): Promise<void> {
  const gone = [...changes].filter(([, f]) => f === null).map(([k]) => k);
  const kept = [...changes].filter((e): e is [string, Failures] => e[1] !== null);
  if (gone.length) await m.query(FORGET_FAILURES, [gone]);
  if (kept.length)
    await m.query(
      `INSERT INTO login_failure (key, count, first_at, last_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[])
       ON CONFLICT (key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at, last_at = excluded.last_at`,
      [
        kept.map(([k]) => k),
        kept.map(([, f]) => f.count),
        kept.map(([, f]) => new Date(f.firstAt)),
        kept.map(([, f]) => new Date(f.lastAt)),
      ],
    );
}

function toMap(rows: Row[]): Map<string, Failures> {
  return new Map(
    rows.map((r) => [r.key, { count: r.count, firstAt: new Date(r.first_at).getTime(), lastAt: new Date(r.last_at).getTime() }]),
  );
}
