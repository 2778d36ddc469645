import { createTestDatabase, TestDatabase, waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { BackgroundLoop } from './background-loop';
import { PgListener } from './pg-listener';

describe('BackgroundLoop woken by pg_notify', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  it('runs a pass when the channel is notified, long before its poll', async () => {
    let passes = 0;
    const loop = new BackgroundLoop({
      name: 'notify-test',
      everyMs: 60_000,
      listen: { url: db.url, channel: 'notify_test' },
      pass: async () => void (passes += 1),
    });
    await loop.start();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`SELECT pg_notify('notify_test', '')`);
      await waitFor(async () => passes === 1, { what: 'a pass after the notification', timeoutMs: 10_000 });
    } finally {
      await client.end();
      await loop.stop();
    }
    expect(passes).toBe(1);
  });
});

describe('PgListener: one LISTEN connection per process', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const listeners = async () =>
    (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows[0].n;

  it('shares one connection between loops, and wakes them again after it was cut', async () => {
    const passes = { a: 0, b: 0 };
    const loop = (name: 'a' | 'b') =>
      new BackgroundLoop({
        name: `listener-${name}`,
        everyMs: 600_000,
        listen: { url: db.url, channel: `wake_${name}` },
        pass: async () => void (passes[name] += 1),
      });
    const [a, b] = [loop('a'), loop('b')];
    await Promise.all([a.start(), b.start()]);
    try {
      expect(await listeners()).toBe(1);
      await client.query(`SELECT pg_notify('wake_a', ''), pg_notify('wake_b', '')`);
      await waitFor(async () => passes.a === 1 && passes.b === 1, { what: 'a pass of each loop', timeoutMs: 10_000 });

      const listener = PgListener.for(db.url);
      await client.query('SELECT pg_terminate_backend($1)', [listener.backendPid]);
      // Back without a notification: what was sent while it was down may be lost, so each loop looks.
      await waitFor(async () => passes.a === 2 && passes.b === 2, {
        what: 'a pass of each loop after the reconnection',
        timeoutMs: 10_000,
      });
      expect(listener.connected).toBe(true);
      await client.query(`SELECT pg_notify('wake_b', '')`);
      await waitFor(async () => passes.b === 3, { what: 'a notification on the new connection', timeoutMs: 10_000 });
      expect(passes.a).toBe(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    await waitFor(async () => (await listeners()) === 0, { what: 'the last loop to close the connection', timeoutMs: 10_000 });
  });
});

describe('BackgroundLoop run by one instance at a time (single)', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db.drop());

  it('runs passes in one of two instances only, and the other takes over when the leader goes', async () => {
    const passes = [0, 0];
    const loops = [0, 1].map(
      (i) =>
        new BackgroundLoop({
          name: 'single-test',
          everyMs: 20,
          passAtStart: true,
          single: { url: db.url },
          pass: async () => void (passes[i] += 1),
        }),
    );
    try {
      for (const loop of loops) await loop.start();
      await waitFor(async () => passes[0] + passes[1] >= 20, { what: 'twenty passes', timeoutMs: 10_000 });
      const leader = passes[0] > 0 ? 0 : 1;
      const other = 1 - leader;
      expect(passes[other]).toBe(0);
      expect(loops[leader].leading).toBe(true);
      expect(loops[other].leading).toBe(false);

      await loops[leader].stop();
      await waitFor(async () => passes[other] >= 5, { what: 'the other instance taking over', timeoutMs: 10_000 });
      expect(loops[other].leading).toBe(true);
    } finally {
      for (const loop of loops) await loop.stop();
    }
  });

  it("hands over when the leader's session dies, as a killed process's does", async () => {
    const passes = [0, 0];
    const loops = [0, 1].map(
      (i) =>
        new BackgroundLoop({
          name: 'single-crash-test',
          // The first instance polls slowly, so the second's next poll comes first after the kill.
          everyMs: i === 0 ? 5_000 : 20,
          passAtStart: true,
          single: { url: db.url },
          pass: async () => void (passes[i] += 1),
        }),
    );
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await loops[0].start();
      await waitFor(async () => passes[0] >= 1, { what: 'the first instance leading', timeoutMs: 10_000 });
      await loops[1].start();
      await admin.query(
        `SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.database =
           (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      await waitFor(async () => passes[1] >= 3, { what: 'the second instance taking over', timeoutMs: 10_000 });
      expect(loops[1].leading).toBe(true);
    } finally {
      await admin.end();
      for (const loop of loops) await loop.stop();
    }
  });
});
