import { createTestDatabase, serviceEnv, startTestApp, TestDatabase, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestHarness, startRequestService } from '../../../request/test/harness';
import { dispatchService } from '../dispatch.service-definition';

describe('walking skeleton: request → Kafka → dispatch', () => {
  let request: RequestHarness;
  let db: TestDatabase;
  let dispatch: NestFastifyApplication;
  let householdId: string;

  beforeAll(async () => {
    [request, db] = await Promise.all([startRequestService(), createTestDatabase()]);
    dispatch = await startTestApp(dispatchService, serviceEnv(db, request.prefix, request.issuerEnv));
    householdId = (await request.household('jincheng', ['13812345678'])).id;
  });

  afterAll(async () => {
    await Promise.all([request?.stop(), dispatch?.close()]);
    await db?.drop();
  });

  it('opens a dispatch job for a request created over HTTP, with the correlation id carried along', async () => {
    const created = await request.call(
      'agent',
      'POST',
      '/requests',
      { householdId, categoryCode: 'water-electric-repair', description: 'No power in the kitchen' },
      { 'x-correlation-id': 'call-20261125-0001' },
    );
    expect(created.statusCode).toBe(201);
    expect(created.headers['x-correlation-id']).toBe('call-20261125-0001');
    const { id, number } = created.json();

    const job = await waitFor(
      async () => {
        const res = await dispatch.inject({ method: 'GET', url: `/jobs/${id}`, headers: await request.as('agent') });
        return res.statusCode === 200 && res.json();
      },
      { what: 'the dispatch job' },
    );
    expect(job).toMatchObject({ requestId: id, requestNumber: number, communityId: 'jincheng', orgPath: '/nanchang/jinxing/jincheng/' });
  });

  it('exposes what it consumed on /metrics', async () => {
    const res = await dispatch.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/bangbang_events_consumed_total\{group="dispatch",topic="bangbang.request",outcome="applied"\} 1/);
  });

  it('reports ready with its database, and says how Kafka and its consumer are doing', async () => {
    const res = await dispatch.inject({ method: 'GET', url: '/health/ready' });
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: true,
      kafka: true,
      consumers: [{ group: expect.stringMatching(/dispatch$/), state: 'consuming' }],
    });
  });
});
