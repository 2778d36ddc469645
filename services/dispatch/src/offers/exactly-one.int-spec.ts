import { waitFor } from '@bangbang/testing';
import { DispatchHarness, profile, providerPrincipal, request } from '../../test/dispatch-harness';

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
      const answers = await Promise.all(
        offers.map((o) => h.as(providerPrincipal(o.provider_id), 'POST', `/offers/${o.offer_id}/accept`)),
      );
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
});
