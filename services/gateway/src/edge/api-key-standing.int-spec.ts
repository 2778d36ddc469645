import { ApiKeyIssued, createEvent, toKafkaRecord, UnitStatusChanged, type PartnerUnitStatus } from '@bangbang/contracts';
import { groupLag, testKafka, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Echo, startEchoUpstream } from '../../test/echo-upstream';
import { startGateway, TestGateway } from '../../test/gateway-harness';
import { ApiKeys } from './api-keys';

const JINCHENG = '/nanchang/jinxing/jincheng/';

/** Merchant API keys at the edge: each key's own identity and scopes, and its unit's standing. */
describe('merchant API keys: scopes and suspension', () => {
  let gw: TestGateway;
  let upstream: NestFastifyApplication;
  const producer = testKafka().producer();

  beforeAll(async () => {
    const echo = await startEchoUpstream();
    upstream = echo.app;
    // Keys found valid are kept for the whole suite, so only a unit's change drops them.
    gw = await startGateway({ REQUEST_URL: echo.url, API_KEY_CACHE_SECONDS: '300' });
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    echo.trustGateway(`${await gw.app.getUrl()}/.well-known/jwks.json`);
    await producer.connect();
  });

  afterAll(async () => {
    await producer.disconnect();
    await upstream?.close();
    await gw?.stop();
  });

  const publish = (event: ReturnType<typeof createEvent>) =>
    producer.send({ topic: `${gw.prefix}bangbang.merchant`, messages: [toKafkaRecord(event)] });

  const issue = async (unitId: string, scopes?: string[]) => {
    const key = `bbk_${randomUUID().replaceAll('-', '')}`;
    const keyId = randomUUID();
    const data = {
      keyId,
      unitId,
      orgPath: JINCHENG,
      prefix: key.slice(0, 8),
      keyHash: createHash('sha256').update(key).digest('hex'),
      issuedAt: new Date().toISOString(),
      ...(scopes ? { scopes } : {}),
    };
    await publish(createEvent(ApiKeyIssued.source, { type: ApiKeyIssued.type, subject: keyId, data }));
    return { key, keyId };
  };

  const status = (unitId: string, from: PartnerUnitStatus, to: PartnerUnitStatus, at = new Date()) =>
    publish(
      createEvent(UnitStatusChanged.source, {
        type: UnitStatusChanged.type,
        subject: unitId,
        data: { unitId, orgPath: JINCHENG, from, to, reason: `${to} by the street office`, by: 'admin-jinxing', at: at.toISOString() },
      }),
    );

  const call = (key: string) => gw.app.inject({ method: 'GET', url: '/api/request/echo', headers: { 'x-api-key': key } });
  const principalOf = (key: string) =>
    waitFor(
      async () => {
        const res = await call(key);
        return res.statusCode === 200 ? (res.json() as Echo).principal : undefined;
      },
      { what: 'the key to be known' },
    );

  it('names the key and its scopes in the token: jobs only unless issued with more, and a key issued before scopes gets jobs', async () => {
    const unitId = `m-${randomUUID()}`;
    await status(unitId, 'verified', 'active');
    const narrow = await issue(unitId, ['jobs']);
    const wide = await issue(unitId, ['jobs', 'manage']);
    const old = await issue(unitId);
    expect(await principalOf(narrow.key)).toMatchObject({ id: unitId, kind: 'merchant', credential: narrow.keyId, scopes: ['jobs'] });
    expect(await principalOf(wide.key)).toMatchObject({ id: unitId, credential: wide.keyId, scopes: ['jobs', 'manage'] });
    expect(await principalOf(old.key)).toMatchObject({ id: unitId, credential: old.keyId, scopes: ['jobs'] });
  });

  it("drops only the moved unit's keys, and keeps them again once the move back has committed", async () => {
    const apiKeys = gw.app.get(ApiKeys);
    // The consumer commits its offsets after a chunk's steps after commit have run.
    const applied = () =>
      waitFor(async () => (await groupLag(`${gw.prefix}gateway`, `${gw.prefix}bangbang.merchant`)) === 0, {
        what: 'the merchant facts to be applied',
      });
    const [moved, other] = [`m-${randomUUID()}`, `m-${randomUUID()}`];
    await status(moved, 'verified', 'active');
    await status(other, 'verified', 'active');
    const [movedKey, otherKey] = [(await issue(moved)).key, (await issue(other)).key];
    await principalOf(movedKey);
    await principalOf(otherKey);
    await applied();
    for (const key of [movedKey, otherKey]) {
      expect((await call(key)).statusCode).toBe(200);
      expect(apiKeys.knows(key)).toBe(true);
    }

    await status(moved, 'active', 'suspended');
    await waitFor(async () => (await call(movedKey)).statusCode === 401, { what: "the suspended unit's key to be refused" });
    expect(apiKeys.knows(movedKey)).toBe(false);
    expect(apiKeys.knows(otherKey)).toBe(true);

    await status(moved, 'suspended', 'active');
    await applied();
    expect((await call(movedKey)).statusCode).toBe(200);
    expect(apiKeys.knows(movedKey)).toBe(true);
  });

  it("refuses a suspended unit's keys at once, takes them back on reinstatement, and ignores an older status fact", async () => {
    const unitId = `m-${randomUUID()}`;
    await status(unitId, 'verified', 'active', new Date(Date.now() - 120_000));
    const { key } = await issue(unitId, ['jobs']);
    await principalOf(key);
    const suspendedAt = new Date();
    await status(unitId, 'active', 'suspended', suspendedAt);
    await waitFor(async () => (await call(key)).statusCode === 401, { what: "the suspended unit's key to be refused" });
    // Issued while suspended: refused as well.
    const later = await issue(unitId, ['jobs']);
    await status(unitId, 'verified', 'active', new Date(suspendedAt.getTime() - 60_000));
    await waitFor(async () => (await gw.ds.query('SELECT 1 FROM merchant_api_key WHERE key_id = $1', [later.keyId])).length > 0, {
      what: 'the later key',
    });
    expect((await call(later.key)).statusCode).toBe(401);
    expect((await call(key)).statusCode).toBe(401);

    await status(unitId, 'suspended', 'active', new Date(suspendedAt.getTime() + 1_000));
    expect(await principalOf(key)).toMatchObject({ id: unitId });
    expect((await call(later.key)).statusCode).toBe(200);
  });
});
