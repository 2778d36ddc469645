import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { OrgUnitCopy1764000000010 } from '@bangbang/platform';
import { dataSourceOptions, runMigrationsLocked } from '@bangbang/persistence';
import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource } from 'typeorm';
import { seedHistory } from '../../test/history';
import { Rating1764000000500 } from '../migrations/1764000000500-rating';
import { FactProjector } from './fact-projector';
import { PendingFigures } from './pending-figures';
import { DEFAULT_WEIGHTS } from './rates';
import { recomputeFigures } from './recompute';

// Some 40,000 facts through the projector: minutes on a loaded two-core machine.
jest.setTimeout(600_000);

describe('incremental figures against a full recompute, on a seeded history of 10,000 jobs', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const history = seedHistory(10_000);

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(
      dataSourceOptions({
        url: db.url,
        entities: [],
        migrations: [MessagingTables1764000000000, OrgUnitCopy1764000000010, Rating1764000000500],
      }),
    ).initialize();
    await runMigrationsLocked(ds);
    // The consumer's path: the same projector, in transactions, fact after fact as they arrive.
    const projector = new FactProjector(DEFAULT_WEIGHTS);
    for (let i = 0; i < history.facts.length; i += 500) {
      await ds.transaction(async (m) => {
        const pending = new PendingFigures();
        for (const { requestId, fact } of history.facts.slice(i, i + 500)) {
          await projector.apply(m, requestId, fact, pending);
        }
        await projector.writePending(m, pending);
      });
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('stores counters equal to those rebuilt from the stored facts', async () => {
    const result = await recomputeFigures(ds);
    expect(result).toMatchObject({ jobs: 10_000, equal: true, mismatches: [] });
    expect(result.rows).toBeGreaterThan(1_000);
  });

  it('agrees with what the generator itself counted, over months that the jobs straddle', async () => {
    const [all] = await ds.query(
      `SELECT sum(ratings)::int AS ratings, sum(response_due)::int AS due, sum(response_ok)::int AS ok, count(DISTINCT date_trunc('month', day))::int AS months
       FROM daily_figure WHERE dim = 'district' AND key = '/nanchang/'`,
    );
    expect(all).toEqual({
      ratings: history.expected.ratedJobs,
      due: history.expected.responsesDecided,
      ok: history.expected.responsesInTime,
      months: 4,
    });
    const [streets] = await ds.query(`SELECT sum(ratings)::int AS ratings FROM daily_figure WHERE dim = 'street'`);
    expect(streets.ratings).toBe(history.expected.ratedJobs);
  });

  it('finds a counter that drifted, and repairs it', async () => {
    await ds.query(
      `UPDATE daily_figure SET ratings = ratings + 1 WHERE (dim, key, day) IN (SELECT dim, key, day FROM daily_figure WHERE dim = 'community' LIMIT 1)`,
    );
    const drifted = await recomputeFigures(ds, true);
    expect(drifted).toMatchObject({ equal: false, repaired: true });
    expect(drifted.mismatches).toHaveLength(1);
    expect((await recomputeFigures(ds)).equal).toBe(true);
  });
});
