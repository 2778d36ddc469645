import { sha256Hex } from '@bangbang/auth';
import {
  chinaDay,
  DeadlineBreached,
  JobAssigned,
  ProviderQuality,
  ProviderQualityV1,
  RatingSubmitted,
  RatingSubmittedV1,
  RedoRequested,
  RedoRequestedV1,
  RequestCreated,
  RequestReopened,
  RequestSignedOff,
  RequestSignedOffV1,
  TOPICS,
  UnitCreated,
} from '@bangbang/contracts';
import { startTestApp, TestPrincipal, TestWorld, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { markQualityDue } from '../figures/provider-quality';
import { TestBus } from '../../test/bus';
import { ratingService } from '../rating.service-definition';

const JINCHENG = '/nanchang/jinxing/jincheng/';
const staff = (role: string, orgPath: string, id = `${role}-1`): TestPrincipal => ({
  id,
  kind: 'staff',
  role,
  org: orgPath.split('/').at(-2)!,
  orgPath,
});
const AGENT = staff('agent', JINCHENG);
const OTHER_AGENT = staff('agent', '/nanchang/jinxing/dukou/', 'agent-2');
const DISTRICT = staff('district_admin', '/nanchang/');
const STREET = staff('street_admin', '/nanchang/jinxing/');
const month = chinaDay(new Date().toISOString()).slice(0, 7);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const place = { orgPath: JINCHENG, categoryCode: 'plumbing' };

describe('rating service end to end through Kafka', () => {
  let world: TestWorld;
  let app: NestFastifyApplication;
  let bus: TestBus;
  let ds: DataSource;
  /** The one-time token of each job's latest sign-off, as the request service would have texted it. */
  const tokens = new Map<string, string>();

  /** The request service's sign-off: the token stays with the resident, its hash goes on the bus (none if nobody was texted). */
  async function signOff(requestId: string, data: Omit<RequestSignedOffV1, 'ratingTokenHash'>, texted = true): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    if (texted) tokens.set(requestId, token);
    await bus.produce(RequestSignedOff, requestId, { ...data, ...(texted && { ratingTokenHash: sha256Hex(token) }) });
  }

  const as = async (p: TestPrincipal) => ({ authorization: `Bearer ${await world.issuer.token(p)}` });
  const call = async (p: TestPrincipal | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: p ? await as(p) : {} });

  /** A job taken, accepted in time and signed off `signedOffHoursAgo` ago, as the other services tell it. */
  async function signedOffJob(providerId: string, signedOffHoursAgo = 0, solved = true, texted = true): Promise<string> {
    const requestId = randomUUID();
    await bus.produce(RequestCreated, requestId, {
      requestId,
      number: `BB${requestId.slice(0, 8)}`,
      communityId: 'jincheng',
      kind: 'home_service',
      urgency: 'general',
      feePolicy: 'low_cost',
      responseDueAt: hoursAgo(signedOffHoursAgo + 1),
      resolutionDueAt: hoursAgo(signedOffHoursAgo - 100),
      receivedAt: hoursAgo(signedOffHoursAgo + 5),
      ...place,
    });
    await bus.produce(JobAssigned, requestId, {
      requestId,
      providerId,
      providerKind: 'merchant',
      providerName: providerId,
      responseDueAt: hoursAgo(signedOffHoursAgo + 1),
      at: hoursAgo(signedOffHoursAgo + 4),
      ...place,
    });
    await signOff(
      requestId,
      {
        requestId,
        providerId,
        providerKind: 'merchant',
        via: 'code',
        solved,
        feePolicy: 'low_cost',
        resolutionDueAt: hoursAgo(signedOffHoursAgo - 100),
        at: hoursAgo(signedOffHoursAgo),
        ...place,
      },
      texted,
    );
    return requestId;
  }

  /** Waits for the rating service to store the link of this sign-off, and gives the token the resident holds. */
  const linkFor = async (requestId: string, cycle = 1) => {
    await waitFor(
      async () => (await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1 AND cycle = $2', [requestId, cycle])).length > 0,
      {
        what: `the rating link of ${requestId}`,
      },
    );
    return { token: tokens.get(requestId)! };
  };
  const jobKnown = (requestId: string) =>
    waitFor(
      async () =>
        (await ds.query("SELECT 1 FROM job_fact WHERE request_id = $1 AND fact->>'signedOffAt' IS NOT NULL", [requestId])).length > 0,
      {
        what: `job ${requestId} signed off`,
      },
    );
  const good = { team: 'satisfied', provider: 'satisfied', solved: true };

  beforeAll(async () => {
    world = await TestWorld.start();
    app = await startTestApp(ratingService, world.env({ FOLLOW_UP_AFTER_SECONDS: '3', FOLLOW_UP_POLL_MS: '200' }));
    ds = app.get(DataSource);
    bus = await TestBus.start(world.prefix, TOPICS.rating);
    for (const [code, level, path, nameZh, parentCode] of [
      ['nanchang', 'district', '/nanchang/', '南昌区', null],
      ['jinxing', 'street', '/nanchang/jinxing/', '金星街道', 'nanchang'],
      ['changshan', 'street', '/nanchang/changshan/', '长山街道', 'nanchang'],
      ['jincheng', 'community', JINCHENG, '金城社区', 'jinxing'],
      ['dukou', 'community', '/nanchang/jinxing/dukou/', '渡口社区', 'jinxing'],
    ] as const) {
      await bus.produce(UnitCreated, code, { code, level, path, nameZh, namePinyin: code, status: 'active', parentCode });
    }
  });

  afterAll(async () => {
    await bus?.stop();
    await app?.close();
    await world?.stop();
  });

  it('takes a resident rating once through the one-time link, refuses bad input naming the field, and updates the public scorecard', async () => {
    const [a, b] = [await signedOffJob('m-link'), await signedOffJob('m-other')];
    const [linkA, linkB] = [await linkFor(a), await linkFor(b)];
    const [stored] = await ds.query(
      `SELECT l.token_hash, l.expires_at, j.fact->>'signedOffAt' AS signed_off_at FROM rating_link l JOIN job_fact j USING (request_id) WHERE request_id = $1`,
      [a],
    );
    expect(stored.token_hash).toBe(sha256Hex(linkA.token));
    expect(new Date(stored.expires_at).getTime()).toBe(Date.parse(stored.signed_off_at) + 7 * 86_400_000);

    const bad = [
      [{ ...good, token: linkB.token }, 404, 'token'],
      [{ ...good, team: 'so-so', token: linkA.token }, 400, 'team'],
      [{ ...good, provider: 5, token: linkA.token }, 400, 'provider'],
      [{ ...good, comment: 'x'.repeat(501), token: linkA.token }, 400, 'comment'],
      [{ ...good, tags: ['fast'], token: linkA.token }, 400, 'tags'],
    ] as const;
    for (const [body, status, field] of bad) {
      const res = await call(null, 'POST', `/public/ratings/${a}`, body);
      expect([res.statusCode, JSON.stringify(res.json().message)]).toEqual([status, expect.stringContaining(field)]);
    }
    expect(await ds.query('SELECT 1 FROM rating')).toHaveLength(0);

    const ok = await call(null, 'POST', `/public/ratings/${a}`, {
      ...good,
      tags: ['punctual', 'polite'],
      comment: '师傅很准时',
      token: linkA.token,
    });
    expect(ok.statusCode).toBe(201);
    const card = await waitFor(
      async () => {
        const res = await call(null, 'GET', '/public/providers/m-link/scorecard');
        return res.statusCode === 200 && res.json().ratingsCount === 1 ? (res.json() as Record<string, any>) : undefined;
      },
      { what: 'the scorecard to count the rating', timeoutMs: 30_000 },
    );
    expect(card).toMatchObject({
      providerKind: 'merchant',
      meanStars: 5,
      topTags: [
        { tag: 'polite', count: 1 },
        { tag: 'punctual', count: 1 },
      ],
      comments: [],
    });
    expect(card.bayesianScore).toBeCloseTo((10 * 0.8 + 1) / 11, 4);

    const again = await call(null, 'POST', `/public/ratings/${a}`, { ...good, token: linkA.token });
    expect([again.statusCode, again.json().message]).toEqual([409, expect.stringContaining('token')]);

    const pending = await call(DISTRICT, 'GET', '/comments/pending');
    expect(pending.json()).toEqual([expect.objectContaining({ requestId: a, comment: '师傅很准时' })]);
    const screened = await call(staff('community_admin', JINCHENG), 'POST', `/comments/${a}/screening`, { decision: 'approved' });
    expect(screened.statusCode).toBe(200);
    const shown = await call(null, 'GET', '/public/providers/m-link/scorecard');
    expect(shown.json().comments).toEqual([expect.objectContaining({ comment: '师傅很准时', provider: 'satisfied' })]);

    const quality = await waitFor(
      async () => bus.find<ProviderQualityV1>(ProviderQuality.type, (d) => d.providerId === 'm-link' && d.ratingsCount === 1)[0],
      {
        what: 'provider-quality for m-link',
      },
    );
    expect(quality.data).toMatchObject({ providerKind: 'merchant', meanStars: 5, satisfactionRate: 1, responseRate: 1 });
    // Due again with nothing new, the figures are the same: the service's publisher takes it and publishes nothing.
    await ds.transaction((m) => markQualityDue(m, [['m-link', 'merchant']], 0));
    await waitFor(async () => (await ds.query('SELECT 1 FROM provider_quality WHERE due_at IS NOT NULL')).length === 0, {
      what: 'the due quality taken',
    });
    expect(await ds.query("SELECT version FROM provider_quality WHERE provider_id = 'm-link'")).toEqual([
      { version: quality.data.version },
    ]);
    const submitted = bus.find<RatingSubmittedV1>(RatingSubmitted.type, (d) => d.requestId === a);
    expect(submitted.map((e) => e.data)).toEqual([
      expect.objectContaining({ revision: 1, channel: 'public_link', provider: 'satisfied', tags: ['polite', 'punctual'] }),
    ]);
  });

  it('turns 不满意 with the provider within 7 days into exactly one redo request on Kafka, and queues a follow-up call', async () => {
    const c = await signedOffJob('m-redo', 24);
    await jobKnown(c);
    const res = await call(AGENT, 'POST', `/ratings/${c}`, { team: 'satisfied', provider: 'dissatisfied', solved: true });
    expect(res.statusCode).toBe(201);
    const redo = await waitFor(async () => bus.find<RedoRequestedV1>(RedoRequested.type, (d) => d.requestId === c)[0], {
      what: 'the redo request',
    });
    expect(redo.data).toMatchObject({ orgPath: JINCHENG, categoryCode: 'plumbing', providerId: 'm-redo' });
    expect(redo.subject).toBe(c);

    const twice = await call(AGENT, 'POST', `/ratings/${c}`, good);
    expect([twice.statusCode, twice.json().message]).toEqual([409, expect.stringContaining('amendment')]);
    const amended = await call(AGENT, 'PUT', `/ratings/${c}`, {
      team: 'dissatisfied',
      provider: 'dissatisfied',
      solved: false,
      reason: 'called back',
    });
    expect(amended.json()).toMatchObject({ revision: 2 });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE type = $1 AND key = $2`, [RedoRequested.type, c]);
    expect(n).toBe(1);
    const history = await call(AGENT, 'GET', `/ratings/${c}`);
    expect(history.json().revisions.map((r: { provider: string }) => r.provider)).toEqual(['dissatisfied', 'dissatisfied']);

    // Signed off a day ago, so the 48 h clock (3 s here) may have queued it as unrated first: the rating closes that one.
    const queue = await call(AGENT, 'GET', '/follow-ups?status=open');
    const mine = queue.json().filter((f: { requestId: string }) => f.requestId === c);
    expect(mine.map((f: { reason: string }) => f.reason).sort()).toEqual(['dissatisfied', 'not_solved']);
    const outcome = await call(AGENT, 'POST', `/follow-ups/${mine[0].id}/outcome`, { result: 'reached', notes: 'redo booked' });
    expect(outcome.statusCode).toBe(200);
    expect((await call(AGENT, 'POST', `/follow-ups/${mine[0].id}/outcome`, { result: 'reached' })).statusCode).toBe(409);
    expect((await call(OTHER_AGENT, 'GET', '/follow-ups')).json().filter((f: { requestId: string }) => f.requestId === c)).toEqual([]);

    // The request service reopens on the redo; the next sign-off opens a new window and a new link.
    await bus.produce(RequestReopened, c, {
      requestId: c,
      reason: redo.data.reason,
      previousProviderId: 'm-redo',
      at: new Date().toISOString(),
      ...place,
    });
    await waitFor(
      async () => (await ds.query(`SELECT 1 FROM job_fact WHERE request_id = $1 AND fact->>'lastReopenedAt' IS NOT NULL`, [c])).length > 0,
      {
        what: 'the reopen applied',
      },
    );
    const closed = await call(AGENT, 'PUT', `/ratings/${c}`, good);
    expect([closed.statusCode, closed.json().message]).toEqual([409, expect.stringContaining('reopened')]);
    const first = tokens.get(c)!;
    await signOff(c, {
      requestId: c,
      providerId: 'm-redo-2',
      providerKind: 'merchant',
      via: 'follow_up',
      solved: true,
      feePolicy: 'low_cost',
      resolutionDueAt: hoursAgo(-76),
      at: new Date().toISOString(),
      ...place,
    });
    const second = await linkFor(c, 2);
    const stale = await call(null, 'POST', `/public/ratings/${c}`, { ...good, token: first });
    expect([stale.statusCode, stale.json().message]).toEqual([404, expect.stringContaining('token')]);
    const rerated = await call(null, 'POST', `/public/ratings/${c}`, { ...good, token: second.token });
    expect(rerated.json()).toMatchObject({ revision: 3, provider: 'satisfied' });
  });

  it('refuses a job out of the caller scope as not found, and a rating outside the 7-day window', async () => {
    const d = await signedOffJob('m-scope');
    await jobKnown(d);
    const out = await call(OTHER_AGENT, 'POST', `/ratings/${d}`, good);
    expect([out.statusCode, out.json().message]).toEqual([404, expect.stringContaining('requestId')]);
    expect((await call(AGENT, 'POST', `/ratings/${d}`, { team: 'dissatisfied', provider: 'satisfied', solved: true })).statusCode).toBe(
      201,
    );
    const late = await signedOffJob('m-late', 8 * 24);
    await jobKnown(late);
    const res = await call(AGENT, 'POST', `/ratings/${late}`, good);
    expect([res.statusCode, res.json().message]).toEqual([409, expect.stringMatching(/requestId: the rating window closed/)]);
    expect(await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1', [late])).toEqual([]);
    expect((await call(staff('resident', JINCHENG), 'POST', `/ratings/${d}`, good)).statusCode).toBe(403);
  });

  it('keeps no link for a sign-off without a token hash (nobody could be texted), and still queues the follow-up call', async () => {
    const f = await signedOffJob('m-no-phone', 0, true, false);
    await jobKnown(f);
    expect(await ds.query('SELECT 1 FROM rating_link WHERE request_id = $1', [f])).toEqual([]);
    const guessed = await call(null, 'POST', `/public/ratings/${f}`, { ...good, token: randomBytes(32).toString('base64url') });
    expect([guessed.statusCode, guessed.json().message]).toEqual([404, expect.stringContaining('token')]);
    const item = await waitFor(
      async () =>
        ((await call(AGENT, 'GET', '/follow-ups')).json() as Array<{ requestId: string; reason: string }>).find((x) => x.requestId === f),
      { what: 'the untexted job in the follow-up queue', timeoutMs: 30_000 },
    );
    expect(item.reason).toBe('not_rated');
  });

  it('does not count a duplicate rating event twice, whether redelivered or re-published under a new id', async () => {
    const [first] = bus.find<RatingSubmittedV1>(RatingSubmitted.type, (x) => x.providerId === 'm-link');
    const count = async () => {
      const [row] = await ds.query(
        `SELECT COALESCE(sum(ratings), 0)::int AS ratings FROM daily_figure WHERE dim = 'provider' AND key = 'm-link'`,
      );
      return row.ratings;
    };
    expect(await count()).toBe(1);
    const copyId = randomUUID();
    await bus.send(TOPICS.rating, first);
    await bus.send(TOPICS.rating, { ...first, id: copyId });
    await waitFor(async () => (await ds.query('SELECT 1 FROM inbox WHERE event_id = $1', [copyId])).length > 0, {
      what: 'the copy consumed',
    });
    expect(await count()).toBe(1);
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [first.id]);
    expect(n).toBe(1);
  });

  it('queues a signed-off job nobody rated once its follow-up clock runs out, and not a rated one', async () => {
    const e = await signedOffJob('m-quiet');
    await linkFor(e);
    const item = await waitFor(
      async () =>
        ((await call(AGENT, 'GET', '/follow-ups')).json() as Array<{ requestId: string; reason: string }>).find((f) => f.requestId === e),
      { what: 'the unrated job in the follow-up queue', timeoutMs: 30_000 },
    );
    expect(item.reason).toBe('not_rated');
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM follow_up WHERE reason = 'not_rated' AND status = 'open' AND request_id IN (SELECT request_id FROM rating)`,
    );
    expect(n).toBe(0);
  });

  it('gives the district admin the month for every street, rankings, reports, and a recompute that agrees', async () => {
    const late = randomUUID();
    await bus.produce(RequestCreated, late, {
      requestId: late,
      number: 'BB-late',
      communityId: 'dukou',
      kind: 'home_service',
      urgency: 'emergency',
      feePolicy: 'free',
      responseDueAt: hoursAgo(1),
      resolutionDueAt: hoursAgo(-20),
      receivedAt: hoursAgo(3),
      orgPath: '/nanchang/jinxing/dukou/',
      categoryCode: 'electric',
    });
    await bus.produce(DeadlineBreached, late, {
      requestId: late,
      deadline: 'response',
      dueAt: hoursAgo(1),
      at: hoursAgo(1),
      orgPath: '/nanchang/jinxing/dukou/',
      categoryCode: 'electric',
    });
    await waitFor(
      async () => (await ds.query(`SELECT 1 FROM daily_figure WHERE key = '/nanchang/jinxing/dukou/' AND breaches > 0`)).length > 0,
      { what: 'the breach counted' },
    );

    const streets = await call(DISTRICT, 'GET', `/figures?level=street&month=${month}`);
    expect(streets.statusCode).toBe(200);
    const byCode = Object.fromEntries(streets.json().map((r: { code: string }) => [r.code, r]));
    expect(Object.keys(byCode).sort()).toEqual(['changshan', 'jinxing']);
    expect(byCode.changshan).toMatchObject({ name: '长山街道', responseRate: null, resolutionRate: null, composite: null });
    expect(byCode.jinxing.name).toBe('金星街道');
    expect(byCode.jinxing.responseRate).toBeGreaterThan(0);
    expect(byCode.jinxing.responseRate).toBeLessThan(1);
    expect(byCode.jinxing.counts.ratings).toBe(3);
    expect(byCode.jinxing.teamSatisfaction).not.toBe(byCode.jinxing.providerSatisfaction);

    const scoped = await call(STREET, 'GET', `/figures?level=street&month=${month}`);
    expect(scoped.json().map((r: { code: string }) => r.code)).toEqual(['jinxing']);
    expect((await call(STREET, 'GET', `/figures?level=provider&month=${month}`)).statusCode).toBe(403);
    expect((await call(DISTRICT, 'GET', `/figures?level=street&month=2026-13`)).json().message).toEqual([expect.stringContaining('month')]);

    const ranked = await call(DISTRICT, 'GET', `/figures/rankings?level=community&month=${month}`);
    expect(ranked.json().red.map((r: { code: string }) => r.code)).toEqual(['jincheng']);
    expect(ranked.json().black.map((r: { code: string }) => r.code)).toEqual(['dukou']);

    const csv = await call(STREET, 'GET', `/reports/jinxing?month=${month}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^month,level,code,name,response_due,response_ok,response_rate/);
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['"jinxing"', '"dukou"', '"jincheng"']);
    const chart = await call(STREET, 'GET', `/reports/jinxing?month=${month}`);
    expect(chart.json().byUnit.labels).toEqual(['渡口社区', '金城社区']);
    expect(chart.json().byUnit.series.map((s: { key: string }) => s.key)).toEqual([
      'responseRate',
      'resolutionRate',
      'teamSatisfaction',
      'providerSatisfaction',
      'composite',
    ]);
    expect(chart.json().byDay.labels[0]).toBe(`${month}-01`);
    expect((await call(staff('community_admin', JINCHENG), 'GET', `/reports/dukou?month=${month}`)).statusCode).toBe(404);

    const check = await call(DISTRICT, 'POST', '/figures/recompute?repair=true');
    expect(check.json()).toMatchObject({ equal: true, mismatches: [] });
    expect(check.json().jobs).toBeGreaterThanOrEqual(7);
    // A repair rewrites every figure: the service audits who asked, and what came of it.
    const [audit] = await ds.query(
      `SELECT payload::jsonb AS data FROM outbox WHERE type = 'bangbang.rating.audit-recorded.v1' AND key = 'daily-figures'`,
    );
    expect(audit?.data).toMatchObject({
      action: 'figures.recomputed',
      actorRole: 'district_admin',
      resourceType: 'figures',
      purpose: 'repair requested; figures agreed, nothing repaired',
    });
  });
  it('serves the page behind the link without letting the token leak onward', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/rate/${randomUUID()}?token=${'x'.repeat(43)}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers).toMatchObject({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const field of ['name="team"', 'name="provider"', 'name="solved"', 'value="price_as_quoted"', 'name="comment"']) {
      expect(page.body).toContain(field);
    }
    const script = await app.inject({ method: 'GET', url: '/public/rating-page.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain("fetch('../ratings/'");
    expect((await app.inject({ method: 'GET', url: '/public/rate/not-a-request' })).statusCode).toBe(400);
  });
});
