import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Echo, EchoUpstream, startEchoUpstream } from '../../test/echo-upstream';
import { bearer, passwordOf, startGateway, TestGateway } from '../../test/gateway-harness';

/**
 * Two gateway instances on one database, as `npm start` with BANGBANG_INSTANCES=2 runs them, in
 * front of two instances of a service: calls are spread and survive a dead instance, and the rate
 * limits and sign-in throttle hold for the pair as they would for one.
 */
describe('the gateway scaled out', () => {
  let gw: TestGateway;
  let second: NestFastifyApplication;
  const echoes: EchoUpstream[] = [];

  beforeAll(async () => {
    echoes.push(await startEchoUpstream(), await startEchoUpstream());
    const settings = {
      // Two instances, with one more that is down between them.
      REQUEST_URL: `${echoes[0].url},http://127.0.0.1:1,${echoes[1].url}`,
      RATE_LIMIT_USER_BURST: '6',
      RATE_LIMIT_USER_PER_MINUTE: '1',
      LOGIN_FREE_FAILURES: '2',
      LOGIN_FIRST_DELAY_SECONDS: '60',
      LOGIN_MAX_DELAY_SECONDS: '600',
    };
    gw = await startGateway(settings);
    second = await gw.another();
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    const jwks = `${await gw.app.getUrl()}/.well-known/jwks.json`;
    for (const echo of echoes) echo.trustGateway(jwks);
  });

  afterAll(async () => {
    for (const echo of echoes) await echo.app.close();
    await gw?.stop();
  });

  it("spreads calls over a service's instances in turn, passing over the one that is down", async () => {
    const token = await gw.token('district.admin');
    const hosts: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: bearer(token) });
      expect(res.statusCode).toBe(200);
      hosts.push(String((res.json() as Echo).headers.host));
    }
    const [a, b] = echoes.map((e) => new URL(e.url).host);
    expect(hosts.filter((h) => h === a).length).toBeGreaterThanOrEqual(2);
    expect(hosts.filter((h) => h === b).length).toBeGreaterThanOrEqual(2);
    expect(hosts.every((h) => h === a || h === b)).toBe(true);
  });

  it("limits a user's calls across both instances as one: the burst is shared, not doubled", async () => {
    const token = await gw.token('jinxing.admin');
    const call = (app: NestFastifyApplication) =>
      app.inject({ method: 'GET', url: '/api/request/echo', headers: bearer(token) }).then((r) => r.statusCode);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await call(gw.app), await call(second));
    expect(statuses.filter((s) => s === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('slows a guesser who spreads attempts over both instances as it would on one', async () => {
    const guess = (app: NestFastifyApplication, password: string) =>
      app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'hotline.agent', password }, remoteAddress: '10.77.0.1' });
    expect((await guess(gw.app, 'wrong-1')).statusCode).toBe(401);
    expect((await guess(second, 'wrong-2')).statusCode).toBe(401);
    const slowedHere = await guess(gw.app, 'wrong-3');
    const slowedThere = await guess(second, passwordOf('hotline.agent'));
    expect([slowedHere.statusCode, slowedThere.statusCode]).toEqual([429, 429]);
    expect(Number(slowedThere.headers['retry-after'])).toBeGreaterThan(50);
  });
});
