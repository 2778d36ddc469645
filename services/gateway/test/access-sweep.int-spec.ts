import { getLogger } from '@bangbang/observability';
import { waitFor } from '@bangbang/testing';
import fc from 'fast-check';
import { request } from 'node:http';
import { JINCHENG, mergedDocument, operations, Route, signInEveryRole } from './api-callers';
import { District, Headers } from './district';
import { passwordOf } from './gateway-harness';
import { Schemas, valid } from './fuzz/schema-arbitrary';

/**
 * Issue 12's done-when: every operation of the merged OpenAPI document is called without
 * credentials, by every role its `x-roles` leaves out, by the staff of a neighbouring community and
 * street with the ids of Jincheng's resources, and at percent-encoded forms of its path. Nothing may
 * answer 2xx where the document, or the caller's scope, says it should not.
 */
const PARALLEL = 8;
const ROUTE_PARAM = /\{(\w+)\}/g;

/**
 * Operations a neighbour may call with Jincheng's ids and be answered, because the id names
 * something that is public across the district or not scoped to a community at all.
 */
const UNSCOPED: Record<string, string> = {
  // The public provider directory and scorecards: any resident of the district compares providers.
  'GET /api/merchant/public/units/{id}': 'public provider directory',
  'GET /api/rating/public/providers/{providerId}/scorecard': 'public scorecard',
  // The rating page is a shell for any id: what it shows comes from the token texted to the resident.
  'GET /api/rating/public/rate/{requestId}': 'rating page shell',
};

/**
 * Bodies and queries the services accept, for the writes and reads whose generated ones they
 * refuse as malformed: a 400 would say nothing of whether the scope check holds.
 */
const RATING = { team: 'satisfied', provider: 'satisfied', solved: true };
const KNOWN_GOOD: Record<string, { body?: object; query?: string }> = {
  'PATCH /directory/units/{code}': { body: { nameZh: '金城社区', namePinyin: 'Jincheng Shequ' } },
  'GET /api/rating/reports/{unitCode}': { query: '?month=2026-11' },
  'POST /api/rating/ratings/{requestId}': { body: RATING },
  'PUT /api/rating/ratings/{requestId}': { body: { ...RATING, reason: 'the resident called back' } },
  'PATCH /api/merchant/units/{id}': { body: { displayName: '邻居改的名' } },
  'PUT /api/merchant/units/{id}/offerings/{category}': { body: { description: '水电维修', priceMinFen: 2_000, priceMaxFen: 6_000 } },
  'GET /api/merchant/units/{id}/contact': { query: '?purpose=checking%20a%20complaint' },
  'POST /api/merchant/units/{id}/webhooks/deliveries/replay': { body: { since: '2026-01-01T00:00:00Z' } },
  'POST /api/request/households/{id}/residents': { body: { name: '李伯', phones: ['13912340000'] } },
  'POST /api/request/households/{id}/verify': { body: { residentName: '王阿姨' } },
  'POST /api/request/households/{householdId}/eligibility': {
    body: { reason: 'sudden_hardship', evidence: 'visit report 12', validUntil: '2027-01-01T00:00:00Z' },
  },
  'POST /api/volunteer/volunteers/{id}/training': { body: { module: 'safety', completedOn: '2026-11-01T00:00:00Z' } },
  'POST /api/volunteer/volunteers/{id}/certificates': {
    body: {
      categoryCode: 'water-electric-repair',
      certificate: { name: '低压电工作业证', number: 'T-2026-0001', expiresAt: '2030-01-01T00:00:00Z' },
    },
  },
};

interface Call {
  method: string;
  url: string;
  who: string;
  headers: Headers;
  body?: unknown;
}

interface Answer extends Call {
  status: number;
  text: string;
}

const isPublic = (route: Route) => Array.isArray(route.op.security) && route.op.security.length === 0;
const label = (a: Answer) => `${a.method} ${a.url} as ${a.who}: ${a.status} ${a.text.slice(0, 160)}`;
const ok = (status: number) => status >= 200 && status < 300;

