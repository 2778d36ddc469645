import 'reflect-metadata';
import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { DataSource } from 'typeorm';
import { InsufficientBalance, poolAccount, rewardsAccount, volunteerAccount } from '../services/volunteer/src/ledger/ledger';
import { LedgerService } from '../services/volunteer/src/ledger/ledger.service';
import { Volunteer1764000000400 } from '../services/volunteer/src/migrations/1764000000400-volunteer';
import { benchDatabase, summarise } from './bench-kit';

/**
 * The points ledger under its two kinds of contention: earnings for many volunteers of one
 * community (all lines touch that community's pool row) and spending from one volunteer's account
 * (every posting queues on that account's row lock). Postings per second and their latency,
 * through the same service code and database triggers as the volunteer service.
 */
const EARNINGS = Number(process.env.BENCH_EARNINGS ?? 3_000);
const SPENDS = Number(process.env.BENCH_SPENDS ?? 500);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES ?? 1);

async function main(): Promise<void> {
  const db = await benchDatabase();
  const ds = await new DataSource({
    type: 'postgres',
    url: db.url,
    migrations: [MessagingTables1764000000000, Volunteer1764000000400],
    extra: { max: WRITERS + 2 },
  }).initialize();
  await ds.runMigrations();
  const ledger = new LedgerService();
  const community = (i: number) => `/bench/street/c${i % COMMUNITIES}x/`;

  const run = async (label: string, count: number, post: (i: number) => Promise<unknown>) => {
    const latencies: number[] = [];
    let next = 0;
    let refused = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        while (next < count) {
          const i = next++;
          const t = performance.now();
          await post(i).catch((err) => {
            if (!(err instanceof InsufficientBalance)) throw err;
            refused++;
          });
          latencies.push(performance.now() - t);
        }
      }),
    );
    const ms = Date.now() - started;
    console.log(`${label}: ${count} postings by ${WRITERS} writers in ${ms} ms (${Math.round((count * 1000) / ms)}/s), ${refused} refused`);
    console.log(summarise(`${label} latency`, latencies));
  };

  try {
    await run(`earn (${COMMUNITIES} community pool(s), 200 volunteers)`, EARNINGS, (i) =>
      ds.transaction((m) =>
        ledger.post(m, {
          kind: 'job',
          reference: `job:${i}`,
          volunteerId: `v${i % 200}`,
          orgPath: community(i % 200),
          postedBy: 'bench',
          lines: [
            { account: volunteerAccount(`v${i % 200}`), amount: 10 },
            { account: poolAccount(community(i % 200)), amount: -10 },
          ],
        }),
      ),
    );
    // v0 holds EARNINGS/200*10 points; spending 3 at a time exhausts it part-way through.
    await run('spend (one volunteer account, overdraw refused)', SPENDS, (i) =>
      ds.transaction((m) =>
        ledger.post(m, {
          kind: 'redemption',
          reference: `redemption:${i}`,
          volunteerId: 'v0',
          orgPath: community(0),
          postedBy: 'bench',
          lines: [
            { account: volunteerAccount('v0'), amount: -3 },
            { account: rewardsAccount(community(0)), amount: 3 },
          ],
        }),
      ),
    );
    const check = await ledger.check(ds.manager);
    console.log(
      `check: ${check.entries} entries, sum of all lines ${check.sumOfAllLines}, ${check.unbalancedEntries.length} unbalanced, ${check.cacheMismatches.length} cache mismatches, ${check.negativeAccounts.length} negative`,
    );
  } finally {
    await ds.destroy();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
