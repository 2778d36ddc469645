import { waitFor } from '@bangbang/testing';
import { RunningReceiver, startMerchantReceiver } from '../../../deploy/examples/merchant-receiver/receiver';
import { JINCHENG, JINCHENG_UNIT } from './api-callers';
import { District, freePort, Headers, Reply } from './district';

const STREETS = ['jinxing', 'yangming', 'qingmingqiao', 'nanchansi', 'yinglongqiao', 'jinkui'];
const RESIDENT_PHONE = '13912345678';
const KAFKA = { timeoutMs: 60_000 };
/** The month as the rating service counts it: China time. */
const MONTH = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/**
 * The done-when of issues 4 to 8 in one story, all six services in this process on real ports and
 * every step a call to the gateway as the person would make it; only the residents' texts are read
 * from the fake SMS gateway. The steps share state and run in order.
 */
describe('the whole demo district, end to end through the gateway', () => {
  let d: District;
  let receiver: RunningReceiver | undefined;
  let admin: Headers;
  let agent: Headers;
  let unit: Headers;
  let unitId: string;
  let householdId: string;
  let repair: { id: string; number: string };

  const ok = (reply: Reply, status = 200): any => {
    expect({ status: reply.status, body: reply.body }).toMatchObject({ status });
    return reply.body;
  };
  const requestIn = (id: string, status: string) =>
    waitFor(
      async () => {
        const r = (await d.api('GET', `/api/request/requests/${id}`, agent)).body;
        return r.status === status && r;
      },
      { ...KAFKA, what: `request ${id} to be ${status}` },
    );
  const signOffCode = (number: string) =>
    waitFor(async () => d.sms.signOffCodes(number).at(-1), { ...KAFKA, what: `the sign-off code for ${number}` });

  beforeAll(async () => {
    d = await District.start();
    admin = await d.login('jincheng.admin');
    agent = await d.login('hotline.agent');
  });

  afterAll(async () => {
    await receiver?.close();
    await d?.stop();
  });

  it('issue 6: the Jincheng admin signs up a partner unit whose own system takes offers by webhook', async () => {
    const applied = ok(await d.api('POST', '/api/merchant/units', admin, JINCHENG_UNIT), 201);
    unitId = applied.id;
    expect(applied).toMatchObject({ status: 'applied', coverage: [JINCHENG] });
    for (const to of ['verified', 'active']) {
      expect(
        ok(await d.api('POST', `/api/merchant/units/${unitId}/status`, admin, { to, reason: 'licence checked on a site visit' }), 201),
      ).toMatchObject({ status: to });
    }
    ok(
      await d.api('PUT', `/api/merchant/units/${unitId}/offerings/water-electric-repair`, admin, {
        description: '水电维修：龙头、插座、跳闸',
        priceMinFen: 2_000,
        priceMaxFen: 6_000,
      }),
    );
    const { apiKey } = ok(await d.api('POST', `/api/merchant/units/${unitId}/api-keys`, admin, { scopes: ['manage'] }), 201);
    expect(apiKey).toMatch(/^bbk_/);
    unit = { 'x-api-key': apiKey };
    // The gateway learns the key's hash from api-key-issued.v1.
    const me = await waitFor(
      async () => {
        const r = await d.api('GET', '/api/merchant/me', unit);
        return r.status === 200 && r.body;
      },
      { ...KAFKA, what: 'the gateway to know the API key' },
    );
    expect(me.id).toBe(unitId);

    const port = await freePort();
    const endpoint = ok(await d.api('POST', '/api/merchant/me/webhooks', unit, { url: `http://127.0.0.1:${port}/webhooks` }), 201);
    expect(endpoint.secret).toMatch(/^whsec_/);
    receiver = await startMerchantReceiver({
      secret: endpoint.secret,
      apiUrl: d.gatewayUrl,
      apiKey,
      port,
      acceptCategories: ['water-electric-repair'],
      log: () => undefined,
    });

    await waitFor(
      async () =>
        (
          await d
            .db('dispatch')
            .query(`SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active AND 'water-electric-repair' = ANY (categories)`, [
              unitId,
            ])
        ).length > 0,
      {
        ...KAFKA,
        what: 'dispatch to know the unit as an active water-and-power provider',
      },
    );
  });

  it('issue 4: the agent registers a household, finds the caller by phone and logs a repair', async () => {
    // The request service keeps its own copy of the org tree, from the gateway's directory events.
    await waitFor(async () => (await d.api('GET', '/api/request/catalogue/categories?community=jincheng', agent)).status === 200, {
      ...KAFKA,
      what: 'the request service to know Jincheng',
    });
    const household = ok(
      await d.api('POST', '/api/request/households', agent, {
        communityCode: 'jincheng',
        address: '无锡市梁溪区金星街道金城社区12栋3单元502室',
        residents: [{ name: '王阿姨', phones: [RESIDENT_PHONE], tags: ['elderly_living_alone'] }],
      }),
      201,
    );
    householdId = household.id;

    const callers = ok(await d.api('GET', `/api/request/callers?phone=${RESIDENT_PHONE}`, agent));
    expect(callers.map((h: { id: string }) => h.id)).toEqual([householdId]);
    expect(callers[0]).toMatchObject({ communityCode: 'jincheng', contactMasked: true, feePolicy: 'low_cost', openRequests: [] });
    expect(callers[0].residents[0].name).toBe('王阿姨');

    repair = ok(
      await d.api('POST', '/api/request/requests', agent, {
        householdId,
        categoryCode: 'water-electric-repair',
        description: '厨房插座没电，跳闸推不上去',
      }),
      201,
    );
    expect(repair).toMatchObject({ categoryCode: 'water-electric-repair', feePolicy: 'low_cost' });
    expect(repair.number).toMatch(/^R\d{8}-\d{6}$/);
    const intakeText = await waitFor(async () => d.sms.delivered.find((m) => m.body.includes(repair.number)), {
      ...KAFKA,
      what: 'the intake text',
    });
    expect(intakeText.to).toContain(RESIDENT_PHONE);
  });

  it('issues 5 and 6: with no one acting, the unit is offered the job, accepts by its API, and the request shows assigned', async () => {
    const [answer] = await waitFor(async () => receiver!.accepted.length > 0 && receiver!.accepted, {
      ...KAFKA,
      what: 'the receiver to accept the offer',
    });
    expect(answer.status).toBe(200);
    const offered = receiver!.messages.find((m) => m.type === 'job.offered')!;
    expect(offered.data).toMatchObject({ offerId: answer.offerId, requestId: repair.id, categoryCode: 'water-electric-repair' });

    const assigned = await requestIn(repair.id, 'assigned');
    expect(assigned.provider).toMatchObject({ id: unitId, kind: 'merchant' });
    expect(ok(await d.api('GET', `/api/dispatch/jobs/${repair.id}`, agent))).toMatchObject({
      state: 'assigned',
      provider: { id: unitId, kind: 'merchant' },
    });
  });

  it('issues 4 and 6: the unit reports on site and done, and signs off with the code texted to the resident', async () => {
    ok(await d.api('POST', `/api/dispatch/jobs/${repair.id}/on-site`, unit));
    await requestIn(repair.id, 'on_site');
    ok(await d.api('POST', `/api/dispatch/jobs/${repair.id}/complete`, unit, { priceChargedFen: 3_000, notes: '更换了漏电保护器' }));
    await requestIn(repair.id, 'completed');

    const code = await signOffCode(repair.number);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await d.api('POST', `/api/request/requests/${repair.id}/sign-off`, unit, { code: wrong, solved: true })).status).toBe(422);
    ok(await d.api('POST', `/api/request/requests/${repair.id}/sign-off`, unit, { code, solved: true }));
    const signedOff = ok(await d.api('GET', `/api/request/requests/${repair.id}`, agent));
    expect(signedOff).toMatchObject({ status: 'signed_off', provider: { id: unitId } });
  });

  it('issue 8: the resident rates through the texted link, the public scorecard shows it, and the district reads every street', async () => {
    const link = await waitFor(async () => d.sms.ratingLinks(repair.id)[0], { ...KAFKA, what: 'the rating link texted to the resident' });
    expect(link.to).toContain(RESIDENT_PHONE);
    expect(link.url.startsWith(`${d.gatewayUrl}/api/rating/public/rate/${repair.id}?token=`)).toBe(true);
    const page = await d.api('GET', link.url.slice(d.gatewayUrl.length));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form');

    // What the page posts; the link becomes valid once the rating service has heard of the sign-off.
    const rating = { token: link.token, team: 'satisfied', provider: 'basically_satisfied', solved: true, tags: ['punctual', 'polite'] };
    const rated = await waitFor(
      async () => {
        const r = await d.api('POST', `/api/rating/public/ratings/${repair.id}`, {}, rating);
        return r.status !== 404 && r;
      },
      { ...KAFKA, what: 'the rating service to accept the link' },
    );
    expect(rated.status).toBe(201);
    expect((await d.api('POST', `/api/rating/public/ratings/${repair.id}`, {}, rating)).status).toBe(409);

    const scorecard = await waitFor(
      async () => {
        const r = await d.api('GET', `/api/rating/public/providers/${unitId}/scorecard`);
        return r.status === 200 && r.body.ratingsCount === 1 && r.body;
      },
      { ...KAFKA, what: 'the scorecard to count the rating' },
    );
    expect(scorecard).toMatchObject({ providerId: unitId, providerKind: 'merchant', meanStars: 4 });
    expect(scorecard.topTags.map((t: { tag: string }) => t.tag).sort()).toEqual(['polite', 'punctual']);

    const district = await d.login('district.admin');
    const rows = await waitFor(
      async () => {
        const r = await d.api('GET', `/api/rating/figures?level=street&month=${MONTH}`, district);
        return (
          r.status === 200 &&
          r.body.find((row: { code: string; counts: { ratings: number } }) => row.code === 'jinxing' && row.counts.ratings === 1) &&
          r.body
        );
      },
      { ...KAFKA, what: "Jinxing's figures to count the rating" },
    );
    expect(rows.map((r: { code: string }) => r.code).sort()).toEqual([...STREETS].sort());
    const jinxing = rows.find((r: { code: string }) => r.code === 'jinxing');
    expect(jinxing).toMatchObject({ month: MONTH, teamSatisfaction: 1 });
    expect(jinxing.composite).not.toBeNull();
  });

  it('issue 7: a resident volunteers, is approved and trained, takes a haircut job, earns points, redeems a reward and is ranked', async () => {
    const account = { username: 'li.xiaomei', password: 'jincheng-haircut-2026' };
    ok(
      await d.api('POST', '/auth/volunteers', {}, { ...account, displayName: '李晓梅', phone: '13700001111', communityCode: 'jincheng' }),
      202,
    );
    const signedIn = ok(await d.api('POST', '/auth/login', {}, account));
    const volunteer = { authorization: `Bearer ${signedIn.accessToken}` };
    const { id: volunteerId } = ok(await d.api('GET', '/auth/me', volunteer));
    const yearAhead = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const applied = ok(
      await d.api('POST', '/api/volunteer/applications', volunteer, {
        displayName: '李晓梅',
        homeCommunityPath: JINCHENG,
        specialties: [
          { categoryCode: 'home-haircut', certificate: { name: '美发师职业资格证书', number: 'MF3202001234', expiresAt: yearAhead } },
        ],
        availability: { always: true, windows: [] },
        maxConcurrentJobs: 2,
      }),
      201,
    );
    expect(applied).toMatchObject({ id: volunteerId, status: 'applied' });

    expect(ok(await d.api('POST', `/api/volunteer/volunteers/${volunteerId}/approve`, admin, { reason: '证书核验无误' }))).toMatchObject({
      status: 'approved',
    });
    const today = new Date().toISOString().slice(0, 10);
    for (const module of ['ethos', 'procedure', 'skills', 'safety']) {
      ok(await d.api('POST', `/api/volunteer/volunteers/${volunteerId}/training`, admin, { module, completedOn: today }));
    }
    expect(ok(await d.api('GET', '/api/volunteer/me', volunteer)).training.missing).toEqual([]);
    await waitFor(
      async () =>
        (
          await d
            .db('dispatch')
            .query(`SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active AND 'home-haircut' = ANY (categories)`, [volunteerId])
        ).length > 0,
      {
        ...KAFKA,
        what: 'dispatch to know the volunteer as an active haircut provider',
      },
    );

    const haircut = ok(
      await d.api('POST', '/api/request/requests', agent, {
        householdId,
        categoryCode: 'home-haircut',
        description: '老人行动不便，需要上门理发',
      }),
      201,
    );
    const offer = await waitFor(
      async () =>
        (await d.api('GET', '/api/dispatch/offers', volunteer)).body.find?.((o: { requestId: string }) => o.requestId === haircut.id),
      {
        ...KAFKA,
        what: 'the volunteer to see the offer',
      },
    );
    expect(offer).toMatchObject({ status: 'open', job: { categoryCode: 'home-haircut', requestNumber: haircut.number } });
    ok(await d.api('POST', `/api/dispatch/offers/${offer.offerId}/accept`, volunteer));
    expect((await requestIn(haircut.id, 'assigned')).provider).toMatchObject({ id: volunteerId, kind: 'volunteer' });
    ok(await d.api('POST', `/api/dispatch/jobs/${haircut.id}/on-site`, volunteer));
    ok(await d.api('POST', `/api/dispatch/jobs/${haircut.id}/complete`, volunteer, { priceChargedFen: 0, notes: '剪发一次' }));
    await requestIn(haircut.id, 'completed');
    ok(
      await d.api('POST', `/api/request/requests/${haircut.id}/sign-off`, volunteer, {
        code: await signOffCode(haircut.number),
        solved: true,
      }),
    );
    expect((await requestIn(haircut.id, 'signed_off')).provider).toMatchObject({ id: volunteerId });

    const earned = await waitFor(
      async () => {
        const r = await d.api('GET', '/api/volunteer/me/points', volunteer);
        return r.status === 200 && r.body.balance > 0 && r.body;
      },
      { ...KAFKA, what: 'points for the signed-off job' },
    );
    const reward = ok(
      await d.api('POST', '/api/volunteer/rewards', admin, {
        unitPath: JINCHENG,
        name: '洗衣液一瓶',
        costPoints: earned.balance,
        stock: 5,
      }),
      201,
    );
    ok(await d.api('POST', `/api/volunteer/rewards/${reward.id}/redeem`, volunteer), 201);
    expect(ok(await d.api('GET', '/api/volunteer/me/points', volunteer)).balance).toBe(earned.balance - reward.costPoints);
    expect((await d.api('POST', `/api/volunteer/rewards/${reward.id}/redeem`, volunteer)).status).toBe(409);

    const ranking = ok(await d.api('GET', `/api/volunteer/rankings?unit=${JINCHENG}&period=month`, admin));
    expect(ranking.entries).toEqual(expect.arrayContaining([expect.objectContaining({ volunteerId, points: earned.balance })]));
  });
});
