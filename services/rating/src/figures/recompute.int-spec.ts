import { DataSource } from 'typeorm';
import { figuresDatabase } from '../../test/figures-database';
import { seedHistory } from '../../test/history';
import { FactProjector } from './fact-projector';
import { PendingFigures } from './pending-figures';
import { recomputeFigures } from './recompute';

// Some 40,000 facts through the projector: minutes on a loaded two-core machine.
jest.setTimeout(600_000);

describe('incremental figures against a full recompute, on a seeded history of 10,000 jobs', () => {
  let ds: DataSource;
  let close: (() => Promise<void>) | undefined;
  const history = seedHistory(10_000);

  beforeAll(async () => {
    ({ ds, close } = await figuresDatabase());
    // The consumer's path: the same projector, in transactions, fact after fact as they arrive.
    const projector = new FactProjector(0);
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
    await close?.();
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