describe('access sweep: every route, every role, a neighbour, no credentials and encoded paths', () => {
  let d: District;
  let doc: any;
  let routes: Route[];
  let roles: Record<string, Headers>;
  let neighbours: Record<string, Headers>;
  /** Jincheng's resources by the path segment or parameter name that refers to them. */
  const ids: Record<string, string> = {};
  let calls = 0;

  // Not fetch: a WHATWG URL resolves `%2e` segments before sending, and these paths must reach the gateway as written.
  const send = (c: Call): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const body = c.body === undefined ? undefined : JSON.stringify(c.body);
      const req = request(
        `${d.gatewayUrl}/`,
        { method: c.method, path: c.url, headers: { ...c.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            calls++;
            resolve({ ...c, status: res.statusCode!, text });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** A few calls at a time, as a busy client would make them, all of them answered. */
  const sendAll = async (list: Call[]): Promise<Answer[]> => {
    const answers: Answer[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < list.length) answers.push(await send(list[next++]));
      }),
    );
    return answers;
  };

  /** A body valid against the operation's schema, so a refusal is about who calls, not what they send. */
  const bodyOf = (route: Route): unknown => {
    const known = KNOWN_GOOD[`${route.method.toUpperCase()} ${route.path}`];
    if (known?.body) return known.body;
    if (!['post', 'put', 'patch'].includes(route.method)) return undefined;
    const schema = route.op.requestBody?.content?.['application/json']?.schema;
    return fc.sample(valid(schema ?? { type: 'object', properties: {} }, doc.components.schemas as Schemas), { numRuns: 1, seed: 12 })[0];
  };

  /** Jincheng's own resource where the path names one, a code where it takes a code, an unknown id otherwise. */
  const idFor = (path: string, param: string): string | undefined => {
    if (['code', 'unitCode', 'community'].includes(param)) return 'jincheng';
    if (param === 'category') return 'water-electric-repair';
    if (ids[param]) return ids[param];
    const before = path.split(`/{${param}}`)[0].split('/').at(-1)!;
    return ids[before];
  };

  const fill = (path: string, value: (param: string) => string | undefined = () => undefined) =>
    path.replace(ROUTE_PARAM, (_, param: string) =>
      encodeURIComponent(value(param) ?? idFor(path, param) ?? '3f0e4c1a-9b2d-4e6f-8a7b-1c2d3e4f5a6b'),
    );
  const urlOf = (route: Route, value?: (param: string) => string | undefined) =>
    fill(route.path, value) + (KNOWN_GOOD[`${route.method.toUpperCase()} ${route.path}`]?.query ?? '');

  beforeAll(async () => {
    d = await District.start();
    doc = await mergedDocument(d);
    routes = operations(doc);
    const callers = await signInEveryRole(d, { username: 'sweep.volunteer', password: 'sweep-volunteer-2026', phone: '13700003333' });
    roles = callers.roles;
    const { district_admin: district, agent, volunteer } = roles;

    const staff = [
      { username: 'huaigu.admin', role: 'community_admin', unitCode: 'huaigu' },
      { username: 'huaigu.agent', role: 'agent', unitCode: 'huaigu' },
      { username: 'yangming.admin', role: 'street_admin', unitCode: 'yangming' },
    ];
    for (const s of staff) {
      const made = await d.api('POST', '/users', district, { ...s, password: passwordOf(s.username), displayName: s.username });
      expect(made.status).toBe(201);
    }
    neighbours = Object.fromEntries(await Promise.all(staff.map(async (s) => [s.username, await d.login(s.username)] as const)));

    const applied = await d.api('POST', '/api/volunteer/applications', volunteer, {
      displayName: '志愿者',
      homeCommunityPath: JINCHENG,
      specialties: [],
      availability: { always: true, windows: [] },
    });
    expect(applied.status).toBe(201);
    await waitFor(async () => (await d.api('GET', '/api/request/catalogue/categories?community=jincheng', agent)).status === 200, {
      timeoutMs: 60_000,
      what: 'the request service to know Jincheng',
    });
    const household = await d.api('POST', '/api/request/households', agent, {
      communityCode: 'jincheng',
      address: '无锡市梁溪区金星街道金城社区12栋3单元502室',
      residents: [{ name: '王阿姨', phones: ['13912345678'], tags: ['elderly_living_alone'] }],
    });
    expect(household.status).toBe(201);
    const request = await d.api('POST', '/api/request/requests', agent, {
      householdId: household.body.id,
      categoryCode: 'water-electric-repair',
      description: '厨房插座没电',
    });
    expect(request.status).toBe(201);
    const users = await d.api('GET', '/users', district);
    const jinchengAdmin = users.body.find((u: { username: string }) => u.username === 'jincheng.admin');

    Object.assign(ids, {
      units: callers.unitId,
      providers: callers.unitId,
      providerId: callers.unitId,
      volunteers: applied.body.id,
      volunteerId: applied.body.id,
      households: household.body.id,
      requests: request.body.id,
      requestId: request.body.id,
      users: jinchengAdmin.id,
    });
  });

  afterAll(() => d?.stop());

  it('answers 401 to every non-public operation called without credentials', async () => {
    const list = routes
      .filter((r) => !isPublic(r))
      .map((r) => ({ method: r.method.toUpperCase(), url: fill(r.path), who: 'nobody', headers: {}, body: bodyOf(r) }));
    expect(list.length).toBeGreaterThan(100);
    const wrong = (await sendAll(list)).filter((a) => a.status !== 401);
    expect(wrong.map(label)).toEqual([]);
  });

  it('never answers 2xx to a role the operation does not name', async () => {
    const list = routes
      .filter((r) => !isPublic(r) && Array.isArray(r.op['x-roles']))
      .flatMap((r) =>
        Object.keys(roles)
          .filter((role) => !r.op['x-roles'].includes(role))
          .map((role) => ({ method: r.method.toUpperCase(), url: urlOf(r), who: role, headers: roles[role], body: bodyOf(r) })),
      );
    expect(list.length).toBeGreaterThan(300);
    const wrong = (await sendAll(list)).filter((a) => ![401, 403, 404].includes(a.status));
    expect(wrong.map(label)).toEqual([]);
  });

  it('never answers a percent-encoded path without credentials, and refuses encoded slashes and dots', async () => {
    const hex = (ch: string, upper: boolean) => `%${ch.charCodeAt(0).toString(16)[upper ? 'toUpperCase' : 'toLowerCase']()}`;
    const encoded = routes.flatMap((r) => {
      const segments = fill(r.path).split('/');
      return segments.flatMap((segment, i) =>
        !segment
          ? []
          : [
              ...new Set(
                [true, false].map((upper) =>
                  [...segments.slice(0, i), hex(segment[0], upper) + segment.slice(1), ...segments.slice(i + 1)].join('/'),
                ),
              ),
            ].map((url) => ({
              method: r.method.toUpperCase(),
              url,
              who: 'nobody',
              headers: {},
              body: bodyOf(r),
              route: r,
            })),
      );
    });
    const shapes = routes.flatMap((r) => {
      const url = fill(r.path);
      const cut = url.indexOf('/', 1);
      const variants = [
        `${url.slice(0, cut)}%2F${url.slice(cut + 1)}`,
        `${url.slice(0, cut)}%2f${url.slice(cut + 1)}`,
        `${url.slice(0, cut)}/%2e%2e${url}`,
        `${url.slice(0, cut)}/%2E${url.slice(cut)}`,
        `${url.slice(0, cut)}%5c${url.slice(cut + 1)}`,
      ];
      return cut === -1
        ? []
        : variants.map((v) => ({ method: r.method.toUpperCase(), url: v, who: 'nobody', headers: {}, body: bodyOf(r) }));
    });
    expect(encoded.length).toBeGreaterThan(routes.length * 2);
    const opened = (await sendAll(encoded.filter((c) => !isPublic(c.route)).map(({ route: _, ...c }) => c))).filter((a) => ok(a.status));
    const unrefused = (await sendAll(shapes)).filter((a) => a.status !== 400);
    expect([...opened, ...unrefused].map(label)).toEqual([]);
  });

  it("never answers 2xx to a neighbouring community's or street's staff calling with Jincheng's ids", async () => {
    expect(Object.keys(ids)).toHaveLength(9);
    const operationNames = new Set(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect(Object.keys(UNSCOPED).filter((name) => !operationNames.has(name))).toEqual([]);
    const list = routes
      .filter((r) => r.path.includes('{'))
      .flatMap((r) => {
        const urls = [
          ...new Set([
            urlOf(r),
            ...Object.values(ids).map((id) =>
              urlOf(r, (param) => (['code', 'unitCode', 'community', 'category'].includes(param) ? undefined : id)),
            ),
          ]),
        ];
        return urls.flatMap((url) =>
          Object.entries(neighbours).map(([who, headers]) => ({
            method: r.method.toUpperCase(),
            url,
            who,
            headers,
            body: bodyOf(r),
            route: r,
          })),
        );
      });
    const answers = await sendAll(list.map(({ route: _, ...c }) => c));
    const allowed = new Set(list.filter((c) => UNSCOPED[`${c.method} ${c.route.path}`]).map((c) => `${c.method} ${c.url}`));
    const wrong = answers.filter((a) => ok(a.status) && !allowed.has(`${a.method} ${a.url}`));
    getLogger('access-sweep').info({ operations: routes.length, calls }, 'access sweep done');
    expect(wrong.map(label)).toEqual([]);
  });
});
