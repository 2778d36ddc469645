import 'reflect-metadata';
import { CLAIM_BATCH, MessagingTables1764000000000 } from '@bangbang/messaging';
import { Client } from 'pg';
import { benchDatabase, percentile } from './bench-kit';

/**
 * The outbox relay's claim against a backlog: `BENCH_SENT` (40,000) sent rows and, in turn, each of
 * `BENCH_BACKLOGS` (0, 1,000, 5,000, 20,000) pending rows over `BENCH_KEYS` (3,000) aggregates, with
 * the statistics taken while only 3 rows were pending, as a live outbox's nearly always are. Prints
 * the median time of a claim of 500 (rolled back, so each repeat claims the same rows) with the plan
 * PostgreSQL makes for the values given (custom) and the one a service's prepared statement may
 * settle on after five runs (generic).
 */
const SENT = Number(process.env.BENCH_SENT ?? 40_000);
const BACKLOGS = (process.env.BENCH_BACKLOGS ?? '0,1000,5000,20000').split(',').map(Number);
const KEYS = Number(process.env.BENCH_KEYS ?? 3_000);
const REPEATS = 5;

const insert = (n: number, sent: boolean) =>
  `INSERT INTO outbox (id, topic, key, type, headers, payload, sent_at)
   SELECT gen_random_uuid(), 't' || (i % 4), 'k' || (i % ${KEYS}), 'x', '{}', '{}', ${sent ? 'now()' : 'NULL'}
   FROM generate_series(1, ${n}) i`;

async function claimMs(c: Client, mode: 'force_custom_plan' | 'force_generic_plan'): Promise<number> {
  await c.query(`SET plan_cache_mode = ${mode}`);
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await c.query('BEGIN');
    const t = performance.now();
    await c.query({ name: `claim-${mode}`, text: CLAIM_BATCH, values: [500] });
    samples.push(performance.now() - t);
    await c.query('ROLLBACK');
  }
  return percentile(
    samples.sort((a, b) => a - b),
    50,
  );
}

async function main(): Promise<void> {
  console.log('pending | custom plan, ms a claim | generic plan, ms a claim');
  console.log('--- | --- | ---');
  for (const pending of BACKLOGS) {
    const db = await benchDatabase();
    const c = new Client({ connectionString: db.url });
    await c.connect();
    try {
      await new MessagingTables1764000000000().up({ query: (sql: string) => c.query(sql) } as never);
      await c.query(insert(SENT, true));
      await c.query(insert(3, false));
      await c.query('ANALYZE outbox');
      await c.query(insert(pending, false));
      const custom = await claimMs(c, 'force_custom_plan');
      const generic = await claimMs(c, 'force_generic_plan');
      console.log(`${pending} | ${custom.toFixed(2)} | ${generic.toFixed(2)}`);
    } finally {
      await c.end();
      await db.drop();
    }
  }
}

void main();
