import { PointsPosted, ServiceExchanged } from '@bangbang/contracts';
import { waitFor } from '@bangbang/testing';
import { admin, HUAIGU, JINCHENG, VolunteerHarness } from '../../test/volunteer-harness';

describe('spending points: rewards, exchanges and corrections', () => {
  let h: VolunteerHarness;
  const districtAdmin = admin('/nanchang/', 'district_admin', 'admin-district');

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    await h.watchPublished();
  });

  afterAll(() => h?.stop());

  const credit = async (volunteerId: string, points: number) => {
    const res = await h.as(admin(), 'POST', '/ledger/corrections', { volunteerId, points, reason: 'opening balance for the test' });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const reward = async (costPoints: number, stock: number, unitPath = JINCHENG) => {
    const res = await h.as(admin(unitPath), 'POST', '/rewards', { unitPath, name: `Rice ${costPoints}/${stock}`, costPoints, stock });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  it('lets exactly 10 of 50 concurrent redemptions through when the balance covers 10', async () => {
    const v = await h.approvedVolunteer('v-rush');
    await credit('v-rush', 100);
    const id = await reward(10, 1_000);
    const results = await Promise.all(Array.from({ length: 50 }, () => h.as(v, 'POST', `/rewards/${id}/redeem`)));
    const ok = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(40);
    expect(refused[0].json()).toMatchObject({ balance: 0, cost: 10, message: 'the balance of 0 points does not cover 10' });
    expect((await h.as(v, 'GET', '/me/points')).json()).toMatchObject({ balance: 0, lifetimePoints: 100 });
    expect(await h.rows('SELECT stock FROM reward WHERE id = $1', [id])).toEqual([{ stock: 990 }]);
    expect(await h.rows('SELECT count(*)::int AS n FROM redemption WHERE reward_id = $1', [id])).toEqual([{ n: 10 }]);
    const check = await h.as(districtAdmin, 'GET', '/ledger/check');
    expect(check.json()).toMatchObject({ sumOfAllLines: 0, unbalancedEntries: [], cacheMismatches: [], negativeAccounts: [] });
  });

  it('never hands out more than the stock under concurrent redemptions, and says so with the figures', async () => {
    const v = await h.approvedVolunteer('v-stock');
    await credit('v-stock', 1_000);
    const id = await reward(5, 3);
    const results = await Promise.all(Array.from({ length: 10 }, () => h.as(v, 'POST', `/rewards/${id}/redeem`)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refusal = results.find((r) => r.statusCode === 409)!.json();
    expect(refusal).toMatchObject({ message: 'Rice 5/3 is out of stock', stock: 0, cost: 5, balance: 985 });
  });

  it.each([
    ['a NUL in the name', { name: 'Rice\u0000' }, /^name must not contain control characters/],
    ['a lone surrogate in the name', { name: '\udc00Rice' }, /^name must be well-formed text/],
    ['a name that is a list', { name: ['Rice'] }, /^name must be/],
    ['an unsafe cost', { costPoints: 2 ** 60 }, /^costPoints must be a number between/],
  ])('refuses a reward with %s, naming the field and storing nothing', async (_, change, message) => {
    const before = await h.rows('SELECT count(*)::int AS n FROM reward');
    const res = await h.as(admin(JINCHENG), 'POST', '/rewards', { unitPath: JINCHENG, name: 'Rice', costPoints: 10, stock: 5, ...change });
    expect(res.statusCode).toBe(400);
    expect([res.json().message].flat()[0]).toMatch(message);
    expect(await h.rows('SELECT count(*)::int AS n FROM reward')).toEqual(before);
  });

  it('refuses redeeming more than the balance with 409 and the current figures, changing nothing', async () => {
    const v = await h.approvedVolunteer('v-short');
    await credit('v-short', 30);
    const id = await reward(50, 4);
    const res = await h.as(v, 'POST', `/rewards/${id}/redeem`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ statusCode: 409, balance: 30, cost: 50, stock: 4 });
    expect(await h.rows('SELECT stock FROM reward WHERE id = $1', [id])).toEqual([{ stock: 4 }]);
    expect((await h.as(v, 'GET', '/me/points')).json().balance).toBe(30);
    // A reward of another community is not theirs to see or redeem.
    const elsewhere = await reward(1, 10, HUAIGU);
    expect((await h.as(v, 'POST', `/rewards/${elsewhere}/redeem`)).statusCode).toBe(404);
    expect((await h.as(v, 'GET', '/rewards')).json().map((r: { id: string }) => r.id)).not.toContain(elsewhere);
  });

  it('exchanges points for a free service, recording it for the request service', async () => {
    const v = await h.approvedVolunteer('v-swap');
    await credit('v-swap', 70);
    const short = await h.as(v, 'POST', '/me/exchanges', { categoryCode: 'pipe-unclogging' });
    expect(short.statusCode).toBe(409);
    expect(short.json()).toMatchObject({ balance: 70, cost: 100 });
    const done = await h.as(v, 'POST', '/me/exchanges', { categoryCode: 'home-haircut' });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ categoryCode: 'home-haircut', points: 60, balance: 10 });
    const [fact] = await waitFor(
      async () => {
        const found = h.publishedOf(ServiceExchanged.type, done.json().exchangeId);
        return found.length > 0 && found;
      },
      { what: 'service-exchanged.v1' },
    );
    expect(fact).toMatchObject({ volunteerId: 'v-swap', orgPath: JINCHENG, categoryCode: 'home-haircut', points: 60 });
    expect((await h.as(v, 'POST', '/me/exchanges', { categoryCode: 'Home Haircut' })).statusCode).toBe(400);
  });

  it('corrects only by a compensating entry with a reason, never below zero, never by the volunteer themself', async () => {
    await h.approvedVolunteer('v-fix');
    await credit('v-fix', 20);
    const noReason = await h.as(admin(), 'POST', '/ledger/corrections', { volunteerId: 'v-fix', points: -5 });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().message)).toContain('reason');
    const tooMuch = await h.as(admin(), 'POST', '/ledger/corrections', { volunteerId: 'v-fix', points: -21, reason: 'job was not done' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({ balance: 20 });
    const self = await h.as(admin(JINCHENG, 'community_admin', 'v-fix'), 'POST', '/ledger/corrections', {
      volunteerId: 'v-fix',
      points: 500,
      reason: 'bonus',
    });
    expect(self.statusCode).toBe(403);
    const outOfScope = await h.as(admin(HUAIGU), 'POST', '/ledger/corrections', { volunteerId: 'v-fix', points: 5, reason: 'x' });
    expect(outOfScope.statusCode).toBe(404);
    const fixed = await h.as(admin(), 'POST', '/ledger/corrections', { volunteerId: 'v-fix', points: -8, reason: 'double-counted patrol' });
    expect(fixed.json()).toMatchObject({ points: -8, balance: 12 });
    const posted = await waitFor(
      async () => {
        const found = h.publishedOf<{ kind: string; reason: string; lines: { amount: number }[] }>(PointsPosted.type, fixed.json().entryId);
        return found.length > 0 && found[0];
      },
      { what: 'points-posted.v1' },
    );
    expect(posted).toMatchObject({ kind: 'correction', reason: 'double-counted patrol' });
    expect(posted.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);

    const statement = await h.as(admin(), 'GET', '/volunteers/v-fix/statement');
    expect(statement.json()).toMatchObject({ opening: 0, credits: 20, debits: 8, closing: 12 });
    expect(statement.json().movements.map((m: { amount: number }) => m.amount)).toEqual([20, -8]);
    const history = await h.as(
      { id: 'v-fix', kind: 'volunteer', role: 'volunteer', org: 'jincheng', orgPath: JINCHENG },
      'GET',
      '/me/history',
    );
    expect(history.json().map((e: { points: number; kind: string }) => [e.kind, e.points])).toEqual([
      ['correction', -8],
      ['correction', 20],
    ]);
  });

  it('debits once for a redemption retried with the same Idempotency-Key, answering both times alike', async () => {
    const v = await h.approvedVolunteer('v-retry');
    await credit('v-retry', 50);
    const id = await reward(10, 5);
    const key = { 'idempotency-key': 'redeem-0001-lost-reply' };
    const first = await h.as(v, 'POST', `/rewards/${id}/redeem`, undefined, key);
    const retry = await h.as(v, 'POST', `/rewards/${id}/redeem`, undefined, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ points: 10, balance: 40, stock: 4 });
    expect(retry.body).toBe(first.body);
    expect((await h.as(v, 'GET', '/me/points')).json().balance).toBe(40);
    expect(await h.rows('SELECT stock FROM reward WHERE id = $1', [id])).toEqual([{ stock: 4 }]);

    // Attempts racing each other under a new key spend once too, and all answer alike.
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => h.as(v, 'POST', `/rewards/${id}/redeem`, undefined, { 'idempotency-key': 'redeem-0002-racing' })),
    );
    expect(racing.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(racing.map((r) => r.body)).size).toBe(1);
    expect(racing[0].json()).toMatchObject({ balance: 30, stock: 3 });
    expect(await h.rows("SELECT count(*)::int AS n FROM ledger_entry WHERE volunteer_id = 'v-retry' AND kind = 'redemption'")).toEqual([
      { n: 2 },
    ]);

    const otherReward = await reward(1, 5);
    const reused = await h.as(v, 'POST', `/rewards/${otherReward}/redeem`, undefined, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().message).toBe('Idempotency-Key: already used for a different request');
    expect(await h.rows('SELECT stock FROM reward WHERE id = $1', [otherReward])).toEqual([{ stock: 5 }]);
    // One key racing for two rewards (each under its own lock) takes one of them.
    const split = await Promise.all(
      [id, otherReward].map((r) => h.as(v, 'POST', `/rewards/${r}/redeem`, undefined, { 'idempotency-key': 'redeem-0003-split' })),
    );
    expect(split.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect((await h.as(v, 'GET', '/me/points')).json().balance).toBe(split[0].statusCode === 201 ? 20 : 29);

    // The key is the volunteer's own: another volunteer's identical key is another redemption.
    const other = await h.approvedVolunteer('v-retry-2');
    await credit('v-retry-2', 10);
    const theirs = await h.as(other, 'POST', `/rewards/${id}/redeem`, undefined, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().redemptionId).not.toBe(first.json().redemptionId);
    expect(theirs.json()).toMatchObject({ balance: 0 });

    expect((await h.as(v, 'POST', `/rewards/${id}/redeem`, undefined, { 'idempotency-key': 'short' })).statusCode).toBe(400);
  });

  it('exchanges once under one Idempotency-Key, and refuses the key for another category', async () => {
    const v = await h.approvedVolunteer('v-swap-retry');
    await credit('v-swap-retry', 150);
    const key = { 'idempotency-key': 'exchange-0001-retry' };
    // First attempts racing each other: one posts, the others wait on its ledger reference and answer alike.
    const [first, ...retries] = await Promise.all(
      Array.from({ length: 4 }, () => h.as(v, 'POST', '/me/exchanges', { categoryCode: 'home-haircut' }, key)),
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ points: 60, balance: 90 });
    for (const retry of retries) expect([retry.statusCode, retry.body]).toEqual([201, first.body]);
    const changed = await h.as(v, 'POST', '/me/exchanges', { categoryCode: 'pipe-unclogging' }, key);
    expect(changed.statusCode).toBe(422);
    expect((await h.as(v, 'GET', '/me/points')).json().balance).toBe(90);
    expect(await h.rows("SELECT count(*)::int AS n FROM service_exchange WHERE volunteer_id = 'v-swap-retry'")).toEqual([{ n: 1 }]);
  });
});
