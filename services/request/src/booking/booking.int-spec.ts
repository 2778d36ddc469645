import { RequestCreatedV2Event } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { RequestHarness, startRequestService } from '../../test/harness';
import { FakeSmsGateway } from '../../test/sms-gateway';
import { phoneKey } from './verification-code';

describe('public online booking', () => {
  const sms = new FakeSmsGateway();
  let h: RequestHarness;

  beforeAll(async () => {
    sms.up = true;
    h = await startRequestService({ SMS_GATEWAY_URL: await sms.start() });
  });

  afterAll(async () => {
    await h?.stop();
    await sms.stop();
  });

  const post = async (url: string, payload: object) => {
    const res = await h.app.inject({ method: 'POST', url, payload });
    return { statusCode: res.statusCode, json: () => res.json(), headers: res.headers };
  };
  const askCode = (phone: string) => post('/public/bookings/verification', { phone });
  /** Asks for a code and reads it off the resident's phone. */
  const codeFor = async (phone: string, typed = phone): Promise<string> => {
    const before = sms.bookingCodes(`+86${phone}`).length;
    expect((await askCode(typed)).statusCode).toBe(202);
    return waitFor(async () => sms.bookingCodes(`+86${phone}`)[before], { what: `a booking code texted to ${phone}` });
  };
  const leak = (home: { id: string }, code: string, phone: string) => ({
    phone,
    code,
    householdId: home.id,
    categoryCode: 'water-electric-repair',
    description: '卫生间水管漏水',
  });
  const stored = async () => ({
    requests: await h.count('service_request'),
    outbox: await h.count('outbox'),
    timeline: await h.count('request_timeline'),
    used: Number((await h.ds.query('SELECT count(*) AS n FROM booking_verification WHERE used_at IS NOT NULL'))[0].n),
  });

  it('books with the code texted to the resident, through intake: request.created.v2 with the household’s scope and fee policy', async () => {
    const home = await h.household('jincheng', ['13800000001'], { address: '金城社区8栋1单元101室' });
    const grant = await h.call('jinchengAdmin', 'POST', `/households/${home.id}/eligibility`, {
      reason: 'subsistence_allowance',
      evidence: '低保证 320211-0077',
      validUntil: new Date(Date.now() + 200 * 86_400_000).toISOString(),
    });
    expect(grant.statusCode).toBe(201);

    const code = await codeFor('13800000001', '138 0000 0001');
    const res = await post('/public/bookings', {
      phone: '+86 138-0000-0001',
      code,
      categoryCode: 'pipe-unclogging',
      description: '厨房下水道堵了',
      preferredWindow: { from: '2026-11-27T01:00:00.000Z', to: '2026-11-27T03:00:00.000Z' },
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['number', 'status']);
    expect(res.json()).toEqual({ number: expect.stringMatching(/^R\d{8}-\d{6}$/), status: 'dispatching' });

    const [r] = await h.ds.query('SELECT id, channel, resident_id FROM service_request WHERE number = $1', [res.json().number]);
    expect(r).toMatchObject({ channel: 'booking', resident_id: home.residents[0].id });
    const [created] = await h.events(RequestCreatedV2Event, 1, (d) => d.requestId === r.id);
    expect(created.data).toMatchObject({
      number: res.json().number,
      communityId: 'jincheng',
      orgPath: '/nanchang/jinxing/jincheng/',
      categoryCode: 'pipe-unclogging',
      kind: 'home_service',
      feePolicy: 'free',
      preferredWindow: { from: '2026-11-27T01:00:00.000Z', to: '2026-11-27T03:00:00.000Z' },
    });
    expect(created.data).not.toHaveProperty('summary');
    const detail = (await h.call('agent', 'GET', `/requests/${r.id}`)).json();
    expect(detail.timeline.map((t: { action: string; actor: object; note: string | null }) => [t.action, t.actor, t.note])).toEqual([
      ['receive', { kind: 'resident', id: home.residents[0].id }, 'booking'],
      ['publish', { kind: 'resident', id: home.residents[0].id }, null],
    ]);
    await waitFor(async () => sms.delivered.find((d) => d.to === '+8613800000001' && d.body.includes(res.json().number)), {
      what: 'the intake SMS',
    });
    const [kept] = await h.ds.query(`SELECT body FROM notification WHERE template = 'booking_code' AND recipient = '8613800000001'`);
    expect(kept.body).toContain('验证码[redacted]');

    const before = await stored();
    const reused = await post('/public/bookings', { phone: '13800000001', code, categoryCode: 'pipe-unclogging', description: '再来一次' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().message).toMatch(/^code: /);
    expect(await stored()).toEqual(before);
  });

  it('answers an unknown phone exactly like a registered one, and texts it nothing', async () => {
    await h.household('huaigu', ['13800000002']);
    const unknown = await askCode('13899999999');
    const known = await askCode('13800000002');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    await waitFor(async () => sms.bookingCodes('+8613800000002')[0], { what: 'the registered phone’s code' });
    await waitFor(async () => (await h.ds.query(`SELECT 1 FROM notification WHERE status = 'pending'`)).length === 0, {
      what: 'the queue drained',
    });
    expect(sms.delivered.filter((d) => d.to === '+8613899999999')).toEqual([]);
    expect(await h.ds.query(`SELECT 1 FROM notification WHERE recipient = '8613899999999'`)).toEqual([]);
    const booked = await post('/public/bookings', {
      phone: '13899999999',
      code: '123456',
      categoryCode: 'appliance-repair',
      description: '冰箱不制冷',
    });
    expect(booked.statusCode).toBe(400);
    expect(booked.json().message).toMatch(/^code: /);
  });

  it('refuses a wrong code and an expired one, storing nothing, and keeps the code usable after a wrong try', async () => {
    const home = await h.household('jincheng', ['13800000003']);
    const code = await codeFor('13800000003');
    const before = await stored();
    const wrong = await post('/public/bookings', leak(home, code === '000000' ? '000001' : '000000', '13800000003'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/^code: not a valid code/);
    expect(await stored()).toEqual(before);

    await h.ds.query(`UPDATE booking_verification SET expires_at = now() - interval '1 second' WHERE phone_key = $1`, [
      phoneKey('8613800000003'),
    ]);
    const expired = await post('/public/bookings', leak(home, code, '13800000003'));
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toBe(wrong.json().message);
    expect(await stored()).toEqual(before);

    const fresh = await codeFor('13800000003');
    expect((await post('/public/bookings', leak(home, fresh, '13800000003'))).statusCode).toBe(201);
  });

  it('sends 3 codes a phone an hour, registered or not, then 429 with Retry-After; 5 wrong codes lock even the right one', async () => {
    const home = await h.household('yinxiu', ['13800000004']);
    for (const phone of ['13800000004', '13899999998']) {
      for (let i = 0; i < 3; i++) expect((await askCode(phone)).statusCode).toBe(202);
      const limited = await askCode(phone);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().message).toMatch(/^phone: 3 codes/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3_500);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3_600);
    }
    const code: string = await waitFor(async () => sms.bookingCodes('+8613800000004')[2], { what: 'the third code' });
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) expect((await post('/public/bookings', leak(home, wrong, '13800000004'))).statusCode).toBe(400);
    const locked = await post('/public/bookings', leak(home, code, '13800000004'));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/^code: 5 wrong codes/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3_500);
    expect(await h.ds.query(`SELECT 1 FROM service_request WHERE channel = 'booking' AND household_id = $1`, [home.id])).toEqual([]);
  });

  it('counts concurrent wrong guesses one by one: of 20 at once, 5 are tries and the rest 429', async () => {
    const home = await h.household('huaigu', ['13800000007']);
    const code = await codeFor('13800000007');
    const wrong = code === '000000' ? '000001' : '000000';
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () => post('/public/bookings', leak(home, wrong, '13800000007')).then((r) => r.statusCode)),
    );
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const [row] = await h.ds.query('SELECT cardinality(wrong_at) AS tries FROM booking_verification WHERE phone_key = $1', [
      phoneKey('8613800000007'),
    ]);
    expect(row.tries).toBe(5);
    expect((await post('/public/bookings', leak(home, code, '13800000007'))).statusCode).toBe(429);
  });

  describe('bad input', () => {
    let homes: Array<{ id: string; residents: Array<{ id: string }> }>;
    let stranger: { id: string };
    let code: string;
    const booking = (change: object) => ({
      phone: '13800000005',
      code,
      householdId: homes[0].id,
      categoryCode: 'appliance-repair',
      description: '洗衣机漏水',
      ...change,
    });

    beforeAll(async () => {
      homes = [await h.household('jincheng', ['13800000005']), await h.household('huaigu', ['13800000005'])];
      stranger = await h.household('jincheng', ['13800000006']);
      await h.call('jinchengAdmin', 'PUT', '/catalogue/communities/jincheng/categories/home-haircut', { enabled: false });
      code = await codeFor('13800000005');
    });

    it.each([
      ['no phone', { phone: undefined }, 400, /phone/],
      ['a malformed phone', { phone: '12345' }, 400, /^phone: not a phone number/],
      ['a code that is not six digits', { code: '12ab' }, 400, /^code must be the six digits/],
      ['an unknown field', { urgency: 'emergency' }, 400, /urgency/],
      ['an oversized description', { description: '漏'.repeat(2001) }, 400, /description/],
      [
        'a window that ends before it starts',
        { preferredWindow: { from: '2026-11-27T04:00:00Z', to: '2026-11-27T01:00:00Z' } },
        400,
        /^preferredWindow\.to/,
      ],
      ['an unknown category', { categoryCode: 'space-travel' }, 400, /^categoryCode: unknown category/],
      ['a consultation', { categoryCode: 'policy-consultation' }, 400, /^categoryCode: policy-consultation is a consultation/],
      ['a category switched off in the community', { categoryCode: 'home-haircut' }, 422, /^categoryCode: home-haircut is switched off/],
      ['another resident’s household', { householdId: '' }, 400, /^householdId: .* is not a household of this phone/],
      [
        'no household for a phone registered at two',
        { householdId: undefined },
        400,
        /^householdId: this phone is registered at 2 households/,
      ],
    ] as const)('refuses %s naming the field, stores nothing and keeps the code', async (_, change, status, message) => {
      const before = await stored();
      const body = booking('householdId' in change && change.householdId === '' ? { householdId: stranger.id } : change);
      const res = await post('/public/bookings', body);
      expect(res.statusCode).toBe(status);
      expect([res.json().message].flat().join('; ')).toMatch(message);
      expect(await stored()).toEqual(before);
    });

    it('lists the phone’s households masked when it must choose, then books the chosen one with the same code', async () => {
      const res = await post('/public/bookings', booking({ householdId: undefined }));
      expect(
        res
          .json()
          .households.map((x: { id: string }) => x.id)
          .sort(),
      ).toEqual(homes.map((x) => x.id).sort());
      expect(JSON.stringify(res.json().households)).not.toMatch(/12栋3单元502室/);
      const booked = await post('/public/bookings', booking({ householdId: homes[1].id, categoryCode: 'home-haircut' }));
      expect(booked.statusCode).toBe(201);
      const [r] = await h.ds.query('SELECT household_id, org_path FROM service_request WHERE number = $1', [booked.json().number]);
      expect(r).toEqual({ household_id: homes[1].id, org_path: '/nanchang/jinxing/huaigu/' });
    });
  });
});
