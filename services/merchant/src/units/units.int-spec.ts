import {
  ApiKeyIssued,
  JobCompleted,
  JobOffered,
  MerchantProviderProfile,
  OfferDeclined,
  RatingSubmitted,
  RequestSignedOff,
  UnitStatusChanged,
} from '@bangbang/contracts';
import { readTopic, waitFor } from '@bangbang/testing';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CreditService } from '../credit/credit.service';
import { CLAIM_LEASE_SECONDS } from '../idempotency/idempotency.interceptor';
import {
  JINCHENG,
  merchant,
  MerchantHarness,
  OTHER_STREET_ADMIN,
  serviceHours,
  startMerchant,
  STREET_ADMIN,
} from '../../test/merchant-harness';

const COMMUNITY_ADMIN = { id: 'admin-jincheng', kind: 'staff' as const, role: 'community_admin', org: 'jincheng', orgPath: JINCHENG };
const DISTRICT_ADMIN = { id: 'admin-nanchang', kind: 'staff' as const, role: 'district_admin', org: 'nanchang', orgPath: '/nanchang/' };

describe('partner units, offerings, API keys, credit and the public directory', () => {
  let h: MerchantHarness;

  beforeAll(async () => {
    h = await startMerchant({ API_KEY_GRACE_MS: '300', MAINTENANCE_MS: '100' });
  });

  afterAll(() => h?.stop());

  const outbox = (type: string, key: string): Promise<Record<string, unknown>[]> =>
    h.ds
      .query('SELECT payload::jsonb AS data FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq', [type, key])
      .then((rows) => rows.map((r: { data: object }) => r.data));

  const application = {
    orgPath: JINCHENG,
    kind: 'social_org',
    legalName: '梁溪区金城社区卫生服务站',
    displayName: 'Jincheng Health Station',
    licenceNo: '52320213MJ0000001X',
    contactName: '李医生',
    contactPhone: '13912345678',
    serviceHours,
    maxConcurrentJobs: 2,
    takesFreeJobs: true,
    reason: 'applied at the community office',
  };

  it('takes a unit from application to active, each move with a reason and an event; illegal moves are 409 saying why', async () => {
    const created = await h.call(COMMUNITY_ADMIN, 'POST', '/units', application);
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ status: 'applied', coverage: [JINCHENG], contactPhone: '139****5678' });

    const early = await h.call(COMMUNITY_ADMIN, 'POST', `/units/${unit.id}/status`, { to: 'active', reason: 'skip it' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('has applied and is not verified yet');
    const byDistrict = await h.call(DISTRICT_ADMIN, 'POST', `/units/${unit.id}/status`, { to: 'verified', reason: 'from the district' });
    expect(byDistrict.statusCode).toBe(409);
    expect(byDistrict.json().message).toContain('only a community or street admin');

    for (const to of ['verified', 'active', 'suspended', 'active']) {
      const res = await h.call(COMMUNITY_ADMIN, 'POST', `/units/${unit.id}/status`, { to, reason: `${to}: checked` });
      expect({ to, status: res.statusCode }).toEqual({ to, status: 201 });
    }
    const history = (await h.call(COMMUNITY_ADMIN, 'GET', `/units/${unit.id}/history`)).json();
    expect(history.map((c: { to: string }) => c.to)).toEqual(['applied', 'verified', 'active', 'suspended', 'active']);
    expect(history[3]).toMatchObject({ from: 'active', to: 'suspended', reason: 'suspended: checked', by: COMMUNITY_ADMIN.id });

    const changes = await outbox(UnitStatusChanged.type, unit.id);
    expect(changes.map((c) => c.to)).toEqual(['applied', 'verified', 'active', 'suspended', 'active']);
    const profiles = await outbox(MerchantProviderProfile.type, unit.id);
    expect(profiles.map((p) => [p.version, p.active])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
      [5, true],
    ]);
    expect(profiles.at(-1)).toMatchObject({
      providerId: unit.id,
      providerKind: 'social_org',
      coverage: [JINCHENG],
      takesFreeJobs: true,
      maxConcurrentJobs: 2,
    });

    const published = await readTopic(`${h.prefix}${MerchantProviderProfile.topic}`, 15);
    expect(published.filter((m) => m.key === unit.id && m.headers.ce_type === MerchantProviderProfile.type)).toHaveLength(5);
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const before = await h.ds.query('SELECT count(*)::int AS n FROM partner_unit');
    const res = await h.call(STREET_ADMIN, 'POST', '/units', { ...application, contactPhone: 'call me', maxConcurrentJobs: -1, extra: 1 });
    expect(res.statusCode).toBe(400);
    const message = JSON.stringify(res.json().message);
    for (const field of ['contactPhone', 'maxConcurrentJobs', 'extra']) expect(message).toContain(field);
    const noReason = await h.call(STREET_ADMIN, 'POST', '/units', { ...application, reason: undefined });
    expect(JSON.stringify(noReason.json().message)).toContain('reason');
    expect(await h.ds.query('SELECT count(*)::int AS n FROM partner_unit')).toEqual(before);
  });

  it.each([
    ['without service hours', { serviceHours: undefined }, /^serviceHours must be an object$/],
    ['with null service hours', { serviceHours: null }, /^(nested property )?serviceHours must be/],
    ['with service hours in an array', { serviceHours: [serviceHours] }, /^serviceHours must be an object$/],
    [
      'with windows nested in arrays',
      { serviceHours: { ...serviceHours, windows: [[[]]] } },
      /^serviceHours\.windows\.0 must be an object$/,
    ],
    ['with a NUL in its name', { displayName: 'Jincheng\u0000Health' }, /^displayName must not contain control characters/],
    ['with an unsafe number', { maxConcurrentJobs: 2 ** 53 }, /^maxConcurrentJobs must be a number between/],
  ])('refuses an application %s with 400 naming the field, storing nothing', async (_, change, message) => {
    const before = await h.ds.query('SELECT count(*)::int AS n FROM partner_unit');
    const res = await h.call(STREET_ADMIN, 'POST', '/units', { ...application, ...change });
    expect(res.statusCode).toBe(400);
    expect([res.json().message].flat()[0]).toMatch(message);
    expect(await h.ds.query('SELECT count(*)::int AS n FROM partner_unit')).toEqual(before);
  });

  it('changes only what a PATCH names, by an admin or by the unit itself', async () => {
    const id = await h.activeUnit('Partial Repairs');
    const row = () =>
      h.ds
        .query('SELECT display_name, contact_name, coverage, service_hours, max_concurrent_jobs FROM partner_unit WHERE id = $1', [id])
        .then((r) => r[0]);
    const before = await row();
    const renamed = await h.call(STREET_ADMIN, 'PATCH', `/units/${id}`, { displayName: 'Partial Repairs & Sons' });
    expect(renamed.statusCode).toBe(200);
    expect(await row()).toEqual({ ...before, display_name: 'Partial Repairs & Sons' });
    const own = await h.call(merchant(id), 'PATCH', '/me', { maxConcurrentJobs: 3 });
    expect(own.statusCode).toBe(200);
    expect(await row()).toEqual({ ...before, display_name: 'Partial Repairs & Sons', max_concurrent_jobs: 3 });
  });

  it('refuses null for a field a unit cannot be without, changing nothing', async () => {
    const id = await h.activeUnit('Nullable Repairs');
    const before = await h.ds.query('SELECT display_name, service_hours FROM partner_unit WHERE id = $1', [id]);
    for (const change of [{ displayName: null }, { serviceHours: null }, { maxConcurrentJobs: null }]) {
      const res = await h.call(STREET_ADMIN, 'PATCH', `/units/${id}`, change);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toEqual([`${Object.keys(change)[0]} must not be null (leave it out to keep it as it is)`]);
    }
    expect(await h.ds.query('SELECT display_name, service_hours FROM partner_unit WHERE id = $1', [id])).toEqual(before);
  });

  it('hides units outside the admin scope as 404, and keeps coverage within it', async () => {
    const id = await h.activeUnit('Scoped Repairs');
    expect((await h.call(OTHER_STREET_ADMIN, 'GET', `/units/${id}`)).statusCode).toBe(404);
    expect((await h.call(OTHER_STREET_ADMIN, 'POST', `/units/${id}/status`, { to: 'suspended', reason: 'x' })).statusCode).toBe(404);
    expect((await h.call(OTHER_STREET_ADMIN, 'GET', '/units')).json()).toEqual([]);
    const wide = await h.call(STREET_ADMIN, 'PATCH', `/units/${id}`, { coverage: ['/nanchang/yinxiu/'] });
    expect(wide.statusCode).toBe(404);
    expect((await h.call(merchant(id), 'GET', '/units')).statusCode).toBe(403);
  });

  it('reads the contact phone unmasked only with a purpose, and audits it', async () => {
    const id = await h.activeUnit('Audited Locksmith');
    expect((await h.call(STREET_ADMIN, 'GET', `/units/${id}/contact`)).statusCode).toBe(400);
    const res = await h.call(STREET_ADMIN, 'GET', `/units/${id}/contact?purpose=${encodeURIComponent('arrange the site visit')}`);
    expect(res.json()).toEqual({ contactName: '王师傅', contactPhone: '13812345678' });
    const audits = await outbox('bangbang.merchant.audit-recorded.v1', id);
    expect(audits.map((a) => a.action)).toContain('partner-unit.contact-read');
  });

  it("keeps a price list whose categories reach dispatch's profile; Idempotency-Key replays the answer", async () => {
    const id = await h.activeUnit('Priced Barber');
    const me = merchant(id);
    const bad = await h.call(me, 'PUT', '/me/offerings/home-haircut', {
      description: 'haircut at home',
      priceMinFen: 3_000,
      priceMaxFen: 1_000,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().message)).toContain('priceMaxFen');

    const key = { 'idempotency-key': 'price-list-0001' };
    const first = await h.call(me, 'PUT', '/me/offerings/home-haircut', { description: 'haircut at home', priceMinFen: 1_500 }, key);
    const again = await h.call(me, 'PUT', '/me/offerings/home-haircut', { description: 'haircut at home', priceMinFen: 1_500 }, key);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ priceMinFen: 1_500, priceMaxFen: 1_500 });
    const other = await h.call(me, 'PUT', '/me/offerings/home-haircut', { description: 'haircut at home', priceMinFen: 9_900 }, key);
    expect(other.statusCode).toBe(422);

    // A category the unit adds itself reaches dispatch once an admin approves it.
    expect((await outbox(MerchantProviderProfile.type, id)).at(-1)!.categories).toEqual(['water-electric-repair']);
    expect(
      (await h.call(STREET_ADMIN, 'POST', `/units/${id}/offerings/home-haircut/approve`, { reason: 'barber licence seen' })).statusCode,
    ).toBe(201);
    const profiles = await outbox(MerchantProviderProfile.type, id);
    expect(profiles.at(-1)!.categories).toEqual(['home-haircut', 'water-electric-repair']);
    // One profile per real change: apply, verify, activate, first offering, the haircut once, its approval.
    expect(profiles).toHaveLength(6);
  });

  it('lets a retry run again once an in-progress Idempotency-Key claim has outlived its lease (the process died before storing the answer)', async () => {
    const id = await h.activeUnit('Crashed Barber');
    const me = merchant(id);
    const key = { 'idempotency-key': `crash-${randomUUID()}` };
    const put = { description: 'haircut at home', priceMinFen: 2_000 };
    expect((await h.call(me, 'PUT', '/me/offerings/home-haircut', put, key)).statusCode).toBe(200);
    // What a crash between the handler's commit and the stored answer leaves behind.
    const abandon = (ageSeconds: number) =>
      h.ds.query(`UPDATE idempotency_key SET status = NULL, body = NULL, created_at = now() - make_interval(secs => $2) WHERE key = $1`, [
        key['idempotency-key'],
        ageSeconds,
      ]);

    await abandon(1);
    expect((await h.call(me, 'PUT', '/me/offerings/home-haircut', put, key)).statusCode).toBe(409);

    await abandon(CLAIM_LEASE_SECONDS + 1);
    expect((await h.call(me, 'PUT', '/me/offerings/home-haircut', { ...put, priceMinFen: 9_900 }, key)).statusCode).toBe(422);
    const rerun = await h.call(me, 'PUT', '/me/offerings/home-haircut', put, key);
    expect(rerun.statusCode).toBe(200);
    expect(rerun.headers['idempotent-replayed']).toBeUndefined();
    expect(rerun.json()).toMatchObject({ categoryCode: 'home-haircut', priceMinFen: 2_000 });
    const replayed = await h.call(me, 'PUT', '/me/offerings/home-haircut', put, key);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toEqual(rerun.json());
  });

  it("issues API keys shown once and hashed, rotates with a grace period, and scopes /me to the key's unit", async () => {
    const id = await h.activeUnit('Keyed Electric');
    const issued = await h.call(STREET_ADMIN, 'POST', `/units/${id}/api-keys`);
    expect(issued.statusCode).toBe(201);
    const { apiKey, keyId, prefix } = issued.json();
    expect(apiKey).toMatch(/^bbk_[A-Za-z0-9_-]{43}$/);
    expect(prefix).toBe(apiKey.slice(0, 8));
    const [event] = await outbox(ApiKeyIssued.type, keyId);
    expect(event).toMatchObject({ unitId: id, orgPath: JINCHENG, prefix, keyHash: createHash('sha256').update(apiKey).digest('hex') });
    const listed = await h.call(merchant(id), 'GET', '/me/api-keys');
    expect(listed.body).not.toContain(apiKey);
    expect(listed.body).not.toContain('keyHash');

    const rotated = await h.call(merchant(id), 'POST', '/me/api-keys/rotate');
    expect(rotated.statusCode).toBe(201);
    expect(rotated.json().keyId).not.toBe(keyId);
    const revoked = await waitFor(async () => (await outbox('bangbang.merchant.api-key-revoked.v1', keyId))[0], {
      what: 'the old key revoked after its grace period',
    });
    expect(revoked).toMatchObject({ keyId, unitId: id });
    const keys = (await h.call(merchant(id), 'GET', '/me/api-keys')).json();
    expect(keys.find((k: { keyId: string }) => k.keyId === keyId).revokedAt).not.toBeNull();
    expect(keys.find((k: { keyId: string }) => k.keyId === rotated.json().keyId).revokedAt).toBeNull();

    const other = await h.activeUnit('Other Electric');
    expect((await h.call(merchant(other), 'DELETE', `/me/api-keys/${rotated.json().keyId}`)).statusCode).toBe(404);
    expect((await h.call(merchant(id), 'GET', '/me')).json().id).toBe(id);
    expect((await h.call(STREET_ADMIN, 'GET', '/me')).statusCode).toBe(403);
  });

  it('flags a unit that charged a free household, and scores its credit from dispatch, request and rating facts', async () => {
    const id = await h.activeUnit('Overcharging Plumbing');
    const requestId = randomUUID();
    const base = {
      requestId,
      orgPath: JINCHENG,
      categoryCode: 'water-electric-repair',
      at: new Date().toISOString(),
      providerId: id,
      providerKind: 'merchant' as const,
    };
    const declinedOffer = randomUUID();
    await h.produce(JobOffered, requestId, {
      ...base,
      offerId: declinedOffer,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      feePolicy: 'free',
      urgency: 'general',
    });
    await h.produce(OfferDeclined, requestId, { ...base, offerId: declinedOffer, reason: 'busy' });
    // Completion may come before anything else about the job: the fee policy arrives with the sign-off.
    const other = randomUUID();
    await h.produce(JobCompleted, other, { ...base, requestId: other, priceChargedFen: 3_000, notes: 'replaced tap' });
    await h.produce(RequestSignedOff, other, {
      ...base,
      requestId: other,
      via: 'code',
      solved: true,
      feePolicy: 'free',
      completedAt: new Date().toISOString(),
      resolutionDueAt: new Date(Date.now() + 86_400e3).toISOString(),
    });
    await h.produce(RatingSubmitted, other, {
      ...base,
      requestId: other,
      ratingId: randomUUID(),
      team: 'satisfied',
      provider: 'dissatisfied',
      solved: true,
      tags: [],
      channel: 'follow_up_call',
      revision: 1,
      ratedAt: new Date().toISOString(),
    });
    const flag = await waitFor(
      async () => (await outbox('bangbang.merchant.unit-flagged.v1', id)).find((f) => f.reason === 'charged_free_household'),
      { what: 'the overcharge flag' },
    );
    expect(flag).toMatchObject({ unitId: id, requestId: other, detail: expect.stringContaining('3000 fen') });

    const card = await waitFor(
      async () => {
        const c = (await h.call(merchant(id), 'GET', '/me/scorecard')).json();
        return c.components.acceptance.samples === 1 && c.components.satisfaction.samples === 1 && c.components.onTime.samples === 1 && c;
      },
      { what: 'the scorecard' },
    );
    expect(card.components).toMatchObject({
      acceptance: { rate: 0, samples: 1 },
      satisfaction: { rate: 0, samples: 1 },
      onTime: { rate: 1, samples: 1 },
    });
    // The dissatisfied rating and the overcharge are both complaints about the one completed job.
    expect(card.components.complaints.rate).toBe(1);
    expect(card.score).toBeLessThan(83.75);
    expect(card.formula).toContain('0.35·satisfaction');
    const updates = await outbox('bangbang.merchant.credit-updated.v1', id);
    expect(updates.at(-1)).toMatchObject({ unitId: id, score: card.score });
    expect((await h.call(STREET_ADMIN, 'GET', `/units/${id}/scorecard`)).json().score).toBe(card.score);
    expect((await h.call(OTHER_STREET_ADMIN, 'GET', `/units/${id}/scorecard`)).statusCode).toBe(404);
    // Refreshed again with no new fact, the score is the same, so nothing is published again.
    const published = updates.length;
    for (let i = 0; i < 2; i++) await h.app.get(DataSource).transaction((m) => h.app.get(CreditService).refresh(m, id));
    expect(await outbox('bangbang.merchant.credit-updated.v1', id)).toHaveLength(published);
  });

  it('lists active units on the public directory by community and category, without contact details', async () => {
    const id = await h.activeUnit('Directory Plumbing');
    const list = await h.app.inject({
      method: 'GET',
      url: `/public/units?community=${encodeURIComponent(JINCHENG)}&category=water-electric-repair`,
    });
    expect(list.statusCode).toBe(200);
    const entry = list.json().find((u: { id: string }) => u.id === id);
    expect(entry).toMatchObject({
      displayName: 'Directory Plumbing',
      offerings: [{ categoryCode: 'water-electric-repair', description: 'taps, pipes, sockets', priceMinFen: 2_000, priceMaxFen: 8_000 }],
      credibility: expect.any(Number),
      satisfaction: { rate: expect.any(Number), samples: expect.any(Number) },
    });
    expect(list.body).not.toMatch(/1381234|contact|licence/i);
    const elsewhere = await h.app.inject({
      method: 'GET',
      url: `/public/units?community=${encodeURIComponent('/nanchang/yinxiu/yinxiu-a/')}`,
    });
    expect(elsewhere.json().map((u: { id: string }) => u.id)).not.toContain(id);
    const wrongCategory = await h.app.inject({ method: 'GET', url: '/public/units?category=home-haircut' });
    expect(wrongCategory.json().map((u: { id: string }) => u.id)).not.toContain(id);

    await h.call(STREET_ADMIN, 'POST', `/units/${id}/status`, { to: 'suspended', reason: 'complaints under review' });
    expect((await h.app.inject({ method: 'GET', url: `/public/units/${id}` })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/public/units?community=nope' })).statusCode).toBe(400);
  });
});
