import {
  communityAdmin,
  COMMUNITIES,
  DISTRICT_PATH,
  householdPlan,
  HouseholdPlan,
  staffPlan,
  STREET_PLANS,
  streetAdmin,
  teamPlan,
  unitPlan,
  UnitPlan,
  volunteerPlan,
  VolunteerPlan,
} from './district-data';
import { Credentials, GatewayClient, inPool, sleep } from './gateway-client';
import { importHistory, PastProvider } from './history';

/**
 * The demo district's people and partners, created through the services' public APIs at the
 * gateway, as the admins and volunteers would create them: every change goes out through its
 * service's outbox. Idempotent: each step first looks for what it would create (by code, username,
 * licence number, team name, the household's first phone, a past request's id in the old
 * system) and leaves what exists alone.
 */

export interface DistrictSeedOptions {
  gatewayUrl: string;
  /** Households to register (default 2,000). */
  households?: number;
  /**
   * Past requests to import as from the district's previous hotline system (default none), over
   * `historyMonths` months (default 6) including this one; `seed` makes the same records again.
   */
  history?: number;
  historyMonths?: number;
  historySeed?: number;
  /** Communities registering households at once (default all 36); the gateway limits each user separately, so each community's admin does its own. */
  concurrency?: number;
  /** Register the volunteers and their teams (default true); the lifecycle benchmark measures units alone. */
  volunteers?: boolean;
  log?: (line: string) => void;
}

export interface DistrictSeedResult {
  created: {
    communities: number;
    staff: number;
    units: number;
    volunteers: number;
    teams: number;
    households: number;
    grants: number;
    history: number;
  };
  total: { communities: number; staff: number; units: number; volunteers: number; households: number };
  ms: number;
}

const DISTRICT_ADMIN = { username: 'district.admin', password: 'bangbang-demo-district-admin' };

