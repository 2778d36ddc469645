import { District } from '../../services/gateway/test/district';
import { DEMO_LOGINS } from './demo';
import { COMMUNITIES, HOUSEHOLD_SHARES, headPhone, householdPlan, staffPlan, unitPlan, volunteerPlan } from './district-data';
import { seedDistrict } from './district-seed';
import { GatewayClient, inPool } from './gateway-client';
import { historyStart, monthsBetween } from './history';

const HOUSEHOLDS = 2_000;
const HISTORY = 150;

/** The demo district's seed, through the gateway of all six services running in this process. */
describe('the demo district seed', () => {
  let d: District;
  let api: GatewayClient;
  const admin = { username: 'district.admin', password: DEMO_LOGINS[0].password };

  beforeAll(async () => {
    d = await District.start();
    api = new GatewayClient(d.gatewayUrl);
  });

  afterAll(() => d?.stop());

  const districtFigures = async (months: string[]) => {
    const out: Record<string, { due: number; rated: number }> = {};
    for (const month of months) {
      const [row] = (await api.expect('GET', `/api/rating/figures?level=district&month=${month}`, admin)) as Array<{
        counts: { responseDue: number; ratings: number };
      }>;
      out[month] = { due: row.counts.responseDue, rated: row.counts.ratings };
    }
    return out;
  };

  it('plans households in the shares the case reports describe', () => {
    const plan = householdPlan(HOUSEHOLDS);
    const share = (pred: (h: (typeof plan)[number]) => boolean) => plan.filter(pred).length / plan.length;
    const tagged = (tag: string) => (h: (typeof plan)[number]) => h.residents.some((r) => r.tags.includes(tag as never));
    expect(Math.abs(share(tagged('elderly_living_alone')) - HOUSEHOLD_SHARES.elderlyAlone)).toBeLessThan(0.03);
    expect(Math.abs(share(tagged('child')) - HOUSEHOLD_SHARES.child)).toBeLessThan(0.04);
    expect(Math.abs(share(tagged('disabled')) - HOUSEHOLD_SHARES.disabled)).toBeLessThan(0.02);
    expect(share((h) => h.eligibility?.reason === 'subsistence_allowance')).toBeGreaterThan(0.02);
    expect(share((h) => h.eligibility !== undefined)).toBeLessThan(0.12);
    expect(new Set(plan.map((h) => h.community.code)).size).toBe(COMMUNITIES.length);
    const jincheng = plan.filter((h) => h.community.code === 'jincheng').length;
    expect(jincheng).toBeGreaterThan(plan.filter((h) => h.community.code === 'baolin').length);
    expect(
      volunteerPlan()
        .map((v) => v.kind)
        .reduce((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {} as Record<string, number>),
    ).toEqual({ skilled: 24, merchant: 9, general: 30 });
  });

  it('creates the district through the gateway: 36 communities, staff at every level, 33 units, 63 volunteers, 2,000 households', async () => {
    const first = await seedDistrict({
      gatewayUrl: d.gatewayUrl,
      households: HOUSEHOLDS,
      history: HISTORY,
      log: (l) => process.stderr.write(`seed: ${l}\n`),
    });
    process.stderr.write(`seed: ${first.ms} ms\n`);
    expect(first.created).toMatchObject({
      communities: COMMUNITIES.length - 6,
      staff: staffPlan().length,
      units: 33,
      volunteers: 63,
      teams: 6,
      households: HOUSEHOLDS,
      history: HISTORY,
    });
    expect(first.total).toEqual({
      communities: 36,
      staff: DEMO_LOGINS.length + staffPlan().length,
      units: 33,
      volunteers: 63,
      households: HOUSEHOLDS,
    });

    const units = (await api.expect('GET', '/api/merchant/units', admin)) as Array<{
      status: string;
      kind: string;
      takesFreeJobs: boolean;
      coverage: string[];
    }>;
    expect(units.every((u) => u.status === 'active')).toBe(true);
    expect(units.filter((u) => u.kind === 'social_org').length).toBe(unitPlan().filter((u) => u.kind === 'social_org').length);
    expect(units.filter((u) => u.coverage.includes('/nanchang/')).length).toBe(3);
    const volunteers = (await api.expect('GET', '/api/volunteer/volunteers', admin)) as Array<{ status: string }>;
    expect(volunteers.every((v) => v.status === 'approved')).toBe(true);
    const staffRoles = new Set(((await api.expect('GET', '/users', admin)) as Array<{ role: string }>).map((u) => u.role));
    expect([...staffRoles].sort()).toEqual(['agent', 'auditor', 'community_admin', 'district_admin', 'street_admin']);

    // Every household with a grant and every tenth other is found by its first phone, in its community, free exactly when it holds a grant.
    const plan = householdPlan(HOUSEHOLDS).filter((h) => h.eligibility || h.index % 10 === 0);
    const wrong: string[] = [];
    await inPool(plan, 16, async (h) => {
      const found = (await api.expect('GET', `/api/request/callers?phone=${headPhone(h.index)}`, admin)) as Array<{
        communityCode: string;
        feePolicy: string;
      }>;
      const ok =
        found.length === 1 &&
        found[0].communityCode === h.community.code &&
        (found[0].feePolicy === 'free') === (h.eligibility !== undefined);
      if (!ok) wrong.push(`${h.index}: ${JSON.stringify(found)}`);
    });
    expect(wrong).toEqual([]);
  }, 300_000);

  it('brings six months of history from the old hotline system: every month has district figures at their own dates, equal to a recompute', async () => {
    const months = monthsBetween(historyStart(new Date(), 6), new Date());
    expect(months).toHaveLength(6);
    const figures = await districtFigures(months);
    expect(months.filter((m) => figures[m].due === 0 || figures[m].rated === 0)).toEqual([]);
    // Nothing else happened in this district: every imported job is due a response in one of the months.
    expect(months.reduce((s, m) => s + figures[m].due, 0)).toBe(HISTORY);
    const recompute = await api.expect('POST', '/api/rating/figures/recompute', admin);
    expect(recompute).toMatchObject({ equal: true, mismatches: [] });
    expect(recompute.jobs).toBe(HISTORY);
  });

  it('adds nothing when run again', async () => {
    const months = monthsBetween(historyStart(new Date(), 6), new Date());
    const before = await districtFigures(months);
    const again = await seedDistrict({ gatewayUrl: d.gatewayUrl, households: HOUSEHOLDS, history: HISTORY });
    expect(again.created).toEqual({ communities: 0, staff: 0, units: 0, volunteers: 0, teams: 0, households: 0, grants: 0, history: 0 });
    expect(await districtFigures(months)).toEqual(before);
    expect(again.total).toEqual({
      communities: 36,
      staff: DEMO_LOGINS.length + staffPlan().length,
      units: 33,
      volunteers: 63,
      households: HOUSEHOLDS,
    });
  }, 300_000);
});
