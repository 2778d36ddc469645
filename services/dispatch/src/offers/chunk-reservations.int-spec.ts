import { CloudEvent, RequestCreated } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { DispatchHarness, profile, request } from '../../test/dispatch-harness';

/**
 * Requests consumed together in one chunk offer their jobs without holding the providers while the
 * chunk is applied, and confirm them holding all of them just before the commit. One partition, and
 * both requests produced in one send, so that they arrive in one fetch and are applied as one chunk.
 */
describe('offers made in a consumer chunk', () => {
  let h: DispatchHarness;

  beforeAll(async () => {
    h = await DispatchHarness.start({ KAFKA_PARTITIONS: '1', DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '600000' });
    await h.instance();
    await h.providers(
      profile('solo', { categories: ['glazing'], maxConcurrentJobs: 1 }),
      profile('spare', { categories: ['glazing'], maxConcurrentJobs: 5 }),
    );
  });

  afterAll(() => h?.stop());

  it('are confirmed at commit, and a chunk whose provider filled up meanwhile is applied again elsewhere', async () => {
    const jobs = [
      request({ categoryCode: 'glazing', chosenProviderId: 'solo' }),
      request({ categoryCode: 'glazing', chosenProviderId: 'solo' }),
    ];
    let events: CloudEvent[] | undefined;
    const holder = new Client({ connectionString: h.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'solo' FOR UPDATE`);
      events = await h.produce(
        RequestCreated,
        jobs.map((r) => ({ subject: r.requestId, data: r })),
      );
      // The chunk offered the first job to solo and the second to spare without waiting for solo's
      // row: it waits only at the confirmation, for both providers at once.
      const waiting = await waitFor(
        async () =>
          (
            await h.rows<{ query: string }>(
              'SELECT query FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0',
            )
          )[0],
        { what: "the chunk's confirmation waiting for solo" },
      );
      expect(waiting.query).toBe('SELECT 1 FROM dispatch_provider WHERE provider_id = ANY($1) ORDER BY provider_id FOR UPDATE');
      // Meanwhile solo's last slot goes: it takes no more jobs.
      await holder.query(`UPDATE dispatch_provider SET max_concurrent_jobs = 0 WHERE provider_id = 'solo'`);
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }

    const offers = await Promise.all(jobs.map((j, i) => h.waitForOffers(j.requestId, (o) => o.length > 0, `job ${i + 1} offered`)));
    expect(offers.map((o) => o.map((x) => [x.provider_id, x.status]))).toEqual([[['spare', 'open']], [['spare', 'open']]]);
    expect(await h.rows(`SELECT 1 FROM dispatch_offer WHERE provider_id = 'solo'`)).toEqual([]);
    const [inbox] = await h.rows<{ transactions: number }>(
      'SELECT count(DISTINCT xmin::text)::int AS transactions FROM inbox WHERE event_id = ANY($1)',
      [events!.map((e) => e.id)],
    );
    expect(inbox.transactions).toBe(1);
    const [ranking] = (await h.job(jobs[0].requestId))!.rankings as Array<{ excluded: Array<{ providerId: string; rule: string }> }>;
    expect(ranking.excluded).toEqual([expect.objectContaining({ providerId: 'solo', rule: 'capacity' })]);
  });
});
