import { waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { DispatchHarness, profile, providerPrincipal, request } from '../../test/dispatch-harness';

/**
 * Two dispatch instances on one database decide at the same moment to offer a job to the same
 * provider, who has one slot left. The test holds the provider's row, so both decisions are made
 * and wait at its lock together; released, exactly one may use the slot.
 */
describe('the last slot, with two dispatch instances', () => {
  let h: DispatchHarness;

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '600000' });
    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-a' });
    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-b' });
    await h.providers(
      // Ranked first by id among equals, with room for one job.
      profile('a-last-slot', { categories: ['locksmith'], maxConcurrentJobs: 1 }),
      profile('first-1', { categories: ['locksmith'] }),
      profile('first-2', { categories: ['locksmith'] }),
      profile('z-backup', { categories: ['locksmith'] }),
    );
  });

  afterAll(() => h?.stop());

  it('gives the slot to one job and the other goes straight to the next provider', async () => {
    // Each job is first offered to the provider the resident chose.
    const jobs = [request({ categoryCode: 'locksmith', chosenProviderId: 'first-1' }), request({ categoryCode: 'locksmith', chosenProviderId: 'first-2' })];
    await h.requests(...jobs);
    const first = await Promise.all(
      jobs.map(async (j, i) => (await h.waitForOffers(j.requestId, (o) => o.length === 1, `job ${i + 1} offered to first-${i + 1}`))[0]),
    );
    expect(first.map((o) => o.provider_id)).toEqual(['first-1', 'first-2']);

    const holder = new Client({ connectionString: h.db.url });
    await holder.connect();
    const blocked = async () =>
      (
        await h.rows<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0',
        )
      )[0].n;
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'a-last-slot' FOR UPDATE`);
      // Both declines are answered by different instances, and each goes on to offer its job.
      const declines = first.map((o, i) => h.as(providerPrincipal(o.provider_id), 'POST', `/offers/${o.offer_id}/decline`, {}, {}, h.apps[i]));
      await waitFor(async () => (await blocked()) === 2, { what: 'both instances waiting for the provider with the last slot' });
      await holder.query('ROLLBACK');
      expect((await Promise.all(declines)).map((r) => r.statusCode)).toEqual([200, 200]);
    } finally {
      await holder.end();
    }

    const next = await Promise.all(jobs.map(async (j) => (await h.offers(j.requestId)).filter((o) => o.status === 'open')));
    expect(next.map((open) => open.length)).toEqual([1, 1]);
    expect(next.map(([o]) => o.offered_by)).toEqual(['instance-a', 'instance-b']);
    expect(next.map(([o]) => o.provider_id).sort()).toEqual(['a-last-slot', 'z-backup']);
    // The job that lost the slot says why in the ranking staff see.
    const loser = jobs[next.findIndex(([o]) => o.provider_id === 'z-backup')];
    const candidates = await h.as({ id: 'staff-agent', kind: 'staff', role: 'agent', org: 'nanchang', orgPath: '/nanchang/' }, 'GET', `/jobs/${loser.requestId}/candidates`);
    const [ranking] = candidates.json() as Array<{ excluded: Array<{ providerId: string; rule: string; reason: string }> }>;
    expect(ranking.excluded).toContainEqual({ providerId: 'a-last-slot', rule: 'capacity', reason: 'is at capacity (0 jobs in hand + 1 open offer of 1)' });
  });
});
