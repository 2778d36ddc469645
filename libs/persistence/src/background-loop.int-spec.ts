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
