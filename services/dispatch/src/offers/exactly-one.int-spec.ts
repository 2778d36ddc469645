import { waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { DispatchHarness, profile, providerPrincipal, request, staff } from '../../test/dispatch-harness';

describe('exactly one assignment', () => {
  let h: DispatchHarness;
  const providers = ['rival-a', 'rival-b', 'rival-c'];

  beforeAll(async () => {
    h = await DispatchHarness.start();
    await h.instance();
    await h.providers(...providers.map((id) => profile(id, { maxConcurrentJobs: 1_000 })));
  });

  afterAll(() => h?.stop());

  it('lets exactly one of 3 providers win an emergency they all accept at once, 100 times over', async () => {
    const jobs = Array.from({ length: 100 }, () => request({ urgency: 'emergency' }));
    await h.requests(...jobs);
    await waitFor(
      async () => (await h.rows<{ n: number }>(`SELECT count(*)::int AS n FROM dispatch_offer WHERE status = 'open'`))[0].n === 300,
      { what: '3 open offers on each of the 100 emergencies', timeoutMs: 60_000 },
    );

    const winners: string[] = [];
    for (const [i, job] of jobs.entries()) {
      const listed = await h.offers(job.requestId);
      expect(listed.map((o) => o.provider_id).sort()).toEqual(providers);
      // Rotated so that no rival is always the first to send.
      const offers = [...listed.slice(i % 3), ...listed.slice(0, i % 3)];
      const answers = await Promise.all(offers.map((o) => h.as(providerPrincipal(o.provider_id), 'POST', `/offers/${o.offer_id}/accept`)));
      const won = answers.flatMap((a, i) => (a.statusCode === 200 ? [offers[i].provider_id] : []));
      expect(won).toHaveLength(1);
      for (const lost of answers.filter((a) => a.statusCode !== 200)) {
        expect(lost.statusCode).toBe(409);
        expect(lost.json().message).toBe('the offer was withdrawn: the job was taken by another provider');
      }
      winners.push(won[0]);
    }

    const perJob = await h.rows<{ accepted: number; assigned: string | null; state: string }>(
      `SELECT j.state, j.provider_id AS assigned,
         (SELECT count(*)::int FROM dispatch_offer o WHERE o.request_id = j.request_id AND o.status = 'accepted') AS accepted
       FROM dispatch_job j ORDER BY j.request_id`,
    );
    expect(perJob).toHaveLength(100);
    expect(perJob.every((j) => j.accepted === 1 && j.state === 'assigned' && j.assigned)).toBe(true);
    const [{ n }] = await h.rows<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE type = 'bangbang.dispatch.assigned.v1'`);
    expect(n).toBe(100);
    expect(new Set(winners).size).toBeGreaterThan(1);
  });

  it('gives a provider with room for one job only one, when it accepts an offer while staff assign it another', async () => {
    await h.providers(profile('solo', { categories: ['locksmith'], maxConcurrentJobs: 1 }));
    const offered = request({ categoryCode: 'locksmith' });
    const manual = request({ categoryCode: 'locksmith' });
    await h.requests(offered);
    const [offer] = await h.waitForOffers(offered.requestId, (o) => o.length === 1, "solo's offer of the first job");
    // The open offer holds solo's one slot, so the second job finds nobody and waits for staff.
    await h.requests(manual);
    await waitFor(async () => (await h.job(manual.requestId))?.state === 'manual', { what: 'the second job in the manual queue' });
    expect(await h.offers(manual.requestId)).toEqual([]);

    // Holding the offer's row stops the accept at its first write, after its capacity check and
    // before its commit: the worst moment for an assignment by hand to check the same capacity.
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
      await holder.query('SELECT 1 FROM dispatch_offer WHERE offer_id = $1 FOR UPDATE', [offer.offer_id]);
      const accepting = h.as(providerPrincipal('solo'), 'POST', `/offers/${offer.offer_id}/accept`);
      await waitFor(async () => (await blocked()) === 1, { what: 'the accept waiting on the offer row' });
      let settled = false;
      const assigning = h
        .as(staff(), 'POST', `/jobs/${manual.requestId}/assign`, { providerId: 'solo', reason: 'the resident asked for them' })
        .finally(() => (settled = true));
      // Either the assignment waits for the accept's provider lock, or (without it) it has finished.
      await waitFor(async () => settled || (await blocked()) === 2, { what: 'the assignment waiting on the accept' });
      await holder.query('ROLLBACK');
      const [accepted, assigned] = await Promise.all([accepting, assigning]);

      expect([accepted.statusCode, assigned.statusCode]).toEqual([200, 422]);
      expect(assigned.json()).toMatchObject({ rule: 'capacity' });
    } finally {
      await holder.end();
    }
    const held = await h.rows<{ request_id: string }>(`SELECT request_id FROM dispatch_job WHERE provider_id = 'solo'`);
    expect(held.map((j) => j.request_id)).toEqual([offered.requestId]);
  });
});
