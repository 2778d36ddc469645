import { createServiceApp } from '@bangbang/platform';
import { createTestDatabase, freePort, serviceEnv, TestDatabase, uniqueId, waitFor } from '@bangbang/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { pingService } from './ping.app';

describe('a service whose broker cannot be reached', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Nothing listens there: every connection to "the broker" is refused.
    const env = serviceEnv(db, `${uniqueId('t')}.`, { KAFKA_BROKERS: `127.0.0.1:${await freePort()}` });
    app = await createServiceApp(pingService, {
      env,
      onConsumerCrash: (err) => {
        throw err;
      },
    });
    await app.init();
    await app.startAllMicroservices();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('is ready for HTTP, takes writes into its outbox, reports the bus and the consumer as down, and stops promptly', async () => {
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', database: true, kafka: false, consumers: [{ group: 'pingtest', lag: null }] });
    expect(['starting', 'crashed']).toContain(ready.json().consumers[0].state);
    expect((await app.inject({ method: 'GET', url: '/health/consumers' })).statusCode).toBe(503);

    const created = await app.inject({ method: 'POST', url: '/pings' });
    expect(created.statusCode).toBe(201);
    const ds = app.get(DataSource);
    expect(await ds.query('SELECT sent_at FROM outbox WHERE id = $1', [created.json().id])).toEqual([{ sent_at: null }]);

    await waitFor(async () => (await app.inject({ method: 'GET', url: '/health/ready' })).json().consumers[0].state === 'crashed', {
      timeoutMs: 60_000,
      what: 'the consumer to give up a first time and wait to start again',
    });
    await app.close();
    expect(ds.isInitialized).toBe(false);
  });
});
