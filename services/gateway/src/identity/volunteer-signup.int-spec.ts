import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

describe('volunteer sign-up', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(() => gw?.stop());

  const signUp = (payload: Record<string, unknown>) => gw.app.inject({ method: 'POST', url: '/auth/volunteers', payload });
  const valid = {
    username: 'wang.jianguo',
    password: 'a-long-enough-password',
    displayName: '王建国',
    phone: '13812345678',
    communityCode: 'jincheng',
  };

  const login = (username: string, password: string) =>
    gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });

  it('opens an account that signs in as a volunteer, scoped to the home community', async () => {
    const res = await signUp(valid);
    expect(res.statusCode).toBe(202);
    const signedIn = await login(valid.username, valid.password);
    expect(signedIn.statusCode).toBe(200);
    const me = await gw.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(signedIn.json().accessToken) });
    expect(me.json()).toMatchObject({ kind: 'volunteer', role: 'volunteer', org: 'jincheng', orgPath: '/nanchang/jinxing/jincheng/' });
  });

  it('answers a sign-up for a taken username exactly as one for a free username, and changes nothing', async () => {
    const free = await signUp({ ...valid, username: 'zhao.liu' });
    const taken = await signUp({ ...valid, displayName: 'Another Wang', password: 'another-long-password' });
    expect(taken.statusCode).toBe(free.statusCode);
    expect(taken.json()).toEqual(free.json());
    expect((await login(valid.username, valid.password)).statusCode).toBe(200);
    expect((await login(valid.username, 'another-long-password')).statusCode).toBe(401);
  });

  it('limits sign-ups per username, taken or not, with 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await signUp({ ...valid, username: 'qian.qi', phone: '13900000000' })).statusCode);
    const limited = await signUp({ ...valid, username: 'qian.qi' });
    expect([...statuses, limited.statusCode]).toEqual([202, 202, 202, 429]);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps volunteer accounts out of staff management', async () => {
    const users = await gw.app.inject({ method: 'GET', url: '/users', headers: bearer(await gw.token('district.admin')) });
    expect(users.statusCode).toBe(200);
    expect(users.json().map((u: { username: string }) => u.username)).not.toContain(valid.username);
  });

  it.each([
    [{ ...valid, username: 'li.si', communityCode: 'jinxing' }, 400, /communityCode must name a community, not a street/],
    [{ ...valid, username: 'li.si', communityCode: 'nowhere' }, 404, /communityCode nowhere/],
    [{ ...valid, username: 'li.si', phone: '12345' }, 400, /phone must be an 11-digit mainland mobile number/],
    [{ ...valid, username: 'li.si', password: 'short' }, 400, /password must be at least 10 characters/],
  ])('refuses %j with %i naming the field', async (payload, status, message) => {
    const res = await signUp(payload);
    expect(res.statusCode).toBe(status);
    expect(JSON.stringify(res.json().message)).toMatch(message);
    const [{ n }] = await gw.ds.query(`SELECT count(*)::int AS n FROM staff_user WHERE kind = 'volunteer' AND username = 'li.si'`);
    expect(n).toBe(0);
  });
});
