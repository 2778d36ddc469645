import {
  JobOffered,
  JobOfferedV1,
  OfferWithdrawn,
  PointsPosted,
  RatingSubmitted,
  RatingSubmittedV1,
  RequestSignedOff,
  RequestSignedOffV1,
} from '@bangbang/contracts';
import { groupLag, waitFor, watchTransactions } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { admin, JINCHENG, VolunteerHarness } from '../../test/volunteer-harness';
import { PointsConfigService } from './points-config.service';

const signedOff = (over: Partial<RequestSignedOffV1> = {}): RequestSignedOffV1 => ({
  requestId: randomUUID(),
  orgPath: JINCHENG,
  categoryCode: 'water-electric-repair',
  at: new Date().toISOString(),
  providerId: 'v-job',
  providerKind: 'volunteer',
  via: 'code',
  solved: true,
  feePolicy: 'free',
  resolutionDueAt: new Date(Date.now() + 86_400_000).toISOString(),
  ...over,
});

describe('points for jobs, through Kafka', () => {
  let h: VolunteerHarness;

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    await h.watchPublished();
    await h.approvedVolunteer('v-job', { specialties: [] });
  });

  afterAll(() => h?.stop());

  const entries = (reference: string) =>
    h.rows<{ kind: string; amount: number }>(
      `SELECT e.kind, l.amount::int FROM ledger_entry e JOIN ledger_line l ON l.entry_id = e.id AND l.account_id = 'volunteer:v-job' WHERE e.reference LIKE $1 ORDER BY e.seq`,
      [reference],
    );
  const consumed = (n: number) =>
    waitFor(async () => (await h.rows<{ n: number }>('SELECT count(*)::int AS n FROM inbox'))[0].n >= n, { what: `${n} events consumed` });

  it('awards a job once though its sign-off is delivered twice, and once more is signed off again', async () => {
    const job = signedOff();
    const [id] = await h.produce(RequestSignedOff, [{ subject: job.requestId, data: job }]);
    // The same event redelivered (same id), and a second sign-off fact of the same job (a new id).
    await h.produce(RequestSignedOff, [{ subject: job.requestId, data: job, id }]);
    await h.produce(RequestSignedOff, [{ subject: job.requestId, data: { ...job, at: new Date().toISOString(), via: 'follow_up' } }]);
    await consumed(2);
    await waitFor(async () => (await h.rows(`SELECT 1 FROM inbox WHERE event_type = $1`, [RequestSignedOff.type])).length === 2, {
      what: 'both distinct facts applied',
    });
    expect(await entries(`%${job.requestId}`)).toEqual([
      { kind: 'job', amount: 20 },
      { kind: 'bonus', amount: 5 },
    ]);
    expect(
      (await h.as({ id: 'v-job', kind: 'volunteer', role: 'volunteer', org: 'jincheng', orgPath: JINCHENG }, 'GET', '/me/points')).json(),
    ).toMatchObject({ balance: 25, lifetimePoints: 25, stars: 0, toNextStar: 25 });
    const posted = await waitFor(
      async () => {
        const facts = h.published.filter((e) => e.type === PointsPosted.type && (e.data.reference as string).endsWith(job.requestId));
        return facts.length === 2 && facts;
      },
      { what: 'two points-posted facts' },
    );
    // Each fact is keyed by its own ledger entry, so the two may arrive in either order.
    expect(posted.map((e) => e.data.kind).sort()).toEqual(['bonus', 'job']);
  });

  it('awards nothing for an unsolved sign-off or another kind of provider, then pays by the community’s own rules', async () => {
    const unsolved = signedOff({ solved: false });
    const merchant = signedOff({ providerKind: 'merchant', providerId: 'unit-1' });
    const [unsolvedId, merchantId] = await h.produce(RequestSignedOff, [
      { subject: unsolved.requestId, data: unsolved },
      { subject: merchant.requestId, data: merchant },
    ]);
    await waitFor(async () => (await h.rows('SELECT 1 FROM inbox WHERE event_id = $1', [unsolvedId])).length === 1, {
      what: 'the unsolved one applied',
    });
    await waitFor(async () => (await groupLag(`${h.prefix}volunteer`, `${h.prefix}${RequestSignedOff.topic}`)) === 0, {
      what: 'the merchant one read',
    });
    // Another provider's job is passed by without a transaction, so it leaves no inbox row.
    expect(await h.rows('SELECT 1 FROM inbox WHERE event_id = $1', [merchantId])).toEqual([]);
    expect(await entries(`%${unsolved.requestId}`)).toEqual([]);
    expect(await h.rows('SELECT solved FROM job_signoff WHERE request_id = $1', [unsolved.requestId])).toEqual([{ solved: false }]);

    // The answer is read in the change's own transaction, so a failed read undoes the change and its 503 stays true.
    const reads = watchTransactions(h.app.get(PointsConfigService), 'effective', 0);
    const set = await h
      .as(admin(), 'PUT', '/points/config', { unit: JINCHENG, jobPoints: { 'pipe-unclogging': 40 }, freeJobBonus: 0 })
      .finally(reads.restore);
    expect(reads.inTransaction).toEqual([true]);
    expect(set.statusCode).toBe(200);
    expect(set.json().effective).toMatchObject({ jobPoints: { 'pipe-unclogging': 40, 'water-electric-repair': 20 }, freeJobBonus: 0 });
    const bad = await h.as(admin(), 'PUT', '/points/config', { unit: JINCHENG, jobPoints: { 'pipe-unclogging': -3 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('jobPoints.pipe-unclogging');

    // The redo of the unsolved job, now solved, earns by the new rule.
    const redo = { ...unsolved, categoryCode: 'pipe-unclogging', solved: true, at: new Date().toISOString() };
    await h.produce(RequestSignedOff, [{ subject: redo.requestId, data: redo }]);
    await waitFor(async () => (await entries(`%${redo.requestId}`)).length === 1, { what: 'the redo award' });
    expect(await entries(`%${redo.requestId}`)).toEqual([{ kind: 'job', amount: 40 }]);
  });

  it('adds the satisfied-rating bonus once per job', async () => {
    const job = signedOff();
    const rating: RatingSubmittedV1 = {
      ratingId: randomUUID(),
      requestId: job.requestId,
      orgPath: JINCHENG,
      categoryCode: job.categoryCode,
      providerId: 'v-job',
      providerKind: 'volunteer',
      team: 'satisfied',
      provider: 'satisfied',
      solved: true,
      tags: ['punctual'],
      channel: 'public_link',
      revision: 1,
      ratedAt: new Date().toISOString(),
    };
    await h.produce(RatingSubmitted, [
      { subject: job.requestId, data: rating },
      { subject: job.requestId, data: { ...rating, ratingId: randomUUID() } },
    ]);
    await waitFor(async () => (await h.rows(`SELECT 1 FROM inbox WHERE event_type = $1`, [RatingSubmitted.type])).length === 2, {
      what: 'both ratings applied',
    });
    expect(await entries(`rating:${job.requestId}`)).toEqual([{ kind: 'bonus', amount: 2 }]);
  });

  it('shows the volunteer the offers dispatch made them, as they are answered or withdrawn', async () => {
    const requestId = randomUUID();
    const offer = (offerId: string, providerId: string, providerKind: 'volunteer' | 'merchant'): JobOfferedV1 => ({
      requestId,
      orgPath: JINCHENG,
      categoryCode: 'water-electric-repair',
      at: new Date().toISOString(),
      providerId,
      providerKind,
      offerId,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
      feePolicy: 'free',
      urgency: 'utilities',
      summary: 'No power in the kitchen',
    });
    const [mine, theirs] = [randomUUID(), randomUUID()];
    await h.produce(JobOffered, [
      { subject: requestId, data: offer(mine, 'v-job', 'volunteer') },
      { subject: requestId, data: offer(theirs, 'unit-1', 'merchant') },
    ]);
    const me = { id: 'v-job', kind: 'volunteer' as const, role: 'volunteer', org: 'jincheng', orgPath: JINCHENG };
    const open = await waitFor(
      async () => {
        const res = (await h.as(me, 'GET', '/me/offers?status=open')).json();
        return res.length > 0 && res;
      },
      { what: 'the open offer' },
    );
    expect(open).toMatchObject([{ offerId: mine, requestId, status: 'open', feePolicy: 'free', summary: 'No power in the kitchen' }]);
    await h.produce(OfferWithdrawn, [{ subject: requestId, data: { ...offer(mine, 'v-job', 'volunteer'), because: 'taken' } }]);
    await waitFor(async () => (await h.as(me, 'GET', '/me/offers?status=open')).json().length === 0, { what: 'the withdrawal' });
    expect((await h.as(me, 'GET', '/me/offers')).json()).toMatchObject([{ offerId: mine, status: 'withdrawn' }]);
  });
});
