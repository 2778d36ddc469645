import { waitFor } from '@bangbang/testing';
import { District, Headers } from './district';

/**
 * What the tests that walk the whole API share: the merged OpenAPI document as the gateway serves
 * it, its operations, and a caller of every role, including a merchant by API key and a volunteer.
 */
export const JINCHENG = '/nanchang/jinxing/jincheng/';
export const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export interface Route {
  method: string;
  path: string;
  op: any;
}

/** A service builds its document on first request, which can outlast the gateway's fetch timeout on a busy machine. */
export const mergedDocument = (d: District): Promise<any> =>
  waitFor(
    async () => {
      const body = (await d.api('GET', '/openapi.json')).body;
      return body['x-unavailable-services'].length === 0 && body;
    },
    { timeoutMs: 60_000, what: 'every service in the merged OpenAPI document' },
  );

/** Every operation of the document but probes and metrics, which are not the API. */
export const operations = (doc: any): Route[] =>
  Object.entries(doc.paths as Record<string, Record<string, any>>)
    .flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([m]) => METHODS.includes(m))
        .map(([method, op]) => ({ method, path, op })),
    )
    .filter(({ path }) => !/^\/(api\/\w+\/)?(health|metrics)/.test(path));

/** A partner unit's application as the Jincheng community office records it. */
export const JINCHENG_UNIT = {
  orgPath: JINCHENG,
  kind: 'merchant',
  legalName: '无锡金城水电维修部',
  displayName: '金城水电',
  licenceNo: '92320213MA1E2E001',
  contactName: '王师傅',
  contactPhone: '13812345678',
  serviceHours: { always: true, windows: [] },
  maxConcurrentJobs: 3,
  takesFreeJobs: true,
  reason: 'applied at the community office',
};

export interface Callers {
  roles: Record<string, Headers>;
  /** The active partner unit in Jincheng whose API key the merchant calls with. */
  unitId: string;
  /** The volunteer's account id, which is their volunteer id. */
  volunteerId: string;
}

/**
 * The demo district's staff of each role, a partner unit in Jincheng signed up, verified and
 * activated by the community admin, calling by its API key, and a volunteer signed up in Jincheng.
 */
export async function signInEveryRole(
  d: District,
  volunteer = { username: 'fuzz.volunteer', password: 'fuzz-volunteer-2026', phone: '13700002222' },
): Promise<Callers> {
  const admin = await d.login('jincheng.admin');
  const unit = await d.api('POST', '/api/merchant/units', admin, JINCHENG_UNIT);
  if (unit.status !== 201) throw new Error(`the partner unit was not created: ${unit.status} ${JSON.stringify(unit.body)}`);
  for (const to of ['verified', 'active'])
    await d.api('POST', `/api/merchant/units/${unit.body.id}/status`, admin, { to, reason: 'licence checked' });
  const { apiKey } = (await d.api('POST', `/api/merchant/units/${unit.body.id}/api-keys`, admin)).body;
  const merchant = { 'x-api-key': apiKey };
  await waitFor(async () => (await d.api('GET', '/api/merchant/me', merchant)).status === 200, {
    timeoutMs: 60_000,
    what: "the gateway to learn the unit's API key",
  });
  const { username, password, phone } = volunteer;
  const signUp = await d.api(
    'POST',
    '/auth/volunteers',
    {},
    { username, password, displayName: '志愿者', phone, communityCode: 'jincheng' },
  );
  if (signUp.status !== 202) throw new Error(`the volunteer sign-up was refused: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  const login = await d.api('POST', '/auth/login', {}, { username, password });
  if (login.status !== 200) throw new Error(`the volunteer could not sign in: ${login.status} ${JSON.stringify(login.body)}`);
  const token: string = login.body.accessToken;
  return {
    roles: {
      district_admin: await d.login('district.admin'),
      street_admin: await d.login('jinxing.admin'),
      community_admin: admin,
      agent: await d.login('hotline.agent'),
      auditor: await d.login('district.auditor'),
      merchant,
      volunteer: { authorization: `Bearer ${token}` },
    },
    unitId: unit.body.id,
    volunteerId: JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub,
  };
}