export async function seedDistrict(options: DistrictSeedOptions): Promise<DistrictSeedResult> {
  const started = Date.now();
  const api = new GatewayClient(options.gatewayUrl);
  const say = options.log ?? (() => undefined);
  const log = (line: string) => say(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const concurrency = options.concurrency ?? COMMUNITIES.length;
  const staff = staffPlan();
  const as = (username: string): Credentials => {
    if (username === DISTRICT_ADMIN.username) return DISTRICT_ADMIN;
    const s = staff.find((x) => x.username === username);
    return { username, password: s ? s.password : `bangbang-demo-${username.replace(/\./g, '-')}` };
  };
  const created = { communities: 0, staff: 0, units: 0, volunteers: 0, teams: 0, households: 0, grants: 0, history: 0 };

  // The org tree: the gateway's directory.
  const known = new Set(((await api.expect('GET', '/directory/units', DISTRICT_ADMIN)) as Array<{ code: string }>).map((u) => u.code));
  for (const s of STREET_PLANS) {
    for (const c of s.communities) {
      if (known.has(c.code)) continue;
      await api.expect('POST', '/directory/units', DISTRICT_ADMIN, {
        body: { code: c.code, level: 'community', parentCode: s.code, nameZh: c.nameZh, namePinyin: c.namePinyin },
      });
      created.communities++;
    }
  }
  log(`org tree: ${created.communities} communities created`);

  // Staff: password hashing is slow on purpose, so a few at a time.
  await inPool(staff, 4, async (s) => {
    const { password, ...rest } = s;
    const r = await api.call('POST', '/users', DISTRICT_ADMIN, { body: { ...rest, password } });
    if (r.status === 201) created.staff++;
    else if (r.status !== 409) throw new Error(`POST /users ${s.username}: ${r.status} ${JSON.stringify(r.body)}`);
  });
  log(`staff: ${created.staff} created`);

  // Every service learns the tree from the directory's events; wait until the last community is known.
  const lastCommunity = COMMUNITIES[COMMUNITIES.length - 1];
  await until(
    async () =>
      (await api.call('GET', `/api/request/catalogue/categories?community=${lastCommunity.code}`, as(communityAdmin(lastCommunity.code))))
        .status === 200,
    'the request service to know every community',
  );

  await seedUnits(api, as, created);
  log(`partner units: ${created.units} created`);
  const volunteers = (options.volunteers ?? true) ? volunteerPlan() : [];
  if (volunteers.length > 0) {
    await inPool(volunteers, Math.min(concurrency, 8), (v) => seedVolunteer(api, as, v, created));
    await seedTeams(api, as, volunteers, created);
  }
  log(`volunteers: ${created.volunteers} created, teams: ${created.teams} created`);
  const households = householdPlan(options.households ?? 2_000);
  await seedHouseholds(api, as, households, concurrency, created);
  log(`households: ${created.households} created, ${created.grants} free-service grants`);

  const [units, users] = await Promise.all([
    api.expect('GET', '/api/merchant/units', DISTRICT_ADMIN),
    api.expect('GET', '/users', DISTRICT_ADMIN),
  ]);
  const tree = (await api.expect('GET', '/directory/units', DISTRICT_ADMIN)) as Array<{ level: string }>;
  const vols = await api.expect('GET', '/api/volunteer/volunteers', DISTRICT_ADMIN);
  if (options.history) {
    const providers = await pastProviders(api, units, volunteers);
    const past = await importHistory(api, DISTRICT_ADMIN, {
      count: options.history,
      months: options.historyMonths ?? 6,
      seed: options.historySeed ?? HISTORY_SEED,
      households,
      providers,
    });
    created.history = past.imported;
    log(`history: ${past.imported} past requests imported, ${past.alreadyImported} imported before`);
  }
  return {
    created,
    total: {
      communities: tree.filter((u) => u.level === 'community').length,
      staff: users.length,
      units: units.length,
      volunteers: vols.length,
      households: households.length,
    },
    ms: Date.now() - started,
  };
}

const HISTORY_SEED = 20_260_601;

/** Who did the past jobs: the units by what their plan offers, the volunteers by their specialties, in their home community. */
async function pastProviders(
  api: GatewayClient,
  units: Array<{ id: string; licenceNo: string; kind: PastProvider['kind']; coverage: string[] }>,
  volunteers: VolunteerPlan[],
): Promise<PastProvider[]> {
  const plans = new Map(unitPlan().map((u) => [u.licenceNo, u]));
  const out: PastProvider[] = units.map((u) => ({
    id: u.id,
    kind: u.kind,
    categories: new Set(plans.get(u.licenceNo)?.offerings.map((o) => o.categoryCode)),
    coverage: u.coverage,
  }));
  for (const v of volunteers.filter((x) => x.specialties.length > 0)) {
    const me = await api.expect('GET', '/api/volunteer/me', { username: v.username, password: v.password });
    out.push({ id: me.id, kind: 'volunteer', categories: new Set(v.specialties.map((x) => x.categoryCode)), coverage: [v.community.path] });
  }
  return out;
}

type As = (username: string) => Credentials;
type Created = DistrictSeedResult['created'];

/** Who records a unit's application: the admin of the community or street it applies in. */
const adminOf = (orgPath: string) => {
  const parts = orgPath.split('/').filter(Boolean);
  return parts.length === 3 ? communityAdmin(parts[2]) : streetAdmin(parts[1]);
};

async function seedUnits(api: GatewayClient, as: As, created: Created): Promise<void> {
  const existing = new Map(
    ((await api.expect('GET', '/api/merchant/units', DISTRICT_ADMIN)) as Array<{ id: string; licenceNo: string; status: string }>).map(
      (u) => [u.licenceNo, u],
    ),
  );
  await inPool(unitPlan(), 6, async (plan: UnitPlan) => {
    const admin = as(adminOf(plan.orgPath));
    let unit = existing.get(plan.licenceNo);
    if (!unit) {
      const { offerings, coverage, ...application } = plan;
      unit = await api.expect('POST', '/api/merchant/units', admin, { body: { ...application, reason: '社区办公室受理加盟申请' } });
      created.units++;
    }
    const id = unit!.id;
    if (unit!.status === 'applied')
      await api.expect('POST', `/api/merchant/units/${id}/status`, admin, { body: { to: 'verified', reason: '营业执照与资质现场核验' } });
    if (unit!.status === 'applied' || unit!.status === 'verified')
      await api.expect('POST', `/api/merchant/units/${id}/status`, admin, {
        body: { to: 'active', reason: '签订加盟协议，佩戴帮帮团标识上岗' },
      });
    const offered = new Set(
      ((await api.expect('GET', `/api/merchant/units/${id}/offerings`, admin)) as Array<{ categoryCode: string }>).map(
        (o) => o.categoryCode,
      ),
    );
    for (const o of plan.offerings) {
      if (offered.has(o.categoryCode)) continue;
      const { categoryCode, ...price } = o;
      await api.expect('PUT', `/api/merchant/units/${id}/offerings/${categoryCode}`, admin, { body: price });
    }
    if (plan.coverage.includes(DISTRICT_PATH)) {
      const view = await api.expect('GET', `/api/merchant/units/${id}`, DISTRICT_ADMIN);
      // The whole profile: PATCH /units/:id currently clears the fields it is not sent.
      const { offerings, orgPath, kind, ...profile } = plan;
      if (!view.coverage.includes(DISTRICT_PATH)) await api.expect('PATCH', `/api/merchant/units/${id}`, DISTRICT_ADMIN, { body: profile });
    }
  });
}

async function seedVolunteer(api: GatewayClient, as: As, v: VolunteerPlan, created: Created): Promise<void> {
  const me = { username: v.username, password: v.password };
  const signup = await api.call('POST', '/auth/volunteers', undefined, {
    body: { ...me, displayName: v.displayName, phone: v.phone, communityCode: v.community.code },
  });
  // 202: the account exists now, or already did (the answer does not say which); sign in as usual.
  if (signup.status === 201 && signup.body.accessToken) api.remember(v.username, signup.body.accessToken);
  else if (signup.status !== 202 && signup.status !== 409)
    throw new Error(`volunteer sign-up of ${v.username}: ${signup.status} ${JSON.stringify(signup.body)}`);
  let profile = await api.call('GET', '/api/volunteer/me', me);
  if (profile.status === 404) {
    profile = {
      ...profile,
      body: await api.expect('POST', '/api/volunteer/applications', me, {
        body: {
          displayName: v.displayName,
          homeCommunityPath: v.community.path,
          specialties: v.specialties,
          availability: v.availability,
          maxConcurrentJobs: v.maxConcurrentJobs,
        },
      }),
    };
    created.volunteers++;
  } else if (profile.status !== 200) {
    throw new Error(`GET /api/volunteer/me for ${v.username}: ${profile.status}`);
  }
  const admin = as(communityAdmin(v.community.code));
  if (profile.body.status === 'applied')
    await api.expect('POST', `/api/volunteer/volunteers/${profile.body.id}/approve`, admin, { body: { reason: '资格审核通过' } });
  const done = new Set<string>(
    ((await api.expect('GET', '/api/volunteer/me', me)).training.done as Array<{ module: string }>).map((t) => t.module),
  );
  const today = new Date().toISOString().slice(0, 10);
  for (const module of v.training) {
    if (!done.has(module))
      await api.expect('POST', `/api/volunteer/volunteers/${profile.body.id}/training`, admin, { body: { module, completedOn: today } });
  }
}

async function seedTeams(api: GatewayClient, as: As, volunteers: VolunteerPlan[], created: Created): Promise<void> {
  const ids = new Map<string, string>();
  for (const v of volunteers)
    ids.set(v.username, (await api.expect('GET', '/api/volunteer/me', { username: v.username, password: v.password })).id);
  await inPool(teamPlan(volunteers), 6, async (t) => {
    const admin = as(streetAdmin(t.unitPath.split('/')[2]));
    const teams = (await api.expect('GET', '/api/volunteer/teams', admin)) as Array<{ id: string; name: string }>;
    let id = teams.find((x) => x.name === t.name)?.id;
    if (!id) {
      id = (await api.expect('POST', '/api/volunteer/teams', admin, { body: { name: t.name, unitPath: t.unitPath } })).id as string;
      created.teams++;
    }
    const members = new Set(
      ((await api.expect('GET', `/api/volunteer/teams/${id}`, admin)).members as Array<{ volunteerId: string }>).map((m) => m.volunteerId),
    );
    for (const [username, role] of [[t.leader, 'leader'], ...t.members.map((m) => [m, 'member'])]) {
      const vid = ids.get(username)!;
      if (!members.has(vid)) await api.expect('PUT', `/api/volunteer/teams/${id}/members/${vid}`, admin, { body: { role } });
    }
  });
}

/**
 * Each community's households are registered in plan order by its own admin, one at a time, so
 * what a crashed run left is a prefix of the plan: a binary search by first phone finds where to
 * go on, and a rerun costs a few lookups per community. (A crash between a household and its
 * grant leaves that one household without its grant.)
 */
async function seedHouseholds(
  api: GatewayClient,
  as: As,
  households: HouseholdPlan[],
  concurrency: number,
  created: Created,
): Promise<void> {
  const byCommunity = COMMUNITIES.map((c) => households.filter((h) => h.community.code === c.code)).filter((hs) => hs.length > 0);
  await inPool(byCommunity, concurrency, async (mine) => {
    const admin = as(communityAdmin(mine[0].community.code));
    const exists = async (h: HouseholdPlan) =>
      ((await api.expect('GET', `/api/request/callers?phone=${h.residents[0].phones[0]}`, admin)) as unknown[]).length > 0;
    let lo = 0;
    let hi = mine.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (await exists(mine[mid])) lo = mid + 1;
      else hi = mid;
    }
    for (const h of mine.slice(lo)) await registerHousehold(api, admin, h, created);
  });
}

/**
 * Under an Idempotency-Key named by the household's first phone, so a call that timed out at the
 * gateway (504: made or not, nobody knows) is tried again without making the household twice.
 */
async function registerHousehold(api: GatewayClient, admin: Credentials, h: HouseholdPlan, created: Created): Promise<void> {
  const headers = { 'idempotency-key': `seed-${h.residents[0].phones[0]}` };
  const household = await api.expect('POST', '/api/request/households', admin, {
    body: { communityCode: h.community.code, address: h.address, residents: h.residents },
    headers,
  });
  created.households++;
  if (!h.eligibility) return;
  const days = h.eligibility.reason === 'sudden_hardship' ? 90 : 365;
  await api.expect('POST', `/api/request/households/${household.id}/eligibility`, admin, {
    body: { ...h.eligibility, validUntil: new Date(Date.now() + days * 86_400_000).toISOString() },
    headers,
  });
  created.grants++;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}
