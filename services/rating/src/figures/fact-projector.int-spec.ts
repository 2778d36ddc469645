import { ProviderQuality } from '@bangbang/contracts';
import { DataSource, QueryRunner } from 'typeorm';
import { figuresDatabase } from '../../test/figures-database';
import { FactProjector } from './fact-projector';
import { Fact } from './job-fact';
import { PendingFigures } from './pending-figures';
import { DEFAULT_WEIGHTS } from './rates';
import { markQualityDue, publishDueQuality } from './provider-quality';
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

const DELAY_MS = 5_000;
const projector = new FactProjector(DELAY_MS);
let ds: DataSource;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ ds, close } = await figuresDatabase());
});

afterAll(async () => {
  await close?.();
});

/** Applies facts to jobs as the consumer does: each in a transaction of its own. */
const applyEach = async (facts: Array<[string, Fact]>) => {
  for (const [job, fact] of facts)
    await ds.transaction(async (m) => {
      const pending = new PendingFigures();
      await projector.apply(m, job, fact, pending);
      await projector.writePending(m, pending);
    });
};
const jobId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const quality = (provider: string) =>
  ds.query('SELECT version, figures, due_at IS NOT NULL AS due FROM provider_quality WHERE provider_id = $1', [provider]).then((r) => r[0]);
const published = (provider: string) =>
  ds.query(`SELECT payload::jsonb AS data FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq`, [ProviderQuality.type, provider]);
const publishDue = (at: Date) => ds.transaction((m) => publishDueQuality(m, DEFAULT_WEIGHTS, 10, at));

/**
 * Two consumer chunks of different partitions, each moving the same providers in the opposite
 * order and the same unit rows: applied as the consumer does, interleaved, both must commit
 * (PostgreSQL aborts one side of a deadlock) and the counters add up.
 */
describe('two chunks touching the same providers in opposite orders', () => {
  it('both commit, and the figures equal a recompute', async () => {
    const [a, b, c, d] = [1, 2, 3, 4].map(jobId);
    await applyEach([a, b, c, d].map((job) => [job, created]));
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
    // Each provider's quality is due, to be published once for both of its jobs.
    expect([await quality('p-1'), await quality('p-2')]).toEqual([
      { version: 0, figures: null, due: true },
      { version: 0, figures: null, due: true },
    ]);
    expect(await publishDue(new Date(Date.now() + DELAY_MS))).toBe(2);
    expect((await published('p-1')).map((r: { data: { responseJobs: number } }) => r.data.responseJobs)).toEqual([2]);
    expect((await published('p-2')).map((r: { data: { responseJobs: number } }) => r.data.responseJobs)).toEqual([2]);
  });
});

/** `provider-quality.v1` goes out once a provider's changes have waited PROVIDER_QUALITY_DELAY_MS, with the figures they end with. */
describe("a provider's quality", () => {
  it('is published once for the changes of its delay, then again for later ones, and not for no change', async () => {
    const [a, b, c, d] = [11, 12, 13, 14].map(jobId);
    const before = Date.now();
    await applyEach(
      [a, b, c].flatMap((job): Array<[string, Fact]> => [
        [job, created],
        [job, assigned('p-3')],
      ]),
    );
    expect(await publishDue(new Date(before + DELAY_MS - 1_000))).toBe(0);
    expect(await quality('p-3')).toMatchObject({ version: 0, due: true });
    const firstDue = Date.now() + DELAY_MS;
    expect(await publishDue(new Date(firstDue + 1_000))).toBe(1);
    expect(await published('p-3')).toEqual([{ data: expect.objectContaining({ version: 1, responseJobs: 3, responseRate: 1 }) }]);
    expect(await quality('p-3')).toMatchObject({ version: 1, due: false });
    expect(await publishDue(new Date(firstDue + 60_000))).toBe(0);

    await applyEach([
      [d, created],
      [d, assigned('p-3')],
    ]);
    expect(await publishDue(new Date(Date.now() + DELAY_MS + 1_000))).toBe(1);
    expect(
      (await published('p-3')).map((r: { data: { version: number; responseJobs: number } }) => [r.data.version, r.data.responseJobs]),
    ).toEqual([
      [1, 3],
      [2, 4],
    ]);

    // Marked due with nothing changed since: taken, and nothing published.
    await ds.transaction((m) => markQualityDue(m, [['p-3', 'merchant']], 0));
    expect(await publishDue(new Date(Date.now() + 1_000))).toBe(1);
    expect(await quality('p-3')).toMatchObject({ version: 2, due: false });
    expect(await published('p-3')).toHaveLength(2);
  });
});
