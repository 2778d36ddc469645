import { waitFor } from '@bangbang/testing';
import { DispatchHarness, profile, request } from '../../test/dispatch-harness';

interface OfferRow {
  request_id: string;
  provider_id: string;
  offered_by: string;
  offered_at: Date;
  resolved_at: Date | null;
}

describe('two dispatch instances', () => {
  let h: DispatchHarness;
  const volunteers = ['v1', 'v2', 'v3', 'v4', 'v5'];

  beforeAll(async () => {
    h = await DispatchHarness.start({ DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS: '150', DISPATCH_CLOCK_SCAN_MS: '50' });
    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-a' });
    await h.instance({ DISPATCH_INSTANCE_ID: 'instance-b' });
    await h.providers(...volunteers.map((id) => profile(id, { providerKind: 'volunteer', maxConcurrentJobs: 100 })));
  });

  afterAll(() => h?.stop());

  it('share the offers and timeouts of 30 jobs, never offering one job twice at once', async () => {
    const jobs = Array.from({ length: 30 }, () => request());
    await h.requests(...jobs);
    // Nobody answers: each job runs through all five volunteers, one timeout after another, to the queue.
    await waitFor(async () => (await h.rows(`SELECT 1 FROM dispatch_job WHERE state = 'manual'`)).length === jobs.length, {
      what: 'every job through its timeouts to the manual queue',
      timeoutMs: 60_000,
    });

    const offers = await h.rows<OfferRow>('SELECT * FROM dispatch_offer ORDER BY request_id, offered_at, provider_id');
    expect(offers).toHaveLength(jobs.length * volunteers.length);
    for (const job of jobs) {
      const mine = offers.filter((o) => o.request_id === job.requestId);
      expect(mine.map((o) => o.provider_id).sort()).toEqual(volunteers);
      for (let i = 1; i < mine.length; i++) {
        expect(mine[i - 1].resolved_at!.getTime()).toBeLessThanOrEqual(mine[i].offered_at.getTime());
      }
    }
    const byInstance = new Map<string, number>();
    for (const o of offers) byInstance.set(o.offered_by, (byInstance.get(o.offered_by) ?? 0) + 1);
    expect([...byInstance.keys()].sort()).toEqual(['instance-a', 'instance-b']);
    expect(Math.min(...byInstance.values())).toBeGreaterThan(offers.length / 10);

    const [{ expired, events }] = await h.rows<{ expired: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM dispatch_offer WHERE status = 'expired') AS expired,
              (SELECT count(*)::int FROM outbox WHERE type = 'bangbang.dispatch.expired.v1') AS events`,
    );
    expect(events).toBe(expired);
    expect(expired).toBe(offers.length);
  });
});
