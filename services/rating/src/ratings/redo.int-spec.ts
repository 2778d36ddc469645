import { sha256Hex } from '@bangbang/auth';
import {
  CloudEvent,
  JobAssigned,
  JobCompleted,
  RatingAmended,
  RatingSubmitted,
  RatingSubmittedV1,
  RedoRequested,
  RedoRequestedV1,
  RequestCreatedV2Event,
  RequestReopened,
  RequestSignedOff,
  RequestSignedOffV1,
  TOPICS,
} from '@bangbang/contracts';
import { createTestDatabase, serviceEnv, startTestApp, TestDatabase, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { RequestHarness, startRequestService } from '../../../request/test/harness';
import { FakeSmsGateway } from '../../../request/test/sms-gateway';
import { TestBus } from '../../test/bus';
import { ratingService } from '../rating.service-definition';

describe('不满意 within 7 days: the redo reaches the request service, which reopens the request (both services, through Kafka)', () => {
  let h: RequestHarness;
  let db: TestDatabase;
  let rating: NestFastifyApplication;
  let bus: TestBus;
  const sms = new FakeSmsGateway();

  beforeAll(async () => {
    sms.up = true;
    h = await startRequestService({ SMS_GATEWAY_URL: await sms.start() });
    db = await createTestDatabase();
    rating = await startTestApp(ratingService, serviceEnv(db, h.prefix, h.issuerEnv));
    bus = await TestBus.start(h.prefix, TOPICS.rating, TOPICS.request);
  });

  afterAll(async () => {
    await bus?.stop();
    await rating?.close();
    await db?.drop();
    await h?.stop();
    await sms.stop();
  });

  it('rates through the link texted to the resident, reopens the request once, and the token never travels on Kafka', async () => {
    const home = await h.household('jincheng', ['13812345678']);
    const intake = await h.call('agent', 'POST', '/requests', {
      householdId: home.id,
      categoryCode: 'water-electric-repair',
      description: '卫生间跳闸',
    });
    expect(intake.statusCode).toBe(201);
    const { id, number } = intake.json();
    const job = {
      requestId: id,
      orgPath: '/nanchang/jinxing/jincheng/',
      categoryCode: 'water-electric-repair',
      providerId: 'm-0042',
      providerKind: 'merchant' as const,
    };
    // The provider's facts happened a minute ago: the request service ignores facts older than the last it applied.
    const now = Date.now() - 60_000;
    const at = (s: number) => new Date(now + s * 1_000).toISOString();
    await h.produce(JobAssigned, id, { ...job, providerName: '李师傅水电', responseDueAt: at(3_600), at: at(1) });
    await h.produce(JobCompleted, id, { ...job, priceChargedFen: 3000, at: at(2) });
    const status = (wanted: string) =>
      waitFor(
        async () => {
          const r = (await h.call('agent', 'GET', `/requests/${id}`)).json();
          return r.status === wanted && r;
        },
        { what: `request ${wanted}` },
      );
    await status('completed');
    // Read off the resident's phone: the request service keeps no code once it is sent.
    const code = await waitFor(async () => sms.signOffCodes(number)[0], { what: 'the sign-off code texted' });
    expect((await h.call('plumber', 'POST', `/requests/${id}/sign-off`, { code, solved: true })).statusCode).toBe(200);

    const link = await waitFor(async () => sms.ratingLinks(id)[0], { what: 'the rating link texted to the resident' });
    expect(link.url).toBe(`http://127.0.0.1:3000/api/rating/public/rate/${id}?token=${link.token}`);
    // The first match, not the list: an empty list would end the wait before the event is read.
    const signedOff = await waitFor(async () => bus.find<RequestSignedOffV1>(RequestSignedOff.type, (d) => d.requestId === id)[0], {
      what: 'the sign-off on the bus',
    });
    expect(signedOff.data.ratingTokenHash).toBe(sha256Hex(link.token));
    const ds = rating.get(DataSource);
    await waitFor(async () => (await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1', [id])).length > 0, {
      what: 'the rating link stored',
    });
    const rate = (token: string) =>
      rating.inject({
        method: 'POST',
        url: `/public/ratings/${id}`,
        payload: { token, team: 'basically_satisfied', provider: 'dissatisfied', solved: true },
      });
    const forged = await rate(signedOff.data.ratingTokenHash!);
    expect([forged.statusCode, forged.json().message]).toEqual([404, expect.stringContaining('token')]);
    expect((await rate(link.token)).statusCode).toBe(201);

    const reopened = await status('dispatching');
    expect(reopened).toMatchObject({ reopenCount: 1, provider: null, signedOffAt: null });
    expect(bus.find<RedoRequestedV1>(RedoRequested.type, (d) => d.requestId === id)).toHaveLength(1);
    await waitFor(
      async () => (await ds.query(`SELECT 1 FROM job_fact WHERE request_id = $1 AND fact->>'lastReopenedAt' IS NOT NULL`, [id])).length > 0,
      {
        what: 'the rating service to hear of the reopen',
      },
    );
    expect(await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1', [id])).toEqual([]);
    // request.created.v2 reached the figures: the deadlines it carries are on the job.
    expect(
      await ds.query(`SELECT fact->>'kind' AS kind FROM job_fact WHERE request_id = $1 AND fact->>'responseDueAt' IS NOT NULL`, [id]),
    ).toEqual([{ kind: 'home_service' }]);

    await waitFor(async () => bus.find<{ requestId: string }>(RequestReopened.type, (d) => d.requestId === id).length === 1, {
      what: 'the reopen on the bus',
    });
    const story = new Set(bus.seen.filter((e) => e.subject === id).map((e) => e.type));
    expect([...story]).toEqual(
      expect.arrayContaining([
        RequestCreatedV2Event.type,
        RequestSignedOff.type,
        RatingSubmitted.type,
        RedoRequested.type,
        RequestReopened.type,
      ]),
    );
    expect(bus.raw.filter((m) => m.includes(link.token))).toEqual([]);
    const stored = async (d: DataSource) => d.query(`SELECT 1 FROM outbox WHERE strpos(payload, $1) > 0`, [link.token]);
    expect([...(await stored(ds)), ...(await stored(h.ds))]).toEqual([]);
  });

  it('publishes the first rating after the redo as submitted.v1 (revision 2), not as an amendment', async () => {
    const [redo] = bus.find<RedoRequestedV1>(RedoRequested.type, () => true);
    const id = redo.data.requestId;
    const { number } = (await h.call('agent', 'GET', `/requests/${id}`)).json();
    const job = {
      requestId: id,
      orgPath: '/nanchang/jinxing/jincheng/',
      categoryCode: 'water-electric-repair',
      providerId: 'm-0042',
      providerKind: 'merchant' as const,
    };
    // Just after the redo, which is the last fact the request service applied.
    const at = (ms: number) => new Date(Date.parse(redo.data.at) + ms).toISOString();
    await h.produce(JobAssigned, id, { ...job, providerName: '李师傅水电', responseDueAt: at(3_600_000), at: at(1) });
    await h.produce(JobCompleted, id, { ...job, priceChargedFen: 0, at: at(2) });
    await waitFor(async () => (await h.call('agent', 'GET', `/requests/${id}`)).json().status === 'completed', {
      what: 'the redo completed',
    });
    const code = await waitFor(async () => sms.signOffCodes(number)[1], { what: 'the second sign-off code texted' });
    expect((await h.call('plumber', 'POST', `/requests/${id}/sign-off`, { code, solved: true })).statusCode).toBe(200);

    const link = await waitFor(async () => sms.ratingLinks(id)[1], { what: 'the second rating link texted' });
    const ds = rating.get(DataSource);
    await waitFor(async () => (await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1 AND used_at IS NULL', [id])).length > 0, {
      what: "the second cycle's link stored",
    });
    const rated = await rating.inject({
      method: 'POST',
      url: `/public/ratings/${id}`,
      payload: { token: link.token, team: 'satisfied', provider: 'satisfied', solved: true },
    });
    expect(rated.statusCode).toBe(201);

    const ratingEvents = (e: CloudEvent) => e.subject === id && [RatingSubmitted.type, RatingAmended.type].includes(e.type);
    const [second] = await waitFor(
      async () => {
        const found = bus.seen.filter((e) => ratingEvents(e) && (e.data as RatingSubmittedV1).revision === 2);
        return found.length > 0 && found;
      },
      { what: "the second cycle's rating on the bus" },
    );
    expect(second.type).toBe(RatingSubmitted.type);
    expect(bus.seen.filter(ratingEvents).map((e) => [e.type, (e.data as RatingSubmittedV1).revision])).toEqual([
      [RatingSubmitted.type, 1],
      [RatingSubmitted.type, 2],
    ]);
  });
});
