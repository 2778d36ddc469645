import { createEvent, RequestCreated, RequestCreatedV1, toKafkaRecord } from '@bangbang/contracts';
import { createTestDatabase, freePort, serviceEnv, startTestApp, TestDatabase, testKafka, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RunningReceiver, startMerchantReceiver } from '../../../../deploy/examples/merchant-receiver/receiver';
import { dispatchService } from '../../../dispatch/src/dispatch.service-definition';
import { bearer, startGateway, TestGateway } from '../../../gateway/test/gateway-harness';
import { merchantService } from '../merchant.service-definition';
import { FAST_WEBHOOKS, JINCHENG, serviceHours } from '../../test/merchant-harness';

/**
 * The done-when of issue 6: a partner unit in the demo district, set up by its community admin
 * through the gateway, takes an offer by webhook and accepts it through the API with its key.
 */
describe('sample merchant receiver, end to end through the gateway', () => {
  let gw: TestGateway;
  let merchantApp: NestFastifyApplication;
  let dispatchApp: NestFastifyApplication;
  let dbs: TestDatabase[] = [];
  let receiver: RunningReceiver | undefined;
  let gatewayUrl: string;
  let prefix: string;

  beforeAll(async () => {
    const [gwPort, merchantPort, dispatchPort] = [await freePort(), await freePort(), await freePort()];
    prefix = `e2e_${randomUUID().slice(0, 8)}.`;
    gatewayUrl = `http://127.0.0.1:${gwPort}`;
    const auth = { AUTH_JWKS_URL: `${gatewayUrl}/.well-known/jwks.json` };
    gw = await startGateway({
      KAFKA_TOPIC_PREFIX: prefix,
      MERCHANT_URL: `http://127.0.0.1:${merchantPort}`,
      DISPATCH_URL: `http://127.0.0.1:${dispatchPort}`,
    });
    await gw.app.listen({ port: gwPort, host: '127.0.0.1' });
    dbs = await Promise.all([createTestDatabase(), createTestDatabase()]);
    [merchantApp, dispatchApp] = await Promise.all([
      startTestApp(merchantService, serviceEnv(dbs[0], prefix, { ...auth, ...FAST_WEBHOOKS })),
      startTestApp(dispatchService, serviceEnv(dbs[1], prefix, auth)),
    ]);
    await Promise.all([
      merchantApp.listen({ port: merchantPort, host: '127.0.0.1' }),
      dispatchApp.listen({ port: dispatchPort, host: '127.0.0.1' }),
    ]);
  });

  afterAll(async () => {
    await receiver?.close();
    await Promise.all([merchantApp?.close(), dispatchApp?.close()]);
    await gw?.stop();
    await Promise.all(dbs.map((d) => d.drop()));
  });

  // Loosely typed JSON answers: the assertions check their shape.
  const api = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: object,
  ): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${gatewayUrl}${path}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };

  it('takes an offer by webhook and accepts it through the API with its key', async () => {
    const admin = bearer(await gw.token('jincheng.admin'));
    const applied = await api('POST', '/api/merchant/units', admin, {
      orgPath: JINCHENG,
      kind: 'merchant',
      legalName: '无锡金城水电维修部',
      displayName: 'Jincheng Water & Power',
      licenceNo: '92320213MA1XXXXX1',
      contactName: '王师傅',
      contactPhone: '13812345678',
      serviceHours: { ...serviceHours, always: true },
      maxConcurrentJobs: 3,
      takesFreeJobs: true,
      reason: 'applied at the community office',
    });
    expect(applied.status).toBe(201);
    const unitId = applied.body.id as string;
    for (const to of ['verified', 'active'])
      expect((await api('POST', `/api/merchant/units/${unitId}/status`, admin, { to, reason: 'site visit done' })).status).toBe(201);
    // This key sets up the integration (price list, webhook), so it is issued with the manage scope.
    const { apiKey } = (await api('POST', `/api/merchant/units/${unitId}/api-keys`, admin, { scopes: ['manage'] })).body;
    const asUnit = { 'x-api-key': apiKey };
    // The gateway learns the key from api-key-issued.v1.
    await waitFor(async () => (await api('GET', '/api/merchant/me', asUnit)).status === 200, { what: 'the gateway to know the key' });
    expect(
      (
        await api('PUT', '/api/merchant/me/offerings/water-electric-repair', asUnit, {
          description: 'taps and sockets',
          priceMinFen: 2_000,
          priceMaxFen: 6_000,
        })
      ).status,
    ).toBe(200);
    // A category the unit adds itself counts once an admin of its community approves it.
    const review = { reason: 'electrician licence seen' };
    expect((await api('POST', `/api/merchant/units/${unitId}/offerings/water-electric-repair/approve`, admin, review)).status).toBe(201);

    const port = await freePort();
    const registered = await api('POST', '/api/merchant/me/webhooks', asUnit, { url: `http://127.0.0.1:${port}/webhooks` });
    expect(registered.status).toBe(201);
    receiver = await startMerchantReceiver({ secret: registered.body.secret, apiUrl: gatewayUrl, apiKey, port, log: () => undefined });

    // Dispatch learns the unit (active, its category) from provider-profile.v1.
    const dispatchDb = dispatchApp.get(DataSource);
    await waitFor(
      async () =>
        (
          await dispatchDb.query(
            `SELECT 1 FROM dispatch_provider WHERE provider_id = $1 AND active AND 'water-electric-repair' = ANY (categories)`,
            [unitId],
          )
        ).length > 0,
      {
        what: 'dispatch to know the unit',
      },
    );

    const now = Date.now();
    const request: RequestCreatedV1 = {
      requestId: randomUUID(),
      number: 'R-20261125-0001',
      communityId: 'jincheng',
      orgPath: JINCHENG,
      categoryCode: 'water-electric-repair',
      kind: 'home_service',
      urgency: 'utilities',
      feePolicy: 'low_cost',
      responseDueAt: new Date(now + 4 * 3_600_000).toISOString(),
      resolutionDueAt: new Date(now + 24 * 3_600_000).toISOString(),
      summary: 'No power in the kitchen',
      receivedAt: new Date(now).toISOString(),
    };
    const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const created = createEvent(RequestCreated.source, { type: RequestCreated.type, subject: request.requestId, data: request });
    await producer
      .send({ topic: `${prefix}${RequestCreated.topic}`, acks: -1, messages: [toKafkaRecord(created)] })
      .finally(() => producer.disconnect());

    const [answer] = await waitFor(async () => receiver!.accepted.length > 0 && receiver!.accepted, {
      what: 'the receiver to accept the offer',
    });
    expect(answer.status).toBe(200);
    const offered = receiver.messages.find((m) => m.type === 'job.offered')!;
    expect(offered.data).toMatchObject({
      offerId: answer.offerId,
      requestId: request.requestId,
      categoryCode: 'water-electric-repair',
      feePolicy: 'low_cost',
    });
    const [job] = await dispatchDb.query('SELECT state, provider_id FROM dispatch_job WHERE request_id = $1', [request.requestId]);
    expect(job).toEqual({ state: 'assigned', provider_id: unitId });

    const assigned = await waitFor(async () => receiver!.messages.find((m) => m.type === 'job.assigned'), {
      what: 'the job.assigned webhook',
    });
    expect(assigned.data).toMatchObject({ requestId: request.requestId, assignedByStaff: false });
    const mine = await api('GET', `/api/merchant/me/jobs/${request.requestId}`, asUnit);
    expect(mine.body).toMatchObject({ holding: true, feePolicy: 'low_cost' });
    const deliveries = (await api('GET', '/api/merchant/me/webhooks/deliveries', asUnit)).body;
    expect(deliveries.map((d: { eventType: string; status: string }) => [d.eventType, d.status]).sort()).toEqual([
      ['job.assigned', 'delivered'],
      ['job.offered', 'delivered'],
    ]);
  });
});
