import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AuthModule, CurrentPrincipal, Principal, Public, Roles } from '../src';

@Controller()
class ProbeController {
  @Public()
  @Get('open')
  open(): string {
    return 'open';
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Roles('district_admin')
  @Get('district-only')
  districtOnly(): string {
    return 'ok';
  }
}

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } as JWK };
}

describe('AuthModule against a remote JWKS', () => {
  let jwks: Server;
  let app: NestFastifyApplication;
  let published: JWK[];
  let fetches = 0;
  let trusted: Awaited<ReturnType<typeof keyPair>>;
  let next: Awaited<ReturnType<typeof keyPair>>;

  const sign = (
    key: Pick<Awaited<ReturnType<typeof keyPair>>, 'kid' | 'privateKey'>,
    role = 'community_admin',
    exp: string | number = '5m',
  ) =>
    new SignJWT({ typ: 'access', kind: 'staff', role, org: 'jincheng', orgPath: '/nanchang/jinxing/jincheng/', name: '李' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setSubject('u-7')
      .setIssuer('bangbang-gateway')
      .setAudience('bangbang')
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(key.privateKey);

  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    [trusted, next] = await Promise.all([keyPair('k-current'), keyPair('k-next')]);
    published = [trusted.jwk, next.jwk];
    jwks = createServer((_, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;

    @Module({ imports: [AuthModule.forService({ AUTH_JWKS_URL: url })], controllers: [ProbeController] })
    class ProbeModule {}
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('serves public routes without a token', async () => {
    expect((await get('/open')).statusCode).toBe(200);
  });

  it('answers 401 with a Bearer challenge when the token is missing', async () => {
    const res = await get('/me');
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('verifies a token against the fetched keys, and caches them', async () => {
    const res = await get('/me', await sign(trusted));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'u-7', role: 'community_admin', orgPath: '/nanchang/jinxing/jincheng/' });
    await get('/me', await sign(next));
    expect(fetches).toBe(1);
  });

  it.each([
    ['expired', async () => sign(trusted, 'community_admin', Math.floor(Date.now() / 1000) - 60)],
    [
      'tampered',
      async () => {
        const [h, p, s] = (await sign(trusted)).split('.');
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
        return [h, Buffer.from(JSON.stringify({ ...claims, role: 'district_admin' })).toString('base64url'), s].join('.');
      },
    ],
    ['signed by a key the gateway never published, under its kid', async () => sign({ ...(await keyPair('x')), kid: 'k-current' })],
    ['garbage', async () => 'not.a.token'],
  ])('rejects a %s token with 401 invalid_token', async (_, token) => {
    const res = await get('/me', await token());
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('answers 403 when the role is not allowed', async () => {
    expect((await get('/district-only', await sign(trusted))).statusCode).toBe(403);
    expect((await get('/district-only', await sign(trusted, 'district_admin'))).statusCode).toBe(200);
  });
});
