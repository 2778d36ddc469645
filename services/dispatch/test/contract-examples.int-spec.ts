import {
  MerchantProviderProfile,
  ProviderQuality,
  RequestCancelled,
  RequestCreated,
  RequestCreatedV2Event,
  RequestReopened,
  RequestSignedOff,
  VolunteerProviderProfile,
} from '@bangbang/contracts';
import { ExampleFeed, STORY } from '@bangbang/testing';
import { randomUUID } from 'node:crypto';
import { dispatchService } from '../src/dispatch.service-definition';
import { DispatchHarness } from './dispatch-harness';

/** The committed examples of every type dispatch consumes, fed to it as the producers would send them. */
describe('dispatch: the contract examples', () => {
  let h: DispatchHarness;
  let feed: ExampleFeed;

  beforeAll(async () => {
    h = await DispatchHarness.start();
    await h.instance();
    feed = await ExampleFeed.start(h.prefix, (sql, params) => h.rows(sql, params));
  });
  afterAll(async () => {
    await feed?.stop();
    await h?.stop();
  });

  it("holds the story's providers and the merchant's quality", async () => {
    const merchant = await feed.feed(MerchantProviderProfile);
    const volunteer = await feed.feed(VolunteerProviderProfile);
    const quality = await feed.feed(ProviderQuality);
    const providers = await h.rows('SELECT provider_id, provider_kind, version FROM dispatch_provider ORDER BY provider_kind');
    expect(providers).toEqual([
      { provider_id: merchant.data.providerId, provider_kind: 'merchant', version: merchant.data.version },
      { provider_id: volunteer.data.providerId, provider_kind: 'volunteer', version: volunteer.data.version },
    ]);
    const [score] = await h.rows('SELECT bayesian_score FROM dispatch_provider_quality WHERE provider_id = $1', [quality.data.providerId]);
    expect(Number(score.bayesian_score)).toBeCloseTo(quality.data.bayesianScore);
  });

  it('opens the job at intake, closes it at sign-off, opens a new round for a redo asking the previous provider first, and ends it on cancellation', async () => {
    const created = await feed.feed(RequestCreatedV2Event);
    expect(await h.job(STORY.requestId)).toMatchObject({
      org_path: created.data.orgPath,
      category_code: created.data.categoryCode,
      response_due_at: new Date(created.data.responseDueAt),
      round: 1,
    });
    await feed.feed(RequestSignedOff);
    expect(await h.job(STORY.requestId)).toMatchObject({ state: 'signed_off' });
    const reopened = await feed.feed(RequestReopened);
    expect(await h.job(STORY.requestId)).toMatchObject({ round: 2, preferred_provider_id: reopened.data.previousProviderId });
    await feed.feed(RequestCancelled);
    expect(await h.job(STORY.requestId)).toMatchObject({ state: 'cancelled' });
  });

  it('opens a job from a request.created.v1 still on the topic, with its exact position rounded off', async () => {
    const requestId = randomUUID();
    await feed.feed(RequestCreated, { [STORY.requestId]: requestId });
    expect(await h.job(requestId)).toMatchObject({ lat: 31.57, lng: 120.3 });
  });

  it('has been fed every type it consumes', () => {
    expect(feed.unfed(dispatchService)).toEqual([]);
  });
});
