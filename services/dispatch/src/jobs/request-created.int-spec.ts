import { RequestCreated } from '@bangbang/contracts';
import { createTestDatabase, readTopic, serviceEnv, startTestApp, TestDatabase, uniqueId, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { requestService } from '../../../request/src/request.service-definition';
import { dispatchService } from '../dispatch.service-definition';

describe('walking skeleton: request → Kafka → dispatch', () => {
  const prefix = `${uniqueId('t')}.`;
  let dbs: TestDatabase[] = [];
  let request: NestFastifyApplication;
  let dispatch: NestFastifyApplication;

  beforeAll(async () => {
    dbs = await Promise.all([createTestDatabase(), createTestDatabase()]);
    [request, dispatch] = await Promise.all([
      startTestApp(requestService, serviceEnv(dbs[0], prefix)),
      startTestApp(dispatchService, serviceEnv(dbs[1], prefix)),
    ]);
  });

  afterAll(async () => {
    await Promise.all([request?.close(), dispatch?.close()]);
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it('opens a dispatch job for a request created over HTTP, with the correlation id carried along', async () => {
    const created = await request.inject({
      method: 'POST',
      url: '/requests',
      headers: { 'x-correlation-id': 'call-20261125-0001' },
      payload: {
        communityId: 'jincheng',
        orgPath: '/nanchang/jinxing/jincheng/',
        categoryCode: 'water-electric-repair',
        urgency: 'utilities',
        feePolicy: 'free',
        description: 'No power in the kitchen',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['x-correlation-id']).toBe('call-20261125-0001');
    const { id, number } = created.json();

    const job = await waitFor(
      async () => {
        const res = await dispatch.inject({ method: 'GET', url: `/jobs/${id}` });
        return res.statusCode === 200 && res.json();
      },
      { what: 'the dispatch job' },
    );
    expect(job).toMatchObject({ requestId: id, requestNumber: number, communityId: 'jincheng', state: 'open' });

    const [message] = await readTopic(`${prefix}${RequestCreated.topic}`, 1);
    expect(message.key).toBe(id);
    expect(message.headers).toMatchObject({ ce_type: RequestCreated.type, ce_correlationid: 'call-20261125-0001' });
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    const res = await request.inject({
      method: 'POST',
      url: '/requests',
      payload: { communityId: 'jincheng', categoryCode: 'pipe-unclogging', urgency: 'someday', feePolicy: 'free', description: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().message)).toContain('urgency');
    const [{ n }] = await request.get(DataSource).query('SELECT count(*)::int AS n FROM service_request');
    expect(n).toBe(1);
  });

  it('exposes what it consumed on /metrics', async () => {
    const res = await dispatch.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/bangbang_events_consumed_total\{group="dispatch",topic="bangbang.request",outcome="applied"\} 1/);
  });

  it('reports ready only when its database and Kafka answer', async () => {
    const res = await dispatch.inject({ method: 'GET', url: '/health/ready' });
    expect(res.json()).toEqual({ status: 'ok', database: true, kafka: true });
  });
});
