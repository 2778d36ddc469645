import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

describe('volunteer sign-up', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(() => gw?.stop());

  const signUp = (payload: Record<string, unknown>) => gw.app.inject({ method: 'POST', url: '/auth/volunteers', payload });
  const valid = { username: 'wang.jianguo', password: 'a-long-enough-password', displayName: '王建国', phone: '13812345678', communityCode: 'jincheng' };

  it('opens an account whose tokens say volunteer, scoped to the home community', async () => {
    const res = await signUp(valid);
    expect(res.statusCode).toBe(201);
    const me = await gw.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(res.json().accessToken) });
    expect(me.json()).toMatchObject({ kind: 'volunteer', role: 'volunteer', org: 'jincheng', orgPath: '/nanchang/jinxing/jincheng/' });

    const login = await gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username: valid.username, password: valid.password } });
    expect(login.statusCode).toBe(200);
    expect((await gw.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(login.json().accessToken) })).json().id).toBe(me.json().id);
  });

  it('keeps volunteer accounts out of staff management', async () => {
    const users = await gw.app.inject({ method: 'GET', url: '/users', headers: bearer(await gw.token('district.admin')) });
    expect(users.statusCode).toBe(200);
    expect(users.json().map((u: { username: string }) => u.username)).not.toContain(valid.username);
  });

  it.each([
    [{ ...valid, displayName: 'Another Wang' }, 409, /username wang.jianguo is taken/],
    [{ ...valid, username: 'li.si', communityCode: 'jinxing' }, 400, /communityCode must name a community, not a street/],
    [{ ...valid, username: 'li.si', communityCode: 'nowhere' }, 404, /communityCode nowhere/],
    [{ ...valid, username: 'li.si', phone: '12345' }, 400, /phone must be an 11-digit mainland mobile number/],
    [{ ...valid, username: 'li.si', password: 'short' }, 400, /password must be at least 10 characters/],
  ])('refuses %j with %i naming the field', async (payload, status, message) => {
    const res = await signUp(payload);
    expect(res.statusCode).toBe(status);
    expect(JSON.stringify(res.json().message)).toMatch(message);
    const [{ n }] = await gw.ds.query(`SELECT count(*)::int AS n FROM staff_user WHERE kind = 'volunteer'`);
    expect(n).toBe(1);
  });
});
