import { ApiKeyIssued, ApiKeyRevoked, createEvent, PartnerUnitStatus, toKafkaRecord, UnitStatusChanged } from '@bangbang/contracts';
import { testKafka, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { Echo, startEchoUpstream } from '../../test/echo-upstream';
import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

async function publish(topic: string, event: ReturnType<typeof createEvent>) {
  const producer = testKafka().producer();
  await producer.connect();
  const record = toKafkaRecord(event);
  await producer.send({ topic, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
  await producer.disconnect();
}

const JINCHENG = '/nanchang/jinxing/jincheng/';
const merchantTopic = (gw: TestGateway) => `${gw.prefix}bangbang.merchant`;

/** What the merchant service publishes when it issues a key; on an open broker, anyone can. */
async function issueKey(gw: TestGateway, unitId: string, orgPath: string): Promise<{ key: string; keyId: string }> {
  const key = `bbk_${randomUUID().replaceAll('-', '')}`;
  const keyId = randomUUID();
  await publish(
    merchantTopic(gw),
    createEvent(ApiKeyIssued.source, {
      type: ApiKeyIssued.type,
      subject: keyId,
      data: {
        keyId,
        unitId,
        orgPath,
        prefix: key.slice(0, 8),
        keyHash: createHash('sha256').update(key).digest('hex'),
        issuedAt: new Date().toISOString(),
      },
    }),
  );
  await waitFor(async () => (await gw.ds.query('SELECT 1 FROM merchant_api_key WHERE key_id = $1', [keyId])).length > 0, {
    what: 'the gateway to hear of the key',
  });
  return { key, keyId };
}

async function moveUnitOf(gw: TestGateway, unitId: string, orgPath: string, from: PartnerUnitStatus | null, to: PartnerUnitStatus) {
  await publish(
    merchantTopic(gw),
    createEvent(UnitStatusChanged.source, {
      type: UnitStatusChanged.type,
      subject: unitId,
      data: { unitId, orgPath, from, to, reason: 'test', by: 'system', at: new Date().toISOString() },
    }),
  );
}

describe('the edge: one public entry', () => {
  let gw: TestGateway;
  let upstream: NestFastifyApplication;
  let gatewayUrl: string;

  beforeAll(async () => {
    const echo = await startEchoUpstream();
    upstream = echo.app;
    gw = await startGateway({
      REQUEST_URL: echo.url,
      DISPATCH_URL: 'http://127.0.0.1:1', // nothing listens there: a service that is down
      BODY_LIMIT_BYTES: '2048',
      UPSTREAM_TIMEOUT_MS: '300',
      DATABASE_POOL_WAIT_MS: '300',
    });
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    gatewayUrl = await gw.app.getUrl();
    echo.trustGateway(`${gatewayUrl}/.well-known/jwks.json`);
  });

  afterAll(async () => {
    await upstream?.close();
    await gw?.stop();
  });

  it('proxies an authenticated call, which the upstream verifies itself against the JWKS', async () => {
    const res = await fetch(`${gatewayUrl}/api/request/echo?x=1`, {
      headers: { ...bearer(await gw.token('jincheng.admin')), 'x-correlation-id': 'corr-proxy-test-1', 'x-forwarded-for': '6.6.6.6' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('corr-proxy-test-1');
    const echo = (await res.json()) as Echo;
    expect(echo.principal).toMatchObject({ role: 'community_admin', orgPath: '/nanchang/jinxing/jincheng/' });
    expect(echo.headers['x-correlation-id']).toBe('corr-proxy-test-1');
    expect(echo.headers['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('gives every proxied call a correlation id when the caller has none', async () => {
    const res = await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: bearer(await gw.token('jincheng.admin')) });
    const sent = res.headers['x-correlation-id'];
    expect(sent).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json().headers['x-correlation-id']).toBe(sent);
  });

  it('passes bodies through and audits staff changes made through the proxy', async () => {
    const res = await gw.app.inject({
      method: 'POST',
      url: '/api/request/echo',
      headers: { ...bearer(await gw.token('jinxing.admin')), 'x-correlation-id': 'corr-proxied-change' },
      payload: { note: '水管漏水' },
    });
    expect(res.json().body).toEqual({ note: '水管漏水' });
    const audited = await waitFor(
      async () => (await gw.ds.query(`SELECT * FROM audit_record WHERE correlation_id = 'corr-proxied-change'`))[0],
    );
    expect(audited).toMatchObject({
      action: 'proxy.post',
      resource_type: 'request',
      resource_id: '/api/request/echo',
      status: 201,
      actor_role: 'street_admin',
    });
  });

  it('refuses unauthenticated and badly authenticated calls at the edge', async () => {
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/echo' })).statusCode).toBe(401);
    const tampered = (await gw.token('jincheng.admin')).slice(0, -4) + 'AAAA';
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: bearer(tampered) })).statusCode).toBe(401);
  });

  it('lets public routes through without a token', async () => {
    // No service behind this route yet: the gate lets it pass, and the proxy reports the upstream's absence.
    const res = await gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers' });
    expect(res.statusCode).toBe(503);
  });

  it('caps the body at the limit with 413, on proxied and own routes', async () => {
    const big = 'x'.repeat(3_000);
    const token = await gw.token('jincheng.admin');
    const proxied = await gw.app.inject({ method: 'POST', url: '/api/request/echo', headers: bearer(token), payload: { big } });
    expect(proxied.statusCode).toBe(413);
    const own = await gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'x', password: big } });
    expect(own.statusCode).toBe(413);
  });

  it('answers 504 when the upstream is too slow, and 503 with Retry-After when it is down (nothing was sent)', async () => {
    const token = await gw.token('jincheng.admin');
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/slow', headers: bearer(token) })).statusCode).toBe(504);
    const down = await gw.app.inject({ method: 'POST', url: '/api/dispatch/jobs/x', headers: bearer(token), payload: {} });
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe('2');
    expect(down.json().message).toContain('nothing was changed');
    expect((await gw.app.inject({ method: 'GET', url: '/api/nosuch/x', headers: bearer(token) })).statusCode).toBe(404);
  });

  it('answers 503 with Retry-After, never 500, while its pool has no free connection', async () => {
    const token = await gw.token('jincheng.admin');
    const held: QueryRunner[] = [];
    try {
      for (;;) {
        const runner = gw.ds.createQueryRunner();
        const connected = await runner.connect().then(
          () => true,
          () => false,
        );
        if (!connected) break;
        held.push(runner);
      }
      const key = await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': `bbk_${'p'.repeat(30)}` } });
      const login = await gw.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'hotline.agent', password: 'x'.repeat(12) },
      });
      for (const res of [key, login]) {
        expect([res.statusCode, res.headers['retry-after'], res.json().error]).toEqual([503, '2', 'Service Unavailable']);
        expect(res.json().message).toMatch(/^database unavailable; nothing was changed/);
      }
      // A signed-in caller's token needs no database, and the rate limits wait for it to return.
      const signedIn = await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: bearer(token) });
      expect(signedIn.statusCode).toBe(200);
    } finally {
      await Promise.all(held.map((r) => r.release()));
    }
    expect(
      (await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': `bbk_${'p'.repeat(30)}` } })).statusCode,
    ).toBe(401);
  });

  describe('merchant API keys', () => {
    const call = (key: string) => gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': key } });

    const issue = (unitId: string, orgPath: string) => issueKey(gw, unitId, orgPath);
    const moveUnit = (unitId: string, orgPath: string, from: PartnerUnitStatus | null, to: PartnerUnitStatus) =>
      moveUnitOf(gw, unitId, orgPath, from, to);

    it('exchanges a key of an active unit for a merchant token, until the key is revoked', async () => {
      await moveUnit('m-plumber-wang', JINCHENG, 'verified', 'active');
      const { key, keyId } = await issue('m-plumber-wang', JINCHENG);
      const echo = await waitFor(
        async () => {
          const res = await call(key);
          return res.statusCode === 200 ? (res.json() as Echo) : undefined;
        },
        { what: 'the key to be known' },
      );
      expect(echo.principal).toEqual({
        id: 'm-plumber-wang',
        kind: 'merchant',
        role: 'merchant',
        org: 'jincheng',
        orgPath: JINCHENG,
        name: 'm-plumber-wang',
        credential: keyId,
        scopes: ['jobs'],
      });
      expect(echo.headers['x-api-key']).toBeUndefined();

      await publish(
        merchantTopic(gw),
        createEvent(ApiKeyRevoked.source, {
          type: ApiKeyRevoked.type,
          subject: keyId,
          data: { keyId, unitId: 'm-plumber-wang', revokedAt: new Date().toISOString() },
        }),
      );
      await waitFor(async () => (await call(key)).statusCode === 401, { what: 'the revoked key to be refused' });
      expect(
        (await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': 'bbk_guessedguessedguessed' } }))
          .statusCode,
      ).toBe(401);
    });

    it('refuses a key for a unit the merchant service never announced', async () => {
      const { key } = await issue('m-forged-unit', '/nanchang/');
      expect((await call(key)).statusCode).toBe(401);
    });

    it("refuses a key whose org path is not its unit's", async () => {
      await moveUnit('m-locksmith-li', JINCHENG, 'verified', 'active');
      const { key } = await issue('m-locksmith-li', '/nanchang/');
      const control = await issue('m-locksmith-li', JINCHENG);
      await waitFor(async () => (await call(control.key)).statusCode === 200, { what: 'the unit to be known active' });
      expect((await call(key)).statusCode).toBe(401);
    });

    it('refuses the keys of a unit that is not active, and takes them back when it is again', async () => {
      await moveUnit('m-tailor-zhou', JINCHENG, 'verified', 'active');
      const { key } = await issue('m-tailor-zhou', JINCHENG);
      await waitFor(async () => (await call(key)).statusCode === 200, { what: 'the unit to be known active' });
      await moveUnit('m-tailor-zhou', JINCHENG, 'active', 'suspended');
      await waitFor(async () => (await call(key)).statusCode === 401, { what: "the suspended unit's key to be refused" });
      await moveUnit('m-tailor-zhou', JINCHENG, 'suspended', 'active');
      await waitFor(async () => (await call(key)).statusCode === 200, { what: "the unit's key to work again" });
    });
  });

  it('answers a flood of readiness probes from one check of the database', async () => {
    const ds = gw.app.get(DataSource);
    const queries = jest.spyOn(ds, 'query');
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => gw.app.inject({ method: 'GET', url: '/health/ready' })));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
      expect(queries.mock.calls.filter(([sql]) => sql === 'SELECT 1')).toHaveLength(1);
    } finally {
      queries.mockRestore();
    }
  });

  it('serves the merged OpenAPI document and a browsable UI that needs no CDN', async () => {
    const doc = (await gw.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login', '/directory/units', '/api/request/echo']));
    expect(doc['x-unavailable-services']).toEqual(expect.arrayContaining(['dispatch', 'merchant']));
    const page = await gw.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toMatch(/https?:\/\//);
    const bundle = await gw.app.inject({ method: 'GET', url: '/docs/assets/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });
});

describe('rate limits', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({
      RATE_LIMIT_USER_BURST: '3',
      RATE_LIMIT_USER_PER_MINUTE: '1',
      RATE_LIMIT_PUBLIC_BURST: '3',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1',
    });
  });

  afterAll(() => gw?.stop());

  it('limits each user separately, answering 429 with Retry-After', async () => {
    const token = await gw.token('jincheng.admin'); // the login spends one of the IP's public tokens
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await gw.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(token) })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await gw.app.inject({ method: 'GET', url: '/directory/units', headers: bearer(token) });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    const other = await gw.token('jinxing.admin');
    expect((await gw.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(other) })).statusCode).toBe(200);
  });

  it('limits anonymous and public traffic per client IP, harder', async () => {
    // An address of this test's own, whatever the other tests spent from 127.0.0.1: three public tokens, then 429.
    const call = () => gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers', remoteAddress: '10.1.2.3' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call()).statusCode);
    expect(statuses).not.toContain(429);
    const limited = await call();
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const fromElsewhere = await gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers', remoteAddress: '10.9.8.7' });
    expect(fromElsewhere.statusCode).not.toBe(429);
  });

  it('counts IPv6 clients by their /64, whichever address in it they pick', async () => {
    const from = (remoteAddress: string) =>
      gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers', remoteAddress }).then((r) => r.statusCode);
    const statuses = [];
    for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:a:b:c:d']) statuses.push(await from(address));
    expect(statuses).not.toContain(429);
    expect(await from('2001:db8:1:2:ffff::9')).toBe(429);
    expect(await from('2001:db8:1:3::1')).not.toBe(429);
  });
});

