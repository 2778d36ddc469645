import {
  DeadlineBreached,
  EventContract,
  JobAssigned,
  JobCompleted,
  JobOffered,
  JobOnSite,
  JobProviderCancelled,
  JobReassigned,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferWithdrawn,
  ProviderQuality,
  RatingAmended,
  RatingSubmitted,
  RequestCancelled,
  RequestReopened,
  RequestSignedOff,
} from '@bangbang/contracts';
import { contractExample, ExampleFeed, STORY } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { merchantService } from '../src/merchant.service-definition';
import { merchant, MerchantHarness, startMerchant } from './merchant-harness';

/**
 * The committed examples of every type the merchant service consumes, fed to it as the producers
 * would send them. The story's unit is the one this service activated (it chose that unit's id).
 */
describe('merchant: the contract examples', () => {
  let h: MerchantHarness;
  let feed: ExampleFeed;
  let unitId: string;
  const rows = (sql: string, params: unknown[] = []) => h.ds.query<Array<Record<string, unknown>>>(sql, params);
  const job = async () => (await rows('SELECT * FROM unit_job WHERE request_id = $1 AND unit_id = $2', [STORY.requestId, unitId]))[0];
  const webhooks = async () =>
    (await rows('SELECT event_type FROM webhook_delivery WHERE unit_id = $1 ORDER BY created_at', [unitId])).map((r) => r.event_type);

  beforeAll(async () => {
    h = await startMerchant();
    unitId = await h.activeUnit('Jincheng Plumbing & Electric');
    const endpoint = await h.call(merchant(unitId), 'POST', '/me/webhooks', { url: 'http://127.0.0.1:4100/hook' });
    expect(endpoint.statusCode).toBe(201);
    feed = await ExampleFeed.start(h.prefix, (sql, params) => h.ds.query(sql, params));
  });
  afterAll(async () => {
    await feed?.stop();
    await h?.stop();
  });

  it('announces the offer to the unit and records each way an offer ends', async () => {
    const storyOffer = contractExample(JobOffered).data.offerId;
    for (const [i, ending] of ([OfferAccepted, OfferDeclined, OfferExpired, OfferWithdrawn] as EventContract[]).entries()) {
      // The story's offer is accepted; each other ending is told of an offer made again (new offer and event ids).
      const offer = i === 0 ? storyOffer : randomUUID();
      const ids = (c: EventContract) => ({
        [STORY.unitId]: unitId,
        ...(i > 0 && { [storyOffer]: offer, [contractExample(c).id]: randomUUID() }),
      });
      await feed.feed(JobOffered, ids(JobOffered));
      await feed.feed(ending, ids(ending));
      const [row] = await rows('SELECT status FROM unit_offer WHERE offer_id = $1', [offer]);
      expect(row.status).toBe(ending.type.split('.')[2]);
    }
    expect(await webhooks()).toEqual(['job.offered', 'job.offered', 'job.offered', 'job.offered', 'offer.withdrawn']);
  });

  it('holds the job from assignment, marks the breach, lets go when the unit cancels, and tells the unit when the job goes to the volunteer', async () => {
    const ours = { [STORY.unitId]: unitId };
    const assigned = await feed.feed(JobAssigned, ours);
    expect(await job()).toMatchObject({ holding: true, assigned_at: new Date(assigned.data.at) });
    await feed.feed(DeadlineBreached, ours);
    expect(await job()).toMatchObject({ deadline_breached: true });
    await feed.feed(JobProviderCancelled, ours);
    expect(await job()).toMatchObject({ holding: false });
    await feed.feed(JobReassigned, ours);
    expect((await webhooks()).slice(-2)).toEqual(['job.assigned', 'job.cancelled']);
  });

  it("leaves the volunteer's part of the story alone: on site, completed, signed off, rated, redone", async () => {
    const before = { job: await job(), webhooks: await webhooks() };
    for (const contract of [JobOnSite, JobCompleted, RequestSignedOff, RatingSubmitted, RatingAmended] as EventContract[]) {
      await feed.feedPassedBy(contract, 'merchant', { [STORY.unitId]: unitId });
    }
    await feed.feed(RequestReopened, { [STORY.unitId]: unitId });
    expect({ job: await job(), webhooks: await webhooks() }).toEqual(before);
    expect(await rows('SELECT 1 FROM unit_rating WHERE request_id = $1', [STORY.requestId])).toEqual([]);
  });

  it("keeps the unit's quality from the rating service", async () => {
    const quality = await feed.feed(ProviderQuality, { [STORY.unitId]: unitId });
    const [credit] = await rows('SELECT quality, quality_version FROM unit_credit WHERE unit_id = $1', [unitId]);
    expect(credit).toMatchObject({
      quality: expect.objectContaining({ bayesianScore: quality.data.bayesianScore }),
      quality_version: quality.data.version,
    });
  });

  it('marks the job cancelled when the resident cancels', async () => {
    const cancelled = await feed.feed(RequestCancelled);
    expect(await job()).toMatchObject({ holding: false, cancelled_at: new Date(cancelled.data.at) });
  });

  it('has been fed every type it consumes', () => {
    expect(feed.unfed(merchantService)).toEqual([]);
  });
});
