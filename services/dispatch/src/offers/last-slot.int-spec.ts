import { waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { COMMUNITY, DispatchHarness, NEIGHBOUR, profile, providerPrincipal, request, staff } from '../../test/dispatch-harness';

/**
 * Two dispatch instances on one database decide at the same moment to offer a job to the same
 * provider, who has one slot left and is the only candidate left in each job's community. The test
 * holds the provider's row, so both decisions are made and wait at its lock together; released,
 * exactly one may use the slot.
 */
describe('the last slot, with two dispatch instances', () => {
  let h: DispatchHarness;

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_MERCHANT_MS: '600000' });
    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-a' });
    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-b' });
    await h.providers(
      // Covers the whole street, with room for one job.
      profile('last-slot', { categories: ['locksmith'], maxConcurrentJobs: 1, coverage: ['/nanchang/jinxing/'] }),
      profile('first-1', { categories: ['locksmith'], coverage: [COMMUNITY] }),
      profile('first-2', { categories: ['locksmith'], coverage: [NEIGHBOUR] }),
    );
  });

  afterAll(() => h?.stop());

  it('gives the slot to one job, and the other goes on to the next provider it can find', async () => {
    // One job in each community, first offered to the provider the resident chose; once they decline,
    // last-slot is all that is left in either community.
    const jobs = [
      request({ categoryCode: 'locksmith', chosenProviderId: 'first-1' }),
      request({ categoryCode: 'locksmith', chosenProviderId: 'first-2', communityId: 'huaigu', orgPath: NEIGHBOUR }),
    ];
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
      await holder.query(`SELECT 1 FROM dispatch_provider WHERE provider_id = 'last-slot' FOR UPDATE`);
      // Both declines are answered by different instances, and each goes on to offer its job.
      const declines = first.map((o, i) =>
        h.as(providerPrincipal(o.provider_id), 'POST', `/offers/${o.offer_id}/decline`, {}, {}, h.apps[i]),
      );
      await waitFor(async () => (await blocked()) === 2, { what: 'both instances waiting for the provider with the last slot' });
      await holder.query('ROLLBACK');
      expect((await Promise.all(declines)).map((r) => r.statusCode)).toEqual([200, 200]);
    } finally {
      await holder.end();
    }

    const open = await Promise.all(jobs.map(async (j) => (await h.offers(j.requestId)).filter((o) => o.status === 'open')));
    expect(open.map((o) => o.length)).toEqual([1, 1]);
    const winner = open.findIndex(([o]) => o.provider_id === 'last-slot');
    expect(winner).toBeGreaterThanOrEqual(0);
    expect(open[winner][0]).toMatchObject({ level: 'community', offered_by: ['instance-a', 'instance-b'][winner] });
    // The other job widened to the street, where the other community's provider is next.
    expect(open[1 - winner][0]).toMatchObject({
      provider_id: `first-${winner + 1}`,
      level: 'street',
      offered_by: ['instance-a', 'instance-b'][1 - winner],
    });
    // It says why it did not get the slot in the ranking staff see.
    const staffView = await h.as(staff(), 'GET', `/jobs/${jobs[1 - winner].requestId}/candidates`);
    const [community] = staffView.json() as Array<{ level: string; excluded: Array<{ providerId: string; rule: string; reason: string }> }>;
    expect(community.level).toBe('community');
    expect(community.excluded).toContainEqual({
      providerId: 'last-slot',
      rule: 'capacity',
      reason: 'is at capacity (0 jobs in hand + 1 open offer of 1)',
    });
  });
});
