import { createTestDatabase, TestDatabase, waitFor } from '@bangbang/testing';
import { Client } from 'pg';
import { BackgroundLoop } from './background-loop';

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
