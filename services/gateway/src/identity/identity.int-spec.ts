import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { SigningKey } from '../keys/signing-key.entity';
import { Passwords } from './passwords';
import { sha256 } from './tokens.service';
import { bearer, passwordOf, startGateway, TestGateway } from '../../test/gateway-harness';

describe('identity', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({
      LOGIN_FREE_FAILURES: '3',
      LOGIN_FIRST_DELAY_SECONDS: '60',
      LOGIN_MAX_DELAY_SECONDS: '600',
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_MAX_WAIT_MS: '5000',
    });
  });

  afterAll(() => gw?.stop());

  const login = (username: string, password: string) =>
    gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
  const me = (token: string) => gw.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(token) });

  it('signs in with a password stored as an argon2id hash, and the token names the scope', async () => {
    const res = await login('jincheng.admin', passwordOf('jincheng.admin'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect((await me(res.json().accessToken)).json()).toMatchObject({
      kind: 'staff',
      role: 'community_admin',
      org: 'jincheng',
      orgPath: '/nanchang/jinxing/jincheng/',
    });
    const [row] = await gw.ds.query(`SELECT password_hash FROM staff_user WHERE username = 'jincheng.admin'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('slows a source that keeps guessing, alike for real and unknown usernames, without locking the account for anyone else', async () => {
    const from = (ip: string) => (username: string, password: string) =>
      gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password }, remoteAddress: ip });
    const guesser = from('10.66.0.1');
    const slowed = [];
    for (const username of ['hotline.agent', 'no.such.user']) {
      for (const password of ['wrong-1', 'wrong-2', 'wrong-3']) expect((await guesser(username, password)).statusCode).toBe(401);
      slowed.push(await guesser(username, 'wrong-4'));
    }
    expect(slowed.map((r) => r.statusCode)).toEqual([429, 429]);
    expect(slowed[0].json()).toEqual(slowed[1].json());
    expect(Number(slowed[0].headers['retry-after'])).toBeGreaterThan(50);
    expect((await guesser('hotline.agent', passwordOf('hotline.agent'))).statusCode).toBe(429);
    expect((await from('10.66.0.2')('hotline.agent', passwordOf('hotline.agent'))).statusCode).toBe(200);
  });

  it('audits sign-ins that succeed, fail and get slowed, from where', async () => {
    const [agent] = await gw.ds.query(`SELECT id FROM staff_user WHERE username = 'hotline.agent'`);
    const rows = await gw.ds.query(
      `SELECT action, actor_id, actor_org_path, ip, resource_id FROM audit_record WHERE resource_type = 'login' ORDER BY occurred_at, action`,
    );
    const of = (name: string) =>
      rows
        .filter((r: { resource_id: string }) => r.resource_id === name)
        .map((r: Record<string, string>) => [r.action, r.actor_id, r.actor_org_path, r.ip]);
    expect(of('hotline.agent')).toEqual([
      ['auth.login-failed', 'anonymous', '/nanchang/', '10.66.0.1'],
      ['auth.login-failed', 'anonymous', '/nanchang/', '10.66.0.1'],
      ['auth.login-failed', 'anonymous', '/nanchang/', '10.66.0.1'],
      ['auth.login-throttled', 'anonymous', '/nanchang/', '10.66.0.1'],
      ['auth.login-succeeded', agent.id, '/nanchang/', '10.66.0.2'],
    ]);
    expect(of('no.such.user').map(([action, , orgPath]: string[]) => [action, orgPath])).toEqual([
      ['auth.login-failed', '/'],
      ['auth.login-failed', '/'],
      ['auth.login-failed', '/'],
      ['auth.login-throttled', '/'],
    ]);
  });

  it('refuses sign-ins with 503 and Retry-After while every password-hashing slot stays busy', async () => {
    let release!: () => void;
    const busy = gw.app.get(Passwords).slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    const refused = await login('district.auditor', passwordOf('district.auditor'));
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    release();
    await busy;
    expect((await login('district.auditor', passwordOf('district.auditor'))).statusCode).toBe(200);
  });

  it('answers unknown users and wrong passwords alike', async () => {
    const unknown = await login('nobody', 'whatever-password');
    const wrong = await login('district.auditor', 'whatever-password');
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(wrong.json());
  });

  const refresh = (token: string) => gw.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: token } });
  /** The token's use as if it were `seconds` ago. */
  const usedAgo = (token: { refreshToken: string }, seconds: number) =>
    gw.ds.query(`UPDATE refresh_token SET used_at = now() - make_interval(secs => $2) WHERE token_hash = $1`, [
      sha256(token.refreshToken),
      seconds,
    ]);

  it('rotates refresh tokens, and one reused past the grace ends the whole family', async () => {
    const first = (await login('jinxing.admin', passwordOf('jinxing.admin'))).json();
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    expect(second.json().refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.json().accessToken)).statusCode).toBe(200);

    await usedAgo(first, 11);
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toMatch(/already used or revoked/);
    expect((await refresh(second.json().refreshToken)).statusCode).toBe(401);
  });

  it('gives a refresh token presented again just after its use (its answer lost to a reload) another pair, and ends nothing', async () => {
    const first = (await login('jinxing.admin', passwordOf('jinxing.admin'))).json();
    const lost = await refresh(first.refreshToken);
    expect(lost.statusCode).toBe(200);
    await usedAgo(first, 9);
    const again = await refresh(first.refreshToken);
    expect(again.statusCode).toBe(200);
    expect(new Set([first.refreshToken, lost.json().refreshToken, again.json().refreshToken]).size).toBe(3);
    expect((await me(again.json().accessToken)).statusCode).toBe(200);
    // Both answers' tokens stay good: the one that did arrive may be in use in another tab.
    expect((await refresh(lost.json().refreshToken)).statusCode).toBe(200);
    expect((await refresh(again.json().refreshToken)).statusCode).toBe(200);
  });

  it('logs out by revoking the refresh token', async () => {
    const pair = (await login('district.auditor', passwordOf('district.auditor'))).json();
    expect((await gw.app.inject({ method: 'POST', url: '/auth/logout', payload: { refreshToken: pair.refreshToken } })).statusCode).toBe(
      204,
    );
    const after = await gw.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } });
    expect(after.statusCode).toBe(401);
  });

  describe('rejects tokens it did not issue as is', () => {
    let trusted: { kid: string; jwk: JWK };
    const claims = { typ: 'access', kind: 'staff', role: 'district_admin', org: 'nanchang', orgPath: '/nanchang/', name: 'x' };
    const sign = async (jwk: JWK, kid: string, exp: number | string = '5m') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer('bangbang-gateway')
        .setAudience('bangbang')
        .setSubject('attacker')
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(await importJWK(jwk, 'ES256'));

    beforeAll(async () => {
      const [key] = await gw.ds.getRepository(SigningKey).find();
      trusted = { kid: key.kid, jwk: key.privateJwk as JWK };
    });

    it('accepts a token signed with its own current key (the control)', async () => {
      expect((await me(await sign(trusted.jwk, trusted.kid))).statusCode).toBe(200);
    });

    it('rejects an expired one', async () => {
      const expired = await sign(trusted.jwk, trusted.kid, Math.floor(Date.now() / 1000) - 30);
      expect((await me(expired)).statusCode).toBe(401);
    });

    it('rejects a tampered one', async () => {
      const [h, p, s] = (await gw.token('jincheng.admin')).split('.');
      const widened = { ...JSON.parse(Buffer.from(p, 'base64url').toString()), orgPath: '/nanchang/', role: 'district_admin' };
      const res = await me([h, Buffer.from(JSON.stringify(widened)).toString('base64url'), s].join('.'));
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it('rejects one signed with another key, under its kid or an unknown one', async () => {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      const foreign = await exportJWK(privateKey);
      expect((await me(await sign(foreign, trusted.kid))).statusCode).toBe(401);
      expect((await me(await sign(foreign, 'unknown-kid'))).statusCode).toBe(401);
    });
  });

  it('publishes its verification keys at the JWKS endpoint, without private parts', async () => {
    const res = await gw.app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    const [key] = res.json().keys;
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(key.d).toBeUndefined();
  });

  it('lets an admin create and disable staff in scope; a disabled user cannot sign in', async () => {
    const admin = bearer(await gw.token('jinxing.admin'));
    const created = await gw.app.inject({
      method: 'POST',
      url: '/users',
      headers: admin,
      payload: {
        username: 'jinle.agent',
        password: 'pw-jinle-agent-0123',
        displayName: '金乐话务员',
        role: 'agent',
        unitCode: 'jinle',
        phone: '13912345678',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ phone: '139****5678', phoneMasked: true, orgPath: '/nanchang/jinxing/jinle/' });
    expect((await login('jinle.agent', 'pw-jinle-agent-0123')).statusCode).toBe(200);

    const disabled = await gw.app.inject({ method: 'POST', url: `/users/${created.json().id}/disable`, headers: admin });
    expect(disabled.json().status).toBe('disabled');
    const refused = await login('jinle.agent', 'pw-jinle-agent-0123');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual((await login('nobody.at.all', 'pw-jinle-agent-0123')).json());
  });

  it('creates one of several users asked for at once under the same name, and answers the others 409', async () => {
    const admin = bearer(await gw.token('jinxing.admin'));
    const payload = { username: 'jinle.twin', password: 'pw-jinle-twin-0123', displayName: '双胞胎', role: 'agent', unitCode: 'jinle' };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => gw.app.inject({ method: 'POST', url: '/users', headers: admin, payload })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(answers.filter((a) => a.statusCode === 409).map((a) => a.json().message)).toEqual(Array(3).fill('username jinle.twin is taken'));
    expect(await gw.ds.query(`SELECT count(*)::int AS n FROM staff_user WHERE username = 'jinle.twin'`)).toEqual([{ n: 1 }]);
  });

  it('refuses a role at the wrong level with 400 naming why', async () => {
    const res = await gw.app.inject({
      method: 'POST',
      url: '/users',
      headers: bearer(await gw.token('district.admin')),
      payload: { username: 'misplaced', password: 'pw-misplaced-0123', displayName: 'x', role: 'street_admin', unitCode: 'jincheng' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('a street_admin works at a street, and jincheng is a community');
  });
});
