import { waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { DispatchHarness, profile, request } from '../../test/dispatch-harness';

/**
 * Two requests reach dispatch in one batch (one partition, produced together). The first job's only
 * provider is free; the second's is held by another decision (the test holds its row). Waiting for
 * it inside the batch's transaction would keep the first provider locked all the while, and two
 * batches doing that to each other deadlock: the second job waits on its own instead.
 */
describe('a job whose only provider another decision holds', () => {
  let h: DispatchHarness;

  beforeAll(async () => {
    h = await DispatchHarness.start({ KAFKA_PARTITIONS: '1', DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '600000' });
    await h.instance();
    await h.providers(profile('glazier', { categories: ['glazing'] }), profile('held-locksmith', { categories: ['locks'] }));
  });

  afterAll(() => h?.stop());

  it('waits for that provider alone: the job before it in the batch is offered meanwhile, and it is offered once released', async () => {
    const [window, lock] = [request({ categoryCode: 'glazing' }), request({ categoryCode: 'locks' })];
    const holder = new Client({ connectionString: h.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'held-locksmith' FOR UPDATE`);
      await h.requests(window, lock);
      const [first] = await h.waitForOffers(window.requestId, (o) => o.length === 1, 'the window job offered while the locksmith is held');
      expect(first).toMatchObject({ provider_id: 'glazier', status: 'open' });
      await waitFor(
        async () =>
          (
            await h.rows<{ n: number }>(
              'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0',
            )
          )[0].n === 1,
        { what: 'the lock job waiting for the held locksmith' },
      );
      expect(await h.offers(lock.requestId)).toEqual([]);
      await holder.query('ROLLBACK');
    } finally {
      await holder.end();
    }
    const [second] = await h.waitForOffers(lock.requestId, (o) => o.length === 1, 'the lock job offered once the locksmith is free');
    expect(second).toMatchObject({ provider_id: 'held-locksmith', status: 'open', level: 'community' });
  });
});
