import { dataSourceOptions } from '@bangbang/persistence';
import { createServiceApp, DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from '@bangbang/platform';
import { createTestDatabase, TestDatabase, waitFor } from '@bangbang/testing';
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, HttpException, Module, UseFilters } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

let ds: DataSource;

@Controller('rows')
class RowsController {
  @Get()
  async count(): Promise<{ n: number }> {
    return (await ds.query('SELECT count(*)::int AS n FROM row_')).at(0);
  }

  /** The error PostgreSQL gives the transaction it undoes to break a deadlock. */
  @Get('conflict')
  async conflict(): Promise<void> {
    await ds.query(`DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected'; END $$`);
  }

  /** A statement long enough to be cut while it runs. */
  @Get('slow')
  async slow(): Promise<void> {
    await ds.query('SELECT pg_sleep(30)');
  }
}

/** A feature's own error format (Open311's): it is handed the 503, and the Retry-After stays. */
@Catch()
class FeatureFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const status = error instanceof HttpException ? error.getStatus() : 599;
    host
      .switchToHttp()
      .getResponse<{ code(n: number): { send(b: unknown): void } }>()
      .code(status)
      .send([{ code: status }]);
  }
}

@Controller('feature')
@UseFilters(FeatureFilter)
class FeatureController {
  @Get()
  async take(): Promise<void> {
    await ds.query('SELECT 1');
  }
}

@Module({ controllers: [RowsController, FeatureController] })
class RowsModule {}

describe('a database out of reach, or a lost lock conflict, answers 503 with Retry-After, never 500', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A pool of one, as a service's pool looks when every connection is busy.
    ds = await new DataSource(dataSourceOptions({ url: db.url, entities: [], migrations: [], poolSize: 1, poolWaitMs: 300 })).initialize();
    await ds.query('CREATE TABLE row_ (id serial PRIMARY KEY)');
    app = await createServiceApp(
      { name: 'rows', defaultPort: 0, consumesEvents: false, module: () => ({ module: RowsModule }) },
      { env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal' } },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  const unavailable = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe(String(DATABASE_RETRY_AFTER_S));
  };

  it('answers 503 with Retry-After and a clear body while the pool has no free connection', async () => {
    const held = ds.createQueryRunner();
    await held.connect();
    try {
      const res = await app.inject({ method: 'GET', url: '/rows' });
      unavailable(res);
      expect(res.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `database unavailable; nothing was changed, try again in ${DATABASE_RETRY_AFTER_S} s`,
      });
      const featured = await app.inject({ method: 'GET', url: '/feature' });
      unavailable(featured);
      expect(featured.json()).toEqual([{ code: 503 }]);
    } finally {
      await held.release();
    }
    expect((await app.inject({ method: 'GET', url: '/rows' })).json()).toEqual({ n: 0 });
  });

  it('answers 503 when its connections are cut (pg_terminate_backend), and serves again without a restart', async () => {
    const slow = app.inject({ method: 'GET', url: '/rows/slow' });
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await waitFor(
        async () =>
          (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'`))
            .rowCount === 1,
        { what: 'the slow statement to run' },
      );
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
    } finally {
      await admin.end();
    }
    const res = await slow;
    unavailable(res);
    expect(res.json().message).toMatch(/^database unavailable/);
    // pg hands a cut connection back to the pool until the socket's end reaches it, and a loaded
    // machine may take longer than the pool's wait to open a new one: a call or two in between may
    // answer 503 as well (never anything else), and then the service serves without a restart.
    const between: Array<Awaited<ReturnType<typeof app.inject>>> = [];
    await waitFor(
      async () => {
        const next = await app.inject({ method: 'GET', url: '/rows' });
        if (next.statusCode === 200) return true;
        between.push(next);
        return false;
      },
      { what: 'a call to be served after the cut', timeoutMs: 10_000 },
    );
    between.forEach(unavailable);
  });

  it('answers 503 with Retry-After when the call lost a lock conflict and was undone', async () => {
    const res = await app.inject({ method: 'GET', url: '/rows/conflict' });
    unavailable(res);
    expect(res.json().message).toBe(
      `the change met a concurrent one and was undone; nothing was changed, try again in ${DATABASE_RETRY_AFTER_S} s`,
    );
  });

  it('tells an unreachable server and a cut connection from a wrong query', async () => {
    const unreachable = await new Client({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }).connect().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(unreachable)).toBe(true);
    expect(isDatabaseUnavailable(await ds.query('SELECT 1/0').catch((e: unknown) => e))).toBe(false);
  });
});