describe('limits on the public ways in', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway({ RATE_LIMIT_PUBLIC_BURST: '3', RATE_LIMIT_PUBLIC_PER_MINUTE: '1' });
  });

  afterAll(() => gw?.stop());

  it('limits sign-in per client address, whatever token comes with it', async () => {
    const tokens = [await gw.token('district.admin'), await gw.token('district.auditor')];
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await gw.app.inject({
        method: 'POST',
        url: i === 3 ? '/%61uth/login' : '/auth/login',
        remoteAddress: '10.20.30.40',
        headers: bearer(tokens[i % 2]),
        payload: { username: `nobody-${i}`, password: 'whatever-password' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refresh = await gw.app.inject({
      method: 'POST',
      url: '/auth/refresh',
      remoteAddress: '10.20.30.40',
      headers: bearer(tokens[0]),
      payload: { refreshToken: 'bbr_not-a-real-one' },
    });
    expect(refresh.statusCode).toBe(429);
  });

  it("spends the client address's allowance on unknown API keys, and stops looking them up once it is gone", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const res = await gw.app.inject({
        method: 'GET',
        url: '/api/request/x',
        remoteAddress: '10.20.30.41',
        headers: { 'x-api-key': `bbk_${'x'.repeat(30)}${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('lets a key it found valid lately through from an address that spent its allowance, and no key it has not', async () => {
    // Known active from earlier on: a unit's move makes the gateway keep no key found for a while.
    await gw.ds.query(`INSERT INTO merchant_unit (unit_id, org_path, status, changed_at) VALUES ($1, $2, 'active', now())`, [
      'm-glazier-hu',
      JINCHENG,
    ]);
    const used = await issueKey(gw, 'm-glazier-hu', JINCHENG);
    const unused = await issueKey(gw, 'm-glazier-hu', JINCHENG);
    const call = (key: string) =>
      gw.app.inject({ method: 'GET', url: '/api/request/x', remoteAddress: '10.20.30.42', headers: { 'x-api-key': key } });
    await waitFor(async () => (await call(used.key)).statusCode !== 401, { what: 'the unit to be known active' });
    const spent = [];
    for (let i = 0; i < 4; i++) spent.push((await call(`bbk_${'y'.repeat(30)}${i}`)).statusCode);
    expect(spent.at(-1)).toBe(429);
    expect((await call(used.key)).statusCode).not.toBe(429);
    expect((await call(unused.key)).statusCode).toBe(429);
  });
});
