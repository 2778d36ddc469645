import { ApiKeyIssued, ApiKeyRevoked, createEvent, toKafkaRecord } from '@bangbang/contracts';
import { testKafka, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Echo, startEchoUpstream } from '../../test/echo-upstream';
import { bearer, startGateway, TestGateway } from '../../test/gateway-harness';

async function publish(topic: string, event: ReturnType<typeof createEvent>) {
  const producer = testKafka().producer();
  await producer.connect();
  const record = toKafkaRecord(event);
  await producer.send({ topic, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
  await producer.disconnect();
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
    const audited = await waitFor(async () => (await gw.ds.query(`SELECT * FROM audit_record WHERE correlation_id = 'corr-proxied-change'`))[0]);
    expect(audited).toMatchObject({ action: 'proxy.post', resource_type: 'request', resource_id: '/api/request/echo', status: 201, actor_role: 'street_admin' });
  });

  it('refuses unauthenticated and badly authenticated calls at the edge', async () => {
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/echo' })).statusCode).toBe(401);
    const tampered = (await gw.token('jincheng.admin')).slice(0, -4) + 'AAAA';
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: bearer(tampered) })).statusCode).toBe(401);
  });

  it('lets public routes through without a token', async () => {
    // No service behind this route yet: the gate lets it pass, and the proxy reports the upstream's absence.
    const res = await gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers' });
    expect(res.statusCode).toBe(502);
  });

  it('caps the body at the limit with 413, on proxied and own routes', async () => {
    const big = 'x'.repeat(3_000);
    const token = await gw.token('jincheng.admin');
    const proxied = await gw.app.inject({ method: 'POST', url: '/api/request/echo', headers: bearer(token), payload: { big } });
    expect(proxied.statusCode).toBe(413);
    const own = await gw.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'x', password: big } });
    expect(own.statusCode).toBe(413);
  });

  it('answers 504 when the upstream is too slow and 502 when it is down', async () => {
    const token = await gw.token('jincheng.admin');
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/slow', headers: bearer(token) })).statusCode).toBe(504);
    expect((await gw.app.inject({ method: 'GET', url: '/api/dispatch/jobs/x', headers: bearer(token) })).statusCode).toBe(502);
    expect((await gw.app.inject({ method: 'GET', url: '/api/nosuch/x', headers: bearer(token) })).statusCode).toBe(404);
  });

  it('exchanges a merchant API key for a merchant token, until the key is revoked', async () => {
    const key = `bbk_${randomUUID().replaceAll('-', '')}`;
    const keyId = randomUUID();
    const topic = `${gw.prefix}bangbang.merchant`;
    await publish(topic, createEvent(ApiKeyIssued.source, {
      type: ApiKeyIssued.type,
      subject: keyId,
      data: {
        keyId,
        unitId: 'm-plumber-wang',
        orgPath: '/nanchang/jinxing/jincheng/',
        prefix: key.slice(0, 8),
        keyHash: createHash('sha256').update(key).digest('hex'),
        issuedAt: new Date().toISOString(),
      },
    }));
    const call = () => gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': key } });
    const echo = await waitFor(
      async () => {
        const res = await call();
        return res.statusCode === 200 ? (res.json() as Echo) : undefined;
      },
      { what: 'the key to be known' },
    );
    expect(echo.principal).toEqual({
      id: 'm-plumber-wang',
      kind: 'merchant',
      role: 'merchant',
      org: 'jincheng',
      orgPath: '/nanchang/jinxing/jincheng/',
      name: 'm-plumber-wang',
      credential: keyId,
      scopes: ['jobs'],
    });
    expect(echo.headers['x-api-key']).toBeUndefined();

    await publish(topic, createEvent(ApiKeyRevoked.source, {
      type: ApiKeyRevoked.type,
      subject: keyId,
      data: { keyId, unitId: 'm-plumber-wang', revokedAt: new Date().toISOString() },
    }));
    await waitFor(async () => (await call()).statusCode === 401, { what: 'the revoked key to be refused' });
    expect((await gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': 'bbk_guessedguessedguessed' } })).statusCode).toBe(401);
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
    // Two logins above spent two of the three public tokens of 127.0.0.1.
    const res = await gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers' });
    expect(res.statusCode).not.toBe(429);
    const limited = await gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    const fromElsewhere = await gw.app.inject({ method: 'GET', url: '/api/merchant/public/providers', remoteAddress: '10.9.8.7' });
    expect(fromElsewhere.statusCode).not.toBe(429);
  });
});
