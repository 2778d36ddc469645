import {
  DeadlineBreached,
  JobAssigned,
  JobReassigned,
  RatingAmended,
  RatingSubmitted,
  RequestAnswered,
  RequestCancelled,
  RequestCreated,
  RequestCreatedV2Event,
  RequestImported,
  RequestReopened,
  RequestSignedOff,
} from '@bangbang/contracts';
import { ExampleFeed, startTestApp, STORY, TestWorld } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ratingService } from '../src/rating.service-definition';

/** The committed examples of every type the rating service consumes, fed to it as the producers would send them. */
describe('rating: the contract examples', () => {
  let world: TestWorld;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let feed: ExampleFeed;
  const fact = async (requestId = STORY.requestId) =>
    (await ds.query<Array<{ fact: Record<string, unknown> }>>('SELECT fact FROM job_fact WHERE request_id = $1', [requestId]))[0]?.fact;

  beforeAll(async () => {
    world = await TestWorld.start({ issuer: false });
    app = await startTestApp(ratingService, world.env());
    ds = app.get(DataSource);
    feed = await ExampleFeed.start(world.prefix, (sql, params) => world.rows(sql, params));
  });
  afterAll(async () => {
    await feed?.stop();
    await app?.close();
    await world?.stop();
  });

  it('keeps its copy of the org tree: the community created, renamed, retired', async () => {
    expect(await feed.orgUnitCopies()).toEqual([
      { name_zh: '金城社区', status: 'active' },
      { name_zh: '金城新社区', status: 'active' },
      { name_zh: '金城社区', status: 'retired' },
    ]);
  });

  it("folds the story's facts into the job: deadlines, the breach, the provider that did the work, sign-off, the rating and its amendment, the redo", async () => {
    const created = await feed.feed(RequestCreatedV2Event);
    expect(await fact()).toMatchObject({ kind: created.data.kind, responseDueAt: created.data.responseDueAt });
    await feed.feed(JobAssigned);
    expect(await fact()).toMatchObject({ providerId: STORY.unitId, providerKind: 'merchant' });
    const breached = await feed.feed(DeadlineBreached);
    expect(await fact()).toMatchObject({ responseBreachedAt: breached.data.at });
    await feed.feed(JobReassigned);
    expect(await fact()).toMatchObject({ providerId: STORY.volunteerId, providerKind: 'volunteer' });
    const signedOff = await feed.feed(RequestSignedOff);
    expect(await fact()).toMatchObject({ signOffs: 1, signedOffSolved: true });
    expect(await ds.query('SELECT token_hash FROM rating_link WHERE request_id = $1', [STORY.requestId])).toEqual([
      { token_hash: signedOff.data.ratingTokenHash },
    ]);
    await feed.feed(RatingSubmitted);
    expect(await fact()).toMatchObject({ ratingRevision: 1, ratingProvider: 'satisfied', ratingProviderId: STORY.volunteerId });
    const amended = await feed.feed(RatingAmended);
    expect(await fact()).toMatchObject({ ratingRevision: 2, ratingProvider: amended.data.provider });
    const reopened = await feed.feed(RequestReopened);
    expect(await fact()).toMatchObject({ lastReopenedAt: reopened.data.at });
    expect(await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1', [STORY.requestId])).toEqual([]);
    const cancelled = await feed.feed(RequestCancelled);
    expect(await fact()).toMatchObject({ cancelledAt: cancelled.data.at });
  });

  it('reads a request.created.v1 still on the topic, and a request answered at intake', async () => {
    const older = randomUUID();
    await feed.feed(RequestCreated, { [STORY.requestId]: older });
    expect(await fact(older)).toMatchObject({ kind: 'home_service', resolutionDueAt: '2026-11-26T08:30:00.000Z' });
    const answered = await feed.feed(RequestAnswered, { [STORY.requestId]: older });
    expect(await fact(older)).toMatchObject({ answeredAt: answered.data.at });
  });

  it("folds a request imported from the district's previous hotline into the months it happened", async () => {
    const imported = await feed.feed(RequestImported);
    expect(await fact(imported.data.requestId)).toMatchObject({
      providerId: imported.data.providerId,
      signOffs: 1,
      signedOffSolved: true,
      ratingRevision: 1,
      ratingProvider: imported.data.rating!.provider,
    });
  });

  it('has been fed every type it consumes', () => {
    expect(feed.unfed(ratingService)).toEqual([]);
  });
});
