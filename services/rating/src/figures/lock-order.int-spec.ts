import { MessagingTables1764000000000 } from '@bangbang/messaging';
import { OrgUnitCopy1764000000010 } from '@bangbang/platform';
import { dataSourceOptions, runMigrationsLocked } from '@bangbang/persistence';
import { createTestDatabase, TestDatabase } from '@bangbang/testing';
import { DataSource, QueryRunner } from 'typeorm';
import { Rating1764000000500 } from '../migrations/1764000000500-rating';
import { FactProjector } from './fact-projector';
import { Fact } from './job-fact';
import { PendingFigures } from './pending-figures';
import { DEFAULT_WEIGHTS } from './rates';
import { recomputeFigures } from './recompute';

const placed = { orgPath: '/nanchang/jinxing/jincheng/', categoryCode: 'plumbing' };
const created: Fact = {
  type: 'created',
  kind: 'home_service',
  responseDueAt: '2026-11-10T04:00:00Z',
  resolutionDueAt: '2026-11-11T00:00:00Z',
  ...placed,
};
const assigned = (providerId: string): Fact => ({
  type: 'assigned',
  at: '2026-11-10T03:00:00Z',
  providerId,
  providerKind: 'merchant',
  ...placed,
});

/**
 * Two consumer chunks of different partitions, each moving the same providers in the opposite
 * order and the same unit rows: applied as the consumer does, interleaved, both must commit
 * (PostgreSQL aborts one side of a deadlock) and the counters add up.
 */
describe('two chunks touching the same providers in opposite orders', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const projector = new FactProjector(DEFAULT_WEIGHTS);

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
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('both commit, and the figures equal a recompute', async () => {
    const [a, b, c, d] = [1, 2, 3, 4].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
    for (const job of [a, b, c, d])
      await ds.transaction(async (m) => {
        const pending = new PendingFigures();
        await projector.apply(m, job, created, pending);
        await projector.writePending(m, pending);
      });
    const chunks: Array<{ runner: QueryRunner; pending: PendingFigures }> = [];
    for (let i = 0; i < 2; i++) {
      const runner = ds.createQueryRunner();
      await runner.startTransaction();
      chunks.push({ runner, pending: new PendingFigures() });
    }
    const apply = async (i: number, job: string, provider: string) => {
      await projector.apply(chunks[i].runner.manager, job, assigned(provider), chunks[i].pending);
    };
    try {
      await apply(0, a, 'p-1');
      await apply(1, b, 'p-2');
      await apply(0, c, 'p-2');
      await apply(1, d, 'p-1');
      await Promise.all(
        chunks.map(async ({ runner, pending }) => {
          await projector.writePending(runner.manager, pending);
          await runner.commitTransaction();
        }),
      );
    } finally {
      for (const { runner } of chunks) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }

    expect(await recomputeFigures(ds)).toMatchObject({ equal: true, mismatches: [] });
    const [district] = await ds.query(`SELECT response_due, response_ok FROM daily_figure WHERE dim = 'district'`);
    expect(district).toEqual({ response_due: 4, response_ok: 4 });
    // Each provider's quality refreshed after each of its two jobs, as if applied one event at a time.
    const quality = await ds.query(`SELECT provider_id, version FROM provider_quality ORDER BY provider_id`);
    expect(quality).toEqual([
      { provider_id: 'p-1', version: 2 },
      { provider_id: 'p-2', version: 2 },
    ]);
  });
});
