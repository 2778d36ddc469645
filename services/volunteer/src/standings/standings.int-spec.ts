import { randomUUID } from 'node:crypto';
import { admin, HUAIGU, JINCHENG, QINGYUN, VolunteerHarness } from '../../test/volunteer-harness';

const NOV = '2026-11-10T04:00:00Z';
const MARCH = '2026-03-10T04:00:00Z';

/** The seeded set: [id, name, community, points earned in November, points earned in March]. */
const SEED: Array<[string, string, string, number, number]> = [
  ['v-chen', 'Chen', JINCHENG, 30, 0],
  ['v-zhao', 'Zhao', JINCHENG, 30, 0],
  ['v-an', 'An', JINCHENG, 20, 50],
  ['v-bai', 'Bai', JINCHENG, 10, 0],
  ['v-sun', 'Sun', HUAIGU, 30, 0],
  ['v-qian', 'Qian', QINGYUN, 100, 0],
];

describe('rankings, year-end stars and console figures', () => {
  let h: VolunteerHarness;
  const district = admin('/nanchang/', 'district_admin', 'admin-district');

  /** Posts an earning at a given time straight into the ledger tables, under their triggers. */
  const earn = async (volunteerId: string, orgPath: string, points: number, at: string, kind = 'job') => {
    const id = randomUUID();
    const [vol, other] = kind === 'redemption' ? [-points, points] : [points, -points];
    const otherAccount = kind === 'redemption' ? `rewards:${orgPath}` : `pool:${orgPath}`;
    await h.pg.query('BEGIN');
    await h.pg.query(
      `INSERT INTO ledger_account (id, kind, org_path) VALUES ($1, 'volunteer', $3), ($2, split_part($2, ':', 1), $3) ON CONFLICT DO NOTHING`,
      [`volunteer:${volunteerId}`, otherAccount, orgPath],
    );
    await h.pg.query(
      `INSERT INTO ledger_entry (id, kind, reference, volunteer_id, org_path, posted_by, posted_at) VALUES ($1, $2, $3, $4, $5, 'seed', $6)`,
      [id, kind, `seed:${id}`, volunteerId, orgPath, at],
    );
    await h.pg.query(`INSERT INTO ledger_line (entry_id, account_id, amount, posted_at) VALUES ($1, $2, $3, $5), ($1, $4, $6, $5)`, [
      id,
      `volunteer:${volunteerId}`,
      vol,
      otherAccount,
      at,
      other,
    ]);
    await h.pg.query('COMMIT');
  };

  beforeAll(async () => {
    h = await VolunteerHarness.start();
    for (const [id, name, path, nov, march] of SEED) {
      await h.approvedVolunteer(id, { name, orgPath: path });
      await earn(id, path, nov, NOV);
      if (march) await earn(id, path, march, MARCH);
    }
    // Spending does not unmake what was earned.
    await earn('v-chen', JINCHENG, 10, NOV, 'redemption');
    await h.pg.query(
      `INSERT INTO job_signoff VALUES ($1, 'v-chen', $3, 'pipe-unclogging', true, $4), ($2, 'v-an', $3, 'pipe-unclogging', true, $4)`,
      [randomUUID(), randomUUID(), JINCHENG, NOV],
    );
    await h.pg.query(`INSERT INTO activity VALUES ($1, $2, NULL, 'Elder visits', 'Block 3', $3, $4, 10, 5, 'seed', now())`, [
      randomUUID(),
      JINCHENG,
      '2026-11-10T01:00:00Z',
      '2026-11-10T05:00:00Z',
    ]);
    await h.pg.query(
      `INSERT INTO activity_signup (activity_id, volunteer_id, checked_in_at, checked_out_at, minutes) SELECT id, 'v-bai', starts_at, ends_at, 150 FROM activity`,
    );
  });

  afterAll(() => h?.stop());

  const ranking = async (unit: string, period: 'month' | 'year', label: string, who = district) => {
    const res = await h.as(who, 'GET', `/rankings?unit=${encodeURIComponent(unit)}&period=${period}&label=${label}`);
    expect(res.statusCode).toBe(200);
    return res.json().entries.map((e: { displayName: string; points: number; rank: number }) => [e.displayName, e.points, e.rank]);
  };

  it('ranks a community for the month, equal points sharing a rank, ordered by name within it', async () => {
    expect(await ranking(JINCHENG, 'month', '2026-11')).toEqual([
      ['Chen', 30, 1],
      ['Zhao', 30, 1],
      ['An', 20, 3],
      ['Bai', 10, 4],
    ]);
  });

  it('ranks a street and the district over their communities, and a year over its months', async () => {
    expect(await ranking('/nanchang/jinxing/', 'month', '2026-11')).toEqual([
      ['Chen', 30, 1],
      ['Sun', 30, 1],
      ['Zhao', 30, 1],
      ['An', 20, 4],
      ['Bai', 10, 5],
    ]);
    expect((await ranking('/nanchang/', 'month', '2026-11')).map((r: unknown[]) => r[2])).toEqual([1, 2, 2, 2, 5, 6]);
    expect(await ranking(JINCHENG, 'year', '2026')).toEqual([
      ['An', 70, 1],
      ['Chen', 30, 2],
      ['Zhao', 30, 2],
      ['Bai', 10, 4],
    ]);
    expect(await ranking(JINCHENG, 'month', '2026-03')).toEqual([['An', 50, 1]]);
  });

  it('shows a volunteer the rankings of their own community, street and district, with their own place', async () => {
    const an = { id: 'v-an', kind: 'volunteer' as const, role: 'volunteer', org: 'jincheng', orgPath: JINCHENG };
    const res = await h.as(an, 'GET', `/rankings?unit=${encodeURIComponent('/nanchang/jinxing/')}&period=month&label=2026-11`);
    expect(res.json().me).toMatchObject({ volunteerId: 'v-an', rank: 4 });
    expect((await h.as(an, 'GET', `/rankings?unit=${encodeURIComponent(QINGYUN)}&period=month&label=2026-11`)).statusCode).toBe(404);
    expect((await h.as(admin(HUAIGU), 'GET', `/rankings?unit=${encodeURIComponent(JINCHENG)}&period=month&label=2026-11`)).statusCode).toBe(
      404,
    );
    const bad = await h.as(an, 'GET', `/rankings?unit=${encodeURIComponent(JINCHENG)}&period=month&label=2026-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('YYYY-MM');
  });

  it('lists the year’s star volunteers of a community for the admin to confirm, once', async () => {
    await h.as(admin(), 'PUT', '/points/config', { unit: JINCHENG, starThresholds: [25, 60] });
    const list = await h.as(admin(), 'GET', `/stars/year-end?unit=${encodeURIComponent(JINCHENG)}&year=2026`);
    expect(
      list
        .json()
        .stars.map((s: { displayName: string; yearPoints: number; stars: number; rank: number }) => [
          s.displayName,
          s.yearPoints,
          s.stars,
          s.rank,
        ]),
    ).toEqual([
      ['An', 70, 2, 1],
      ['Chen', 30, 1, 2],
      ['Zhao', 30, 1, 2],
    ]);
    expect(list.json().confirmed).toBeNull();
    const asVolunteer = await h.as(
      { id: 'v-an', kind: 'volunteer', role: 'volunteer', org: 'jincheng', orgPath: JINCHENG },
      'POST',
      '/stars/year-end/confirm',
      { unit: JINCHENG, year: 2026 },
    );
    expect(asVolunteer.statusCode).toBe(403);
    const confirmed = await h.as(admin(), 'POST', '/stars/year-end/confirm', { unit: JINCHENG, year: 2026 });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().confirmed).toMatchObject({ confirmedBy: 'admin-jincheng' });
    expect(confirmed.json().confirmed.stars).toHaveLength(3);
    const again = await h.as(admin(), 'POST', '/stars/year-end/confirm', { unit: JINCHENG, year: 2026 });
    expect(again.statusCode).toBe(409);
  });

  it('gives the consoles active volunteers, hours and jobs by community for a period', async () => {
    const res = await h.as(
      admin('/nanchang/jinxing/', 'street_admin'),
      'GET',
      `/figures?unit=${encodeURIComponent('/nanchang/jinxing/')}&from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().byCommunity).toEqual([
      { orgPath: HUAIGU, activeVolunteers: 1, volunteersServing: 0, hoursServed: 0, jobsDone: 0, pointsEarned: 30 },
      { orgPath: JINCHENG, activeVolunteers: 4, volunteersServing: 3, hoursServed: 2, jobsDone: 2, pointsEarned: 90 },
    ]);
    expect(res.json().totals).toEqual({ activeVolunteers: 5, volunteersServing: 3, hoursServed: 2, jobsDone: 2, pointsEarned: 120 });
    expect(
      (
        await h.as(
          admin(HUAIGU),
          'GET',
          `/figures?unit=${encodeURIComponent('/nanchang/jinxing/')}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
        )
      ).statusCode,
    ).toBe(404);
  });
});
